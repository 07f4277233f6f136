"""Sit-and-go tournaments: the structure and its checks, payouts, and random tournaments
played to a winner with every invariant checked at every event (time passed in)."""

from __future__ import annotations

import contextlib
import random
from dataclasses import replace

import pytest
from hypothesis import given, settings, strategies as st

from host_server.errors import Code, CommandError, SettingsError
from host_server.table import commands as cmd, dealer, decide, events as ev, snapshot
from host_server.table.settings import TableSettings
from host_server.table.state import Table
from host_server.table.tournament import (
    Level,
    Standing,
    Tournament,
    TournamentState,
    default_payouts,
    prizes,
)
from host_server.views.ledger import balanced, ledger
from tests.support.checks import assert_conserved
from tests.support.random_play import RULES, sit_and_go_step, with_rules
from tests.support.tables import fold_all

START = 1_800_000_000.0
TURBO = Tournament.preset("turbo", buy_in=50)


# --- the structure ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"buy_in": -1}, "buy_in", "buy-in"),
        ({"levels": ()}, "levels", "1 to 60 levels"),
        ({"levels": (Level(10, 20, 0, 5), Level(10, 20, 0, 5))}, "levels", "Level 2"),
        ({"levels": (Level(30, 20, 0, 5),)}, "levels", "Level 1"),
        ({"levels": (Level(10, 20, 0, 0),)}, "levels", "minutes"),
        ({"starting_stack": 100}, "starting_stack", "10 big blinds"),
        ({"payouts": (50, 30, 10)}, "payouts", "sum to 100"),
        ({"payouts": (30, 70)}, "payouts", "largest first"),
    ],
)
def test_a_structure_is_checked_field_by_field(change, field, words):
    with pytest.raises(SettingsError) as refused:
        replace(TURBO, **change).check()
    assert refused.value.field == field and words in refused.value.message


def test_presets_make_playable_tables_and_read_back():
    for name in ("turbo", "regular", "deep"):
        made = TableSettings.sit_and_go("T", Tournament.preset(name))
        assert TableSettings.from_dict(made.to_dict()) == made
        levels = made.tournament.levels if made.tournament else ()
        assert [v.big_blind for v in levels] == sorted({v.big_blind for v in levels})
    with pytest.raises(SettingsError):
        Tournament.preset("hyper")


