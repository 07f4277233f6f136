"""The first screen: Play now, Host a table, Join a table, the tables on your network,
and Your tables."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.hosting.local_state import Recent, Settings
from desktop.ui import refusals, style
from desktop.ui.dialogs import open_once
from desktop.ui.host_dialog import HostDialog
from desktop.ui.join_dialog import JoinDialog
from desktop.ui.lan_tables import LanTables
from desktop.ui.language import LANGUAGES

STYLE = """
QWidget#page { background: qradialgradient(cx:0.5, cy:0.3, radius:1,
                                          stop:0 #1f6e43, stop:1 #0b2818); }
QLabel { color: #e6edf3; font-size: 14px; }
QLabel#logo { font-size: 56px; font-weight: bold; color: #f4e7b0; }
QLabel#tagline { font-size: 16px; color: #b9d8c4; }
QPushButton { font-size: 16px; padding: 12px; border-radius: 10px; color: white;
              background: #21262d; border: 1px solid #3d444d; }
QPushButton:hover { background: #2d333b; }
QPushButton:disabled { color: #6e7681; background: rgba(0, 0, 0, 0.25); }
QPushButton#play { background: #b8860b; font-size: 20px; font-weight: bold; }
QPushButton#lan_join { font-size: 14px; padding: 4px 22px; border-radius: 6px; }
QListWidget { background: rgba(0, 0, 0, 0.35); color: #e6edf3; font-size: 14px;
              border: 1px solid #2f6f3e; border-radius: 8px; }
QListWidget::item { padding: 3px 2px; }
QCheckBox, QComboBox { color: #e6edf3; font-size: 14px; }
QLineEdit { background: #0d1117; color: #e6edf3; border: 1px solid #30363d; padding: 6px;
            font-size: 15px; }
QLabel#notice[error="true"] { color: #ffa198; font-weight: bold; }
"""


class StartScreen(QWidget):
    play_now = Signal()
    host_table = Signal(dict)  # table settings
    join_table = Signal(object)  # invites.Target
    resume_table = Signal(object)  # a Recent
    cancel_join = Signal()
    name_changed = Signal(str)
    options_changed = Signal()  # four-colour deck, sounds

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        # The look is the page's, not the screen's: the dialogs opened from here are the
        # screen's children, and would inherit its sheet (its big buttons clipped theirs).
        self.page = QWidget(self)
        self.page.setObjectName("page")
        self.page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.page.setStyleSheet(STYLE)
        self.factor = 1.0
        logo = QLabel("♠ Felt ♥", alignment=Qt.AlignmentFlag.AlignCenter)
        logo.setObjectName("logo")
        tagline = QLabel(
            self.tr("Home games on your own machine. Nothing is ever lost."),
            alignment=Qt.AlignmentFlag.AlignCenter,
        )
        tagline.setObjectName("tagline")
        name = self.tr("Player") if settings.name == Settings.name else settings.name
        self.name = QLineEdit(name, maxLength=24, placeholderText=self.tr("Your name"))
        self.play = QPushButton(self.tr("Play now"))
        self.play.setObjectName("play")
        host = QPushButton(self.tr("Host a table…"))
        join = QPushButton(self.tr("Join a table…"))
        self.lan = LanTables()
        self.tables = QListWidget()
        self.resume = QPushButton(self.tr("Resume"))
        self.notice = QLabel("", wordWrap=True)
        self.notice.setObjectName("notice")
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setVisible(False)
        self.choices = (self.play, host, join, self.resume)
        self.four_colour = QCheckBox(self.tr("Four-colour deck"))
        self.four_colour.setChecked(settings.four_colour_deck)
        self.sounds = QCheckBox(self.tr("Sounds"))
        self.sounds.setChecked(settings.sounds)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name if code else self.tr("System language"), code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self._lay_out(logo, tagline, host, join)

        self.play.clicked.connect(self.play_now.emit)
        host.clicked.connect(self.ask_host)
        join.clicked.connect(self.ask_join)
        self.cancel.clicked.connect(self.cancel_join.emit)
        self.lan.join.connect(self.join_table.emit)
        self.resume.clicked.connect(self._resume)
        self.tables.itemDoubleClicked.connect(lambda _: self._resume())
        self.name.editingFinished.connect(lambda: self.name_changed.emit(self.player_name()))
        self.four_colour.toggled.connect(self._options)
        self.sounds.toggled.connect(self._options)
        self.language.currentIndexChanged.connect(self._language)

    def _lay_out(self, logo: QLabel, tagline: QLabel, host: QPushButton, join: QPushButton) -> None:
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel(self.tr("Your name")))
        name_row.addWidget(self.name, 1)
        column = QVBoxLayout()
        column.addWidget(logo)
        column.addWidget(tagline)
        column.addSpacing(18)
        column.addLayout(name_row)
        column.addWidget(self.play)
        column.addWidget(host)
        column.addWidget(join)
        column.addSpacing(12)
        column.addWidget(self.lan, 1)
        column.addWidget(QLabel(self.tr("Your tables")))
        column.addWidget(self.tables, 1)
        column.addWidget(self.resume)
        options = QHBoxLayout()
        options.addWidget(self.four_colour)
        options.addWidget(self.sounds)
        options.addStretch(1)
        options.addWidget(self.language)
        column.addLayout(options)
        column.addWidget(self.notice)
        column.addWidget(self.cancel)
        whole = QVBoxLayout(self)
        whole.setContentsMargins(0, 0, 0, 0)
        whole.addWidget(self.page)
        outer = QHBoxLayout(self.page)
        outer.addStretch(1)
        outer.addLayout(column, 2)
        outer.addStretch(1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        factor = style.scale_for(self.width(), self.height())
        if factor != self.factor:
            self.factor = factor
            self.page.setStyleSheet(style.scaled(STYLE, factor))

    def _options(self) -> None:
        self.settings.four_colour_deck = self.four_colour.isChecked()
        self.settings.sounds = self.sounds.isChecked()
        self.options_changed.emit()

    def _language(self) -> None:
        """Kept for the next start, when every window is built in it (said so now)."""
        self.settings.language = str(self.language.currentData())
        self.options_changed.emit()
        name = self.language.currentText()
        self.show_notice(self.tr("Felt speaks {} from its next start.").format(name))

    def show_joining(self, words: str) -> None:
        """A table is on its way: say so, with a Cancel; nothing else to click meanwhile."""
        self.show_notice(words)
        self.cancel.setVisible(True)
        for button in self.choices:
            button.setEnabled(False)
        self.lan.setEnabled(False)

    def show_notice(self, words: str, *, error: bool = False) -> None:
        self.notice.setText(refusals.said(words))  # (the host's English, in the player's words)
        self.notice.setProperty("error", error)
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        self.cancel.setVisible(False)
        for button in self.choices[:3]:
            button.setEnabled(True)
        self.lan.setEnabled(True)

    def player_name(self) -> str:
        return " ".join(self.name.text().split()) or self.tr("Player")

    def show_recent(self, recent: list[Recent]) -> None:
        self.tables.clear()
        for entry in recent:
            role = self.tr("hosting") if entry.hosted else self.tr("joined")
            item = QListWidgetItem(f"{entry.table_name}   ·   {role}   ·   {entry.address}")
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.tables.addItem(item)
        if recent:
            self.tables.setCurrentRow(0)
        else:
            empty = QListWidgetItem(self.tr("No tables yet. Play now starts one on this machine."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tables.addItem(empty)
        self.resume.setEnabled(bool(recent))

    def _resume(self) -> None:
        item = self.tables.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole) is not None:
            self.resume_table.emit(item.data(Qt.ItemDataRole.UserRole))

    def ask_host(self) -> None:
        dialog = HostDialog(self, self.settings.table)
        dialog.accepted.connect(lambda: self.host_table.emit(dialog.values()))
        open_once(dialog)

    def ask_join(self, invite: str = "") -> None:
        """The join dialog (with `invite` in it: a felt:// link the app was opened with;
        joining is still the player's OK)."""
        dialog = JoinDialog(self)
        dialog.invite.setText(invite)
        dialog.invite.setCursorPosition(0)  # (its start shows: the host's address)
        dialog.accepted.connect(lambda: self.join_table.emit(dialog.target()))
        open_once(dialog)
