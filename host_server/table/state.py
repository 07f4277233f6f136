"""The table aggregate's state and its fold: `apply(event, at)` is the only code that
changes a table.

State = fold(events): a table rebuilt from its events (or from a snapshot and the
events after it) equals the original, field for field. What a command becomes is
decided above this module (`decide`, the rules and the dealer), never in it.
"""

from __future__ import annotations

import random
import secrets
from typing import Any

from host_server.rules.hand import Hand
from host_server.table import events as ev, home_game, shuffle, sit_and_go
from host_server.table.hand_fold import Clock, FinishedHand, HandFold
from host_server.table.members import Member, Role, Seat
from host_server.table.settings import TableSettings
from host_server.table.shuffle import Pending
from host_server.table.tournament import TournamentState


class Table(HandFold):
    """One poker table. Build it with `decide.create` or `snapshot.from_dict`."""

    def __init__(self, table_id: str, settings: TableSettings, rng: random.Random | None = None):
        self.table_id = table_id
        self.settings = settings
        self.rng = rng or secrets.SystemRandom()
        self.seq = 0
        self.members: dict[int, Member] = {}
        self.seats: dict[int, Seat] = {}
        self.next_member_id = 1
        self.hand_no = 0
        self.button: int | None = None
        self.hand: Hand | None = None
        self.hand_start: ev.HandStarted | None = None
        self.hand_started_at = 0.0
        self.hand_log: list[ev.Event] = []
        self.shown: dict[int, tuple[str, ...]] = {}
        self.last_result: ev.HandEnded | None = None
        self.paused = False
        self.pause_pending = False
        self.paused_at: float | None = None
        self.next_hand_at = 0.0
        self.clock = Clock()
        self.closed = False
        self.banned: set[str] = set()  # names (casefolded) the host banned
        self.join_key: str | None = None  # admits an invite's holder without approval
        self.bomb_next = False
        self.shuffle: Pending | None = None  # the next hand's committed deck
        self.tournament = TournamentState() if settings.tournament is not None else None
        # Outbox, not state: hands ended since the owner last took them, for the archive.
        self.finished_hands: list[FinishedHand] = []

    def take_finished_hands(self) -> list[FinishedHand]:
        hands, self.finished_hands = self.finished_hands, []
        return hands

    # --- queries --------------------------------------------------------------

    def seat_of(self, member_id: int) -> Seat | None:
        for seat in self.seats.values():
            if seat.member_id == member_id:
                return seat
        return None

    def hand_index(self, seat: int) -> int | None:
        """The seat's player index in the current hand, if dealt in."""
        if self.hand_start is None or seat not in self.hand_start.seats:
            return None
        return self.hand_start.seats.index(seat)

    @property
    def decision(self) -> int:
        """Which decision of the hand is awaited: the hand's steps so far. It changes with
        every action and card, never while a player thinks (nor across a restart)."""
        return len(self.hand_log)

    @property
    def actor_seat(self) -> int | None:
        if self.hand is None or self.hand_start is None or self.hand.actor is None:
            return None
        return self.hand_start.seats[self.hand.actor]

    def turn_deadline(self) -> float | None:
        """When the player to act runs out of time: the action clock plus the time bank.

        A player who is away gets the action clock from when they went (or when their
        turn came, if later) and never their time bank: the bank is for thinking, and
        the grace period, not the bank, is for being away (waiting out every absent
        player's bank would hold the whole table up). While paused the clock stands
        still: `Unpaused` moves this deadline on.
        """
        seat = self.clock.seat
        if seat is None or seat not in self.seats:
            return None
        member = self.members[self.seats[seat].member_id]
        if self.away(member):
            assert member.disconnected_at is not None
            return max(self.clock.started, member.disconnected_at) + self.settings.action_seconds
        return self.clock.started + self.settings.action_seconds + self.seats[seat].time_bank

    def live_stack(self, seat: int) -> int:
        index = self.hand_index(seat)
        if index is not None and self.hand is not None:
            return self.hand.stacks[index]
        return self.seats[seat].stack

    def chips_on_table(self) -> int:
        """Every chip at the table: idle stacks plus everything in the hand."""
        idle = sum(s.stack for n, s in self.seats.items() if self.hand_index(n) is None)
        return idle + (self.hand.total_chips if self.hand is not None else 0)

    def chips_accounted(self) -> tuple[int, int]:
        """(chips brought in, chips on the table + balances + cashed out): always equal."""
        brought = sum(m.bought_in for m in self.members.values())
        held = self.chips_on_table() + sum(m.balance + m.cashed_out for m in self.members.values())
        return brought, held

    # --- the fold -------------------------------------------------------------

    def apply(self, event: ev.Event, at: float) -> None:
        """Change the table by one event that happened at `at` (seconds since the epoch)."""
        _APPLY[type(event)](self, event, at)
        self.seq += 1
        if self.hand is not None:
            actor = self.actor_seat
            if actor != self.clock.seat:
                self.clock = Clock(actor, at)

    def _table_created(self, e: ev.TableCreated, at: float) -> None:
        self.members[1] = Member(1, e.host_name, Role.HOST, connected=False)
        self.next_member_id = 2

    def _join_requested(self, e: ev.JoinRequested, at: float) -> None:
        self.members[e.member_id] = Member(e.member_id, e.name, Role.PENDING)
        self.next_member_id = e.member_id + 1

    def _bot_added(self, e: ev.BotAdded, at: float) -> None:
        self.members[e.member_id] = Member(
            e.member_id, e.name, Role.SPECTATOR, connected=True, bot=e.level
        )
        self.next_member_id = e.member_id + 1

    def _member_approved(self, e: ev.MemberApproved, at: float) -> None:
        self.members[e.member_id].role = Role.SPECTATOR

    def _member_rejected(self, e: ev.MemberRejected, at: float) -> None:
        self.members[e.member_id].role = Role.GONE

    def _join_key_changed(self, e: ev.JoinKeyChanged, at: float) -> None:
        self.join_key = e.key

    def _member_banned(self, e: ev.MemberBanned, at: float) -> None:
        self.banned.add(self.members[e.member_id].name.casefold())

    def _member_left(self, e: ev.MemberLeft, at: float) -> None:
        member = self.members[e.member_id]
        member.cashed_out += e.cashed_out
        member.balance -= e.cashed_out
        member.role = Role.GONE
        member.exit = None
        member.connected = False

    def _connected(self, e: ev.Connected, at: float) -> None:
        member = self.members[e.member_id]
        member.connected = True
        member.disconnected_at = None

    def _disconnected(self, e: ev.Disconnected, at: float) -> None:
        member = self.members[e.member_id]
        member.connected = False
        member.disconnected_at = at

    def _seat_taken(self, e: ev.SeatTaken, at: float) -> None:
        member = self.members[e.member_id]
        member.balance -= e.from_balance
        member.bought_in += e.stack - e.from_balance
        if member.role is not Role.HOST:
            member.role = Role.PLAYER
        self.seats[e.seat] = Seat(e.seat, e.member_id, e.stack, self.settings.time_bank_seconds)
        self._sit_and_go_seat(e.member_id)
        if self.hand is None:  # give the table a moment to fill before dealing
            self.next_hand_at = max(self.next_hand_at, at + self.settings.between_hands_seconds)

    def _seat_left(self, e: ev.SeatLeft, at: float) -> None:
        del self.seats[e.seat]
        member = self.members[e.member_id]
        member.balance += e.stack
        member.exit = None
        member.top_up_asked = member.top_up = 0  # no seat, nothing to top up
        if member.role is Role.PLAYER:
            member.role = Role.SPECTATOR

    def _top_up_requested(self, e: ev.TopUpRequested, at: float) -> None:
        self.members[e.member_id].top_up_asked = e.amount

    def _top_up_approved(self, e: ev.TopUpApproved, at: float) -> None:
        member = self.members[e.member_id]
        member.top_up_asked = 0
        member.top_up = e.amount

    def _top_up_rejected(self, e: ev.TopUpRejected, at: float) -> None:
        member = self.members[e.member_id]
        member.top_up_asked = member.top_up = 0

    def _topped_up(self, e: ev.ToppedUp, at: float) -> None:
        member = self.members[e.member_id]
        member.top_up = 0
        member.bought_in += e.amount
        member.topped_up += e.amount
        self.seats[e.seat].stack += e.amount

    def _exit_scheduled(self, e: ev.ExitScheduled, at: float) -> None:
        self.members[e.member_id].exit = e.reason

    def _sat_out(self, e: ev.SatOut, at: float) -> None:
        seat = self.seats[e.seat]
        seat.sitting_out = True
        seat.sit_out_reason = e.reason

    def _sat_in(self, e: ev.SatIn, at: float) -> None:
        seat = self.seats[e.seat]
        seat.sitting_out = False
        seat.sit_out_reason = None
        seat.timeouts = 0

    def _paused(self, e: ev.Paused, at: float) -> None:
        self.paused = True
        self.pause_pending = False
        self.paused_at = at

    def _pause_scheduled(self, e: ev.PauseScheduled, at: float) -> None:
        self.pause_pending = True

    def _unpaused(self, e: ev.Unpaused, at: float) -> None:
        # Clocks restart where they stood: shift them by the time spent paused.
        stopped = at - (self.paused_at if self.paused_at is not None else at)
        self.clock = Clock(self.clock.seat, self.clock.started + stopped)
        self.next_hand_at += stopped
        self._level_clock_stopped(stopped)
        self.paused = False
        self.pause_pending = False
        self.paused_at = None

    def _blinds_changed(self, e: ev.BlindsChanged, at: float) -> None:
        self.settings = self.settings.with_blinds(e.small_blind, e.big_blind, e.ante)

    def _chat_posted(self, e: ev.ChatPosted, at: float) -> None:
        pass  # chat changes nothing at the table; it lives in the log

    def _host_restarted(self, e: ev.HostRestarted, at: float) -> None:
        # Downtime never counts: every clock moves on by it. While paused, `paused_at`
        # moves too, so that `Unpaused` shifts them by the pause alone.
        shift = e.downtime
        if self.clock.seat is not None:
            self.clock = Clock(self.clock.seat, self.clock.started + shift)
        self.next_hand_at += shift
        if self.paused_at is not None:
            self.paused_at += shift
        self._level_clock_stopped(shift)
        for member in self.members.values():
            if member.bot is not None:
                continue  # bots live in the host: they came back with it
            if member.connected:
                member.connected = False
                member.disconnected_at = at
            elif member.disconnected_at is not None:
                member.disconnected_at += shift

    def _table_closed(self, e: ev.TableClosed, at: float) -> None:
        self.closed = True


