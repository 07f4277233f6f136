"""A strip above the action bar that asks this player something the table waits for: a
line (counting its seconds down) and two buttons; one click is one answer, and the
host's events say what came of it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from host_server.protocol import client

Send = Callable[[client.Message], object]


class Strip(QWidget):
    def __init__(self, style: str, send: Send) -> None:
        super().__init__()
        self.send = send
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # (its own colour)
        self.setStyleSheet(style)
        self.text = QLabel()
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(12, 6, 12, 6)
        self.row.addWidget(self.text, 1)
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self.refresh)
        self.hide()

    def buttons(self, *buttons: QPushButton) -> None:
        for button in buttons:
            self.row.addWidget(button)

    def answer(self, message: client.Message) -> None:
        self.send(message)
        self.hide()

    def ask(self, line: str | None) -> None:
        """Show `line` (its seconds counted down by `refresh` each second), or hide."""
        self.setVisible(line is not None)
        if (line is not None) != self.timer.isActive():
            self.timer.start() if line is not None else self.timer.stop()
        if line is not None:
            self.text.setText(line)

    def refresh(self) -> None:
        raise NotImplementedError
