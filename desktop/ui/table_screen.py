"""One table on screen: the felt, the action bar, the side panel, the top bar.

All the wiring between the connection, the model and the widgets is here, in
one place: connection signals update the model, then every widget refreshes;
what the player does goes out as the protocol's typed messages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.client.connection import Connection
from desktop.client.session import State
from desktop.model import words
from desktop.model.table import TableModel
from desktop.ui import refusals, style
from desktop.ui.action_bar import ActionBar
from desktop.ui.dialogs import ask_buy_in, ask_top_up, open_once
from desktop.ui.host_controls import HostControls, menu_button
from desktop.ui.invite_button import InviteButton, InvitesFor
from desktop.ui.reach_label import ReachLabel
from desktop.ui.rebuy_bar import RebuyButtons, RebuyOffer
from desktop.ui.records import HandsDialog, LedgerDialog
from desktop.ui.run_twice_bar import RunTwiceBar
from desktop.ui.side_panel import SidePanel
from desktop.ui.sounds import Sounds
from desktop.ui.table_view import TableView
from desktop.ui.tournament import StandingsDialog, TournamentClock
from host_server.protocol import client, host
from host_server.protocol.events import Dealt, WireEvent
from host_server.rules.moves import Action
from host_server.table import events as ev
from host_server.table.members import Role
from host_server.table.shuffle import ShuffleCommitted

STATUS = {  # (translated as shown)
    State.ONLINE: "",
    State.RECONNECTING: str(QT_TRANSLATE_NOOP("TableScreen", "Reconnecting…")),
    State.CONNECTING: str(QT_TRANSLATE_NOOP("TableScreen", "Connecting…")),
    State.CLOSED: str(QT_TRANSLATE_NOOP("TableScreen", "Disconnected")),
}
SOUNDS = {"call": "check", "raise": "bet"}


def unheard(answer: object) -> None:
    """The answer to a message whose refusal is not told (a shuffle value too late)."""


REKEYED = str(
    QT_TRANSLATE_NOOP(
        "TableScreen",
        "Your host key is new: invites sent before no longer work. Copy invite has new ones.",
    )
)
GUEST_REKEYED = str(
    QT_TRANSLATE_NOOP(
        "TableScreen", "The host made a new key: Felt checks the host by it from now on."
    )
)


class TableScreen(QWidget):
    leave_requested = Signal()
    invite_chosen = Signal(str)  # the address friends reach this host at

    def __init__(
        self,
        connection: Connection,
        *,
        invites_for: InvitesFor | None = None,
        sounds: Sounds | None = None,
        four_colour: bool = False,
    ) -> None:
        super().__init__()
        self.connection = connection
        self.hosting = invites_for is not None
        self.model = TableModel()
        self.sounds = sounds
        self.view = TableView(self.model)
        self.view.four_colour = four_colour
        self.action_bar = ActionBar(self.model)
        self.panel = SidePanel(self.model)
        self.offer = RebuyOffer(self.model, connection.send)
        self.run_twice = RunTwiceBar(self.model, connection.send)
        self._queries: dict[str, Callable[[Any], None]] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._top_bar(invites_for))
        middle = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.view, 1)
        left.addWidget(self.offer)
        left.addWidget(self.run_twice)
        left.addWidget(self.action_bar)
        middle.addLayout(left, 1)
        middle.addWidget(self.panel)
        layout.addLayout(middle, 1)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("TableScreen { background: #0d1117; }")
        self._wire()
        self.refresh()

    def _top_bar(self, invites_for: InvitesFor | None) -> QWidget:
        self.bar = bar = QWidget()
        bar.setObjectName("bar")
        bar.setStyleSheet(style.TOP_BAR)
        self.factor = 1.0
        self.title = QLabel(self.tr("Connecting…"))
        self.title.setObjectName("title")
        self.status = QLabel("")
        self.reach = ReachLabel()
        self.clock = TournamentClock(self.model)
        self.invite = InviteButton(self.model, self.connection.send, invites_for)
        self.invite.chosen.connect(self.invite_chosen.emit)
        self.host_controls = HostControls(self.model, self.connection.send)
        self.requests = self.host_controls.requests
        history = [
            (self.tr("Hand histories…"), self.show_hands),
            (self.tr("Ledger…"), self.show_ledger),
            (self.tr("Standings…"), self.show_standings),
        ]
        self.records = menu_button(self.tr("History"), history)
        self.rebuys = RebuyButtons(self.model, self.connection.send)
        self.top_up = QPushButton(self.tr("Top up"))
        self.stand = QPushButton(self.tr("Stand up"))
        self.leave = QPushButton(self.tr("Lobby"))
        lines, row, heading = QVBoxLayout(bar), QHBoxLayout(), QGridLayout()
        heading.addWidget(self.title, 0, 0)
        heading.addWidget(self.status, 0, 1)
        heading.addWidget(self.reach, 1, 0, 1, 2)
        lines.addLayout(row)
        lines.addWidget(self.clock)  # (under the buttons too: a sit-and-go says a lot)
        row.addLayout(heading)
        row.addStretch(1)
        controls = (self.invite, self.host_controls, self.records)
        for widget in (*controls, self.rebuys, self.top_up, self.stand, self.leave):
            row.addWidget(widget)
        return bar

    def _wire(self) -> None:
        c = self.connection
        c.welcomed.connect(self._on_welcome)
        c.snapshot_received.connect(self._on_snapshot)
        c.event_received.connect(self._on_event)
        c.turn_received.connect(self._on_turn)
        c.answered.connect(self._on_answer)
        c.problem.connect(lambda error: self.panel.note(f"⚠ {refusals.said(error.message)}"))
        c.state_changed.connect(self._on_state)
        c.rekeyed.connect(
            lambda _: self.panel.note(self.tr(REKEYED if self.hosting else GUEST_REKEYED))
        )
        self.action_bar.act.connect(self.act)
        self.panel.chat_sent.connect(lambda text: c.send(client.Chat(text=text)))
        self.view.seat_clicked.connect(self.ask_buy_in)
        self.view.seat_menu.connect(lambda seat, at: self.host_controls.seat_menu(self, seat, at))
        self.stand.clicked.connect(lambda: c.send(client.Stand()))
        self.top_up.clicked.connect(self.ask_top_up)
        self.leave.clicked.connect(self.leave_requested.emit)
        self.action_bar.sit_out.connect(self.sit_out)
        self.action_bar.straddle.connect(lambda on: c.send(client.Straddle(on=on)))
        self.view.own_seat_clicked.connect(lambda: self.sit_out(False))
        keys: list[tuple[str, Callable[[], None]]] = [
            ("F", lambda: self._key(Action.FOLD)),
            ("C", self.action_bar.press_call),
            ("R", self.action_bar.press_raise),
            ("Return", self.action_bar.press_raise),
            ("Enter", self.action_bar.press_raise),
            ("A", self.action_bar.press_all_in),
            ("S", self.take_a_seat),
        ]
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.shortcuts = [QShortcut(QKeySequence(k), self, f, context=context) for k, f in keys]
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_moved)

    def _focus_moved(self, _: QWidget | None, now: QWidget | None) -> None:
        """Table keys never fire while a text field has the focus: Enter in the chat box
        sends the line, it does not raise (and a key typed there is only typed)."""
        typing = isinstance(now, (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit))
        for shortcut in self.shortcuts:
            shortcut.setEnabled(not typing)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The bar, the buttons and the log grow with the window, as the table does."""
        super().resizeEvent(event)
        factor = style.scale_for(self.width(), self.height())
        if factor != self.factor:
            self.factor = factor
            self.bar.setStyleSheet(style.scaled(style.TOP_BAR, factor))
            self.action_bar.rescale(factor)
            self.panel.rescale(factor)

    # --- incoming -----------------------------------------------------------------

    def _on_welcome(self, welcome: host.Welcome) -> None:
        self.model.apply_welcome(welcome)
        self.refresh()

    def _on_snapshot(self, snapshot: host.Snapshot) -> None:
        told = self.model.reveal_hands_to_host
        self.model.apply_snapshot(snapshot)
        if self.model.reveal_hands_to_host and not told and not self.model.is_host:
            self.panel.note(
                "ⓘ " + self.tr("At this table the host's hand histories show every hole card.")
            )
        self.view.action_seconds = self.model.action_seconds
        self.refresh()

    def _on_event(self, seq: int, event: WireEvent) -> None:
        self.model.apply_event(seq, event)
        if isinstance(event, ShuffleCommitted) and (value := self.model.to_give(event.hand_no)):
            sent = self.connection.send(client.Entropy(hand_no=event.hand_no, value=value))
            self._queries[sent] = unheard  # (too late for its hand: the next gets one)
        if isinstance(event, Dealt):
            self.view.animate_deal()
        elif isinstance(event, ev.HandEnded) and self.model.winners:
            self.view.animate_win(self.model.winners)
        if isinstance(event, ev.PlayerFinished) and event.place == 1:
            self.show_standings()  # the end: everyone sees who finished where
        if isinstance(event, ev.RebuyOffered) and event.member_id == self.model.me:
            self._your_turn()  # (a decision the table waits for, as a turn is)
        if self.sounds is not None:
            if isinstance(event, ev.LevelUp):
                self.sounds.play("blinds")
            if isinstance(event, ev.PlayerActed):
                self.sounds.play(SOUNDS.get(event.action, event.action))
            elif isinstance(event, ev.HandEnded) and self.model.my_seat in self.model.winners:
                self.sounds.play("win")
        self.refresh()

    def _on_turn(self, turn: host.Turn) -> None:
        was_mine = self.model.my_turn
        self.model.apply_turn(turn)
        if self.model.my_turn and not was_mine:
            self._your_turn()
        self.refresh()

    def _your_turn(self) -> None:
        """A sound; and if the window is not in front, the taskbar asks for attention."""
        if self.sounds is not None:
            self.sounds.play("turn")
        window = self.window()
        if not window.isActiveWindow():
            QApplication.alert(window, 0)

    def _on_answer(self, answer: host.Answer) -> None:
        then = self._queries.pop(answer.id or "", None)
        if isinstance(answer, host.Error):
            if then is not unheard:
                self.panel.note(f"⚠ {refusals.said(answer.message)}")
            return
        if then is not None:
            then(answer)

    def _on_state(self, state: State) -> None:
        self.view.offline = state in (State.RECONNECTING, State.CONNECTING)
        closed = state is State.CLOSED
        self.action_bar.offline = self.view.offline or closed  # nothing to press either way
        if closed and self.connection.closed_reason:
            self.view.ended = refusals.said(self.connection.closed_reason)
            self.panel.note(f"⚠ {self.view.ended}")
        self.refresh()

    # --- outgoing -----------------------------------------------------------------

    def act(self, action: Action, amount: int | None) -> None:
        """Every way to act (buttons, keys, a ticked box) comes here; nothing goes out
        while the host cannot be reached (the turn may be gone when it comes back)."""
        if not self.model.my_turn or self.action_bar.offline:
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

    def stand_up(self) -> None:
        if self.model.my_seat is not None:
            self.connection.send(client.Stand())

    def sit_out(self, out: bool) -> None:
        """Sit out from the next hand (this one is played out), or come back in: when
        busted, by a rebuy (its chips sit one in)."""
        seat = self.model.mine
        if seat is None or seat.sitting_out == out:
            return
        if not out and seat.stack == 0:
            self.ask_top_up()
            return
        self.connection.send(client.SitOut() if out else client.SitIn())

    def toggle_sit_out(self) -> None:
        seat = self.model.mine
        if seat is not None:
            self.sit_out(not seat.sitting_out)

    def take_a_seat(self) -> None:
        """S: the first free seat, as a click on it would (no mouse needed)."""
        free = self.model.free_seats
        if free:
            self.ask_buy_in(free[0])

    def ask_buy_in(self, seat: int) -> None:
        ask_buy_in(self, self.model, seat, self.connection.send)

    def ask_top_up(self) -> None:
        ask_top_up(self, self.model, self.connection.send)

    def ask(self, query: client.Query, then: Callable[[Any], None]) -> None:
        """A query to the host; `then` gets its answer (errors go to the hand log)."""
        self._queries[self.connection.send(query)] = then

    def show_hands(self) -> None:
        open_once(HandsDialog(self, self.ask, self.model.name))

    def show_ledger(self) -> None:
        t = self.model.tournament
        counted = t is not None and t.stage != "registering"  # (in buy-ins, not chips)
        open_once(LedgerDialog(self, self.ask, self.model.name, tournament=counted))

    def show_standings(self) -> None:
        if self.model.tournament is not None:
            open_once(StandingsDialog(self, self.model))

    # --- showing --------------------------------------------------------------------

    def refresh(self) -> None:
        model = self.model
        blinds = f"{model.small_blind}/{model.big_blind}"
        blinds = self.tr("PLO {}").format(blinds) if model.variant == "plo" else blinds
        if model.straddle == "mandatory":
            blinds += "/" + self.tr("{} straddle").format(2 * model.big_blind)
        if model.seven_deuce:
            blinds += "  ·  " + self.tr("7-2 game ({})").format(model.seven_deuce)
        self.title.setText(f"{model.name}  ·  {blinds}" if model.name else self.tr("Connecting…"))
        self.status.setText(self._status())
        self.clock.refresh()
        self.host_controls.refresh()
        self.invite.refresh()  # (shown only once it has a parent: a widget shown without
        # one is a window of its own, and takes the focus)
        here = self.view.ended is None  # (a table gone for good offers nothing to do)
        self.stand.setVisible(model.my_seat is not None and here)
        seat = model.seats.get(model.my_seat) if model.my_seat is not None else None
        all_in = seat is not None and seat.status == "all_in"
        self.top_up.setVisible(seat is not None and here and model.tournament is None)
        self.rebuys.refresh(here)
        self.offer.refresh()
        self.run_twice.refresh()
        self.top_up.setEnabled(model.top_up_room is not None and not all_in)
        busted = seat is not None and seat.stack == 0 and not all_in
        self.top_up.setText(self.tr("Rebuy") if busted else self.tr("Top up"))
        self.view.update()
        self.action_bar.refresh()
        self.panel.refresh()

    def _status(self) -> str:
        model, state = self.model, self.connection.state
        if model.role is Role.PENDING and state is State.ONLINE:
            if self.connection.session.join_key is not None:  # (an invite voided since)
                return self.tr("Waiting for the host to let you in (the invite's key was renewed)…")
            return self.tr("Waiting for the host to let you in…")
        watching = model.role in (Role.SPECTATOR, Role.HOST)
        if model.my_seat is None and watching and not model.closed:
            if model.seats_open:
                return self.tr("Watching: click an empty seat to sit down")
            t = model.tournament
            mine = [f for f in (t.finished if t else []) if f.member_id == model.me]
            if mine:  # (out of the tournament)
                return self.tr("You finished {}: watching").format(words.place(mine[0].place))
            return self.tr("Watching")
        return self.tr(STATUS[state]) if STATUS.get(state) else ""
