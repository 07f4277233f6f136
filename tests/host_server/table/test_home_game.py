"""Bomb pots and the 7-2 game: scripted hands with known outcomes, the host's call and
its refusals (which change nothing), the ledger's bounties, a snapshot taken mid-hand,
and their histories read back by pokerkit (PHH) and written for trackers."""

from __future__ import annotations

import pytest
from pokerkit import HandHistory

from host_server.errors import SettingsError
from host_server.rules.moves import Action
from host_server.store.sqlite import Store
from host_server.table import commands as cmd, events as ev, snapshot
from host_server.table.home_game import SevenDeucePaid
from host_server.table.settings import TableSettings
from host_server.table.tournament import Tournament
from host_server.views.archive import hand_view
from host_server.views.exports import phh_of_view, pokerstars_text
from host_server.views.ledger import ledger
from tests.support import sessions
from tests.support.checks import assert_conserved
from tests.support.tables import Game, StackedDeck, refused, seated, stack

pytestmark = pytest.mark.filterwarnings("ignore:The field 'time_zone_abbreviation'")
START = 1_800_000_000.0
# Seat 1 has the first button: seats 2 and 3 are the blinds, then the button.
ACES_WIN = stack(["AsAh", "KsKh", "8c3d"], "2c5d9hJs4s")  # seats 2, 3, 1
SEVEN_DEUCE = stack(["AsAh", "KsKh", "7c2d"], "2c5d9hJs4s")  # the button holds 7-2


def check_down(game: Game, seats: tuple[int, ...]) -> None:
    for _ in range(3):  # the flop, the turn and the river
        for seat in seats:
            game.act(seat, Action.CHECK)


def test_a_bomb_pot_has_no_blinds_and_no_preflop_betting_and_starts_on_the_flop():
    game = seated({1: 100, 2: 100, 3: 100}, [ACES_WIN], bomb_pot=10, bomb_pot_every=1)
    table, hand = game.table, game.table.hand
    assert hand is not None and table.hand_start is not None and table.hand_start.bomb == 10
    assert table.hand_start.seats == (2, 3, 1) and list(hand.bets) == [0, 0, 0]
    assert hand.street == "flop" and hand.board == ("2c", "5d", "9h")
    assert hand.pots == ((30, (0, 1, 2)),) and table.actor_seat == 2  # after the button
    legal = hand.legal()
    assert legal is not None and legal.is_bet and legal.min_to == 2  # the big blind's bet
    check_down(game, (2, 3, 1))
    assert table.hand is None and game.stacks() == {1: 90, 2: 120, 3: 90}
    assert_conserved(table)


def test_a_short_stack_is_all_in_for_its_bomb_and_wins_only_the_main_pot():
    deck = stack(["KsKh", "AsAh", "8c3d"], "2c5d9hJs4s")  # seat 3 (short) has the aces
    game = seated({1: 100, 2: 100, 3: 6}, [deck], bomb_pot=10, bomb_pot_every=1, min_buy_in=2)
    hand = game.table.hand
    assert hand is not None and hand.all_in(1) and hand.pots == ((18, (0, 1, 2)), (8, (0, 2)))
    check_down(game, (2, 1))
    assert game.stacks() == {1: 90, 2: 98, 3: 18}  # the kings take the side pot
    assert_conserved(game.table)


def test_the_host_calls_a_bomb_pot_for_the_next_hand_only_and_may_call_it_off():
    game = seated({1: 100, 2: 100, 3: 100}, bomb_pot=10)
    table = game.table
    assert table.hand_start is not None and table.hand_start.bomb == 0  # only when called
    refused(game, cmd.BombPot(2), "not_host")
    refused(game, cmd.BombPot(1, on=False), "no_bomb_pots")
    assert game.kinds(game.do(cmd.BombPot(1))) == ["bomb_pot_called"] and table.bomb_next
    refused(game, cmd.BombPot(1), "bomb_pot_called")
    game.do(cmd.BombPot(1, on=False))
    game.do(cmd.BombPot(1))
    restored = snapshot.from_dict(snapshot.to_dict(table))
    assert restored.bomb_next and snapshot.to_dict(restored) == snapshot.to_dict(table)
    for dealt in (10, 0):  # the called one, then blinds again
        while table.hand is not None:
            game.act(table.actor_seat or 0, Action.FOLD)
        game.tick(table.settings.between_hands_seconds)
        assert table.hand_start is not None and table.hand_start.bomb == dealt
        assert not table.bomb_next
        if dealt:
            check_down(game, table.hand_start.seats)
    assert_conserved(table)


def test_a_table_without_bomb_pots_refuses_the_call():
    game = seated({1: 100, 2: 100})
    refused(game, cmd.BombPot(1), "no_bomb_pots")


def test_every_nth_hand_is_a_bomb_pot():
    game = seated({1: 100, 2: 100}, bomb_pot=4, bomb_pot_every=3)
    table, bombs = game.table, []
    for _ in range(6):
        assert table.hand_start is not None
        bombs.append(table.hand_start.bomb)
        while table.hand is not None:
            seat = table.actor_seat or 0
            legal = table.hand.legal()
            game.act(seat, Action.FOLD if legal and legal.can_fold else Action.CHECK)
        game.tick(table.settings.between_hands_seconds)
    assert bombs == [0, 0, 4, 0, 0, 4]


