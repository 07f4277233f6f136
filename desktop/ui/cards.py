"""Playing cards, from the SVG files in resources/cards (two- or four-colour faces, and
the back), dimmed for a folded hand."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from desktop import resources
from desktop.ui import art

CARD_RATIO = 1.4  # height / width, as the files are drawn (100 x 140)


def paint_card(
    painter: QPainter,
    rect: QRectF,
    card: str | None,
    *,
    four_colour: bool = False,
    dim: bool = False,
) -> None:
    """A face (`card` like "Ah") or, with None, the back."""
    art.draw(painter, resources.card(card, four_colour), rect)
    if dim:
        painter.save()
        radius = rect.width() * 0.1
        path = QPainterPath()
        path.addRoundedRect(rect, radius, radius)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 120))
        painter.drawPath(path)
        painter.restore()


def paint_board(
    painter: QPainter, first: QRectF, gap: float, cards: Sequence[str], *, four_colour: bool
) -> None:
    """Five places from `first` rightwards: the cards dealt, dashed outlines for the rest."""
    for i in range(5):
        rect = first.translated(i * (first.width() + gap), 0)
        if i < len(cards):
            paint_card(painter, rect, cards[i], four_colour=four_colour)
        else:
            painter.setPen(QPen(QColor(255, 255, 255, 45), 1.5, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, first.width() * 0.1, first.width() * 0.1)
