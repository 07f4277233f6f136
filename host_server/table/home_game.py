"""A cash game's home-game options, for `Table` (state.py): their events (a bomb pot
called for the next hand, a 7-2 bounty paid, the run-it-twice question and its answers)
and their fold. Like the rest of the fold, it only applies; `play` decides the players'
commands and the dealer deals, asks and pays."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from host_server.table import events as ev
from host_server.table.members import Member


@dataclass(frozen=True)
class BombPotCalled(ev.Event, kind="bomb_pot_called"):
    """The host calls a bomb pot for the next hand (`on`), or calls it off."""

    on: bool


@dataclass(frozen=True)
class StraddleChosen(ev.Event, kind="straddle_chosen"):
    """An optional straddle: `member_id` straddles whenever under the gun (`on`), or not."""

    member_id: int
    on: bool


@dataclass(frozen=True)
class SevenDeucePaid(ev.Event, kind="seven_deuce_paid"):
    """The 7-2 game: `seat` won a pot holding `cards` (a seven and a deuce, shown) and
    collects from each other player dealt in; `amounts` is every seat's change, in the
    hand's order (the winner's the sum of the others'). `HandEnded` counts it."""

    seat: int
    cards: tuple[str, ...]
    amounts: tuple[int, ...]


@dataclass(frozen=True)
class RunTwiceOffered(ev.Event, kind="run_twice_offered"):
    """All in before the river at a table that runs it twice: the players in the hand
    (`seats`) may agree to deal the rest of the board twice, until `until`."""

    seats: tuple[int, ...]
    until: float


@dataclass(frozen=True)
class RunTwiceAnswered(ev.Event, kind="run_twice_answered"):
    seat: int
    yes: bool


@dataclass(frozen=True)
class RunsChosen(ev.Event, kind="runs_chosen"):
    """The rest of the board is dealt `count` times: 2 when everyone asked said yes."""

    count: int


@dataclass(frozen=True)
class Question:
    """The run-it-twice question of the hand in play, and the answers so far."""

    seats: tuple[int, ...]
    until: float
    answers: dict[int, bool]

    @property
    def decided(self) -> int | None:
        """The number of runs the answers make (None: some are still to come)."""
        if not all(self.answers.get(seat, True) for seat in self.seats):
            return 1
        return 2 if len(self.answers) == len(self.seats) else None


def question(hand_log: list[ev.Event]) -> Question | None:
    """The hand's open question (asked, not yet decided), from its steps."""
    found: Question | None = None
    for step in hand_log:
        if isinstance(step, RunTwiceOffered):
            found = Question(step.seats, step.until, {})
        elif isinstance(step, RunTwiceAnswered) and found is not None:
            found.answers[step.seat] = step.yes
        elif isinstance(step, RunsChosen):
            found = None
    return found


class HomeGameFold:
    members: dict[int, Member]
    hand_start: ev.HandStarted | None
    hand_log: list[ev.Event]
    bomb_next: bool  # the host called a bomb pot for the next hand

    def _bomb_pot_called(self, e: BombPotCalled, at: float) -> None:
        self.bomb_next = e.on

    def _straddle_chosen(self, e: StraddleChosen, at: float) -> None:
        self.members[e.member_id].straddles = e.on

    def _home_game_hand(self, e: ev.HandStarted) -> None:
        if e.bomb:
            self.bomb_next = False  # (the one called, or one every few hands: either way dealt)

    def _seven_deuce_paid(self, e: SevenDeucePaid, at: float) -> None:
        """A step of the hand (its record shows it); the stacks change with `HandEnded`."""
        assert self.hand_start is not None
        self.hand_log.append(e)
        for member_id, change in zip(self.hand_start.members, e.amounts, strict=True):
            self.members[member_id].bounties += change


RUN_TWICE = (RunTwiceOffered, RunTwiceAnswered, RunsChosen)  # (steps of the hand)
APPLY: dict[type[ev.Event], Any] = {
    BombPotCalled: HomeGameFold._bomb_pot_called,
    StraddleChosen: HomeGameFold._straddle_chosen,
    SevenDeucePaid: HomeGameFold._seven_deuce_paid,
}