def test_a_pot_won_with_seven_deuce_collects_the_bounty_from_everyone_dealt_in():
    game = seated({1: 100, 2: 100, 3: 3}, [SEVEN_DEUCE], seven_deuce=5, min_buy_in=2)
    table = game.table
    game.act(1, Action.RAISE, 6)
    game.act(2, Action.FOLD)
    events = game.act(3, Action.FOLD)  # uncontested: the 7-2 is turned up to be paid
    paid = next(e for e in events if isinstance(e, SevenDeucePaid))
    assert (paid.seat, paid.cards, paid.amounts) == (1, ("7c", "2d"), (-5, -1, 6))
    end = next(e for e in events if isinstance(e, ev.HandEnded))
    assert end.stacks == (94, 0, 109) and end.net == (-6, -3, 9)  # blinds 3, bounty 6
    rows = {row.name: row for row in ledger(table)}
    assert (rows["Host"].bounties, rows["P2"].bounties, rows["P3"].bounties) == (6, -5, -1)
    assert sum(row.net for row in rows.values()) == 0
    assert_conserved(table)


def test_seven_deuce_that_loses_or_a_table_without_the_game_pays_nothing():
    game = seated({1: 100, 2: 100, 3: 100}, [SEVEN_DEUCE], seven_deuce=5)
    game.act(1, Action.CALL)
    game.act(2, Action.CALL)
    game.act(3, Action.CHECK)
    check_down(game, (2, 3, 1))  # the aces win: the 7-2 shown, and it lost
    assert "seven_deuce_paid" not in game.kinds() and game.stacks() == {1: 98, 2: 104, 3: 98}
    plain = seated({1: 100, 2: 100, 3: 100}, [SEVEN_DEUCE])
    plain.act(1, Action.RAISE, 6)
    plain.act(2, Action.FOLD)
    plain.act(3, Action.FOLD)
    assert "seven_deuce_paid" not in plain.kinds() and plain.stacks()[1] == 103


def test_bomb_pots_and_the_seven_deuce_game_are_for_cash_games_within_the_buy_in():
    turbo = Tournament.preset("turbo", buy_in=10, starting_stack=400, minutes=60)
    for options in ({"bomb_pot": 10}, {"seven_deuce": 5}):
        with pytest.raises(SettingsError, match="cash games"):
            TableSettings.sit_and_go("T", turbo, **options)
    with pytest.raises(SettingsError, match="needs its amount"):
        TableSettings("T", bomb_pot_every=5)
    with pytest.raises(SettingsError, match="maximum buy-in"):
        TableSettings("T", bomb_pot=201)  # the maximum buy-in is 100 big blinds: 200
    with pytest.raises(SettingsError, match="between 0 and 1000"):
        TableSettings("T", bomb_pot=10, bomb_pot_every=-1)


def test_a_bomb_pot_with_a_seven_deuce_bounty_reads_back_in_pokerkit():
    store = Store(":memory:")
    options = {"auto_approve": True, "bomb_pot": 10, "bomb_pot_every": 1, "seven_deuce": 5}
    settings = TableSettings("Home game", seats=3, **options)
    session, _ = sessions.create(store, settings, "Host", START, rng=StackedDeck([SEVEN_DEUCE]))
    sessions.run(session, cmd.Sit(1, 1, 100), START)
    for seat, name in ((2, "Bob"), (3, "Cyd")):
        sessions.run(session, cmd.RequestJoin(name), START)
        sessions.run(session, cmd.Sit(seat, seat, 100), START)
    sessions.run(session, cmd.Tick(), START + 5)
    table = session.table
    restored = snapshot.from_dict(snapshot.to_dict(table))  # mid-hand, on the flop
    assert snapshot.to_dict(restored) == snapshot.to_dict(table)
    for seat, action, amount in ((2, Action.CHECK, None), (3, Action.CHECK, None),
                                 (1, Action.BET, 20), (2, Action.FOLD, None),
                                 (3, Action.FOLD, None)):  # fmt: skip
        member = table.seats[seat].member_id
        sessions.run(session, cmd.Act(member, action, 1, amount), START + 6)
    (record,) = store.hand_records(table.table_id)
    view = hand_view(record, None)
    assert view["bomb"] == 10
    finals = [p["final_stack"] for p in view["players"]]
    assert finals == [85, 85, 130]  # the 7-2 takes the bomb pot of 30 and 5 from each
    phh = HandHistory.loads(phh_of_view(view))
    assert phh.antes == [10, 10, 10] and phh.blinds_or_straddles == [0, 0, 0]
    assert list(list(phh)[-1].stacks) == [90, 90, 120]  # the pot's result; then the bounty
    assert phh.user_defined_fields == {"_seven_deuce": [-5, -5, 10]}
    text = pokerstars_text(view, 3)
    assert "Bob: posts the ante 10" in text and "small blind" not in text
    assert "Host collected 30 from pot" in text  # (the pot's; the bounty is the 7-2 game's)
    # (pokerkit's PokerStars parser reads no antes and wants blinds: PHH is its reading.)
    store.close()
