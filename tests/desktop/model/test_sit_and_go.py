"""A sit-and-go's clock line as the top bar shows it, fed the host's events: levels by
hands, a break counting down (and standing still while paused), late seats; each
line equal to the one a fresh snapshot draws at the same moment."""

from __future__ import annotations

import random

import pytest

from desktop.model import sit_and_go
from desktop.model.sit_and_go import clock_line
from host_server.rules.moves import Action
from host_server.table import commands as cmd, decide
from host_server.table.settings import TableSettings
from host_server.table.tournament import Tournament
from tests.desktop.model.test_table import feed, fresh
from tests.support.tables import T0

STRUCTURE = Tournament.preset(
    "turbo", buy_in=10, levels="10/20\n20/40\n40/80/5", minutes=1.0, hands_per_level=2,
    break_every=1, break_minutes=1.0, late_until=2, payouts="100",
)  # fmt: skip


class Game:
    """A table with three bots and a model of it, both at `now`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        settings = TableSettings.sit_and_go(
            "SNG", STRUCTURE, seats=6, auto_approve=True, between_hands_seconds=0
        )
        self.now = T0
        monkeypatch.setattr(sit_and_go, "clock", lambda: self.now)
        self.table, _ = decide.create("sng", settings, "Host", T0, random.Random(5))
        self.model = fresh(self.table, 1)

    def do(self, command: cmd.Command, at: float | None = None) -> None:
        self.now = self.now if at is None else at
        before = self.table.seq
        events = decide.handle(self.table, command, self.now)
        feed(self.model, self.table, 1, list(enumerate(events, start=before + 1)))

    def line(self) -> str:
        """The model's line, checked against a fresh snapshot's at the same moment."""
        mine = clock_line(self.model, self.now)
        assert mine == clock_line(fresh(self.table, 1), self.now)
        return mine


def hand_over(game: Game) -> None:
    """Everyone folds to the blind, each fold fed to the model."""
    for _ in range(20):
        table = game.table
        if table.actor_seat is None:
            return
        member = table.seats[table.actor_seat].member_id
        legal = table.hand.legal() if table.hand else None
        action = Action.FOLD if legal is not None and legal.can_fold else Action.CHECK
        game.do(cmd.Act(member, action, table.hand_no))


def test_levels_by_hands_a_break_and_late_seats_in_the_clock_line(monkeypatch):
    game = Game(monkeypatch)
    for seat in (1, 2, 3):
        game.do(cmd.AddBot(1, seat, "easy"))
    assert game.line().startswith("Sit-and-go · buy-in 10 · ")
    game.do(cmd.StartTournament(1))
    assert game.line() == (
        "Level 1: 10/20, hand 1 of 2  ·  3 of 3 left  ·  average 1000  ·  prizes 30"
        "  ·  late seats until level 2"
    )
    hand_over(game)
    game.do(cmd.Tick(), T0 + 5)
    assert game.line().startswith("Level 1: 10/20, hand 2 of 2  ·  ")
    hand_over(game)
    game.do(cmd.Tick(), T0 + 10)  # two hands played: the break, not a third
    assert game.table.hand is None
    assert game.line().startswith("Break: 1:00, then level 2: 20/40  ·  ")
    game.now = T0 + 30
    assert game.line().startswith("Break: 0:40, ")
    game.do(cmd.Pause(1, immediate=True), T0 + 30)
    game.now = T0 + 55  # paused: the break's clock stands still
    assert game.line().startswith("Break: 0:40, ")
    game.do(cmd.Unpause(1), T0 + 55)
    game.do(cmd.Tick(), T0 + 95)  # 1:00 + 25 s paused: the break is over, level 2 deals
    assert game.line().startswith("Level 2: 20/40, hand 1 of 2  ·  ")
    assert any(line.startswith("Blinds up: level 2") for line in game.model.log)
    assert any(line.startswith("Break for 1:00:") for line in game.model.log)


def test_the_last_level_has_no_countdown_and_late_seats_close_after_their_level(monkeypatch):
    game = Game(monkeypatch)
    for seat in (1, 2):
        game.do(cmd.AddBot(1, seat, "easy"))
    game.do(cmd.StartTournament(1))
    free = min(set(range(1, 7)) - set(game.table.seats))  # (the draw moved the two)
    game.do(cmd.AddBot(1, free, "easy"))  # a late seat: an entrant
    assert "3 of 3 left" in game.line()
    for n in range(12):
        if game.table.tournament is not None and game.table.tournament.level == 2:
            break
        hand_over(game)
        game.do(cmd.Tick(), T0 + 200 * (n + 1))  # (long enough for any break)
    assert game.line() == (
        "Level 3: 40/80 ante 5  ·  3 of 3 left  ·  average 1000  ·  prizes 30"
    )  # by hands, the last level lasts: no count; past level 2: no late seats