_APPLY: dict[type[ev.Event], Any] = {
    ev.TableCreated: Table._table_created,
    ev.JoinRequested: Table._join_requested,
    ev.BotAdded: Table._bot_added,
    ev.MemberApproved: Table._member_approved,
    ev.MemberRejected: Table._member_rejected,
    ev.MemberBanned: Table._member_banned,
    ev.JoinKeyChanged: Table._join_key_changed,
    ev.MemberLeft: Table._member_left,
    ev.Connected: Table._connected,
    ev.Disconnected: Table._disconnected,
    ev.SeatTaken: Table._seat_taken,
    ev.SeatLeft: Table._seat_left,
    ev.TopUpRequested: Table._top_up_requested,
    ev.TopUpApproved: Table._top_up_approved,
    ev.TopUpRejected: Table._top_up_rejected,
    ev.ToppedUp: Table._topped_up,
    ev.ExitScheduled: Table._exit_scheduled,
    ev.SatOut: Table._sat_out,
    ev.SatIn: Table._sat_in,
    ev.Paused: Table._paused,
    ev.PauseScheduled: Table._pause_scheduled,
    ev.Unpaused: Table._unpaused,
    ev.BlindsChanged: Table._blinds_changed,
    ev.ChatPosted: Table._chat_posted,
    ev.HostRestarted: Table._host_restarted,
    ev.TableClosed: Table._table_closed,
    ev.HandStarted: Table._hand_started,
    **dict.fromkeys((ev.PlayerActed, ev.BoardDealt, ev.HandShown, ev.HandMucked), Table._hand_step),
    **dict.fromkeys(home_game.RUN_TWICE, Table._hand_step),
    shuffle.ShuffleRevealed: Table._hand_step,
    **shuffle.APPLY,
    ev.HandEnded: Table._hand_ended,
    **sit_and_go.APPLY,
    **home_game.APPLY,
}
