"""The table's small dialogs: buying in, topping up, changing the blinds."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from desktop.model.table import TableModel
from desktop.ui.language import chips
from host_server.protocol import client
from host_server.table.members import Role

Send = Callable[[client.Message], object]


def open_once(dialog: QDialog) -> None:
    """Open `dialog` over its window; Qt deletes it once closed (an evening opens many)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class BuyInDialog(QDialog):
    def __init__(self, parent: QWidget, seat: int, model: TableModel) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Take seat {}").format(seat))
        low = max(model.min_buy_in, min(model.balance, model.max_buy_in))
        high = max(model.max_buy_in, model.balance)
        self.amount = QSpinBox(
            minimum=low,
            maximum=high,
            value=high if model.balance else max(low, min(high, model.max_buy_in)),
        )
        self.amount.setSingleStep(max(1, model.big_blind))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Buy in for {} to {} chips.").format(chips(low), chips(high))))
        form.addRow(self.tr("Chips"), self.amount)
        form.addRow(ok_cancel(self))


class BlindsDialog(QDialog):
    def __init__(self, parent: QWidget, model: TableModel) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Blinds from the next hand"))
        self.small = QSpinBox(minimum=1, maximum=10**6, value=model.small_blind or 1)
        most = model.min_buy_in or 10**6  # a buy-in covers at least a big blind
        self.big = QSpinBox(minimum=1, maximum=most, value=model.big_blind or 2)
        self.ante = QSpinBox(minimum=0, maximum=10**6, value=model.ante)
        form = QFormLayout(self)
        form.addRow(self.tr("Small blind"), self.small)
        form.addRow(self.tr("Big blind"), self.big)
        form.addRow(self.tr("Ante"), self.ante)
        form.addRow(ok_cancel(self))


class TopUpDialog(QDialog):
    """More chips for the seat: a rebuy when busted, a top-up otherwise."""

    def __init__(self, parent: QWidget, model: TableModel, low: int, high: int) -> None:
        super().__init__(parent)
        seat = model.seats.get(model.my_seat) if model.my_seat is not None else None
        busted = seat is not None and seat.stack == 0
        self.setWindowTitle(self.tr("Rebuy") if busted else self.tr("Top up"))
        self.amount = QSpinBox(minimum=low, maximum=high, value=high)
        self.amount.setSingleStep(max(1, model.big_blind))
        form = QFormLayout(self)
        form.addRow(
            QLabel(
                self.tr("Add {} to {} chips (the table's maximum is {}).").format(
                    chips(low), chips(high), chips(model.max_buy_in)
                )
            )
        )
        if model.approve_top_ups and not model.is_host:
            form.addRow(QLabel(self.tr("The host approves top-ups at this table.")))
        form.addRow(self.tr("Chips"), self.amount)
        form.addRow(ok_cancel(self))


def ask_buy_in(parent: QWidget, model: TableModel, seat: int, send: Send) -> None:
    """Seat `seat` for the chips asked (nothing while seated, pending, or seats closed)."""
    if model.my_seat is not None or model.role is Role.PENDING or not model.seats_open:
        return
    dialog = BuyInDialog(parent, seat, model)
    dialog.accepted.connect(lambda: send(client.Sit(seat=seat, buy_in=dialog.amount.value())))
    open_once(dialog)


def ask_top_up(parent: QWidget, model: TableModel, send: Send) -> None:
    """More chips at a cash game (a sit-and-go's rebuys are a buy-in each instead)."""
    room = model.top_up_room
    if room is None or model.tournament is not None:
        return
    dialog = TopUpDialog(parent, model, *room)
    dialog.accepted.connect(lambda: send(client.TopUp(amount=dialog.amount.value())))
    open_once(dialog)
