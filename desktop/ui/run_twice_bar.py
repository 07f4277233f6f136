"""Run it twice, asked at the table: a strip above the action bar while this player, all
in with cards to come, may say whether to deal the rest of the board twice (counting the
question's seconds down; no answer is no)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.model.state import TableState
from host_server.protocol import client

Send = Callable[[client.Message], object]
STYLE = """
RunTwiceBar { background: #12283b; border-top: 1px solid #2f81f7; }
QLabel { color: #f0f6fc; font-size: 15px; }
QPushButton { color: #f0f6fc; background: #1f6feb; border: 1px solid #2f81f7;
              border-radius: 6px; padding: 6px 16px; font-size: 14px; font-weight: bold; }
QPushButton#once { background: #21262d; border-color: #30363d; font-weight: normal; }
"""


class RunTwiceBar(QWidget):
    def __init__(self, model: TableState, send: Send) -> None:
        super().__init__()
        self.model, self.send = model, send
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # (its own colour)
        self.setStyleSheet(STYLE)
        self.text = QLabel()
        self.twice = QPushButton(self.tr("Run it twice"))
        self.once = QPushButton(self.tr("Once"))
        self.once.setObjectName("once")
        self.twice.clicked.connect(lambda: self._answer(True))
        self.once.clicked.connect(lambda: self._answer(False))
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.twice)
        row.addWidget(self.once)
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self.refresh)
        self.hide()

    def _answer(self, yes: bool) -> None:
        self.send(client.RunTwice(yes=yes))
        self.hide()  # (one click, one answer: the host's events say what came of it)

    def asked(self) -> float | None:
        """The seconds left to answer, while this player is asked and has not answered."""
        asked, seat = self.model.run_twice, self.model.my_seat
        if asked is None or seat not in asked.seats or seat in asked.answers:
            return None
        return max(0.0, asked.until - time.time())

    def refresh(self) -> None:
        left = self.asked()
        self.setVisible(left is not None)
        if (left is not None) != self.timer.isActive():
            self.timer.start() if left is not None else self.timer.stop()
        if left is not None:
            line = self.tr("Everyone is all in: run the rest of the board twice? {} s")
            self.text.setText(line.format(int(left)))