@given(
    pool=st.integers(0, 10**9),
    entrants=st.integers(2, 10),
    payouts=st.sampled_from([(100,), (65, 35), (50, 30, 20), (40, 25, 15, 10, 10)]),
)
def test_prizes_sum_to_the_pool_and_first_takes_the_remainder(pool, entrants, payouts):
    paid = prizes(pool, payouts, entrants)
    assert sum(paid) == pool
    assert len(paid) == min(len(payouts), entrants)
    assert list(paid) == sorted(paid, reverse=True)
    assert all(p == pool * share // 100 for p, share in zip(paid[1:], payouts[1:], strict=False))


def test_default_payouts_by_entrants():
    assert [default_payouts(n) for n in (2, 4, 5, 6, 7, 10)] == [
        (100,), (100,), (65, 35), (65, 35), (50, 30, 20), (50, 30, 20),
    ]  # fmt: skip


# --- registration and the start --------------------------------------------------


def registered(players: int = 4, *, start: bool = True) -> Table:
    s = TableSettings.sit_and_go("SNG", TURBO, seats=6, auto_approve=True)
    table, _ = decide.create("sng", s, "Host", START, random.Random(7))
    for seat in range(1, players + 1):
        decide.handle(table, cmd.AddBot(1, seat, "easy"), START)
    if start:
        decide.handle(table, cmd.StartTournament(1), START)
    return table


def refused_unchanged(table: Table, command: cmd.Command, code: str) -> None:
    before = snapshot.to_dict(table)
    with pytest.raises(CommandError) as refused:
        decide.handle(table, command, START + 1)
    assert refused.value.code == code
    assert snapshot.to_dict(table) == before


def test_nothing_is_dealt_before_the_start_and_the_start_draws_seats():
    table = registered(4, start=False)
    assert dealer.next_deadline(table) is None
    assert decide.handle(table, cmd.Tick(), START + 60) == []
    refused_unchanged(table, cmd.StartTournament(2), Code.NOT_HOST)
    out = decide.handle(table, cmd.StartTournament(1), START + 60)
    started = out[0]
    assert isinstance(started, ev.TournamentStarted)
    assert sorted(table.seats) == sorted(started.seats)
    assert {table.seats[n].member_id for n in started.seats} == set(started.members)
    assert all(s.stack == TURBO.starting_stack for s in table.seats.values())
    assert table.hand is None and dealer.next_deadline(table) == START + 63  # a moment first


def test_a_running_tournament_refuses_what_would_change_its_seats_or_stakes():
    table = registered(4)
    host_bot = table.seats[next(iter(table.seats))].member_id
    free = next(n for n in range(1, 7) if n not in table.seats)
    for command in (
        cmd.StartTournament(1),
        cmd.AddBot(1, free, "easy"),
        cmd.RemoveBot(1, next(iter(table.seats))),
        cmd.Kick(1, host_bot),
        cmd.Leave(host_bot),
        cmd.Stand(host_bot),
        cmd.TopUp(host_bot, 100),
    ):
        refused_unchanged(table, command, Code.TOURNAMENT_STARTED)
    refused_unchanged(table, cmd.Sit(1, free, TURBO.starting_stack), Code.TOURNAMENT_STARTED)
    refused_unchanged(table, cmd.SetBlinds(1, 50, 100), Code.INVALID_BLINDS)


def test_a_cash_game_has_no_start_and_one_player_cannot_start():
    cash, _ = decide.create("cash", TableSettings("Cash"), "Host", START)
    refused_unchanged(cash, cmd.StartTournament(1), Code.NOT_A_TOURNAMENT)
    refused_unchanged(registered(1, start=False), cmd.StartTournament(1), Code.TOO_FEW_PLAYERS)


# --- the level clock -------------------------------------------------------------


def test_the_level_clock_stops_for_pauses_and_for_host_downtime():
    table = registered(4)
    assert table.tournament is not None
    first_end = START + 60 * TURBO.levels[0].minutes
    assert table.tournament.level_ends(TURBO) == first_end
    decide.handle(table, cmd.Pause(1, immediate=True), START + 100)
    decide.handle(table, cmd.Restarted(down_since=START + 130), START + 190)  # 60 s down
    decide.handle(table, cmd.Unpause(1), START + 250)  # 150 s stopped, 60 of them down
    assert table.tournament.level_ends(TURBO) == first_end + 150
    decide.handle(table, cmd.Restarted(down_since=START + 260), START + 300)  # 40 s down
    assert table.tournament.level_ends(TURBO) == first_end + 190
    assert table.tournament.level == 0
    out = decide.handle(table, cmd.Tick(), first_end + 190)
    (up,) = [e for e in out if isinstance(e, ev.LevelUp)]
    assert (up.level, up.small_blind, up.big_blind, up.started) == (
        1, TURBO.levels[1].small_blind, TURBO.levels[1].big_blind, first_end + 190,
    )  # fmt: skip


def test_the_action_clock_keeps_the_downtime_of_a_restart_while_paused():
    table = registered(3)
    decide.handle(table, cmd.Tick(), START + 3)  # the first hand
    assert table.hand is not None
    deadline = table.turn_deadline()
    assert deadline is not None
    decide.handle(table, cmd.Pause(1, immediate=True), START + 10)
    decide.handle(table, cmd.Restarted(down_since=START + 20), START + 80)  # 60 s down
    decide.handle(table, cmd.Unpause(1), START + 100)  # 90 s stopped in all
    assert table.turn_deadline() == deadline + 90


def test_an_away_player_is_blinded_not_freed():
    table = registered(3)
    away = table.seats[next(iter(table.seats))]
    decide.handle(table, cmd.Disconnect(away.member_id), START)
    member = table.members[away.member_id]
    member.disconnected_at = START  # a bot is never away; this one is made so for the test
    now = START + table.settings.seat_free_seconds + 1
    decide.handle(table, cmd.Tick(), now)
    assert away.number in table.seats and table.seats[away.number].sitting_out
    deadline = dealer.next_deadline(table)
    assert deadline is not None and deadline > now - 1  # nothing overdue keeps ticking


# --- random tournaments to a winner --------------------------------------------------


def check_standings(table: Table, finished: list[ev.PlayerFinished]) -> None:
    tournament = table.tournament
    assert tournament is not None
    places = [f.place for f in finished]
    entrants = len(tournament.entrants)
    assert places == list(range(entrants, entrants - len(places), -1))  # in bust order
    for f in finished:
        assert table.seat_of(f.member_id) is None or f.place == 1
    if tournament.over:
        assert len(finished) == entrants
        assert table.settings.tournament is not None
        assert sum(f.prize for f in finished) == tournament.pool(table.settings.tournament)


def check_dead_button(e: ev.HandStarted, blinds_at: tuple[int, int] | None, seated: bool) -> None:
    """Three or more dealt in: the big blind is the seat dealt after the last one, the
    small blind's seat (posted or dead) the last big blind's, the button the last small
    blind's."""
    if blinds_at is None or len(e.seats) < 3 or seated:
        return
    button, small = blinds_at
    big = e.seats[0] if e.dead_small_blind is not None else e.seats[1]
    ring = sorted(e.seats)
    assert big == next((n for n in ring if n > small), ring[0])
    assert (e.dead_small_blind or e.seats[0]) == small
    assert e.button == button


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32), rules=RULES)
def test_a_random_sit_and_go_plays_to_one_winner_with_every_invariant(seed, rules):
    """Any structure (levels by minutes or hands, breaks, late registration, rebuys)."""
    made = with_rules(rules)
    rng = random.Random(seed)
    table, _ = decide.create("sng", made, "Host", START, random.Random(seed))
    log: list[tuple[ev.Event, float]] = []
    finished: list[ev.PlayerFinished] = []
    now = START
    seated = False  # a seat taken since the last deal (a late seat may keep the moving button)
    for _ in range(6000):
        if table.closed or (table.tournament is not None and table.tournament.over):
            break
        command, wait = sit_and_go_step(table, rng)
        now += wait
        blinds_at = table.tournament.blinds_at if table.tournament else None
        with contextlib.suppress(CommandError):
            for event in decide.handle(table, command, now):
                log.append((event, now))
                finished += [event] if isinstance(event, ev.PlayerFinished) else []
                assert_conserved(table)
                assert not (isinstance(event, ev.HandStarted) and table.tournament.break_until)
                seated |= isinstance(event, ev.SeatTaken)
                if isinstance(event, ev.HandStarted):
                    check_dead_button(event, blinds_at, seated)
                    seated = False
        check_standings(table, finished)
    assert table.closed or (table.tournament is not None and table.tournament.over)
    assert balanced(ledger(table))
    replayed, _ = decide.create("sng", made, "Host", START)
    for event, at in log:
        replayed.apply(event, at)
    assert snapshot.to_dict(replayed) == snapshot.to_dict(table)
    assert snapshot.to_dict(snapshot.from_dict(snapshot.to_dict(table))) == snapshot.to_dict(table)


