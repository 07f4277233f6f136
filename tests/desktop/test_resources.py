"""Felt's own files, found from a clone as the bundle finds them (`desktop.resources`):
the icon as SVG and at every size the desktop entry names, each the size it says; every
card, the felt and the chips; and all of them exactly what resources/make_art.py makes."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from desktop import resources

MADE = ("icon", "cards", "table", "sounds")  # (translations/: `make translations`)


def test_the_icon_is_there_at_every_size(qapp):
    assert resources.icon().read_text().startswith("<svg")
    for size in resources.ICON_SIZES:
        image = QImage(str(resources.icon(size)))
        assert (image.width(), image.height()) == (size, size), size


def test_every_card_the_felt_and_the_chips_are_drawable(qapp):
    names = [f"{rank}{suit}" for rank in resources.RANKS for suit in resources.SUITS]
    files = [resources.card(n, four) for n in names for four in (False, True)]
    files += [resources.card(None), resources.table("felt"), resources.table("chips")]
    assert len(set(files)) == 2 * 52 + 3
    for path in files:
        renderer = QSvgRenderer(str(path))
        assert renderer.isValid(), path


def test_a_four_colour_face_differs_from_its_two_colour_one_only_for_clubs_and_diamonds():
    for suit, differs in (("s", False), ("h", False), ("c", True), ("d", True)):
        two, four = (resources.card(f"K{suit}", f).read_text() for f in (False, True))
        assert (two != four) is differs, suit


def test_the_files_are_what_make_art_makes(tmp_path):
    """Edited by hand, or the script changed without running it: this fails."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(
        [sys.executable, str(resources.folder() / "make_art.py"), str(tmp_path)],
        env=env, check=True, timeout=120, capture_output=True,
    )  # fmt: skip
    made = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    kept = sorted(
        p.relative_to(resources.folder())
        for p in resources.folder().rglob("*")
        if p.is_file() and p.relative_to(resources.folder()).parts[0] in MADE
    )
    assert made == kept
    changed = [
        str(p) for p in made if (tmp_path / p).read_bytes() != (resources.folder() / p).read_bytes()
    ]
    assert not changed, changed
