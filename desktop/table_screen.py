"""One table on screen: the felt, the action bar, the side panel and the host's controls.

All the wiring between the connection, the model and the widgets is here, in
one place: connection signals update the model, then every widget refreshes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.action_bar import ActionBar
from desktop.connection import Connection
from desktop.model import TableModel
from desktop.side_panel import SidePanel
from desktop.sounds import Sounds
from desktop.table_view import TableView

BAR_STYLE = """
QWidget#bar { background: #0d1117; }
QLabel { color: #d0d7de; font-size: 14px; }
QLabel#title { font-size: 17px; font-weight: bold; color: #f0f6fc; }
QToolButton, QPushButton { color: #e6edf3; background: #21262d; border: 1px solid #30363d;
                           border-radius: 6px; padding: 5px 10px; font-size: 13px; }
QToolButton#requests[waiting="true"] { background: #b62324; border-color: #f85149;
                                       font-weight: bold; }
QLineEdit { background: #161b22; color: #8b949e; border: 1px solid #30363d; padding: 3px; }
"""


class TableScreen(QWidget):
    leave_requested = Signal()

    def __init__(
        self,
        connection: Connection,
        *,
        invite: str | None = None,
        sounds: Sounds | None = None,
        four_colour: bool = False,
    ) -> None:
        super().__init__()
        self.connection = connection
        self.model = TableModel()
        self.sounds = sounds
        self.view = TableView(self.model)
        self.view.four_colour = four_colour
        self.action_bar = ActionBar(self.model)
        self.panel = SidePanel(self.model)

        bar = QWidget()
        bar.setObjectName("bar")
        bar.setStyleSheet(BAR_STYLE)
        self.title = QLabel("Connecting…")
        self.title.setObjectName("title")
        self.status = QLabel("")
        self.invite = QLineEdit(invite or "", readOnly=True)
        self.invite.setVisible(bool(invite))
        self.invite.setMinimumWidth(260)
        copy = QPushButton("Copy invite")
        copy.setVisible(bool(invite))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.invite.text()))
        self.requests = QToolButton()
        self.requests.setObjectName("requests")
        self.requests.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.pause = QPushButton("Pause")
        self.blinds = QPushButton("Blinds…")
        self.bots = QPushButton("Add bot")
        self.bots.setEnabled(False)
        self.bots.setToolTip("Bots arrive with a later version of Felt.")
        self.stand = QPushButton("Stand up")
        leave = QPushButton("Lobby")
        row = QHBoxLayout(bar)
        row.addWidget(self.title)
        row.addWidget(self.status)
        row.addStretch(1)
        for widget in (
            self.invite,
            copy,
            self.requests,
            self.pause,
            self.blinds,
            self.bots,
            self.stand,
            leave,
        ):
            row.addWidget(widget)

        middle = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.view, 1)
        left.addWidget(self.action_bar)
        middle.addLayout(left, 1)
        middle.addWidget(self.panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(bar)
        layout.addLayout(middle, 1)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("TableScreen { background: #0d1117; }")

        # connection -> model -> widgets
        connection.welcomed.connect(self._on_welcome)
        connection.snapshot_received.connect(self._on_snapshot)
        connection.event_received.connect(self._on_event)
        connection.turn_received.connect(self._on_turn)
        connection.answered.connect(self._on_answer)
        connection.problem.connect(lambda m: self.panel.note(f"⚠ {m['message']}"))
        connection.state_changed.connect(self._on_state)
        # widgets -> connection
        self.action_bar.act.connect(self.act)
        self.panel.chat_sent.connect(lambda text: connection.send("chat", text=text))
        self.view.seat_clicked.connect(self.ask_buy_in)
        self.view.seat_menu.connect(self._seat_menu)
        self.pause.clicked.connect(self._toggle_pause)
        self.blinds.clicked.connect(self._ask_blinds)
        self.stand.clicked.connect(lambda: connection.send("stand"))
        leave.clicked.connect(self.leave_requested.emit)
        for key, handler in (
            ("F", lambda: self._key("fold")),
            ("C", self.action_bar.press_call),
            ("R", self.action_bar.press_raise),
            ("Return", self.action_bar.press_raise),
            ("A", self.action_bar.press_all_in),
        ):
            QShortcut(
                QKeySequence(key),
                self,
                handler,
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )
        self.refresh()

    # --- incoming -----------------------------------------------------------------

    def _on_welcome(self, message: dict[str, object]) -> None:
        self.model.apply_welcome(message)
        self.refresh()

    def _on_snapshot(self, message: dict[str, Any]) -> None:
        self.model.apply_snapshot(message)
        settings = message["table"].get("settings") or {}
        self.view.action_seconds = float(settings.get("action_seconds", 30.0))
        self.refresh()

    def _on_event(self, message: dict[str, object]) -> None:
        self.model.apply_event(message)
        kind = message["kind"]
        if kind == "hand_started":
            self.view.animate_deal()
        elif kind == "hand_ended" and self.model.winners:
            self.view.animate_win(self.model.winners)
        if self.sounds is not None:
            if kind == "player_acted":
                action = str(message["action"])
                self.sounds.play({"call": "check", "raise": "bet"}.get(action, action))
            elif kind == "hand_ended" and self.model.my_seat in self.model.winners:
                self.sounds.play("win")
        self.refresh()

    def _on_turn(self, message: dict[str, object]) -> None:
        was_mine = self.model.my_turn
        self.model.apply_turn(message)
        if self.model.my_turn and not was_mine and self.sounds is not None:
            self.sounds.play("turn")
        self.refresh()

    def _on_answer(self, message: dict[str, object]) -> None:
        if message["type"] == "error":
            self.panel.note(f"⚠ {message['message']}")

    def _on_state(self, state: str) -> None:
        self.view.offline = state in ("reconnecting", "connecting")
        if state == "closed" and self.connection.closed_reason:
            self.panel.note(f"⚠ {self.connection.closed_reason}")
        self.refresh()

    # --- outgoing -----------------------------------------------------------------

    def act(self, action: str, amount: object) -> None:
        if not self.model.my_turn:
            return
        fields: dict[str, object] = {"action": action, "hand_no": self.model.hand_no}
        if amount is not None:
            fields["amount"] = amount
        self.connection.send("act", **fields)
        self.model.legal = None  # one click, one action: wait for the next turn
        self.refresh()

    def _key(self, action: str) -> None:
        legal = self.model.legal
        if self.model.my_turn and legal and legal.get(action):
            self.act(action, None)

    def ask_buy_in(self, seat: int) -> None:
        if self.model.my_seat is not None or self.model.role == "pending":
            return
        dialog = BuyInDialog(self, seat, self.model)
        dialog.accepted.connect(
            lambda: self.connection.send("sit", seat=seat, buy_in=dialog.amount.value())
        )
        dialog.open()

    def _seat_menu(self, seat: int, where: QPointF) -> None:
        view = self.model.seats.get(seat)
        if not self.model.is_host or view is None or view.member_id == self.model.me:
            return
        menu = QMenu(self)
        kick = menu.addAction(f"Remove {view.name} from the table")
        kick.triggered.connect(lambda: self.connection.send("kick", member_id=view.member_id))
        menu.popup(where.toPoint())

    def _toggle_pause(self) -> None:
        if self.model.paused:
            self.connection.send("unpause")
        else:
            self.connection.send("pause", immediate=True)

    def _ask_blinds(self) -> None:
        dialog = BlindsDialog(self, self.model)
        dialog.accepted.connect(
            lambda: self.connection.send(
                "set_blinds",
                small_blind=dialog.small.value(),
                big_blind=dialog.big.value(),
                ante=dialog.ante.value(),
            )
        )
        dialog.open()

    # --- showing --------------------------------------------------------------------

    def refresh(self) -> None:
        model = self.model
        self.title.setText(
            f"{model.name}  ·  {model.small_blind}/{model.big_blind}"
            if model.name
            else "Connecting…"
        )
        waiting = model.role == "pending"
        words = {
            "online": "",
            "reconnecting": "Reconnecting…",
            "connecting": "Connecting…",
            "closed": "Disconnected",
        }
        status = words.get(self.connection.state, "")
        if waiting and self.connection.state == "online":
            status = "Waiting for the host to let you in…"
        elif model.my_seat is None and model.role in ("spectator", "host") and not model.closed:
            status = "Watching: click an empty seat to sit down"
        self.status.setText(status)
        host = model.is_host
        for widget in (self.requests, self.pause, self.blinds, self.bots):
            widget.setVisible(host)
        self.stand.setVisible(model.my_seat is not None)
        self.pause.setText("Resume" if model.paused else "Pause")
        self._refresh_requests()
        self.view.update()
        self.action_bar.refresh()
        self.panel.refresh()

    def _refresh_requests(self) -> None:
        pending = self.model.pending
        self.requests.setText(f"Requests ({len(pending)})" if pending else "Requests")
        self.requests.setProperty("waiting", bool(pending))
        self.requests.style().unpolish(self.requests)
        self.requests.style().polish(self.requests)
        menu = QMenu(self.requests)
        for member in pending:
            approve = menu.addAction(f"Let {member.name} in")
            approve.triggered.connect(
                lambda _=False, m=member.member_id: self.connection.send("approve", member_id=m)
            )
            reject = menu.addAction(f"Turn {member.name} away")
            reject.triggered.connect(
                lambda _=False, m=member.member_id: self.connection.send("reject", member_id=m)
            )
        if not pending:
            menu.addAction("Nobody is waiting").setEnabled(False)
        self.requests.setMenu(menu)


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
        self.setWindowTitle(f"Take seat {seat}")
        low = max(model.min_buy_in, min(model.balance, model.max_buy_in))
        high = max(model.max_buy_in, model.balance)
        self.amount = QSpinBox(
            minimum=low,
            maximum=high,
            value=high if model.balance else max(low, min(high, model.max_buy_in)),
        )
        self.amount.setSingleStep(max(1, model.big_blind))
        form = QFormLayout(self)
        form.addRow(QLabel(f"Buy in for {low:,} to {high:,} chips."))
        form.addRow("Chips", self.amount)
        form.addRow(ok_cancel(self))


class BlindsDialog(QDialog):
    def __init__(self, parent: QWidget, model: TableModel) -> None:
        super().__init__(parent)
        self.setWindowTitle("Blinds from the next hand")
        self.small = QSpinBox(minimum=1, maximum=10**6, value=model.small_blind or 1)
        self.big = QSpinBox(minimum=1, maximum=10**6, value=model.big_blind or 2)
        self.ante = QSpinBox(minimum=0, maximum=10**6, value=model.ante)
        form = QFormLayout(self)
        form.addRow("Small blind", self.small)
        form.addRow("Big blind", self.big)
        form.addRow("Ante", self.ante)
        form.addRow(ok_cancel(self))
