"""A mandatory straddle: the player after the big blind posts twice it before the cards,
acts last preflop, and the first raise is to twice the straddle at least. A scripted
straddled pot with a known outcome, refusals that change nothing, and its history read
back by pokerkit (PHH) and written as PokerStars text."""

from __future__ import annotations

import pytest
from pokerkit import HandHistory

from host_server.errors import CommandError, SettingsError
from host_server.rules.moves import Action
from host_server.store.sqlite import Store
from host_server.table import commands as cmd, snapshot
from host_server.table.settings import TableSettings
from host_server.table.tournament import Tournament
from host_server.views.archive import hand_view
from host_server.views.exports import phh_of_view, pokerstars_text
from tests.support import sessions
from tests.support.checks import assert_conserved
from tests.support.tables import StackedDeck, seated, stack

pytestmark = pytest.mark.filterwarnings("ignore:The field 'time_zone_abbreviation'")
START = 1_800_000_000.0
# Seat 1 has the button: 2 and 3 the blinds, 4 straddles (aces), the button has kings.
DECK = stack(["7c2d", "8h3c", "AsAh", "KsKh"], "2c5d9hJs3s")


def test_the_straddler_acts_last_preflop_and_the_first_raise_is_to_twice_the_straddle():
    game = seated({1: 100, 2: 100, 3: 100, 4: 100}, [DECK], straddle="mandatory")
    table, hand = game.table, game.table.hand
    assert hand is not None and table.hand_start is not None
    assert table.hand_start.seats == (2, 3, 4, 1) and table.hand_start.straddle == 4
    assert list(hand.bets) == [1, 2, 4, 0] and table.actor_seat == 1  # the button first
    legal = hand.legal()
    assert legal is not None and (legal.call_amount, legal.min_to) == (4, 8)
    before = snapshot.to_dict(table)
    with pytest.raises(CommandError) as refused:
        game.act(1, Action.RAISE, 6)  # the big blind's increment is not enough
    assert refused.value.code == "amount_out_of_range" and snapshot.to_dict(table) == before
    game.act(1, Action.RAISE, 8)
    game.act(2, Action.FOLD)
    game.act(3, Action.FOLD)
    assert table.actor_seat == 4  # the straddler, last
    game.act(4, Action.CALL)
    for _ in range(3):  # the flop, the turn and the river, checked through
        game.act(4, Action.CHECK)
        game.act(1, Action.CHECK)
    assert table.hand is None
    assert game.stacks() == {1: 92, 2: 99, 3: 98, 4: 111}  # aces take 8 + 8 + 2 + 1
    assert_conserved(table)


def test_heads_up_nobody_straddles_and_a_short_straddler_is_all_in():
    heads_up = seated({1: 100, 2: 100}, straddle="mandatory")
    assert heads_up.table.hand_start is not None and heads_up.table.hand_start.straddle == 0
    blinds = {"small_blind": 2, "big_blind": 6, "min_buy_in": 10}  # a straddle of 12
    short = seated({1: 100, 2: 100, 3: 100, 4: 10}, [DECK], straddle="mandatory", **blinds)
    hand = short.table.hand
    assert hand is not None and list(hand.bets) == [2, 6, 10, 0] and hand.all_in(2)
    assert_conserved(short.table)


def test_straddles_are_for_cash_games():
    with pytest.raises(SettingsError, match="one of"):
        TableSettings("T", straddle="sometimes")
    turbo = Tournament.preset("turbo", buy_in=10, starting_stack=400, minutes=60)
    with pytest.raises(SettingsError, match="cash games"):
        TableSettings.sit_and_go("T", turbo, straddle="mandatory")


def test_a_straddled_hand_reads_back_in_pokerkit_and_is_written_for_trackers():
    store = Store(":memory:")
    options = {"auto_approve": True, "straddle": "mandatory"}  # (dealt once all four sit)
    settings = TableSettings("Straddle", seats=4, **options)
    session, _ = sessions.create(store, settings, "Host", START, rng=StackedDeck([DECK]))
    sessions.run(session, cmd.Sit(1, 1, 100), START)
    for seat, name in ((2, "Bob"), (3, "Cyd"), (4, "Dee")):
        sessions.run(session, cmd.RequestJoin(name), START)
        sessions.run(session, cmd.Sit(seat, seat, 100), START)
    sessions.run(session, cmd.Tick(), START + 5)
    table = session.table
    for seat, action in ((1, Action.CALL), (2, Action.FOLD), (3, Action.FOLD), (4, Action.CHECK)):
        sessions.run(session, cmd.Act(table.seats[seat].member_id, action, 1), START + 6)
    for _ in range(3):
        for seat in (4, 1):
            sessions.run(session, cmd.Act(table.seats[seat].member_id, Action.CHECK, 1), START + 7)
    (record,) = store.hand_records(table.table_id)
    view = hand_view(record, None)
    finals = [p["final_stack"] for p in view["players"]]
    assert finals == [99, 98, 107, 96]  # the straddle called, the aces win 4 + 4 + 2 + 1
    phh = HandHistory.loads(phh_of_view(view))
    assert phh.blinds_or_straddles == [1, 2, 4, 0]
    assert list(list(phh)[-1].stacks) == finals
    text = pokerstars_text(view, 4)
    assert "Dee: posts straddle 4" in text and "Seat #1 is the button" in text
    store.close()


def test_a_straddle_table_replays_from_its_snapshot():
    game = seated({1: 100, 2: 100, 3: 100}, straddle="mandatory")
    restored = snapshot.from_dict(snapshot.to_dict(game.table))
    assert snapshot.to_dict(restored) == snapshot.to_dict(game.table)
    assert restored.hand is not None and list(restored.hand.bets) == [1, 2, 4]


def test_an_optional_straddle_is_posted_only_by_a_player_who_chose_it():
    game = seated({1: 100, 2: 100, 3: 100, 4: 100}, [DECK], start=False, straddle="optional")
    table = game.table
    p4 = table.seats[4].member_id
    assert game.kinds(game.do(cmd.Straddle(p4, True))) == ["straddle_chosen"]
    before = snapshot.to_dict(table)
    with pytest.raises(CommandError) as again:
        game.do(cmd.Straddle(p4, True))
    assert again.value.code == "no_straddle" and snapshot.to_dict(table) == before
    game.tick(3)  # seat 1 has the button: 2 and 3 the blinds, 4 is under the gun
    assert table.hand_start is not None and table.hand_start.straddle == 4
    assert table.hand is not None and list(table.hand.bets) == [1, 2, 4, 0]
    restored = snapshot.from_dict(snapshot.to_dict(table))
    assert restored.members[p4].straddles
    for seat in (1, 2, 3):  # folded to the straddler, who takes the blinds
        game.act(seat, Action.FOLD)
    game.tick(3)  # seat 2 has the button now: seat 1 is under the gun, and chose nothing
    assert table.hand_start is not None and table.hand_start.straddle == 0
    game.do(cmd.Straddle(p4, False))
    assert not table.members[p4].straddles


def test_a_table_without_an_optional_straddle_refuses_the_choice():
    for how in ("off", "mandatory"):
        game = seated({1: 100, 2: 100, 3: 100}, straddle=how)
        before = snapshot.to_dict(game.table)
        with pytest.raises(CommandError) as refused:
            game.do(cmd.Straddle(1, True))
        assert refused.value.code == "no_straddle" and snapshot.to_dict(game.table) == before
