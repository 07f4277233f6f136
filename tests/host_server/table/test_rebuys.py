"""A sit-and-go's rebuys and add-on: a busted player's offer (the deal waits for it; it
runs out, is declined or taken), rebuys while the stack is short, the one add-on in the
last level of rebuys, the pool and the ledger, and every refusal changing nothing."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from host_server.errors import Code, CommandError, SettingsError
from host_server.rules.moves import Action
from host_server.table import commands as cmd, dealer, decide, events as ev, snapshot
from host_server.table.settings import TableSettings
from host_server.table.state import Table
from host_server.table.tournament import Tournament
from host_server.views.ledger import balanced, ledger
from tests.support.checks import assert_conserved
from tests.support.tables import fold_all

START = 1_800_000_000.0
REBUYS = Tournament.preset("turbo", buy_in=50, rebuy_until=2, add_on=1000)
STACK = REBUYS.starting_stack


def heads_up(structure: Tournament = REBUYS) -> tuple[Table, int, int]:
    """Two players (member ids 2 and 3), the tournament started, the first hand dealt."""
    s = TableSettings.sit_and_go(
        "SNG", structure, seats=6, auto_approve=True, between_hands_seconds=0, action_seconds=20
    )
    table, _ = decide.create("sng", s, "Host", START, random.Random(5))
    for seat, name in ((1, "Ann"), (2, "Bob")):
        decide.handle(table, cmd.RequestJoin(name), START)
        decide.handle(table, cmd.Sit(table.next_member_id - 1, seat, STACK), START)
    decide.handle(table, cmd.StartTournament(1), START)
    decide.handle(table, cmd.Tick(), START)
    assert table.hand is not None
    return table, 2, 3


def all_in_to_the_end(table: Table, now: float) -> list[ev.Event]:
    """Both players all in: the hand runs out; one of them (a chop aside) is busted."""
    out: list[ev.Event] = []
    for _ in range(4):
        if table.actor_seat is None:
            break
        member = table.seats[table.actor_seat].member_id
        legal = table.hand.legal() if table.hand else None
        action = Action.ALL_IN if legal is not None and legal.can_raise else Action.CALL
        out += decide.handle(table, cmd.Act(member, action, table.hand_no), now)
    assert table.hand is None
    return out


def busted_heads_up(structure: Tournament = REBUYS) -> tuple[Table, int, int, float]:
    """A heads-up hand played all in until one player is busted: (table, busted,
    winner, until), the offer's end."""
    for seed in range(20):
        table, a, b = heads_up(structure)
        table.rng.seed(seed)  # (a deck with a winner; the first hand's is dealt already)
        out = all_in_to_the_end(table, START + 1)
        offers = [e for e in out if isinstance(e, ev.RebuyOffered)]
        if offers:
            (offer,) = offers
            winner = a if offer.member_id == b else b
            return table, offer.member_id, winner, offer.until
    raise AssertionError("no deck busted anyone")


def refused_unchanged(table: Table, command: cmd.Command, code: str, now: float) -> None:
    before = snapshot.to_dict(table)
    with pytest.raises(CommandError) as refused:
        decide.handle(table, command, now)
    assert refused.value.code == code
    assert snapshot.to_dict(table) == before


def test_a_busted_player_is_offered_a_rebuy_and_the_deal_waits_for_it():
    table, busted, _, until = busted_heads_up()
    assert until == START + 1 + 20  # the action clock's length
    seat = table.seat_of(busted)
    assert seat is not None and seat.stack == 0  # still seated, and nothing is dealt
    assert dealer.next_deadline(table) == until
    assert decide.handle(table, cmd.Tick(), START + 10) == []
    out = decide.handle(table, cmd.Rebuy(busted), START + 12)
    assert out[:2] == [ev.Rebought(busted, STACK), ev.ToppedUp(busted, seat.number, STACK)]
    assert any(isinstance(e, ev.HandStarted) for e in out)  # and the game goes on
    assert table.tournament is not None and table.tournament.rebuys == {busted: 1}
    assert table.tournament.pool(REBUYS) == 3 * REBUYS.buy_in
    rows = {r.member_id: r for r in ledger(table)}
    assert (rows[busted].buy_ins, rows[busted].top_ups) == (50, 50)
    assert balanced(ledger(table))
    assert_conserved(table)


