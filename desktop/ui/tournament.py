"""A sit-and-go on screen: its clock in the table's top bar (a line that counts down to
the next level) and the standings window, which opens by itself at the end."""

from __future__ import annotations

import time

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.model import words
from desktop.model.sit_and_go import clock_line
from desktop.model.state import TableState
from desktop.ui.language import chips


class TournamentClock(QLabel):
    """The level, its blinds, the time to the next, players left, average stack and the
    prizes; hidden at a cash game. Ticks once a second while a level runs. Where the
    bar is too narrow for the whole line, its last parts give way (the tooltip has
    them all)."""

    def __init__(self, model: TableState) -> None:
        super().__init__()
        self.setObjectName("clock")
        self.model = model
        self.line = ""
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self.refresh)

    def refresh(self) -> None:
        t = self.model.tournament
        self.setVisible(t is not None)
        line = clock_line(self.model, time.time())
        if line != self.line:
            self.line = line
            self.setToolTip(line.replace(words.PARTS, "\n"))
            self.updateGeometry()
            self._fit()
        running = t is not None and t.level_ends is not None
        if running != self.timer.isActive():
            self.timer.start() if running else self.timer.stop()

    def _fit(self) -> None:
        parts = self.line.split(words.PARTS)
        metrics = self.fontMetrics()
        while len(parts) > 1 and metrics.horizontalAdvance(words.PARTS.join(parts)) > self.width():
            parts.pop()
        self.setText(words.PARTS.join(parts))

    def sizeHint(self) -> QSize:
        return QSize(
            self.fontMetrics().horizontalAdvance(self.line) + 4, super().sizeHint().height()
        )

    def minimumSizeHint(self) -> QSize:
        first = self.line.split(words.PARTS)[0]
        return QSize(self.fontMetrics().horizontalAdvance(first) + 4, super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


class StandingsDialog(QDialog):
    """Who finished where and won what: the winner first, then as they went out."""

    def __init__(self, parent: QWidget, model: TableState) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Standings · {}").format(model.name))
        t = model.tournament
        finishers = sorted(t.finished if t is not None else [], key=lambda f: f.place)
        self.grid = QTableWidget(len(finishers), 3)
        self.grid.setHorizontalHeaderLabels([self.tr("Place"), self.tr("Player"), self.tr("Prize")])
        self.grid.verticalHeader().setVisible(False)
        self.grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, f in enumerate(finishers):
            for column, text in enumerate((words.place(f.place), f.name, chips(f.prize))):
                item = QTableWidgetItem(text)
                if column == 2:  # (amounts line up on the right, as in the ledger)
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.grid.setItem(row, column, item)
        self.grid.resizeColumnsToContents()
        self.grid.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        winner = t.winner() if t is not None else None
        still = t is not None and winner is None
        heading = QLabel(
            self.tr("{} wins the tournament.").format(winner.name)
            if winner is not None
            else self.tr("Still playing: {} out so far.").format(len(finishers))
            if still
            else ""
        )
        heading.setObjectName("title")
        pool = t.pool(t.entrants) if t is not None else 0
        said = self.tr("{} entrants, {} each: a prize pool of {}.").format(
            t.entrants if t else 0, chips(t.buy_in if t else 0), chips(pool)
        )
        if t is not None and (t.rebuys or t.add_ons):
            said = self.tr("{} entrants, rebuys: {}, add-ons: {}, at {} each: a prize pool of {}.")
            said = said.format(t.entrants, t.rebuys, len(t.add_ons), chips(t.buy_in), chips(pool))
        note = QLabel(said)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, self.grid, note, buttons):
            layout.addWidget(widget)
        self.resize(420, 160 + 32 * len(finishers))
