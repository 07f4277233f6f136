"""The first screen: Play now, Host a table, Join a table, the tables on your network,
and Your tables."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.hosting.invites import Target, in_url, parse_invite, too_new
from desktop.hosting.local_state import Recent, Settings, table_settings
from desktop.ui import style
from desktop.ui.dialogs import ok_cancel, open_once
from desktop.ui.lan_tables import LanTables
from host_server.errors import SettingsError

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
QCheckBox { color: #e6edf3; font-size: 14px; }
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
            "Home games on your own machine. Nothing is ever lost.",
            alignment=Qt.AlignmentFlag.AlignCenter,
        )
        tagline.setObjectName("tagline")
        self.name = QLineEdit(settings.name, maxLength=24, placeholderText="Your name")
        self.play = QPushButton("Play now")
        self.play.setObjectName("play")
        host = QPushButton("Host a table…")
        join = QPushButton("Join a table…")
        self.lan = LanTables()
        self.tables = QListWidget()
        self.resume = QPushButton("Resume")
        self.notice = QLabel("", wordWrap=True)
        self.notice.setObjectName("notice")
        self.cancel = QPushButton("Cancel")
        self.cancel.setVisible(False)
        self.choices = (self.play, host, join, self.resume)
        self.four_colour = QCheckBox("Four-colour deck")
        self.four_colour.setChecked(settings.four_colour_deck)
        self.sounds = QCheckBox("Sounds")
        self.sounds.setChecked(settings.sounds)
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

    def _lay_out(self, logo: QLabel, tagline: QLabel, host: QPushButton, join: QPushButton) -> None:
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel("Your name"))
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
        column.addWidget(QLabel("Your tables"))
        column.addWidget(self.tables, 1)
        column.addWidget(self.resume)
        options = QHBoxLayout()
        options.addWidget(self.four_colour)
        options.addWidget(self.sounds)
        options.addStretch(1)
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

    def show_joining(self, words: str) -> None:
        """A table is on its way: say so, with a Cancel; nothing else to click meanwhile."""
        self.show_notice(words)
        self.cancel.setVisible(True)
        for button in self.choices:
            button.setEnabled(False)
        self.lan.setEnabled(False)

    def show_notice(self, words: str, *, error: bool = False) -> None:
        self.notice.setText(words)
        self.notice.setProperty("error", error)
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        self.cancel.setVisible(False)
        for button in self.choices[:3]:
            button.setEnabled(True)
        self.lan.setEnabled(True)

    def player_name(self) -> str:
        return " ".join(self.name.text().split()) or "Player"

    def show_recent(self, recent: list[Recent]) -> None:
        self.tables.clear()
        for entry in recent:
            role = "hosting" if entry.hosted else "joined"
            item = QListWidgetItem(f"{entry.table_name}   ·   {role}   ·   {entry.address}")
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.tables.addItem(item)
        if recent:
            self.tables.setCurrentRow(0)
        else:
            empty = QListWidgetItem("No tables yet. Play now starts one on this machine.")
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


class HostDialog(QDialog):
    """The table's settings, checked field by field before the dialog closes: what it
    lets through can make a table."""

    def __init__(self, parent: QWidget, defaults: dict[str, Any]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Host a table")
        self.name = QLineEdit(str(defaults["name"]), maxLength=60)
        self.seats = QSpinBox(minimum=2, maximum=10, value=int(defaults["seats"]))
        self.small = QSpinBox(minimum=1, maximum=10**6, value=int(defaults["small_blind"]))
        self.big = QSpinBox(minimum=1, maximum=10**6, value=int(defaults["big_blind"]))
        self.ante = QSpinBox(minimum=0, maximum=10**6, value=int(defaults["ante"]))
        self.min_buy = QSpinBox(minimum=1, maximum=10**9, value=int(defaults["min_buy_in"]))
        self.max_buy = QSpinBox(minimum=1, maximum=10**9, value=int(defaults["max_buy_in"]))
        self.clock = QDoubleSpinBox(
            minimum=5, maximum=600, value=float(defaults["action_seconds"]), suffix=" s"
        )
        self.auto = QCheckBox("Let anyone with the invite in (no approval)")
        self.auto.setChecked(bool(defaults["auto_approve"]))
        self.spectators = QCheckBox("Allow spectators")
        self.spectators.setChecked(bool(defaults["allow_spectators"]))
        self.top_ups = QCheckBox("Approve each rebuy and top-up")
        self.top_ups.setChecked(bool(defaults.get("approve_top_ups", False)))
        self.reveal = QCheckBox("Show me every hole card in the hand histories (players are told)")
        self.reveal.setChecked(bool(defaults.get("reveal_hands_to_host", False)))
        self.internet = QCheckBox(
            "Friends on the internet may join (asks your router for the port)"
        )
        self.internet.setChecked(bool(defaults.get("internet", True)))
        self.announce = QCheckBox("Players on your network see it in their list")
        self.announce.setChecked(bool(defaults.get("announce", True)))
        self.error = QLabel("", wordWrap=True)
        self.error.setObjectName("error")
        form = QFormLayout(self)
        for label, widget in (
            ("Table name", self.name),
            ("Seats", self.seats),
            ("Small blind", self.small),
            ("Big blind", self.big),
            ("Ante", self.ante),
            ("Minimum buy-in", self.min_buy),
            ("Maximum buy-in", self.max_buy),
            ("Action clock", self.clock),
            ("", self.auto),
            ("", self.spectators),
            ("", self.top_ups),
            ("", self.reveal),
            ("", self.internet),
            ("", self.announce),
        ):
            form.addRow(label, widget)
        form.addRow(QLabel("You take a seat at your table like everyone else: click one."))
        form.addRow(self.error)
        buttons = ok_cancel(self)
        buttons.accepted.disconnect()
        buttons.accepted.connect(self._check)
        form.addRow(buttons)

    def problems(self) -> list[tuple[QWidget, str]]:
        """What is wrong, field by field (nothing: the table can be made)."""
        small, big, ante = self.small.value(), self.big.value(), self.ante.value()
        low, high = self.min_buy.value(), self.max_buy.value()
        found: list[tuple[QWidget, str]] = []
        if not self.name.text().strip():
            found.append((self.name, "The table needs a name."))
        if small > big:
            found.append((self.big, f"The big blind must be at least the small blind ({small})."))
        if ante > big:
            found.append((self.ante, f"The ante is at most the big blind ({big})."))
        if low < big:
            found.append((self.min_buy, f"The minimum buy-in is at least the big blind ({big})."))
        if high < low:
            found.append((self.max_buy, f"The maximum buy-in is at least the minimum ({low})."))
        if not found:
            try:
                table_settings(self.values())
            except SettingsError as error:
                found.append((self.name, error.message))
        return found

    def _check(self) -> None:
        found = self.problems()
        for widget in (self.name, self.big, self.ante, self.min_buy, self.max_buy):
            widget.setProperty("error", any(w is widget for w, _ in found))
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.error.setText(" ".join(words for _, words in found))
        if found:
            found[0][0].setFocus()
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "seats": self.seats.value(),
            "small_blind": self.small.value(),
            "big_blind": self.big.value(),
            "ante": self.ante.value(),
            "min_buy_in": self.min_buy.value(),
            "max_buy_in": self.max_buy.value(),
            "action_seconds": self.clock.value(),
            "auto_approve": self.auto.isChecked(),
            "allow_spectators": self.spectators.isChecked(),
            "approve_top_ups": self.top_ups.isChecked(),
            "reveal_hands_to_host": self.reveal.isChecked(),
            "internet": self.internet.isChecked(),
            "announce": self.announce.isChecked(),
        }


class JoinDialog(QDialog):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Join a table")
        self.invite = QLineEdit(placeholderText="felt://192.168.1.20:8765/3f9a1c2b7e4d?pin=…")
        self.invite.setMinimumWidth(self.invite.fontMetrics().horizontalAdvance("m" * 40))
        self.error = QLabel("")
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(QLabel("Paste the invite your host sent you."))
        form.addRow("Invite", self.invite)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

        self.invite.textChanged.connect(lambda: self.error.setText(""))
        self.warned: str | None = None  # the unpinned invite already warned about

    def target(self) -> Target:
        parsed = parse_invite(self.invite.text())
        assert parsed is not None
        return parsed

    def _check(self) -> None:
        parsed = parse_invite(self.invite.text())
        if parsed is None:
            self.error.setText(
                "This invite was made by a newer Felt: update Felt to join."
                if too_new(self.invite.text())
                else "That does not look like an invite (felt://HOST:PORT/TABLE)."
            )
            return
        if parsed.pin is None and self.warned != self.invite.text():
            self.warned = self.invite.text()
            self.error.setText(
                "This invite carries no pin (it is from an older Felt), so Felt cannot tell "
                "this host from someone posing as it. Ask the host for a new invite, or "
                "press OK again to join anyway."
            )
            self.adjustSize()  # (the wrapped words need the room)
            return
        self.accept()


def unreachable(target: Target, why: dict[str, str]) -> str:
    """What the start screen tells a guest none of whose invite's addresses answered."""
    own = dict(target.ports)  # (an address on another port names it)
    tried = "; ".join(
        f"{in_url(h)}{f':{own[h]}' if h in own else ''}: {why.get(h, 'no answer')}"
        for h in target.hosts
    )
    return (
        f"Could not reach the host on port {target.port} at any address the invite names "
        f"({tried}). Not on the host's network? Then the host may need to forward port "
        f"{target.port} on their router."
    )
