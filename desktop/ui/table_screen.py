"""One table on screen: the felt, the action bar, the side panel and the host's controls.

All the wiring between the connection, the model and the widgets is here, in
one place: connection signals update the model, then every widget refreshes;
what the player does goes out as the protocol's typed messages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
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
from desktop.client.session import State
from desktop.model.table import TableModel
from desktop.ui.action_bar import ActionBar
from desktop.ui.dialogs import BlindsDialog, BuyInDialog, TopUpDialog
from desktop.ui.records import HandsDialog, LedgerDialog
from desktop.ui.side_panel import SidePanel
from desktop.ui.sounds import Sounds
from desktop.ui.table_view import TableView
from host_server.protocol import client, host
from host_server.protocol.events import Dealt, WireEvent
from host_server.rules.hand import Action
from host_server.table import events as ev
from host_server.table.members import Role

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
STATUS = {
    State.ONLINE: "",
    State.RECONNECTING: "Reconnecting…",
    State.CONNECTING: "Connecting…",
    State.CLOSED: "Disconnected",
}
SOUNDS = {"call": "check", "raise": "bet"}


def _menu_button(text: str, entries: Sequence[tuple[str, Callable[[], None]]]) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    for words, then in entries:
        menu.addAction(words).triggered.connect(lambda _=False, then=then: then())
    button.setMenu(menu)
    return button


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
        self._queries: dict[str, Callable[[Any], None]] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._top_bar(invite))
        middle = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.view, 1)
        left.addWidget(self.action_bar)
        middle.addLayout(left, 1)
        middle.addWidget(self.panel)
        layout.addLayout(middle, 1)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("TableScreen { background: #0d1117; }")
        self._wire()
        self.refresh()

    def _top_bar(self, invite: str | None) -> QWidget:
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
        self.requests.setMenu(QMenu(self.requests))  # one menu, refilled as requests come
        self.pause = QPushButton("Pause")
        self.blinds = QPushButton("Blinds…")
        bots = [(words, partial(self.add_bot, level)) for level, words in BOT_LEVELS]
        self.bots = _menu_button("Add bot", bots)
        history = [("Hand histories…", self.show_hands), ("Ledger…", self.show_ledger)]
        self.records = _menu_button("History", history)
        self.top_up = QPushButton("Top up")
        self.stand = QPushButton("Stand up")
        self.leave = QPushButton("Lobby")
        row = QHBoxLayout(bar)
        row.addWidget(self.title)
        row.addWidget(self.status)
        row.addStretch(1)
        for widget in (self.invite, copy, self.requests, self.pause, self.blinds, self.bots):
            row.addWidget(widget)
        for widget in (self.records, self.top_up, self.stand, self.leave):
            row.addWidget(widget)
        return bar

    def _wire(self) -> None:
        c = self.connection
        c.welcomed.connect(self._on_welcome)
        c.snapshot_received.connect(self._on_snapshot)
        c.event_received.connect(self._on_event)
        c.turn_received.connect(self._on_turn)
        c.answered.connect(self._on_answer)
        c.problem.connect(lambda error: self.panel.note(f"⚠ {error.message}"))
        c.state_changed.connect(self._on_state)
        self.action_bar.act.connect(self.act)
        self.panel.chat_sent.connect(lambda text: c.send(client.Chat(text=text)))
        self.view.seat_clicked.connect(self.ask_buy_in)
        self.view.seat_menu.connect(self._seat_menu)
        self.pause.clicked.connect(self._toggle_pause)
        self.blinds.clicked.connect(self._ask_blinds)
        self.stand.clicked.connect(lambda: c.send(client.Stand()))
        self.top_up.clicked.connect(self.ask_top_up)
        self.leave.clicked.connect(self.leave_requested.emit)
        keys: list[tuple[str, Callable[[], None]]] = [
            ("F", lambda: self._key(Action.FOLD)),
            ("C", self.action_bar.press_call),
            ("R", self.action_bar.press_raise),
            ("Return", self.action_bar.press_raise),
            ("A", self.action_bar.press_all_in),
        ]
        for key, handler in keys:
            context = Qt.ShortcutContext.WidgetWithChildrenShortcut
            QShortcut(QKeySequence(key), self, handler, context=context)

    # --- incoming -----------------------------------------------------------------

    def _on_welcome(self, welcome: host.Welcome) -> None:
        self.model.apply_welcome(welcome)
        self.refresh()

    def _on_snapshot(self, snapshot: host.Snapshot) -> None:
        told = self.model.reveal_hands_to_host
        self.model.apply_snapshot(snapshot)
        if self.model.reveal_hands_to_host and not told and not self.model.is_host:
            self.panel.note("ⓘ At this table the host's hand histories show every hole card.")
        self.view.action_seconds = self.model.action_seconds
        self.refresh()

    def _on_event(self, seq: int, event: WireEvent) -> None:
        self.model.apply_event(seq, event)
        if isinstance(event, Dealt):
            self.view.animate_deal()
        elif isinstance(event, ev.HandEnded) and self.model.winners:
            self.view.animate_win(self.model.winners)
        if self.sounds is not None:
            if isinstance(event, ev.PlayerActed):
                self.sounds.play(SOUNDS.get(event.action, event.action))
            elif isinstance(event, ev.HandEnded) and self.model.my_seat in self.model.winners:
                self.sounds.play("win")
        self.refresh()

    def _on_turn(self, turn: host.Turn) -> None:
        was_mine = self.model.my_turn
        self.model.apply_turn(turn)
        if self.model.my_turn and not was_mine and self.sounds is not None:
            self.sounds.play("turn")
        self.refresh()

    def _on_answer(self, answer: host.Answer) -> None:
        then = self._queries.pop(answer.id or "", None)
        if isinstance(answer, host.Error):
            self.panel.note(f"⚠ {answer.message}")
            return
        if then is not None:
            then(answer)

    def _on_state(self, state: State) -> None:
        self.view.offline = state in (State.RECONNECTING, State.CONNECTING)
        if state is State.CLOSED and self.connection.closed_reason:
            self.panel.note(f"⚠ {self.connection.closed_reason}")
        self.refresh()

    # --- outgoing -----------------------------------------------------------------

    def act(self, action: Action, amount: int | None) -> None:
        if not self.model.my_turn:
            return
        self.connection.send(
            client.Act(
                action=action, amount=amount, hand_no=self.model.hand_no,
                decision=self.model.decision,
            )
        )  # fmt: skip
        self.model.legal = None  # one click, one action: wait for the next turn
        self.refresh()

    def _key(self, action: Action) -> None:
        legal = self.model.legal
        if self.model.my_turn and legal is not None and legal.fold:
            self.act(action, None)

    def ask_buy_in(self, seat: int) -> None:
        if self.model.my_seat is not None or self.model.role is Role.PENDING:
            return
        dialog = BuyInDialog(self, seat, self.model)
        dialog.accepted.connect(
            lambda: self.connection.send(client.Sit(seat=seat, buy_in=dialog.amount.value()))
        )
        dialog.open()

    def _seat_menu(self, seat: int, where: QPointF) -> None:
        view = self.model.seats.get(seat)
        if not self.model.is_host or view is None or view.member_id == self.model.me:
            return
        menu = QMenu(self)
        send = self.connection.send
        if view.bot is not None:
            remove = menu.addAction(f"Remove {view.name} ({view.bot} bot)")
            remove.triggered.connect(lambda: send(client.RemoveBot(seat=seat)))
        else:
            kick = menu.addAction(f"Remove {view.name} from the table")
            kick.triggered.connect(lambda: send(client.Kick(member_id=view.member_id)))
        menu.popup(where.toPoint())

    def add_bot(self, level: str) -> None:
        free = self.model.free_seats
        if free:
            self.connection.send(client.AddBot(seat=free[0], level=level))

    def ask_top_up(self) -> None:
        room = self.model.top_up_room
        if room is None:
            return
        dialog = TopUpDialog(self, self.model, *room)
        dialog.accepted.connect(
            lambda: self.connection.send(client.TopUp(amount=dialog.amount.value()))
        )
        dialog.open()

    def ask(self, query: client.Query, then: Callable[[Any], None]) -> None:
        """A query to the host; `then` gets its answer (errors go to the hand log)."""
        self._queries[self.connection.send(query)] = then

    def show_hands(self) -> None:
        HandsDialog(self, self.ask, self.model.name).open()

    def show_ledger(self) -> None:
        LedgerDialog(self, self.ask, self.model.name).open()

    def _toggle_pause(self) -> None:
        if self.model.paused:
            self.connection.send(client.Unpause())
        else:
            self.connection.send(client.Pause(immediate=True))

    def _ask_blinds(self) -> None:
        dialog = BlindsDialog(self, self.model)
        dialog.accepted.connect(
            lambda: self.connection.send(
                client.SetBlinds(
                    small_blind=dialog.small.value(),
                    big_blind=dialog.big.value(),
                    ante=dialog.ante.value(),
                )
            )
        )
        dialog.open()

    # --- showing --------------------------------------------------------------------

    def refresh(self) -> None:
        model = self.model
        blinds = f"{model.small_blind}/{model.big_blind}"
        self.title.setText(f"{model.name}  ·  {blinds}" if model.name else "Connecting…")
        self.status.setText(self._status())
        for widget in (self.requests, self.pause, self.blinds, self.bots):
            widget.setVisible(model.is_host)
        self.bots.setEnabled(bool(model.free_seats))
        self.stand.setVisible(model.my_seat is not None)
        seat = model.seats.get(model.my_seat) if model.my_seat is not None else None
        self.top_up.setVisible(seat is not None)
        self.top_up.setEnabled(model.top_up_room is not None)
        self.top_up.setText("Rebuy" if seat is not None and seat.stack == 0 else "Top up")
        self.pause.setText("Resume" if model.paused else "Pause")
        count = len(model.pending) + len(model.top_up_requests)
        self.requests.setText(f"Requests ({count})" if count else "Requests")
        self.requests.setProperty("waiting", bool(count))
        self.requests.style().unpolish(self.requests)
        self.requests.style().polish(self.requests)
        self._fill_requests()
        self.view.update()
        self.action_bar.refresh()
        self.panel.refresh()

    def _status(self) -> str:
        model, state = self.model, self.connection.state
        if model.role is Role.PENDING and state is State.ONLINE:
            return "Waiting for the host to let you in…"
        watching = model.role in (Role.SPECTATOR, Role.HOST)
        if model.my_seat is None and watching and not model.closed:
            return "Watching: click an empty seat to sit down"
        return STATUS.get(state, "")

    def _fill_requests(self) -> None:
        """The requests menu, as the model has them now (its old actions are deleted)."""
        menu, send = self.requests.menu(), self.connection.send
        menu.clear()
        for member in self.model.pending:
            let_in = menu.addAction(f"Let {member.name} in")
            let_in.triggered.connect(
                lambda _=False, m=member.member_id: send(client.Approve(member_id=m))
            )
            away = menu.addAction(f"Turn {member.name} away")
            away.triggered.connect(
                lambda _=False, m=member.member_id: send(client.Reject(member_id=m))
            )
        for member in self.model.top_up_requests:
            give = menu.addAction(f"Give {member.name} {member.top_up_asked:,} chips")
            give.triggered.connect(
                lambda _=False, m=member.member_id: send(client.ApproveTopUp(member_id=m))
            )
            refuse = menu.addAction(f"Refuse {member.name}'s top-up")
            refuse.triggered.connect(
                lambda _=False, m=member.member_id: send(client.RejectTopUp(member_id=m))
            )
        if menu.isEmpty():
            menu.addAction("Nobody is waiting").setEnabled(False)
