"""A sit-and-go as the table window shows it: the level clock, the players left, the
prizes and the standings; what its events do to the model, and its clock in words.

The host's clock says when a level ends (`level_ends`, as the action clock's
deadline); between snapshots this model moves it on by the events, reading the
time from `clock` only where the event does not say (the start, a pause).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.model import words
from host_server.protocol.shapes import Finisher, LevelEntry, TournamentView
from host_server.table import events as ev
from host_server.table.tournament import default_payouts, prizes

if TYPE_CHECKING:
    from desktop.model.state import TableState

clock: Callable[[], float] = time.time


@dataclass
class SitAndGo:
    buy_in: int
    starting_stack: int
    levels: list[LevelEntry]
    payouts: list[int]
    stage: str  # registering, running, over
    entrants: int
    hands_per_level: int = 0  # 0: levels by minutes
    break_every: int = 0
    break_minutes: float = 5.0
    late_until: int = 0
    rebuy_until: int = 0  # rebuys until this level ends; 0: none
    add_on: int = 0  # the add-on's chips; 0: none
    level: int = 0
    level_hands: int = 0
    on_break: bool = False  # then `level_ends` is the break's end
    level_ends: float | None = None
    level_left: float | None = None  # while paused
    finished: list[Finisher] = field(default_factory=list)
    rebuys: int = 0  # taken by everyone
    add_ons: list[int] = field(default_factory=list)  # who took the add-on
    offers: dict[int, float] = field(default_factory=dict)  # busted: may rebuy until then
    offers_left: dict[int, float] = field(default_factory=dict)  # the same, while paused

    @classmethod
    def from_view(cls, v: TournamentView) -> SitAndGo:
        return cls(
            v.buy_in, v.starting_stack, list(v.levels), list(v.payouts), v.stage, v.entrants,
            v.hands_per_level, v.break_every, v.break_minutes, v.late_until, v.rebuy_until,
            v.add_on, v.level, v.level_hands, v.on_break, v.level_ends, v.level_left,
            list(v.finished), v.rebuys, list(v.add_ons), {o.member_id: o.until for o in v.offers},
            {o.member_id: o.left for o in v.offers if o.left is not None},
        )  # fmt: skip

    def pool(self, entrants: int) -> int:
        """Every buy-in paid: the entries, the rebuys and the add-ons."""
        return self.buy_in * (entrants + self.rebuys + len(self.add_ons))

    def prizes(self, entrants: int) -> tuple[int, ...]:
        payouts = tuple(self.payouts) or default_payouts(entrants)
        return prizes(self.pool(entrants), payouts, entrants)

    @property
    def chips_in_play(self) -> int:
        starts = self.entrants + self.rebuys
        return self.starting_stack * starts + self.add_on * len(self.add_ons)

    @property
    def rebuys_open(self) -> bool:
        return self.stage == "running" and self.level < self.rebuy_until

    def add_on_open(self, member_id: int) -> bool:
        """The add-on is for the last level of rebuys (and its break), once each."""
        last = self.stage == "running" and self.level == self.rebuy_until - 1
        return last and bool(self.add_on) and member_id not in self.add_ons

    def offer_left(self, member_id: int, now: float) -> float | None:
        """Seconds left on a busted player's rebuy offer; None: no offer."""
        if member_id in self.offers_left:
            return self.offers_left[member_id]
        until = self.offers.get(member_id)
        return max(0.0, until - now) if until is not None else None

    def pause_offers(self, now: float) -> None:
        self.offers_left = {m: max(0.0, until - now) for m, until in self.offers.items()}

    @property
    def current(self) -> LevelEntry:
        return self.levels[min(self.level, len(self.levels) - 1)]

    @property
    def next(self) -> LevelEntry | None:
        return self.levels[self.level + 1] if self.level + 1 < len(self.levels) else None

    def _ends(self, started: float) -> float | None:
        if self.next is None or self.hands_per_level:  # (the last level, or by hands)
            return None
        return started + 60 * self.current.minutes

    @property
    def late_registration(self) -> bool:
        """Seats may still be taken (the host's rule: until `late_until`, while nobody
        has finished)."""
        return self.stage == "running" and self.level < self.late_until and not self.finished

    def seconds_left(self, now: float) -> float | None:
        if self.level_left is not None:
            return self.level_left
        return max(0.0, self.level_ends - now) if self.level_ends is not None else None

    def winner(self) -> Finisher | None:
        return next((f for f in self.finished if f.place == 1), None)


def started(model: TableState, e: ev.TournamentStarted) -> None:
    """Everyone moves to the seat drawn for them; the first level's clock starts."""
    t = model.tournament
    if t is None:
        return
    views = {s.member_id: s for s in model.seats.values()}
    model.seats = {}
    for member_id, number in zip(e.members, e.seats, strict=True):
        if member_id in views:
            views[member_id].seat = number
            model.seats[number] = views[member_id]
    t.stage, t.entrants, t.level, t.level_left = "running", len(e.members), 0, None
    t.level_ends = t._ends(clock())
    if model.paused:  # (started while paused: the clock waits for the table)
        t.level_left, t.level_ends = t.seconds_left(clock()), None
    model.say(words.tournament_started(len(e.members), t.prizes(len(e.members))))


