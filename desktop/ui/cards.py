"""Playing cards drawn with QPainter: vector, crisp at any size, two- or four-colour."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QLinearGradient, QPainter, QPainterPath, QPen

SUIT_SYMBOLS = {"s": "♠", "h": "♥", "d": "♦", "c": "♣"}
TWO_COLOURS = {
    "s": QColor("#1b1b1b"),
    "c": QColor("#1b1b1b"),
    "h": QColor("#c8102e"),
    "d": QColor("#c8102e"),
}
FOUR_COLOURS = {
    "s": QColor("#1b1b1b"),
    "c": QColor("#1d7a30"),
    "h": QColor("#c8102e"),
    "d": QColor("#1f4fbf"),
}
CARD_RATIO = 1.4  # height / width


def paint_card(
    painter: QPainter,
    rect: QRectF,
    card: str | None,
    *,
    four_colour: bool = False,
    dim: bool = False,
) -> None:
    """A face (`card` like "Ah") or, with None, the back."""
    painter.save()
    radius = rect.width() * 0.1
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    painter.setPen(QPen(QColor(0, 0, 0, 90), max(1.0, rect.width() * 0.02)))
    if card is None:
        gradient = QLinearGradient(rect.topLeft(), rect.bottomRight())
        gradient.setColorAt(0, QColor("#7a1422"))
        gradient.setColorAt(1, QColor("#b52a3a"))
        painter.setBrush(QBrush(gradient))
        painter.drawPath(path)
        inner = rect.adjusted(
            rect.width() * 0.1, rect.width() * 0.1, -rect.width() * 0.1, -rect.width() * 0.1
        )
        painter.setPen(QPen(QColor(255, 255, 255, 110), max(1.0, rect.width() * 0.025)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(inner, radius * 0.6, radius * 0.6)
        painter.setClipRect(inner)
        step = rect.width() / 6
        x = inner.left() - inner.height()
        while x < inner.right():
            painter.drawLine(QPointF(x, inner.bottom()), QPointF(x + inner.height(), inner.top()))
            x += step
    else:
        painter.setBrush(QColor("#fbfbf8"))
        painter.drawPath(path)
        colour = (FOUR_COLOURS if four_colour else TWO_COLOURS)[card[1]]
        rank = "10" if card[0] == "T" else card[0]
        painter.setPen(colour)
        font = QFont("DejaVu Sans")
        font.setBold(True)
        font.setPixelSize(max(6, int(rect.height() * 0.3)))
        painter.setFont(font)
        corner = QRectF(
            rect.left() + rect.width() * 0.07,
            rect.top() + rect.height() * 0.03,
            rect.width() * 0.6,
            rect.height() * 0.32,
        )
        painter.drawText(corner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, rank)
        font.setPixelSize(max(6, int(rect.height() * 0.5)))
        painter.setFont(font)
        pip = QRectF(
            rect.left(), rect.top() + rect.height() * 0.32, rect.width(), rect.height() * 0.62
        )
        painter.drawText(pip, Qt.AlignmentFlag.AlignCenter, SUIT_SYMBOLS[card[1]])
    if dim:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 120))
        painter.drawPath(path)
    painter.restore()