def test_random_sit_and_goes_do_reach_every_rule_busts_dead_buttons_and_winners():
    """The driver above really plays tournaments through (so its checks ran on them)."""
    kinds: set[str] = set()
    for seed in range(8):
        rng = random.Random(seed)
        rules = {"break_every": 2, "late_until": 3, "hands_per_level": 3 * (seed % 2)}
        rules |= {"rebuy_until": 4, "add_on": 600}
        table, _ = decide.create("sng", with_rules(rules), "Host", START, random.Random(seed))
        now = START
        for _ in range(6000):
            command, wait = sit_and_go_step(table, rng)
            now += wait
            with contextlib.suppress(CommandError):
                out = decide.handle(table, command, now)
                kinds |= {e.kind for e in out}
                started = table.tournament is not None and table.tournament.started
                kinds |= {"late_seat" for e in out if isinstance(e, ev.SeatTaken) and started}
                deals = [e for e in out if isinstance(e, ev.HandStarted)]
                kinds |= {"dead_small_blind" for e in deals if e.dead_small_blind is not None}
                kinds |= {"dead_button" for e in deals if e.button not in table.seats}
            if table.tournament is not None and table.tournament.over:
                kinds.add("over")
                break
    wanted = {"tournament_started", "level_up", "break_started", "late_seat", "player_finished"}
    wanted |= {"rebuy_offered", "rebought", "rebuy_declined", "dead_small_blind", "dead_button"}
    assert wanted | {"over"} <= kinds, wanted - kinds


def test_a_break_deals_nothing_and_the_next_level_starts_when_it_ends():
    structure = replace(TURBO, levels=TURBO.levels[:4], break_every=2, break_minutes=1.0)
    s = TableSettings.sit_and_go("SNG", replace(structure, levels=tuple(
        replace(v, minutes=1.0) for v in structure.levels)), seats=6, auto_approve=True,
        between_hands_seconds=0)  # fmt: skip
    table, _ = decide.create("sng", s, "Host", START, random.Random(3))
    for seat in (1, 2, 3):
        decide.handle(table, cmd.AddBot(1, seat, "easy"), START)
    decide.handle(table, cmd.StartTournament(1), START)
    decide.handle(table, cmd.Pause(1, immediate=True), START)  # (no hands: the clock alone)
    decide.handle(table, cmd.Unpause(1), START)
    fold_all(table, START)
    out = decide.handle(table, cmd.Tick(), START + 60)  # level 1 ends: level 2
    assert [e.level for e in out if isinstance(e, ev.LevelUp)] == [1]
    fold_all(table, START + 60)
    out = decide.handle(table, cmd.Tick(), START + 120)  # level 2 ends: a break
    assert [e for e in out if isinstance(e, ev.BreakStarted)] == [ev.BreakStarted(START + 180)]
    fold_all(table, START + 120)
    assert table.hand is None and decide.handle(table, cmd.Tick(), START + 150) == []
    assert dealer.next_deadline(table) == START + 180
    decide.handle(table, cmd.Pause(1, immediate=True), START + 150)  # a pause holds it too
    decide.handle(table, cmd.Unpause(1), START + 160)
    assert dealer.next_deadline(table) == START + 190
    out = decide.handle(table, cmd.Tick(), START + 190)
    assert [(e.level, e.started) for e in out if isinstance(e, ev.LevelUp)] == [(2, START + 190)]
    assert any(isinstance(e, ev.HandStarted) for e in out)  # and the cards come again


