"""The table itself: an oval of felt with the seats around it, drawn with QPainter.

Everything scales with the widget. The viewer's own seat sits at the bottom, as
at a real table. It only reads the `TableModel`; clicks go out as signals.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QRadialGradient,
)
from PySide6.QtWidgets import QWidget

from desktop import resources
from desktop.model.state import SeatView
from desktop.model.table import TableModel
from desktop.ui import art
from desktop.ui.cards import CARD_RATIO, paint_board, paint_card
from desktop.ui.language import chips
from host_server.table.members import Role

STATUS_WORDS = {  # (translated as they are drawn)
    "folded": str(QT_TRANSLATE_NOOP("TableView", "Folded")),
    "all_in": str(QT_TRANSLATE_NOOP("TableView", "All-in")),
    "sitting_out": str(QT_TRANSLATE_NOOP("TableView", "Sitting out")),
    "disconnected": str(QT_TRANSLATE_NOOP("TableView", "Offline")),  # (its badge says so too)
    "leaving": str(QT_TRANSLATE_NOOP("TableView", "Leaving")),
}

CLOCK_COLOURS = ((0.5, "#56d364"), (0.2, "#f2c94c"), (-1.0, "#e5534b"))  # plenty .. hurry


class TableView(QWidget):
    seat_clicked = Signal(int)  # an empty seat: "take a seat"
    own_seat_clicked = Signal()  # one's own seat (sitting out: "I'm back")
    seat_menu = Signal(int, QPointF)  # right-click on an occupied seat (host: kick)

    def __init__(self, model: TableModel) -> None:
        super().__init__()
        self.model = model
        self.four_colour = False
        self.offline = False  # greyed, with a "Reconnecting..." banner
        self.ended: str | None = None  # the table is gone for good, and why (a banner)
        self.action_seconds = 30.0
        self.setMinimumSize(640, 420)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # a click on the felt: table keys again
        self._seat_rects: dict[int, QRectF] = {}
        self._deal = 1.0  # 0..1 while cards fly out to the seats
        self._deal_animation = QVariantAnimation(self, startValue=0.0, endValue=1.0, duration=350)
        self._deal_animation.valueChanged.connect(self._dealing)
        self._won: dict[int, int] = {}  # seat -> chips, sliding from the pot
        self._push = 1.0
        self._push_animation = QVariantAnimation(self, startValue=0.0, endValue=1.0, duration=600)
        self._push_animation.valueChanged.connect(self._pushing)
        self._clock = QTimer(self, interval=100)
        self._clock.timeout.connect(self.update)
        self._clock.start()

    def animate_deal(self) -> None:
        self._deal = 0.0
        self._deal_animation.stop()
        self._deal_animation.start()

    def _dealing(self, value: float) -> None:
        self._deal = float(value)
        self.update()

    def animate_win(self, won: dict[int, int]) -> None:
        """The pot slides over to the winners."""
        self._won = dict(won)
        self._push = 0.0
        self._push_animation.stop()
        self._push_animation.start()

    def _pushing(self, value: float) -> None:
        self._push = float(value)
        self.update()

    # --- geometry -------------------------------------------------------------

    def _scale(self) -> float:
        return max(0.5, min(self.width() / 1000, self.height() / 680))

    def _oval(self) -> QRectF:
        w, h = self.width(), self.height()
        return QRectF(w * 0.1, h * 0.14, w * 0.8, h * 0.64)

    def seat_centre(self, seat: int) -> QPointF:
        """Seats go clockwise around the oval; the viewer's own at the bottom."""
        count = max(2, self.model.seats_count)
        mine = self.model.my_seat or 1
        turn = ((seat - mine) % count) / count
        angle = math.pi / 2 + turn * 2 * math.pi
        oval = self._oval()
        return QPointF(
            oval.center().x() + oval.width() / 2 * 1.02 * math.cos(angle),
            oval.center().y() + oval.height() / 2 * 1.08 * math.sin(angle),
        )

    def seat_at(self, point: QPointF) -> int | None:
        for seat, rect in self._seat_rects.items():
            if rect.contains(point):
                return seat
        return None

    # --- input ----------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        seat = self.seat_at(event.position())
        if seat is None:
            return
        left = event.button() == Qt.MouseButton.LeftButton
        if left and seat not in self.model.seats:
            self.seat_clicked.emit(seat)
        elif left and seat == self.model.my_seat:
            self.own_seat_clicked.emit()
        elif event.button() == Qt.MouseButton.RightButton and seat in self.model.seats:
            self.seat_menu.emit(seat, event.globalPosition())

    # --- drawing --------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self._background(painter)
        self._felt(painter)
        self._middle(painter)
        self._seat_rects = {}
        for seat in range(1, self.model.seats_count + 1):
            self._seat(painter, seat)
        if self._push < 1.0:
            centre = self._oval().center()
            for seat, amount in self._won.items():
                target = self.seat_centre(seat)
                self._chips(painter, centre + (target - centre) * self._push, amount)
        if self.model.paused:
            self._banner(painter, "Paused by the host", QColor(30, 30, 30, 200))
        if self.ended is not None:
            painter.fillRect(self.rect(), QColor(20, 20, 20, 160))
            self._banner(painter, self.ended, QColor(139, 44, 44, 235), lines=3)
        elif self.offline:
            painter.fillRect(self.rect(), QColor(20, 20, 20, 140))
            self._banner(painter, "Reconnecting…", QColor(120, 60, 0, 220))
        painter.end()

    def _font(self, size: float, bold: bool = False) -> QFont:
        font = QFont("DejaVu Sans")
        font.setPixelSize(max(8, int(size * self._scale())))
        font.setBold(bold)
        return font

    def _background(self, painter: QPainter) -> None:
        gradient = QRadialGradient(
            QPointF(self.width() / 2, self.height() / 2), max(self.width(), self.height()) * 0.7
        )
        gradient.setColorAt(0, QColor("#2a2f3a"))
        gradient.setColorAt(1, QColor("#101217"))
        painter.fillRect(self.rect(), QBrush(gradient))

    def _felt(self, painter: QPainter) -> None:
        oval = self._oval()
        rail = oval.adjusted(
            -22 * self._scale(), -22 * self._scale(), 22 * self._scale(), 22 * self._scale()
        )
        art.draw(painter, resources.table("felt"), rail)
        painter.setPen(QColor(255, 255, 255, 40))
        painter.setFont(self._font(30, bold=True))
        painter.drawText(
            oval.adjusted(0, oval.height() * 0.62, 0, 0),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            "FELT",
        )

    def _card_size(self) -> tuple[float, float]:
        width = 46 * self._scale()
        return width, width * CARD_RATIO

    def _middle(self, painter: QPainter) -> None:
        model = self.model
        oval = self._oval()
        cw, ch = self._card_size()
        gap = cw * 0.12
        left = oval.center().x() - (5 * cw + 4 * gap) / 2
        top = oval.center().y() - ch / 2
        boards = [model.board, model.second_board] if model.second_board else [model.board]
        if len(boards) == 2:  # run twice: the first run above the second
            top -= ch * 0.56
        for n, board in enumerate(boards):
            first = QRectF(left, top + n * ch * 1.12, cw, ch)
            paint_board(painter, first, gap, board, four_colour=self.four_colour)
        painter.setPen(QColor("#f4e7b0"))
        painter.setFont(self._font(18, bold=True))
        text = self.tr("Pot {}").format(chips(model.pot_total)) if model.pot_total else ""
        side = [p.amount for p in model.pots[1:]]
        if side:
            text += "   " + "   ".join(self.tr("Side pot {}").format(chips(a)) for a in side)
        if not text and not model.street:
            stakes = f"{model.small_blind}/{model.big_blind}"
            text = self.tr("{} · blinds {}").format(model.name, stakes)
            if model.ante:
                text += self.tr(", ante {}").format(model.ante)
        painter.drawText(
            QRectF(oval.left(), top - 34 * self._scale(), oval.width(), 28 * self._scale()),
            Qt.AlignmentFlag.AlignCenter,
            text,
        )

    def _seat(self, painter: QPainter, seat: int) -> None:
        s = self._scale()
        centre = self.seat_centre(seat)
        plate = QRectF(centre.x() - 75 * s, centre.y() - 28 * s, 150 * s, 56 * s)
        self._seat_rects[seat] = plate
        view = self.model.seats.get(seat)
        if view is None:
            self._empty_seat(painter, seat, plate)
            return
        self._cards(painter, seat, plate)
        self._plate(painter, seat, view, plate)
        toward = QPointF(self._oval().center() - centre)
        if view.bet:
            self._chips(painter, centre + toward * 0.38, view.bet)
        if self.model.button == seat:
            self._button(painter, centre, plate, toward)

    def _empty_seat(self, painter: QPainter, seat: int, plate: QRectF) -> None:
        model, s = self.model, self._scale()
        seated = (Role.HOST, Role.SPECTATOR, Role.PLAYER)
        can_sit = model.my_seat is None and model.role in seated and model.seats_open
        painter.setPen(QPen(QColor(255, 255, 255, 70), 1.5, Qt.PenStyle.DashLine))
        painter.setBrush(QColor(0, 0, 0, 60))
        painter.drawRoundedRect(plate, 12 * s, 12 * s)
        painter.setPen(QColor(255, 255, 255, 150 if can_sit else 80))
        painter.setFont(self._font(14, bold=can_sit))
        words = self.tr("Take a seat") if can_sit else self.tr("Seat {}").format(seat)
        painter.drawText(plate, Qt.AlignmentFlag.AlignCenter, words)

    def _plate(self, painter: QPainter, seat: int, view: SeatView, plate: QRectF) -> None:
        """The seat's name plate: name, stack and status, its clock, its hand's name."""
        model, s = self.model, self._scale()
        acting = model.actor == seat and model.street is not None
        won = seat in model.winners
        border = QColor("#f2c94c") if acting else QColor("#56d364") if won else QColor("#0b0d10")
        faded = view.status in ("folded", "sitting_out") or not view.connected
        painter.setPen(QPen(border, 3 * s if acting or won else 1.5))
        painter.setBrush(QColor(18, 20, 24, 150 if faded else 235))
        painter.drawRoundedRect(plate, 12 * s, 12 * s)
        painter.setPen(QColor(230, 230, 230) if not faded else QColor(150, 150, 150))
        painter.setFont(self._font(15, bold=True))
        name = view.name + ("  " + self.tr("(you)") if view.member_id == model.me else "")
        if view.bot is not None:
            name += " · " + self.tr("bot")  # its level: in the hand log and the seat menu
        top = plate.adjusted(8 * s, 4 * s, -8 * s, -plate.height() / 2)
        painter.drawText(top, Qt.AlignmentFlag.AlignCenter, name)
        painter.setPen(QColor("#f4e7b0"))
        painter.setFont(self._font(15))
        status = STATUS_WORDS.get(view.status if view.connected else "disconnected")
        status = self.tr(status) if status else None
        after = f"  +{chips(model.winners[seat])}" if won else f"  · {status}" if status else ""
        line = f"{chips(view.stack)}{after}"
        bottom = plate.adjusted(8 * s, plate.height() / 2, -8 * s, -4 * s)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignCenter, line)
        if acting and model.deadline is not None and not self.offline:
            self._clock_bar(painter, plate, model.deadline, view.time_bank)
        if view.away:
            self._badge(painter, plate, self.tr("away") if view.connected else self.tr("offline"))
        mine = view.member_id == model.me
        label = model.made_hand if mine and model.street else None
        if mine and view.sitting_out and not model.in_hand:
            label = (
                self.tr("Busted · click: Rebuy")
                if not view.stack
                else self.tr("Sitting out · click: I'm back")
            )
        label = label or (view.hand_name if not model.street else None)
        if label:
            painter.setPen(QColor("#ffffff"))
            painter.setFont(self._font(13, bold=True))
            below = QRectF(
                plate.left() - 60 * s, plate.bottom() + 2 * s, plate.width() + 120 * s, 20 * s
            )
            painter.drawText(below, Qt.AlignmentFlag.AlignCenter, label)

    def _badge(self, painter: QPainter, plate: QRectF, words: str) -> None:
        """A small tag on a seat's corner: sat out, or gone from the table."""
        s = self._scale()
        tag = QRectF(plate.right() - 52 * s, plate.top() - 10 * s, 56 * s, 18 * s)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#9e6a03"))
        painter.drawRoundedRect(tag, 8 * s, 8 * s)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(self._font(11, bold=True))
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, words)

    def _button(self, painter: QPainter, centre: QPointF, plate: QRectF, toward: QPointF) -> None:
        s = self._scale()
        side = 1 if centre.x() <= self._oval().center().x() else -1
        middle = QPointF(
            plate.center().x() + side * (plate.width() / 2 + 20 * s), plate.center().y()
        )
        spot = middle + toward * 0.08
        painter.setPen(QPen(QColor("#444"), 1))
        painter.setBrush(QColor("#fafafa"))
        painter.drawEllipse(spot, 13 * s, 13 * s)
        painter.setPen(QColor("#111"))
        painter.setFont(self._font(13, bold=True))
        disc = QRectF(spot.x() - 13 * s, spot.y() - 13 * s, 26 * s, 26 * s)
        painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, "D")

    def _cards(self, painter: QPainter, seat: int, plate: QRectF) -> None:
        view = self.model.seats[seat]
        faces: list[str | None] = [*view.cards] or [None] * view.hidden
        if not faces:
            return
        cw, ch = self._card_size()
        centre = self._oval().center()
        step = cw * (1.1 if len(faces) <= 2 else 0.6)  # Omaha's four overlap: each corner shows
        left = plate.center().x() - (cw + step * (len(faces) - 1)) / 2
        top = plate.top() - ch * 0.72
        for i, card in enumerate(faces):
            target = QPointF(left + i * step, top)
            # While dealing, cards slide out from the middle of the table.
            start = QPointF(centre.x() - cw / 2, centre.y() - ch / 2)
            spot = start + (target - start) * self._deal
            paint_card(
                painter,
                QRectF(spot.x(), spot.y(), cw, ch),
                card,
                four_colour=self.four_colour,
                dim=view.status == "folded",
            )

    def _chips(self, painter: QPainter, at: QPointF, amount: int) -> None:
        s = self._scale()
        art.draw(
            painter,
            resources.table("chips"),
            QRectF(at.x() - 26 * s, at.y() - 13 * s, 20 * s, 20 * s),
        )
        painter.setPen(QColor("#ffffff"))
        painter.setFont(self._font(14, bold=True))
        painter.drawText(
            QRectF(at.x() - 4 * s, at.y() - 10 * s, 90 * s, 20 * s),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            chips(amount),
        )

    def _clock_bar(self, painter: QPainter, plate: QRectF, deadline: float, bank: float) -> None:
        """The action clock runs down first; then the time bank, in amber."""
        left = max(0.0, deadline - time.time())
        in_bank = left <= bank
        share = left / max(1.0, bank) if in_bank else (left - bank) / max(1.0, self.action_seconds)
        share = min(1.0, share)
        s = self._scale()
        bar = QRectF(plate.left() + 10 * s, plate.bottom() - 6 * s, plate.width() - 20 * s, 4 * s)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 40))
        painter.drawRoundedRect(bar, 2, 2)
        colour = "#f2994a" if in_bank else next(c for over, c in CLOCK_COLOURS if share > over)
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(
            QRectF(bar.left(), bar.top(), bar.width() * share, bar.height()), 2, 2
        )
        painter.setPen(QColor("#f2994a") if in_bank else QColor("#c9d1d9"))
        painter.setFont(self._font(11, bold=in_bank))
        label = self.tr("time bank {:.0f}s").format(left) if in_bank else f"{left - bank:.0f}s"
        painter.drawText(
            QRectF(plate.right() - 110 * s, plate.bottom() + 1 * s, 110 * s, 16 * s),
            Qt.AlignmentFlag.AlignRight,
            label,
        )

    def _banner(self, painter: QPainter, text: str, colour: QColor, lines: int = 1) -> None:
        s, oval = self._scale(), self._oval()  # on the felt, below the board: not on a seat
        wide, high = (340, 44) if lines == 1 else (460, 24 * lines + 16)
        top = oval.center().y() + oval.height() * 0.16
        rect = QRectF(oval.center().x() - wide / 2 * s, top, wide * s, high * s)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, 10 * s, 10 * s)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(self._font(18 if lines == 1 else 15, bold=True))
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(rect.adjusted(12 * s, 0, -12 * s, 0), flags, text)
