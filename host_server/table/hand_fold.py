"""The fold of a hand's events, for `Table` (state.py): the deal, each step replayed on
the pokerkit hand (also when a snapshot is restored), and the end, which hands the
finished hand over for its record. Like the rest of the fold, it only applies."""

from __future__ import annotations

from dataclasses import dataclass

from host_server.rules.hand import Hand, HandSpec
from host_server.rules.moves import Action, Move
from host_server.table import events as ev, home_game
from host_server.table.home_game import HomeGameFold
from host_server.table.members import Member, Seat
from host_server.table.settings import TableSettings
from host_server.table.shuffle import ShuffleFold
from host_server.table.sit_and_go import SitAndGoFold


@dataclass(frozen=True)
class FinishedHand:
    """A hand that ended, as the archive wants it."""

    start: ev.HandStarted
    steps: tuple[ev.Event, ...]
    end: ev.HandEnded
    started_at: float


@dataclass
class Clock:
    """Whose turn it is since when; deadlines derive from it and the settings."""

    seat: int | None = None
    started: float = 0.0


class HandFold(SitAndGoFold, HomeGameFold, ShuffleFold):
    settings: TableSettings
    members: dict[int, Member]
    seats: dict[int, Seat]
    hand_no: int
    button: int | None
    hand: Hand | None
    hand_start: ev.HandStarted | None
    hand_started_at: float
    hand_log: list[ev.Event]
    shown: dict[int, tuple[str, ...]]
    last_result: ev.HandEnded | None
    clock: Clock
    next_hand_at: float
    finished_hands: list[FinishedHand]

    @staticmethod
    def away(member: Member) -> bool:
        """Connected once, and gone since (bots, run by the host, are never away)."""
        return not member.connected and member.disconnected_at is not None

    def _hand_started(self, e: ev.HandStarted, at: float) -> None:
        self.hand_no = e.hand_no
        self.button = e.button
        self.hand_start = e
        small = e.small_blind if e.dead_small_blind is None else 0  # (0: nobody posts it)
        spec = HandSpec(
            small, e.big_blind, e.ante, e.stacks, e.deck, e.straddle, e.bomb,
            self.settings.run_it_twice, e.variant,
        )  # fmt: skip
        self.hand = Hand(spec)
        self.hand_started_at = at
        self.hand_log = []
        self.shown = {}
        self.clock = Clock()
        self._sit_and_go_hand(e)
        self._home_game_hand(e)
        self._shuffle_hand(e)

    def replay_hand(self, start: ev.HandStarted, steps: list[ev.Event], at: float) -> None:
        """Put the hand in progress back, from its start (at `at`) and its steps (from a
        snapshot)."""
        self._hand_started(start, at)
        for step in steps:
            self.hand_log.append(step)
            self._play_step(step)

    def _hand_step(self, e: ev.Event, at: float) -> None:
        assert self.hand is not None
        self.hand_log.append(e)
        self._play_step(e)
        seat = self.seats.get(e.seat) if isinstance(e, ev.PlayerActed) else None
        if isinstance(e, ev.PlayerActed) and seat is not None:
            if e.timed_out:
                seat.timeouts += 1
                if not self.away(self.members[seat.member_id]):  # the away keep their bank
                    seat.time_bank = 0.0
            else:
                seat.timeouts = 0
                over = at - self.clock.started - self.settings.action_seconds
                seat.time_bank = max(0.0, seat.time_bank - max(0.0, over))

    def _play_step(self, e: ev.Event) -> None:
        """Replay one hand step on the pokerkit hand (also used when restoring)."""
        hand, start = self.hand, self.hand_start
        assert hand is not None and start is not None
        if isinstance(e, ev.PlayerActed):
            index = start.seats.index(e.seat)
            hand.play(Move(index, Action(e.action), e.amount))
        elif isinstance(e, ev.BoardDealt):
            if hand.deal_board() != e.cards:
                raise ValueError(f"board {e.cards} does not follow from the deck")
        elif isinstance(e, ev.HandShown):
            hand.show_or_muck(start.seats.index(e.seat), True)
            self.shown[e.seat] = e.cards
        elif isinstance(e, ev.HandMucked):
            hand.show_or_muck(start.seats.index(e.seat), False)
        elif isinstance(e, home_game.RunsChosen):
            hand.choose_runs(e.count)

    def _hand_ended(self, e: ev.HandEnded, at: float) -> None:
        for seat, stack in zip(e.seats, e.stacks, strict=True):
            if seat in self.seats:
                self.seats[seat].stack = stack
        if self.hand is not None and self.hand_start is not None:
            steps = tuple(self.hand_log)
            done = FinishedHand(self.hand_start, steps, e, self.hand_started_at)
            self.finished_hands.append(done)
        self.hand = None
        self.hand_start = None
        self.hand_log = []
        self.last_result = e
        self.clock = Clock()
        self.next_hand_at = at + self.settings.between_hands_seconds