def test_levels_by_hands_go_up_after_their_hands_and_not_by_the_clock():
    structure = replace(TURBO, hands_per_level=2)
    s = TableSettings.sit_and_go("SNG", structure, seats=6, between_hands_seconds=0)
    table, _ = decide.create("sng", s, "Host", START, random.Random(3))
    for seat in (1, 2, 3):
        decide.handle(table, cmd.AddBot(1, seat, "easy"), START)
    decide.handle(table, cmd.StartTournament(1), START)
    assert table.tournament is not None and table.tournament.level_ends(structure) is None
    blinds = []
    for hand in range(5):
        decide.handle(table, cmd.Tick(), START + 10 * hand + 3)
        assert table.hand is not None
        blinds.append(table.hand.spec.big_blind)
        fold_all(table, START + 10 * hand + 3)
    bigs = [v.big_blind for v in structure.levels]
    assert blinds == [bigs[0], bigs[0], bigs[1], bigs[1], bigs[2]]


def test_late_registration_until_its_level_or_the_first_player_out():
    structure = replace(TURBO, late_until=2)
    s = TableSettings.sit_and_go("SNG", structure, seats=6, auto_approve=True)
    table, _ = decide.create("sng", s, "Host", START, random.Random(3))
    for seat in (1, 2):
        decide.handle(table, cmd.AddBot(1, seat, "easy"), START)
    decide.handle(table, cmd.StartTournament(1), START)
    free = [n for n in range(1, 7) if n not in table.seats]
    decide.handle(table, cmd.AddBot(1, free[0], "easy"), START + 1)  # late, at level 1
    assert table.tournament is not None and len(table.tournament.entrants) == 3
    assert table.tournament.prize(structure, 1) == 3 * structure.buy_in
    ends = table.tournament.level_ends(structure)
    assert ends is not None
    fold_all(table, START + 1)
    decide.handle(table, cmd.Tick(), ends)  # level 2: still open
    decide.handle(table, cmd.AddBot(1, free[1], "easy"), ends)
    second = table.tournament.level_ends(structure)
    assert second is not None
    fold_all(table, ends)
    decide.handle(table, cmd.Tick(), second)  # level 3: closed
    refused_unchanged(table, cmd.AddBot(1, free[2], "easy"), Code.TOURNAMENT_STARTED)


def test_late_registration_closes_once_a_place_is_given():
    structure = replace(TURBO, late_until=3)
    state = TournamentState(started=True, entrants=(2, 3, 4))
    assert state.registering(structure)
    state.finished.append(Standing(4, 3, 0))  # a place given: it must stay the third
    assert not state.registering(structure)
    assert not TournamentState(True, (2, 3), level=3).registering(structure)
    assert TournamentState().registering(replace(TURBO, late_until=0))  # before the start


def test_a_blind_bigger_than_a_stack_puts_it_all_in():
    """Late in a tournament the blinds outgrow stacks: the short blind posts what it
    has, is all in, and the hand plays on (no refusal, no stall)."""
    structure = Tournament.preset("turbo", levels="10/20\n600/1200", hands_per_level=1)
    s = TableSettings.sit_and_go("SNG", structure, seats=6, between_hands_seconds=0)
    table, _ = decide.create("sng", s, "Host", START, random.Random(3))
    for seat in (1, 2, 3):
        decide.handle(table, cmd.AddBot(1, seat, "easy"), START)
    decide.handle(table, cmd.StartTournament(1), START)
    fold_all(table, START)  # the one hand of level 1: the blinds win a little
    decide.handle(table, cmd.Tick(), START + 5)
    hand = table.hand
    assert hand is not None and hand.spec.big_blind == 1200
    posted = [bet for bet in hand.bets if bet]
    assert sorted(posted) == [600, max(posted)] and max(posted) < 1200  # the big blind: all in
    assert 0 in hand.stacks
    assert_conserved(table)
