"""A sit-and-go's rebuys and add-on at the table: a strip above the action bar while a
busted player may rebuy (counting the offer's seconds down), and the top bar's Rebuy
and Add-on buttons while a short stack may rebuy or the add-on's level is on."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from desktop.model import words
from desktop.model.state import TableState
from desktop.ui.language import chips
from desktop.ui.strip import Send, Strip
from host_server.protocol import client

STYLE = """
RebuyOffer { background: #3b2f12; border-top: 1px solid #d29922; }
QLabel { color: #f0f6fc; font-size: 15px; }
QPushButton { color: #f0f6fc; background: #9e6a03; border: 1px solid #d29922;
              border-radius: 6px; padding: 6px 16px; font-size: 14px; font-weight: bold; }
QPushButton#decline { background: #21262d; border-color: #30363d; font-weight: normal; }
"""


class RebuyOffer(Strip):
    """Out of chips while rebuys are open: rebuy, or finish now (the table waits for
    the answer until the offer's clock runs out)."""

    def __init__(self, model: TableState, send: Send) -> None:
        super().__init__(STYLE, send)
        self.model = model
        self.rebuy = QPushButton(self.tr("Rebuy"))
        self.decline = QPushButton(self.tr("No thanks"))
        self.decline.setObjectName("decline")
        self.buttons(self.rebuy, self.decline)
        self.rebuy.clicked.connect(lambda: self.answer(client.Rebuy()))
        self.decline.clicked.connect(lambda: self.answer(client.DeclineRebuy()))

    def refresh(self) -> None:
        t, me = self.model.tournament, self.model.me
        left = t.offer_left(me, time.time()) if t is not None and me is not None else None
        if t is None or left is None or self.model.top_up_waiting:
            self.ask(None)
            return
        place = words.place(t.entrants - len(t.finished))
        line = self.tr("You are out of chips: rebuy for {} ({} chips) within {} s, or finish {}.")
        self.ask(line.format(chips(t.buy_in), chips(t.starting_stack), int(left), place))


class RebuyButtons(QWidget):
    """The top bar's Rebuy (a stack at or below the starting stack, while rebuys are
    open) and Add-on (once, in the last level of rebuys), each one more buy-in."""

    def __init__(self, model: TableState, send: Send) -> None:
        super().__init__()
        self.model = model
        self.rebuy = QPushButton()
        self.add_on = QPushButton()
        self.rebuy.clicked.connect(lambda: send(client.Rebuy()))
        self.add_on.clicked.connect(lambda: send(client.AddOn()))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.rebuy)
        row.addWidget(self.add_on)

    def refresh(self, here: bool) -> None:
        t, seat, me = self.model.tournament, self.model.mine, self.model.me
        mine = t is not None and seat is not None and me is not None and here
        free = mine and not self.model.top_up_waiting and me not in (t.offers if t else {})
        short = seat is not None and t is not None and seat.stack <= t.starting_stack
        rebuy = free and t is not None and t.rebuys_open and short
        add_on = free and t is not None and me is not None and t.add_on_open(me)
        self.rebuy.setVisible(bool(rebuy))
        self.add_on.setVisible(bool(add_on))
        self.setVisible(bool(rebuy or add_on))
        if t is None:
            return
        self.rebuy.setText(self.tr("Rebuy ({})").format(chips(t.buy_in)))
        self.rebuy.setToolTip(
            self.tr("One more buy-in of {} for {} chips, until level {} ends").format(
                chips(t.buy_in), chips(t.starting_stack), t.rebuy_until
            )
        )
        self.add_on.setText(self.tr("Add-on ({})").format(chips(t.buy_in)))
        self.add_on.setToolTip(
            self.tr("Once, for one more buy-in of {}: {} chips, this level only").format(
                chips(t.buy_in), chips(t.add_on)
            )
        )
