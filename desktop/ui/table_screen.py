"""One table on screen: the felt, the action bar, the side panel and the host's controls.

All the wiring between the connection, the model and the widgets is here, in
one place: connection signals update the model, then every widget refreshes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.client.connection import Connection
from desktop.model.table import TableModel
from desktop.ui.action_bar import ActionBar
from desktop.ui.dialogs import BlindsDialog, BuyInDialog, TopUpDialog
from desktop.ui.records import HandsDialog, LedgerDialog
from desktop.ui.side_panel import SidePanel
from desktop.ui.sounds import Sounds
from desktop.ui.table_view import TableView

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


BOT_LEVELS = (
    ("easy", "Easy bot (calls a lot)"),
    ("standard", "Standard bot (tight, aggressive)"),
    ("strong", "Strong bot (reads the odds)"),
)


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
        self.invite.setMinimumWidth(190)
        self.invite.setToolTip("Send this to your friends: they paste it in Join a table.")
        copy = QPushButton("Copy invite")
        copy.setVisible(bool(invite))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.invite.text()))
        self.requests = QToolButton()
        self.requests.setObjectName("requests")
        self.requests.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.pause = QPushButton("Pause")
        self.blinds = QPushButton("Blinds…")
        self.bots = QToolButton()
        self.bots.setText("Add bot")
        self.bots.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bot_menu = QMenu(self.bots)
        for level, words in BOT_LEVELS:
            bot_menu.addAction(words).triggered.connect(
                lambda _=False, level=level: self.add_bot(level)
            )
        self.bots.setMenu(bot_menu)
        self.records = QToolButton()
        self.records.setText("History")
        self.records.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        records_menu = QMenu(self.records)
        records_menu.addAction("Hand histories…").triggered.connect(self.show_hands)
        records_menu.addAction("Ledger…").triggered.connect(self.show_ledger)
        self.records.setMenu(records_menu)
        self.top_up = QPushButton("Top up")
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
            self.records,
            self.top_up,
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
        self.top_up.clicked.connect(self.ask_top_up)
        self._queries: dict[str, Callable[[dict[str, Any]], None]] = {}
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
        told = self.model.reveal_hands_to_host
        self.model.apply_snapshot(message)
        if self.model.reveal_hands_to_host and not told and not self.model.is_host:
            self.panel.note("ⓘ At this table the host's hand histories show every hole card.")
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

    def _on_answer(self, message: dict[str, Any]) -> None:
        then = self._queries.pop(str(message.get("id")), None)
        if message["type"] == "error":
            self.panel.note(f"⚠ {message['message']}")
        elif then is not None:
            then(message)

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
        if view.bot is not None:
            remove = menu.addAction(f"Remove {view.name} ({view.bot} bot)")
            remove.triggered.connect(lambda: self.connection.send("remove_bot", seat=seat))
        else:
            kick = menu.addAction(f"Remove {view.name} from the table")
            kick.triggered.connect(lambda: self.connection.send("kick", member_id=view.member_id))
        menu.popup(where.toPoint())

    def add_bot(self, level: str) -> None:
        free = self.model.free_seats
        if free:
            self.connection.send("add_bot", seat=free[0], level=level)

    def ask_top_up(self) -> None:
        room = self.model.top_up_room
        if room is None:
            return
        dialog = TopUpDialog(self, self.model, *room)
        dialog.accepted.connect(
            lambda: self.connection.send("top_up", amount=dialog.amount.value())
        )
        dialog.open()

    def ask(
        self, kind: str, fields: dict[str, Any], then: Callable[[dict[str, Any]], None]
    ) -> None:
        """A query to the host; `then` gets its answer (errors go to the hand log)."""
        self._queries[self.connection.send(kind, **fields)] = then

    def show_hands(self) -> None:
        HandsDialog(self, self.ask, self.model.name).open()

    def show_ledger(self) -> None:
        LedgerDialog(self, self.ask, self.model.name).open()

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
        self.bots.setEnabled(bool(model.free_seats))
        self.stand.setVisible(model.my_seat is not None)
        seat = model.seats.get(model.my_seat) if model.my_seat is not None else None
        self.top_up.setVisible(seat is not None)
        self.top_up.setEnabled(model.top_up_room is not None)
        self.top_up.setText("Rebuy" if seat is not None and seat.stack == 0 else "Top up")
        self.pause.setText("Resume" if model.paused else "Pause")
        self._refresh_requests()
        self.view.update()
        self.action_bar.refresh()
        self.panel.refresh()

    def _refresh_requests(self) -> None:
        pending, top_ups = self.model.pending, self.model.top_up_requests
        count = len(pending) + len(top_ups)
        self.requests.setText(f"Requests ({count})" if count else "Requests")
        self.requests.setProperty("waiting", bool(count))
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
        for member in top_ups:
            give = menu.addAction(f"Give {member.name} {member.top_up_asked:,} chips")
            give.triggered.connect(
                lambda _=False, m=member.member_id: self.connection.send(
                    "approve_top_up", member_id=m
                )
            )
            refuse = menu.addAction(f"Refuse {member.name}'s top-up")
            refuse.triggered.connect(
                lambda _=False, m=member.member_id: self.connection.send(
                    "reject_top_up", member_id=m
                )
            )
        if not count:
            menu.addAction("Nobody is waiting").setEnabled(False)
        self.requests.setMenu(menu)
