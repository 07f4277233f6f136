"""Run it twice, asked at the table: a strip above the action bar while this player, all
in with cards to come, may say whether to deal the rest of the board twice (counting the
question's seconds down; no answer is no)."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QPushButton

from desktop.model.state import TableState
from desktop.ui.strip import Send, Strip
from host_server.protocol import client

STYLE = """
RunTwiceBar { background: #12283b; border-top: 1px solid #2f81f7; }
QLabel { color: #f0f6fc; font-size: 15px; }
QPushButton { color: #f0f6fc; background: #1f6feb; border: 1px solid #2f81f7;
              border-radius: 6px; padding: 6px 16px; font-size: 14px; font-weight: bold; }
QPushButton#once { background: #21262d; border-color: #30363d; font-weight: normal; }
"""


class RunTwiceBar(Strip):
    def __init__(self, model: TableState, send: Send) -> None:
        super().__init__(STYLE, send)
        self.model = model
        self.twice = QPushButton(self.tr("Run it twice"))
        self.once = QPushButton(self.tr("Once"))
        self.once.setObjectName("once")
        self.buttons(self.twice, self.once)
        self.twice.clicked.connect(lambda: self.answer(client.RunTwice(yes=True)))
        self.once.clicked.connect(lambda: self.answer(client.RunTwice(yes=False)))

    def asked(self) -> float | None:
        """The seconds left to answer, while this player is asked and has not answered."""
        asked, seat = self.model.run_twice, self.model.my_seat
        if asked is None or seat not in asked.seats or seat in asked.answers:
            return None
        return max(0.0, asked.until - time.time())

    def refresh(self) -> None:
        left = self.asked()
        line = self.tr("Everyone is all in: run the rest of the board twice? {} s")
        self.ask(line.format(int(left)) if left is not None else None)
