"""Felt's own files, found from a clone as the bundle finds them (`desktop.resources`):
the icon as SVG and at every size the desktop entry names, each the size it says."""

from __future__ import annotations

from PySide6.QtGui import QImage

from desktop import resources


def test_the_icon_is_there_at_every_size(qapp):
    assert resources.icon().read_text().startswith("<svg")
    for size in resources.ICON_SIZES:
        image = QImage(str(resources.icon(size)))
        assert (image.width(), image.height()) == (size, size), size