def level_up(model: TableState, e: ev.LevelUp) -> None:
    model.small_blind, model.big_blind, model.ante = e.small_blind, e.big_blind, e.ante
    t = model.tournament
    if t is not None:
        t.level, t.level_hands, t.on_break = e.level, 0, False
        t.level_ends, t.level_left = t._ends(e.started), None
        if model.paused:  # (a level is only due while the table runs)
            t.level_left, t.level_ends = t.seconds_left(clock()), None
    model.say(words.blinds_up(e.level + 1, e.small_blind, e.big_blind, e.ante))


def break_started(model: TableState, e: ev.BreakStarted) -> None:
    """No hand until the break's end (by the host's clock), then the next level."""
    t = model.tournament
    if t is not None:
        t.on_break, t.level_ends, t.level_left = True, e.ends, None
        if model.paused:
            t.level_left, t.level_ends = t.seconds_left(clock()), None
        model.say(words.break_started(t.break_minutes))


def dealt(model: TableState) -> None:
    """A hand at this level (levels by hands count them)."""
    t = model.tournament
    if t is not None and t.stage == "running":
        t.level_hands += 1


def seated(model: TableState) -> None:
    """A seat taken once the tournament runs is a late entry."""
    t = model.tournament
    if t is not None and t.stage == "running":
        t.entrants += 1


def rebuy_offered(model: TableState, e: ev.RebuyOffered) -> None:
    t = model.tournament
    if t is not None:
        t.offers[e.member_id] = e.until
        if model.paused:  # (the host's offer waits for the table too)
            t.offers_left[e.member_id] = max(0.0, e.until - clock())
    name = model.name_of(e.member_id)
    model.say(words.rebuy_offered(name, t.buy_in if t else 0, e.member_id == model.me))


def rebuy_declined(model: TableState, e: ev.RebuyDeclined) -> None:
    _offer_over(model, e.member_id)


def rebought(model: TableState, e: ev.Rebought) -> None:
    t = model.tournament
    if t is not None:
        if e.add_on:
            t.add_ons.append(e.member_id)
        else:
            t.rebuys += 1
        _offer_over(model, e.member_id)
    if e.member_id == model.me:
        model.top_up_waiting = True  # (until `topped_up` brings the chips)
    model.say(words.rebought(model.name_of(e.member_id), t.buy_in if t else 0, e.add_on))


def _offer_over(model: TableState, member_id: int) -> None:
    t = model.tournament
    if t is not None:
        t.offers.pop(member_id, None)
        t.offers_left.pop(member_id, None)


def finished(model: TableState, e: ev.PlayerFinished) -> None:
    _offer_over(model, e.member_id)
    t = model.tournament
    name = model.name_of(e.member_id)
    if t is not None:
        t.finished.append(Finisher(member_id=e.member_id, name=name, place=e.place, prize=e.prize))
        if e.place == 1:  # the end: the clock stops
            t.stage, t.level_ends, t.level_left = "over", None, None
    model.say(words.finished(name, e.place, e.prize))


def paused(model: TableState, now: float) -> None:
    """The level's clock and the rebuy offers' stand still (the host's do too)."""
    t = model.tournament
    if t is not None:
        t.pause_offers(now)
        if t.level_ends is not None:
            t.level_left, t.level_ends = t.seconds_left(now), None


def unpaused(model: TableState, now: float) -> None:
    t = model.tournament
    if t is not None:
        t.offers |= {m: now + left for m, left in t.offers_left.items()}
        t.offers_left = {}
        if t.level_left is not None:
            t.level_ends, t.level_left = now + t.level_left, None


def clock_line(model: TableState, now: float) -> str:
    """The tournament's state in one line for the top bar ("" at a cash game)."""
    t = model.tournament
    if t is None:
        return ""
    if t.stage == "registering":
        seated = len(model.seats)
        return words.registering(t.buy_in, t.starting_stack, seated, t.prizes(max(seated, 1)))
    winner = t.winner()
    if winner is not None:
        return words.tournament_won(winner.name, winner.prize)
    left = t.entrants - len(t.finished)  # (an all-in's chips in the pot still count)
    level, seconds = t.current, t.seconds_left(now)
    if t.on_break:
        coming = t.next or level
        head = words.on_break(seconds, t.level + 2, coming.small_blind, coming.big_blind)
    else:
        head = words.level_head(t.level + 1, level.small_blind, level.big_blind, level.ante)
        if t.next is not None and t.hands_per_level:
            head += words.hands_left(min(t.level_hands, t.hands_per_level), t.hands_per_level)
        elif t.next is not None and seconds is not None:
            head += words.time_left(seconds, t.next.small_blind, t.next.big_blind)
    return words.standings_line(
        head,
        left,
        t.entrants,
        t.chips_in_play // max(left, 1),
        t.prizes(t.entrants),
        t.late_until if t.late_registration else 0,
        t.rebuy_until if t.rebuys_open else 0,
    )
