"""The fold of a sit-and-go's own events, for `Table` (state.py): the draw for seats, the
level clock and who finished where. Like the rest of the fold, it only applies."""

from __future__ import annotations

from typing import Any

from host_server.table import events as ev
from host_server.table.members import Member, Seat
from host_server.table.settings import TableSettings
from host_server.table.tournament import Standing, TournamentState


class SitAndGoFold:
    settings: TableSettings
    members: dict[int, Member]
    seats: dict[int, Seat]
    button: int | None
    tournament: TournamentState | None
    next_hand_at: float
    paused_at: float | None

    def _tournament_started(self, e: ev.TournamentStarted, at: float) -> None:
        assert self.tournament is not None
        held = {seat.member_id: seat for seat in self.seats.values()}
        self.seats = {}
        for member_id, number in zip(e.members, e.seats, strict=True):
            seat = held[member_id]
            seat.number = number
            self.seats[number] = seat
        self.button = e.button_before
        self.tournament.started = True
        self.tournament.entrants = e.members
        # (started while paused, the level's clock stands still until the table goes on)
        self.tournament.level_started = self.paused_at if self.paused_at is not None else at
        self.next_hand_at = max(self.next_hand_at, at + self.settings.between_hands_seconds)

    def _level_up(self, e: ev.LevelUp, at: float) -> None:
        assert self.tournament is not None
        self.tournament.level = e.level
        self.tournament.level_started = e.started
        self.tournament.break_until = None
        self.tournament.level_hands = 0
        self.settings = self.settings.with_blinds(e.small_blind, e.big_blind, e.ante)

    def _break_started(self, e: ev.BreakStarted, at: float) -> None:
        assert self.tournament is not None
        self.tournament.break_until = e.ends

    def _sit_and_go_seat(self, member_id: int) -> None:
        """A seat taken late is an entry too (before the start, the draw makes them)."""
        if self.tournament is not None and self.tournament.running:
            self.tournament.entrants += (member_id,)

    def _sit_and_go_hand(self, e: ev.HandStarted) -> None:
        t = self.tournament
        if t is None or not t.running:
            return
        t.level_hands += 1
        if len(e.seats) == 2:  # heads-up the button posts the small blind
            t.blinds_at = (e.seats[1], e.seats[0])
        elif e.dead_small_blind is not None:
            t.blinds_at = (e.dead_small_blind, e.seats[0])
        else:
            t.blinds_at = (e.seats[0], e.seats[1])

    def _rebuy_offered(self, e: ev.RebuyOffered, at: float) -> None:
        assert self.tournament is not None
        self.tournament.offers[e.member_id] = e.until

    def _rebuy_declined(self, e: ev.RebuyDeclined, at: float) -> None:
        assert self.tournament is not None
        self.tournament.offers[e.member_id] = at  # (over: the dealer finishes them)

    def _rebought(self, e: ev.Rebought, at: float) -> None:
        t = self.tournament
        assert t is not None
        if e.add_on:
            t.add_ons += (e.member_id,)
        else:
            t.rebuys[e.member_id] = t.rebuys.get(e.member_id, 0) + 1
        t.offers.pop(e.member_id, None)
        self.members[e.member_id].top_up = e.chips  # (lands as a top-up does)

    def _player_finished(self, e: ev.PlayerFinished, at: float) -> None:
        assert self.tournament is not None
        self.tournament.offers.pop(e.member_id, None)
        self.tournament.finished.append(Standing(e.member_id, e.place, e.prize))
        self.members[e.member_id].prize = e.prize

    def _level_clock_stopped(self, seconds: float) -> None:
        """The table stood still (paused, or the host was down): so does the level."""
        if self.tournament is not None and self.tournament.started:
            self.tournament.level_started += seconds
            if self.tournament.break_until is not None:
                self.tournament.break_until += seconds
            for member_id in self.tournament.offers:
                self.tournament.offers[member_id] += seconds


APPLY: dict[type[ev.Event], Any] = {
    ev.TournamentStarted: SitAndGoFold._tournament_started,
    ev.LevelUp: SitAndGoFold._level_up,
    ev.BreakStarted: SitAndGoFold._break_started,
    ev.RebuyOffered: SitAndGoFold._rebuy_offered,
    ev.RebuyDeclined: SitAndGoFold._rebuy_declined,
    ev.Rebought: SitAndGoFold._rebought,
    ev.PlayerFinished: SitAndGoFold._player_finished,
}
