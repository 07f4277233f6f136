"""Rebuys and top-ups (with and without the host's approval) and the ledger that balances."""

from __future__ import annotations

import csv
import io

import pytest

from host_server.errors import CommandError
from host_server.rules.moves import Action
from host_server.table import commands as cmd, events as ev, snapshot
from host_server.views.ledger import LedgerRow, balanced, ledger, payments, to_csv
from tests.support.tables import seated, stack


def refuse(game, command, code):
    before = snapshot.to_dict(game.table)
    with pytest.raises(CommandError) as error:
        game.do(command)
    assert error.value.code == code and snapshot.to_dict(game.table) == before


def test_a_top_up_between_hands_lands_at_once_and_mid_hand_after_the_hand():
    game = seated({1: 100, 2: 100}, start=False, max_buy_in=300, min_buy_in=50)
    table = game.table
    refuse(game, cmd.TopUp(2, 201), "amount_out_of_range")
    refuse(game, cmd.TopUp(2, 0), "amount_out_of_range")
    refuse(game, cmd.TopUp(3, 10), "unknown_member")
    events = game.do(cmd.TopUp(2, 50))
    assert [e.kind for e in events] == ["top_up_approved", "topped_up"]
    assert table.seats[2].stack == 150
    game.tick(table.settings.between_hands_seconds)
    assert table.hand is not None
    events = game.do(cmd.TopUp(2, 100))
    assert [e.kind for e in events] == ["top_up_approved"]  # waits for the hand to end
    refuse(game, cmd.TopUp(2, 10), "top_up_pending")
    game.act(table.actor_seat, Action.FOLD)
    assert ev.ToppedUp(2, 2, 100) in game.log
    assert table.seats[2].stack in (249, 250, 251, 252)  # 250 give or take the blinds
    rows = {r.member_id: r for r in ledger(table)}
    assert (rows[2].buy_ins, rows[2].top_ups) == (100, 150)
    assert balanced(list(rows.values()))


def test_the_host_approves_or_rejects_top_ups_when_the_table_says_so():
    game = seated({1: 100, 2: 100}, start=False, approve_top_ups=True)
    table = game.table
    assert [e.kind for e in game.do(cmd.TopUp(2, 40))] == ["top_up_requested"]
    assert table.members[2].top_up_asked == 40 and table.seats[2].stack == 100
    refuse(game, cmd.ApproveTopUp(2, 2), "not_host")
    refuse(game, cmd.ApproveTopUp(1, 1), "no_top_up")
    game.do(cmd.RejectTopUp(1, 2))
    assert table.members[2].top_up_asked == 0 and table.seats[2].stack == 100
    game.do(cmd.TopUp(2, 40))
    game.do(cmd.ApproveTopUp(1, 2))
    assert table.seats[2].stack == 140
    # The host's own top-ups need nobody's approval.
    assert [e.kind for e in game.do(cmd.TopUp(1, 10))] == ["top_up_approved", "topped_up"]


def shove_and_call(game) -> None:
    game.act(game.table.actor_seat, Action.ALL_IN)
    game.act(game.table.actor_seat, Action.CALL)


def test_a_busted_player_rebuys_and_is_dealt_in_again_and_a_busted_bot_rebuys_itself():
    # Heads-up, seat 1 has the button and aces; seat 2 (the big blind) busts.
    deck = stack(["2c7d", "AhAd"], "KsKd9c4h3s")
    game = seated({1: 200, 2: 100}, [deck], max_buy_in=200)
    table = game.table
    shove_and_call(game)
    assert table.seats[2].stack == 0 and table.seats[2].sitting_out
    refuse(game, cmd.SitIn(2), "no_chips")
    events = game.do(cmd.TopUp(2, 100))
    assert [e.kind for e in events] == ["top_up_approved", "topped_up", "sat_in"]
    assert table.seats[2].stack == 100 and not table.seats[2].sitting_out
    assert game.tick(table.settings.between_hands_seconds)[0].kind == "hand_started"
    # A bot that busts buys in again for the maximum by itself.
    bots = seated({1: 200}, [deck], start=False, max_buy_in=300)
    bots.do(cmd.AddBot(1, 2, "easy", 100))
    bots.tick(bots.table.settings.between_hands_seconds)
    shove_and_call(bots)
    bot = bots.table.members[bots.table.seats[2].member_id]
    assert bots.table.seats[2].stack == 300 and not bots.table.seats[2].sitting_out
    assert (bot.bought_in, bot.topped_up) == (400, 300)
    assert balanced(ledger(bots.table))


def test_the_ledger_exports_as_csv_and_balances_mid_hand():
    game = seated({1: 100, 2: 80, 3: 60})
    table = game.table
    game.act(table.actor_seat, Action.CALL)
    rows = ledger(table)
    assert balanced(rows) and sum(r.in_pot for r in rows) == 3 + 2  # blinds and a call
    ledger_part, settle_part = to_csv(rows).split("\n\n")
    parsed = list(csv.DictReader(io.StringIO(ledger_part)))
    assert [int(r["buy_ins"]) for r in parsed] == [100, 80, 60]
    assert parsed[0].keys() >= {"name", "top_ups", "cashed_out", "stack", "balance", "net"}
    # All square: the chips in the pot are still their owners'.
    assert list(csv.DictReader(io.StringIO(settle_part))) == []


def test_the_csv_ends_with_who_pays_whom_by_name():
    rows = [
        LedgerRow(2, "Ann", False, 100, 0, 0, 40, 0, 0, -60),
        LedgerRow(3, "Bob", False, 100, 100, 0, 250, 0, 0, 50),
        LedgerRow(4, "Carl", True, 100, 0, 110, 0, 0, 0, 10),
    ]
    settle_part = to_csv(rows).split("\n\n")[1]
    paid = list(csv.DictReader(io.StringIO(settle_part)))
    assert paid == [
        {"payer": "Ann", "payee": "Bob", "amount": "50"},
        {"payer": "Ann", "payee": "Carl", "amount": "10"},
    ]


def test_a_ledger_that_does_not_balance_is_settled_by_nobody():
    rows = [LedgerRow(2, "Ann", False, 100, 0, 0, 90, 0, 0, -10)]  # (a bug's ledger)
    assert payments(rows) == [] and to_csv(rows).endswith("payer,payee,amount\n")