def test_an_offer_that_runs_out_finishes_the_player_and_the_winner_takes_the_pool():
    table, busted, winner, until = busted_heads_up()
    decide.handle(table, cmd.Pause(1, immediate=True), until - 5)
    assert decide.handle(table, cmd.Tick(), until + 30) == []  # (a pause holds the offer)
    decide.handle(table, cmd.Unpause(1), until + 45)  # 50 s stopped
    assert dealer.next_deadline(table) == until + 50
    out = decide.handle(table, cmd.Tick(), until + 50)
    finished = [(e.member_id, e.place, e.prize) for e in out if isinstance(e, ev.PlayerFinished)]
    assert finished == [(busted, 2, 0), (winner, 1, 100)]
    assert table.tournament is not None and table.tournament.over
    assert balanced(ledger(table))


def test_a_declined_offer_finishes_the_player_at_once():
    table, busted, winner, _ = busted_heads_up()
    refused_unchanged(table, cmd.DeclineRebuy(winner), Code.REBUYS_CLOSED, START + 2)
    out = decide.handle(table, cmd.DeclineRebuy(busted), START + 2)
    assert [e.kind for e in out][:2] == ["rebuy_declined", "player_finished"]
    assert table.seat_of(busted) is None


def test_rebuys_while_short_and_the_one_add_on_in_the_last_level_of_rebuys():
    table, a, b = heads_up()
    t = table.tournament
    assert t is not None
    refused_unchanged(table, cmd.AddOn(a), Code.REBUYS_CLOSED, START + 1)  # level 1 of 2
    out = decide.handle(table, cmd.Rebuy(a), START + 1)  # in a hand: lands when it ends
    assert out == [ev.Rebought(a, STACK)] and table.members[a].top_up == STACK
    refused_unchanged(table, cmd.Rebuy(a), Code.TOP_UP_PENDING, START + 1)
    fold_all(table, START + 2)
    seat = table.seat_of(a)
    assert seat is not None and seat.stack > STACK and table.members[a].top_up == 0
    refused_unchanged(table, cmd.Rebuy(a), Code.STACK_TOO_BIG, START + 3)
    ends = t.level_ends(REBUYS)
    assert ends is not None
    decide.handle(table, cmd.Tick(), ends)  # level 2: the last of rebuys, and a hand
    fold_all(table, ends)
    out = decide.handle(table, cmd.AddOn(a), ends + 1)
    assert out[:2] == [
        ev.Rebought(a, REBUYS.add_on, add_on=True),
        ev.ToppedUp(a, seat.number, REBUYS.add_on),
    ]
    refused_unchanged(table, cmd.AddOn(a), Code.REBUYS_CLOSED, ends + 1)
    later = t.level_ends(REBUYS)
    assert later is not None
    fold_all(table, later)
    decide.handle(table, cmd.Tick(), later)  # level 3: rebuys are over
    assert t.level == 2
    refused_unchanged(table, cmd.Rebuy(b), Code.REBUYS_CLOSED, later + 1)
    refused_unchanged(table, cmd.AddOn(b), Code.REBUYS_CLOSED, later + 1)
    assert (t.rebuys, t.add_ons) == ({a: 1}, (a,))
    assert t.pool(REBUYS) == REBUYS.buy_in * (2 + 1 + 1)
    rows = {r.member_id: r for r in ledger(table)}
    assert rows[a].top_ups == 2 * REBUYS.buy_in and balanced(ledger(table))
    assert_conserved(table)
    assert snapshot.from_dict(snapshot.to_dict(table)).tournament == t


def test_refusals_at_a_table_without_rebuys_or_without_a_tournament():
    table, a, _ = heads_up(replace(REBUYS, rebuy_until=0, add_on=0))
    refused_unchanged(table, cmd.Rebuy(a), Code.REBUYS_CLOSED, START + 1)
    refused_unchanged(table, cmd.AddOn(a), Code.REBUYS_CLOSED, START + 1)
    refused_unchanged(table, cmd.Rebuy(1), Code.NOT_SEATED, START + 1)  # (the host watches)
    cash, _ = decide.create("cash", TableSettings("Cash"), "Host", START)
    decide.handle(cash, cmd.Sit(1, 1, 200), START)
    refused_unchanged(cash, cmd.Rebuy(1), Code.NOT_A_TOURNAMENT, START)


@pytest.mark.parametrize(
    ("change", "field"),
    [({"rebuy_until": 99}, "rebuy_until"), ({"rebuy_until": 0, "add_on": 500}, "add_on")],
)
def test_the_rebuy_rules_are_checked_by_field(change, field):
    with pytest.raises(SettingsError) as refused:
        replace(REBUYS, **change).check()
    assert refused.value.field == field
