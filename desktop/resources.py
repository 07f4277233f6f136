"""Felt's own files (resources/: the icon, and what else the app draws from files),
found in one place from a clone and inside the installed bundle alike."""

from __future__ import annotations

import sys
from pathlib import Path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # the PNGs made (hicolor's sizes)


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
