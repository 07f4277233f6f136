"""What the table window shows, built from the protocol's typed messages: no Qt.

A `Snapshot` replaces everything; events update it and write the hand log
(`words`); a `Turn` brings the hand's authoritative numbers (stacks, bets, pots)
and whose turn it is. Widgets only read this. An event kind the model does not
know is logged as an error, never silently dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop.model import words
from host_server.protocol import host
from host_server.protocol.events import Dealt, Hidden, WireEvent
from host_server.protocol.shapes import Legal, Pot
from host_server.rules.names import describe
from host_server.table import events as ev
from host_server.table.members import Role

log = logging.getLogger("felt.model")


@dataclass
class SeatView:
    seat: int
    member_id: int
    name: str
    stack: int
    bet: int = 0
    status: str = "waiting"
    cards: list[str] = field(default_factory=list)  # face up
    hidden: int = 0  # face down
    connected: bool = True
    hand_name: str | None = None
    time_bank: float = 0.0
    bot: str | None = None  # a bot's level


@dataclass
class MemberView:
    member_id: int
    name: str
    role: Role
    connected: bool = False
    bot: str | None = None
    top_up_asked: int = 0  # chips asked for, waiting for the host


@dataclass
class TableModel:
    table_id: str = ""
    name: str = ""
    seats_count: int = 9
    small_blind: int = 0
    big_blind: int = 0
    ante: int = 0
    min_buy_in: int = 0
    max_buy_in: int = 0
    seq: int = 0
    me: int | None = None
    role: Role = Role.PENDING
    balance: int = 0
    members: dict[int, MemberView] = field(default_factory=dict)
    seats: dict[int, SeatView] = field(default_factory=dict)
    button: int | None = None
    hand_no: int = 0
    decision: int = 0
    street: str | None = None
    board: list[str] = field(default_factory=list)
    pots: list[Pot] = field(default_factory=list)
    actor: int | None = None
    deadline: float | None = None
    legal: Legal | None = None
    paused: bool = False
    closed: bool = False
    top_up_waiting: bool = False  # my top-up is on its way (or waits for the host)
    approve_top_ups: bool = False
    reveal_hands_to_host: bool = False
    action_seconds: float = 30.0
    log: list[str] = field(default_factory=list)
    chat: list[tuple[str, str]] = field(default_factory=list)
    winners: dict[int, int] = field(default_factory=dict)  # seat -> chips won, last hand

    # --- reading --------------------------------------------------------------

    @property
    def is_host(self) -> bool:
        return self.role is Role.HOST

    @property
    def my_seat(self) -> int | None:
        for number, seat in self.seats.items():
            if seat.member_id == self.me:
                return number
        return None

    @property
    def my_turn(self) -> bool:
        return self.legal is not None and self.actor is not None and self.actor == self.my_seat

    @property
    def pending(self) -> list[MemberView]:
        return [m for m in self.members.values() if m.role is Role.PENDING]

    @property
    def top_up_requests(self) -> list[MemberView]:
        return [m for m in self.members.values() if m.top_up_asked]

    @property
    def free_seats(self) -> list[int]:
        return [n for n in range(1, self.seats_count + 1) if n not in self.seats]

    @property
    def top_up_room(self) -> tuple[int, int] | None:
        """(least, most) chips this player may add now; None when not seated or full."""
        seat = self.seats.get(self.my_seat) if self.my_seat is not None else None
        if seat is None or self.top_up_waiting:
            return None
        most = self.max_buy_in - seat.stack
        return (max(1, self.min_buy_in - seat.stack), most) if most >= 1 else None

    @property
    def pot_total(self) -> int:
        """Everything in the middle: collected pots plus the bets in front of the seats."""
        return sum(p.amount for p in self.pots) + sum(s.bet for s in self.seats.values())

    def name_of(self, member_id: int) -> str:
        member = self.members.get(member_id)
        return member.name if member else f"member {member_id}"

    def seat_name(self, seat: int) -> str:
        view = self.seats.get(seat)
        return view.name if view else f"seat {seat}"

    # --- applying messages ------------------------------------------------------

    def apply_welcome(self, welcome: host.Welcome) -> None:
        self.me, self.role, self.table_id = welcome.member_id, welcome.role, welcome.table_id

    def apply_snapshot(self, snapshot: host.Snapshot) -> None:
        table, summary = snapshot.table, snapshot.table.summary
        self.seq = snapshot.seq
        self.table_id, self.name, self.seats_count = summary.table_id, summary.name, summary.seats
        self.small_blind, self.big_blind = summary.small_blind, summary.big_blind
        self.ante, self.closed = summary.ante, summary.closed
        self.min_buy_in, self.max_buy_in = summary.min_buy_in, summary.max_buy_in
        if table.settings is not None:
            self.approve_top_ups = table.settings.approve_top_ups
            self.reveal_hands_to_host = table.settings.reveal_hands_to_host
            self.action_seconds = table.settings.action_seconds
        you = table.you
        if you is not None:
            self.me, self.role, self.balance = you.member_id, you.role, you.balance
            self.top_up_waiting = bool(you.top_up or you.top_up_asked)
        self.legal = you.legal if you is not None else None
        self.members = {
            m.member_id: MemberView(m.member_id, m.name, m.role, m.connected, m.bot, m.top_up_asked)
            for m in table.members
        }
        if self.me is not None and self.me not in self.members and you is not None:
            self.members[self.me] = MemberView(self.me, you.name, self.role, True)
        self.seats = {
            s.seat: SeatView(
                s.seat, s.member_id, s.name, s.stack, s.bet, s.status, list(s.cards),
                s.hidden_cards, self._connected(s.member_id), time_bank=s.time_bank, bot=s.bot,
            )
            for s in table.seats
        }  # fmt: skip
        self.button, self.paused = table.button, table.paused
        hand = table.hand
        if hand is not None:
            self.hand_no, self.street = hand.hand_no, hand.street
            self.board, self.pots = list(hand.board), list(hand.pots)
            self.actor, self.deadline = hand.actor, hand.deadline
        else:
            self._between_hands()

    def _connected(self, member_id: int) -> bool:
        member = self.members.get(member_id)
        return member.connected if member is not None else False

    def apply_turn(self, turn: host.Turn) -> None:
        self.hand_no, self.decision = turn.hand_no, turn.decision
        self.actor, self.deadline = turn.seat, turn.deadline
        self.legal, self.paused = turn.legal, turn.paused
        self.street, self.board, self.pots = turn.street, list(turn.board), list(turn.pots)
        for entry in turn.seats:
            seat = self.seats.get(entry.seat)
            if seat is not None:
                seat.stack, seat.bet, seat.status = entry.stack, entry.bet, entry.status
                seat.time_bank = entry.time_bank

    def apply_event(self, seq: int, event: WireEvent) -> None:
        self.seq = seq
        if isinstance(event, Hidden):
            return
        handler = _HANDLERS.get(type(event))
        if handler is None:
            log.error("the table model has no handler for %r events", event.kind)
            return
        handler(self, event)

    def _say(self, line: str) -> None:
        self.log.append(line)

    def _between_hands(self) -> None:
        self.street, self.actor, self.deadline, self.legal = None, None, None, None
        self.pots = []

    # --- members --------------------------------------------------------------

    def _join_requested(self, e: ev.JoinRequested) -> None:
        self.members[e.member_id] = MemberView(e.member_id, e.name, Role.PENDING)
        self._say(f"{e.name} asks to join")

    def _bot_added(self, e: ev.BotAdded) -> None:
        self.members[e.member_id] = MemberView(e.member_id, e.name, Role.SPECTATOR, True, e.level)
        self._say(f"The host adds {e.name}, a bot ({e.level})")

    def _asked(self, member_id: int, amount: int) -> None:
        """What a member waits for the host to give (0: nothing)."""
        member = self.members.get(member_id)
        if member is not None:
            member.top_up_asked = amount

    def _top_up_requested(self, e: ev.TopUpRequested) -> None:
        self._asked(e.member_id, e.amount)
        self.top_up_waiting |= e.member_id == self.me
        self._say(f"{self.name_of(e.member_id)} asks the host for {e.amount} more chips")

    def _top_up_approved(self, e: ev.TopUpApproved) -> None:
        self._asked(e.member_id, 0)
        if e.member_id == self.me:
            self.top_up_waiting = True
            if self.my_seat is not None and self.seats[self.my_seat].status != "waiting":
                self._say(f"Your {e.amount} chips arrive when this hand ends")

    def _top_up_rejected(self, e: ev.TopUpRejected) -> None:
        self._asked(e.member_id, 0)
        if e.member_id == self.me:
            self.top_up_waiting = False
        self._say(words.top_up_refused(self.name_of(e.member_id), e.reason))

    def _topped_up(self, e: ev.ToppedUp) -> None:
        seat = self.seats.get(e.seat)
        if seat is not None:
            seat.stack += e.amount
        if e.member_id == self.me:
            self.top_up_waiting = False
        self._say(f"{self.name_of(e.member_id)} adds {e.amount} chips")

    def _member_approved(self, e: ev.MemberApproved) -> None:
        member = self.members.get(e.member_id)
        if member is not None:
            member.role = Role.SPECTATOR
            self._say(f"{member.name} is let in")
        if e.member_id == self.me:
            self.role = Role.SPECTATOR

    def _member_rejected(self, e: ev.MemberRejected) -> None:
        member = self.members.pop(e.member_id, None)
        if member is not None:
            self._say(f"{member.name} was not let in")

    def _member_left(self, e: ev.MemberLeft) -> None:
        member = self.members.pop(e.member_id, None)
        self._say(words.left(member.name if member else "Someone", e.reason))

    def _connected_event(self, e: ev.Connected) -> None:
        self._presence(e.member_id, True)

    def _disconnected(self, e: ev.Disconnected) -> None:
        self._presence(e.member_id, False)
        self._say(f"{self.name_of(e.member_id)} lost connection")

    def _presence(self, member_id: int, connected: bool) -> None:
        if member_id in self.members:
            self.members[member_id].connected = connected
        for seat in self.seats.values():
            if seat.member_id == member_id:
                seat.connected = connected

    # --- seats ----------------------------------------------------------------

    def _seat_taken(self, e: ev.SeatTaken) -> None:
        name, member = self.name_of(e.member_id), self.members.get(e.member_id)
        connected = member.connected if member is not None else True
        bot = member.bot if member is not None else None
        self.seats[e.seat] = SeatView(
            e.seat, e.member_id, name, e.stack, connected=connected, bot=bot
        )
        if member is not None and member.role is not Role.HOST:
            member.role = Role.PLAYER
        if e.member_id == self.me and self.role is not Role.HOST:
            self.role = Role.PLAYER
        self._say(f"{name} sits down in seat {e.seat} with {e.stack}")

    def _seat_left(self, e: ev.SeatLeft) -> None:
        self.seats.pop(e.seat, None)
        self._asked(e.member_id, 0)  # no seat, nothing to top up
        if e.member_id == self.me:
            self.top_up_waiting = False
            self.balance += e.stack
            if self.role is Role.PLAYER:
                self.role = Role.SPECTATOR
        self._say(words.stood_up(self.name_of(e.member_id), e.stack, e.reason))

    def _exit_scheduled(self, e: ev.ExitScheduled) -> None:
        self._say(f"{self.name_of(e.member_id)} will leave after this hand")

    def _sat_out(self, e: ev.SatOut) -> None:
        seat = self.seats.get(e.seat)
        if seat is not None:
            if self.street is None or seat.status not in ("playing", "acting", "all_in"):
                seat.status = "sitting_out"
            self._say(words.sat_out(seat.name, e.reason))

    def _sat_in(self, e: ev.SatIn) -> None:
        seat = self.seats.get(e.seat)
        if seat is not None:
            seat.status = "waiting"
            self._say(f"{seat.name} is back")

    # --- the game -------------------------------------------------------------

    def _paused(self, e: ev.Paused) -> None:
        self.paused = True
        self._say("The host paused the game")

    def _pause_scheduled(self, e: ev.PauseScheduled) -> None:
        self._say("The game will pause after this hand")

    def _unpaused(self, e: ev.Unpaused) -> None:
        self.paused = False
        self._say("The game goes on")

    def _blinds_changed(self, e: ev.BlindsChanged) -> None:
        self.small_blind, self.big_blind, self.ante = e.small_blind, e.big_blind, e.ante
        self._say(words.blinds(e.small_blind, e.big_blind, e.ante))

    def _chat_posted(self, e: ev.ChatPosted) -> None:
        self.chat.append((self.name_of(e.member_id), e.text))

    def _host_restarted(self, e: ev.HostRestarted) -> None:
        self._say("The host restarted; the game goes on where it was")

    def _table_closed(self, e: ev.TableClosed) -> None:
        self.closed = True
        self._say("The host closed the table")

    def _table_created(self, e: ev.TableCreated) -> None:
        pass  # the table's first event: a snapshot always comes after it

    # --- a hand ---------------------------------------------------------------

    def _hand_started(self, e: Dealt) -> None:
        self.hand_no, self.button, self.street = e.hand_no, e.button, "preflop"
        self.board, self.pots, self.winners = [], [], {}
        for view in self.seats.values():
            view.bet, view.cards, view.hidden, view.hand_name = 0, [], 0, None
            if view.status != "sitting_out":
                view.status = "waiting"
        for number, stack in zip(e.seats, e.stacks, strict=True):
            dealt = self.seats.get(number)
            if dealt is None:
                continue
            dealt.stack, dealt.status = stack, "playing"
            if dealt.member_id == self.me and e.your_cards:
                dealt.cards = list(e.your_cards)
            else:
                dealt.hidden = 2
        self._say(f"Hand #{e.hand_no}: {self.seat_name(e.button)} has the button")
        if e.your_cards:
            self._say(f"You are dealt {words.pretty_cards(e.your_cards)}")

    def _player_acted(self, e: ev.PlayerActed) -> None:
        seat = self.seats.get(e.seat)
        if seat is not None and e.action == "fold":
            seat.status, seat.hidden = "folded", 0
        self._say(words.acted(self.seat_name(e.seat), e.action, e.amount, e.timed_out))

    def _board_dealt(self, e: ev.BoardDealt) -> None:
        self.board += e.cards
        self._say(f"{e.street.capitalize()}: {words.pretty_cards(self.board)}")

    def _hand_shown(self, e: ev.HandShown) -> None:
        seat = self.seats.get(e.seat)
        if seat is not None:
            seat.cards, seat.hidden = list(e.cards), 0
        self._say(f"{self.seat_name(e.seat)} shows {words.pretty_cards(e.cards)}")

    def _hand_mucked(self, e: ev.HandMucked) -> None:
        seat = self.seats.get(e.seat)
        if seat is not None:
            seat.hidden, seat.status = 0, "folded"
            if seat.member_id != self.me:
                seat.cards = []
        self._say(f"{self.seat_name(e.seat)} mucks")

    def _hand_ended(self, e: ev.HandEnded) -> None:
        for number, stack in zip(e.seats, e.stacks, strict=True):
            seat = self.seats.get(number)
            if seat is not None:
                seat.stack, seat.bet = stack, 0
                if seat.cards and len(self.board) == 5:
                    seat.hand_name = describe(seat.cards, self.board)
        self.winners = {s: n for s, n in zip(e.seats, e.net, strict=True) if n > 0}
        for number, net in self.winners.items():
            seat = self.seats.get(number)
            shown = seat.hand_name if seat is not None and seat.status != "folded" else None
            self._say(words.won(self.seat_name(number), net, shown))
        if not self.winners:  # a chopped pot: each got their own chips back
            even = [n for n, net in zip(e.seats, e.net, strict=True) if net == 0]
            self._say(words.split([self.seat_name(n) for n in even if self._still_in(n)]))
        self._between_hands()

    def _still_in(self, number: int) -> bool:
        seat = self.seats.get(number)
        return seat is not None and seat.status != "folded"


_HANDLERS: dict[type, Callable[[TableModel, Any], None]] = {
    ev.TableCreated: TableModel._table_created,
    ev.JoinRequested: TableModel._join_requested,
    ev.BotAdded: TableModel._bot_added,
    ev.MemberApproved: TableModel._member_approved,
    ev.MemberRejected: TableModel._member_rejected,
    ev.MemberLeft: TableModel._member_left,
    ev.Connected: TableModel._connected_event,
    ev.Disconnected: TableModel._disconnected,
    ev.SeatTaken: TableModel._seat_taken,
    ev.SeatLeft: TableModel._seat_left,
    ev.TopUpRequested: TableModel._top_up_requested,
    ev.TopUpApproved: TableModel._top_up_approved,
    ev.TopUpRejected: TableModel._top_up_rejected,
    ev.ToppedUp: TableModel._topped_up,
    ev.ExitScheduled: TableModel._exit_scheduled,
    ev.SatOut: TableModel._sat_out,
    ev.SatIn: TableModel._sat_in,
    ev.Paused: TableModel._paused,
    ev.PauseScheduled: TableModel._pause_scheduled,
    ev.Unpaused: TableModel._unpaused,
    ev.BlindsChanged: TableModel._blinds_changed,
    ev.ChatPosted: TableModel._chat_posted,
    ev.HostRestarted: TableModel._host_restarted,
    ev.TableClosed: TableModel._table_closed,
    Dealt: TableModel._hand_started,
    ev.PlayerActed: TableModel._player_acted,
    ev.BoardDealt: TableModel._board_dealt,
    ev.HandShown: TableModel._hand_shown,
    ev.HandMucked: TableModel._hand_mucked,
    ev.HandEnded: TableModel._hand_ended,
}
