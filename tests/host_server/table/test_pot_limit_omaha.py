"""Pot-Limit Omaha at a table: a scripted side pot, four hole cards to each player and
no other, the shuffle opened four cards each, a snapshot taken mid-hand, the settings'
refusals, and the hand's histories read back by pokerkit (PHH) and written for trackers."""

from __future__ import annotations

import pytest
from pokerkit import HandHistory

from host_server.errors import SettingsError
from host_server.rules.deck import opened_right
from host_server.rules.moves import Action
from host_server.store.sqlite import Store
from host_server.table import commands as cmd, snapshot
from host_server.table.settings import TableSettings
from host_server.table.shuffle import ShuffleRevealed
from host_server.table.tournament import Tournament
from host_server.views.archive import hand_view
from host_server.views.exports import phh_of_view, pokerstars_text
from host_server.views.live import project
from tests.support import sessions
from tests.support.checks import LeakWatch, assert_conserved
from tests.support.tables import Game, StackedDeck, seated, stack

pytestmark = pytest.mark.filterwarnings("ignore:The field 'time_zone_abbreviation'")
START = 1_800_000_000.0
# Seats 2 and 3 are the blinds, seat 1 the button. Four diamonds on the board: the button's
# one diamond is a Hold'em flush and nothing at Omaha (two of the hole cards, exactly).
HOLES = {2: "KsKhQcJc", 3: "AsAh2c3h", 1: "Qd9h7h6c"}
DECK = stack([HOLES[2], HOLES[3], HOLES[1]], "AdKd8d4d2s")


def cards(seat: int) -> tuple[str, ...]:
    return tuple(HOLES[seat][i : i + 2] for i in range(0, 8, 2))


def short_all_in(game: Game) -> None:
    """Preflop: the button raises the pot, the small blind calls, the short big blind is
    all in for less than a pot raise, and both call it."""
    legal = game.table.hand.legal() if game.table.hand else None
    assert legal is not None and (legal.call_amount, legal.max_to) == (2, 7)  # 3 in, 2 to call
    game.act(1, Action.RAISE, 7)
    game.act(2, Action.CALL)
    game.act(3, Action.ALL_IN)  # 20: a pot raise would be to 28
    game.act(1, Action.CALL)
    game.act(2, Action.CALL)


def test_a_short_all_in_wins_the_main_pot_and_the_side_pot_goes_by_omahas_hands():
    game = seated({1: 100, 2: 100, 3: 20}, [DECK], variant="plo", min_buy_in=10)
    table = game.table
    assert table.hand_start is not None and table.hand_start.variant == "plo"
    assert table.hand is not None and table.hand.hole_cards(2) == cards(1)
    short_all_in(game)
    assert table.hand.pots == ((60, (0, 1, 2)),) and table.hand.board == ("Ad", "Kd", "8d")
    legal = table.hand.legal()
    assert legal is not None and legal.is_bet and legal.max_to == 60  # a pot-sized bet
    game.act(2, Action.CHECK)
    game.act(1, Action.BET, 10)
    game.act(2, Action.CALL)
    for _ in range(2):  # the turn and the river
        game.act(2, Action.CHECK)
        game.act(1, Action.CHECK)
    # Aces (three, with the board's) take the main pot; the kings beat the "flush".
    assert table.hand is None and game.stacks() == {1: 70, 2: 90, 3: 60}
    assert_conserved(table)


