"""Felt's own files (resources/: the icon, the cards, the felt and the chips, the
sounds; resources/make_art.py makes them), found in one place from a clone and
inside the installed bundle alike."""

from __future__ import annotations

import sys
from pathlib import Path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # the PNGs made (hicolor's sizes)
RANKS = "23456789TJQKA"
SUITS = "shdc"
SOUNDS = ("turn", "check", "bet", "fold", "win", "blinds")


def folder() -> Path:
    """resources/: beside the packages in a clone; in the bundle's own folder once
    frozen (PyInstaller unpacks data files under `sys._MEIPASS`)."""
    frozen = getattr(sys, "_MEIPASS", None)
    root = Path(frozen) if frozen else Path(__file__).resolve().parents[1]
    return root / "resources"


def icon(size: int | None = None) -> Path:
    """The app icon: the SVG, or the PNG of `size` pixels."""
    name = "felt.svg" if size is None else f"felt-{size}.png"
    return folder() / "icon" / name


def card(name: str | None, four_colour: bool = False) -> Path:
    """A face's SVG ("Ah": rank then suit), or the back's with None."""
    if name is None:
        return folder() / "cards" / "back.svg"
    scheme = ("four-colour",) if four_colour else ()
    return folder().joinpath("cards", *scheme, f"{name}.svg")


def table(name: str) -> Path:
    """The table's art: "felt" (with its rail) or "chips"."""
    return folder() / "table" / f"{name}.svg"


def sound(name: str) -> Path:
    return folder() / "sounds" / f"{name}.wav"
