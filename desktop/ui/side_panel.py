"""The side panel: the hand log in words and the table's chat."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.model.table import TableModel
from desktop.ui import style

STYLE = """
QWidget { font-size: 13px; }
QListWidget { background: #161b22; color: #d0d7de; border: 1px solid #30363d; font-size: 13px; }
QLabel { color: #8b949e; font-weight: bold; }
QLineEdit { background: #0d1117; color: #e6edf3; border: 1px solid #30363d; padding: 4px; }
"""


class SidePanel(QWidget):
    chat_sent = Signal(str)

    def __init__(self, model: TableModel) -> None:
        super().__init__()
        self.model = model
        self.setStyleSheet(STYLE)
        self.setMinimumWidth(240)
        self.log = QListWidget()
        self.chat = QListWidget()
        for lines in (self.log, self.chat):  # long lines wrap, never scroll sideways
            lines.setWordWrap(True)
            lines.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entry = QLineEdit(placeholderText=self.tr("Say something…"), maxLength=500)
        send = QPushButton(self.tr("Send"))
        log_box, chat_box = QWidget(), QWidget()
        top = QVBoxLayout(log_box)
        top.addWidget(QLabel(self.tr("Hand log")))
        top.addWidget(self.log)
        bottom = QVBoxLayout(chat_box)
        bottom.addWidget(QLabel(self.tr("Chat")))
        bottom.addWidget(self.chat)
        row = QHBoxLayout()
        row.addWidget(self.entry, 1)
        row.addWidget(send)
        bottom.addLayout(row)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(log_box)
        split.addWidget(chat_box)
        split.setSizes([400, 220])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        send.clicked.connect(self._send)
        self.entry.returnPressed.connect(self._send)

    def rescale(self, factor: float) -> None:
        self.setStyleSheet(style.scaled(STYLE, factor))
        self.setMinimumWidth(round(240 * factor))

    def _send(self) -> None:
        text = self.entry.text().strip()
        if text:
            self.chat_sent.emit(text)
            self.entry.clear()

    def refresh(self) -> None:
        """Append what is new since the last refresh (the model's lists only grow)."""
        for widget, lines in (
            (self.log, self.model.log),
            (self.chat, [f"{who}: {text}" for who, text in self.model.chat]),
        ):
            for line in lines[widget.count() :]:
                widget.addItem(line)
            if lines:
                widget.scrollToBottom()

    def note(self, line: str) -> None:
        """A line from this app rather than the table (e.g. a refused click)."""
        self.model.log.append(line)
        self.refresh()