def test_each_player_sees_four_cards_of_their_own_and_is_opened_them_at_the_end():
    game = seated({1: 100, 2: 100, 3: 20}, [DECK], start=False, variant="plo", min_buy_in=10)
    game.do(cmd.RequestJoin("Eve"))  # a spectator (member 4)
    table, watch = game.table, LeakWatch()
    watch.follow(table, game.tick(3))
    start = table.hand_start
    assert start is not None
    for seat in (1, 2, 3):
        mine = project(table, start, table.seats[seat].member_id)
        assert mine is not None and tuple(mine["your_cards"]) == cards(seat)
    assert "your_cards" not in (project(table, start, 4) or {})
    restored = snapshot.from_dict(snapshot.to_dict(table))  # mid-hand: four cards each again
    assert snapshot.to_dict(restored) == snapshot.to_dict(table)
    assert restored.hand is not None and restored.hand.hole_cards(0) == cards(2)
    watch.check_snapshots(table)
    events = game.act(1, Action.FOLD)
    events += game.act(2, Action.CALL)
    events += game.act(3, Action.CHECK)
    for _ in range(3):
        events += game.act(2, Action.CHECK)
        events += game.act(3, Action.CHECK)
    watch.follow(table, events)
    [revealed] = [e for e in events if isinstance(e, ShuffleRevealed)]
    board = {"Ad", "Kd", "8d", "4d", "2s"}
    shown = set(cards(2)) | set(cards(3))  # the kings show first, then the aces beat them
    for viewer, own in ((1, set(cards(1))), (2, set(cards(2))), (4, set())):
        view = project(table, revealed, viewer)
        assert view is not None
        opened = [tuple(o) for o in view["opened"]]
        assert {card for _, card, _ in opened} == board | shown | own
        assert opened_right(tuple(view["leaves"]), start.commitment, start.entropy, opened)


def test_the_variant_is_checked_and_the_seven_deuce_game_is_hold_ems():
    with pytest.raises(SettingsError, match="variant is one of nlhe, plo"):
        TableSettings("T", variant="stud")
    with pytest.raises(SettingsError, match="7-2 game is played at Hold'em"):
        TableSettings("T", variant="plo", seven_deuce=5)
    turbo = Tournament.preset("turbo", buy_in=10, starting_stack=400, minutes=60)
    assert TableSettings.sit_and_go("PLO SNG", turbo, variant="plo").variant == "plo"


def test_a_pot_limit_omaha_hand_reads_back_in_pokerkit_and_is_written_for_trackers():
    store = Store(":memory:")
    settings = TableSettings("Omaha", seats=3, auto_approve=True, variant="plo", min_buy_in=10)
    session, _ = sessions.create(store, settings, "Host", START, rng=StackedDeck([DECK]))
    sessions.run(session, cmd.Sit(1, 1, 100), START)
    for seat, name, chips in ((2, "Bob", 100), (3, "Cyd", 20)):
        sessions.run(session, cmd.RequestJoin(name), START)
        sessions.run(session, cmd.Sit(seat, seat, chips), START)
    sessions.run(session, cmd.Tick(), START + 5)
    table = session.table
    plays = [
        (1, Action.RAISE, 7),
        (2, Action.CALL, None),
        (3, Action.ALL_IN, None),
        (1, Action.CALL, None),
        (2, Action.CALL, None),
        (2, Action.CHECK, None),
        (1, Action.BET, 10),
        (2, Action.CALL, None),
    ]
    plays += [(2, Action.CHECK, None), (1, Action.CHECK, None)] * 2  # fmt: skip
    for seat, action, amount in plays:
        member = table.seats[seat].member_id
        sessions.run(session, cmd.Act(member, action, 1, amount), START + 6)
    (record,) = store.hand_records(table.table_id)
    public = hand_view(record, None)  # the rail's: the cards shown, the host's mucked
    assert public["variant"] == "plo"
    phh = HandHistory.loads(phh_of_view(public))
    assert phh.variant == "PO" and phh.actions[:3] == [
        "d dh p1 KsKhQcJc", "d dh p2 AsAh2c3h", "d dh p3 ????????",
    ]  # fmt: skip
    assert list(list(phh)[-1].stacks) == [90, 60, 70]  # pokerkit plays it to the same end
    text = pokerstars_text(hand_view(record, 1), 3)  # the host's: her own four cards too
    assert "Omaha Pot Limit (1/2)" in text and "Dealt to Host [Qd 9h 7h 6c]" in text
    assert "Cyd: shows [As Ah 2c 3h] (Three of a kind, aces)" in text
    store.close()
