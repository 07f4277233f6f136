"""A sit-and-go's view: what the clock and the standings window are drawn from, in the
protocol's own shape at every stage."""

from __future__ import annotations

import msgspec

from host_server.protocol.shapes import TableView
from host_server.rules.moves import Action
from host_server.table import commands as cmd, decide
from host_server.views import live
from host_server.views.standings import tournament_view
from tests.host_server.table.test_tournament import START, TURBO, registered


def read(table, viewer=1) -> TableView:
    return msgspec.convert(live.snapshot(table, viewer), TableView)


def test_before_the_start_the_prizes_count_the_players_seated():
    table = registered(5, start=False)
    view = read(table).tournament
    assert view is not None and view.stage == "registering"
    assert (view.entrants, view.prizes) == (0, [163, 87])  # 65/35 of 5 x 50, the odd chip to 1st
    assert view.level_ends is None and read(table).summary.tournament == "registering"


def test_the_level_clock_runs_and_stands_still_while_paused():
    table = registered(4)
    view = read(table).tournament
    assert view is not None and view.stage == "running"
    assert view.level_ends == START + 60 * TURBO.levels[0].minutes and view.level_left is None
    decide.handle(table, cmd.Pause(1, immediate=True), START + 100)
    paused = read(table).tournament
    assert paused is not None and paused.level_ends is None
    assert paused.level_left == 60 * TURBO.levels[0].minutes - 100


def test_the_standings_name_every_finisher_in_the_order_they_went():
    table = registered(3)
    assert table.tournament is not None
    now = START
    for _ in range(3000):  # everyone all in, every hand: a winner within a few hands
        if table.tournament.over:
            break
        actor = table.actor_seat
        if actor is None:
            now += 5
            decide.handle(table, cmd.Tick(), now)
            continue
        member = table.seats[actor].member_id
        decide.handle(table, cmd.Act(member, Action.ALL_IN, table.hand_no), now)
    view = tournament_view(table)
    assert view is not None and view["stage"] == "over"
    places = [f["place"] for f in view["finished"]]
    assert places == [3, 2, 1]
    names = {m.id: m.name for m in table.members.values()}
    assert [f["name"] for f in view["finished"]] == [
        names[f["member_id"]] for f in view["finished"]
    ]
    assert sum(f["prize"] for f in view["finished"]) == 3 * TURBO.buy_in
