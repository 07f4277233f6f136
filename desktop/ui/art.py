"""Felt's art (resources/: the cards, the felt, the chips) drawn with Qt's SVG renderer:
vector, crisp at any size, each file read once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgRenderer


@cache
def renderer(path: Path) -> QSvgRenderer:
    return QSvgRenderer(str(path))


def draw(painter: QPainter, path: Path, rect: QRectF) -> None:
    renderer(path).render(painter, rect)
