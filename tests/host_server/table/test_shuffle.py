"""A shuffle players can check: the host commits to a deck before the deal, the players'
values are mixed into it, and at the hand's end each member is opened the cards they saw,
enough to check the commitment and the mixing and nothing more. Refused values change
nothing; a table restored between a commitment and its deal deals the same deck."""

from __future__ import annotations

from hypothesis import given, strategies as st

from host_server.rules.deck import (
    FULL_DECK,
    commitment,
    leaves,
    mixed,
    opened_right,
    salts,
    unmixed,
)
from host_server.rules.moves import Action
from host_server.table import commands as cmd, snapshot
from host_server.table.shuffle import ShuffleCommitted, ShuffleRevealed
from host_server.views.live import project
from tests.support.tables import refused, seated, stack

DECK = stack(["AsAh", "KsKh", "7c2d"], "2c5d9hJs4s")  # seats 2, 3 and the button, 1
VALUE = "0123456789abcdef" * 2


@given(values=st.lists(st.text("0123456789abcdef", min_size=32, max_size=32), max_size=4))
def test_mixing_is_a_shuffle_that_can_be_undone(values):
    committed = commitment(leaves(FULL_DECK, salts("s" * 32)))
    dealt = mixed(FULL_DECK, committed, values)
    assert sorted(dealt) == sorted(FULL_DECK)
    assert unmixed(dealt, committed, values) == FULL_DECK
    assert (dealt == FULL_DECK) == (not values)  # (none: the committed deck as it is)


def test_the_players_values_are_mixed_into_the_committed_deck():
    game = seated({1: 100, 2: 100, 3: 100}, [DECK, DECK], start=False)
    game.tick(3)  # the first hand, committed and dealt at once (nobody could add to it)
    table = game.table
    first = table.hand_start
    assert first is not None and first.deck == DECK and first.entropy == ()
    assert first.commitment == commitment(leaves(DECK, salts(first.secret)))
    for seat in (1, 2):
        game.act(seat, Action.FOLD)
    pending = table.shuffle  # the next hand's commitment, made as this one ended
    assert pending is not None and pending.hand_no == 2 and pending.deck == DECK
    values = [VALUE, "f" * 64]
    for member, value in zip((1, 2), values, strict=True):
        assert game.kinds(game.do(cmd.Entropy(member, 2, value))) == ["entropy_added"]
    restored = snapshot.from_dict(snapshot.to_dict(table))
    assert snapshot.to_dict(restored) == snapshot.to_dict(table)
    game.tick(3)
    second = table.hand_start
    assert second is not None and second.entropy == tuple(values)
    assert second.deck == mixed(DECK, pending.commitment, values) != DECK


def test_each_member_is_opened_the_cards_they_saw_and_no_other():
    game = seated({1: 100, 2: 100, 3: 100}, [DECK], start=False)
    game.do(cmd.RequestJoin("Eve"))  # a spectator (member 4)
    game.tick(3)
    table = game.table
    start = table.hand_start
    assert start is not None
    committed = project(table, ShuffleCommitted(1, start.commitment, DECK, start.secret), 2)
    assert committed == {"kind": "shuffle_committed", "hand_no": 1, "commitment": start.commitment}
    game.act(1, Action.FOLD)  # the button folds 7-2; the blinds check it down
    game.act(2, Action.CALL)
    game.act(3, Action.CHECK)
    for _ in range(3):
        game.act(2, Action.CHECK)
        game.act(3, Action.CHECK)
    [revealed] = [e for e in game.log if isinstance(e, ShuffleRevealed)]
    board = set(["2c", "5d", "9h", "Js", "4s"])
    shown = {"As", "Ah"}  # the aces shown at the showdown; the kings, beaten, mucked
    for viewer, own in ((1, {"7c", "2d"}), (3, {"Ks", "Kh"}), (4, set())):
        view = project(table, revealed, viewer)
        assert view is not None
        opened = [tuple(o) for o in view["opened"]]
        assert {card for _, card, _ in opened} == board | shown | own  # (the folded 7-2: its own)
        assert opened_right(tuple(view["leaves"]), start.commitment, start.entropy, opened)
        lied = [(p, "Ac" if card == "As" else card, salt) for p, card, salt in opened]
        assert not opened_right(tuple(view["leaves"]), start.commitment, start.entropy, lied)


def test_bad_late_or_second_values_are_refused_and_change_nothing():
    game = seated({1: 100, 2: 100}, [DECK])
    table = game.table
    refused(game, cmd.Entropy(1, 1, VALUE), "stale_hand")  # hand 1 is dealt already
    while table.hand is not None:
        game.act(table.actor_seat or 0, Action.FOLD)
    refused(game, cmd.Entropy(1, 2, "xyz" * 12), "bad_entropy")
    refused(game, cmd.Entropy(1, 2, "ab"), "bad_entropy")
    game.do(cmd.Entropy(1, 2, VALUE))
    refused(game, cmd.Entropy(1, 2, VALUE), "bad_entropy")  # one each
    game.do(cmd.RequestJoin("Eve"))
    refused(game, cmd.Entropy(table.next_member_id - 1, 2, VALUE), "not_seated")
