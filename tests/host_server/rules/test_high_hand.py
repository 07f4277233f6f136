"""The showdown's hand type: phevaluator's ranks order every hand exactly as pokerkit's
lookup does (five, six and seven cards; ties included), and a hand still names its
five cards and its kind when asked."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st
from pokerkit import StandardHighHand

from host_server.rules.deck import RANKS
from host_server.rules.high_hand import HighHand

DECK = [rank + suit for rank in RANKS for suit in "cdhs"]


def two_hands(size: int) -> st.SearchStrategy[tuple[list[str], list[str], list[str]]]:
    """Two players' hole cards and a board of size - 2, from one deck."""
    return st.permutations(DECK).map(lambda deck: (deck[:2], deck[2:4], deck[4 : 4 + size - 2]))


@pytest.mark.parametrize("size", [5, 6, 7])
@given(data=st.data())
def test_hands_are_ordered_as_pokerkit_orders_them(size, data):
    a, b, board = data.draw(two_hands(size))
    ours = (
        HighHand.from_game("".join(a), "".join(board)),
        HighHand.from_game("".join(b), "".join(board)),
    )
    theirs = (
        StandardHighHand.from_game("".join(a), "".join(board)),
        StandardHighHand.from_game("".join(b), "".join(board)),
    )
    assert (ours[0] < ours[1]) == (theirs[0] < theirs[1])
    assert (ours[0] == ours[1]) == (theirs[0] == theirs[1])
    assert (ours[0] > ours[1]) == (theirs[0] > theirs[1])


def test_a_tie_is_equal_and_a_hand_still_says_what_it_is():
    board = "AhKhQhJhTh"  # (a royal flush on the board: everyone plays it)
    one, two = HighHand.from_game("2c3d", board), HighHand.from_game("4s5s", board)
    assert one == two and not one < two and hash(one) == hash(two)
    assert one.entry.label.value == "Straight flush"
    assert sorted(map(repr, one.cards)) == sorted(["Ah", "Kh", "Qh", "Jh", "Th"])


def test_too_few_cards_are_refused_as_pokerkit_refuses_them():
    with pytest.raises(ValueError):
        HighHand.from_game("2c3d", "4h")
