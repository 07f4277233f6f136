"""Hand names: what the best hand is (its kind as pokerkit labels it, the ranks that
name it), and its English words for logs and histories (the desktop's German:
tests/desktop/model/test_words.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st
from pokerkit import OmahaHoldemHand, StandardHighHand

from host_server.rules.deck import RANKS
from host_server.rules.names import best, describe

DECK = [rank + suit for rank in RANKS for suit in "cdhs"]
SAID = [
    (("Ah", "Kh"), ("Qh", "Jh", "Th", "2c", "3d"), "Royal flush", "Royal Flush"),
    (("5h", "4h"), ("3h", "2h", "Ah", "Kc", "Kd"), "Straight flush, five high",
     "Straight Flush, Fünf hoch"),
    (("Ks", "Kc"), ("Kd", "Kh", "7s", "2c", "3d"), "Four of a kind, kings", "Vierling, Könige"),
    (("Ks", "Kc"), ("Kd", "7h", "7s", "2c", "3d"), "Full house, kings full of sevens",
     "Full House, Könige über Siebenen"),
    (("As", "9s"), ("2s", "5s", "7s", "Kc", "Kd"), "Flush, ace high", "Flush, Ass hoch"),
    (("Ac", "2d"), ("3h", "4s", "5c", "9d", "Kh"), "Straight, five high", "Straße, Fünf hoch"),
    (("Qs", "Qc"), ("Qd", "7h", "4s", "2c", "9d"), "Three of a kind, queens", "Drilling, Damen"),
    (("Js", "Jc"), ("Td", "Th", "4s", "2c", "9d"), "Two pair, jacks and tens",
     "Zwei Paare, Buben und Zehnen"),
    (("As", "Ac"), ("Td", "8h", "4s", "2c", "9d"), "Pair of aces", "Paar Asse"),
    (("As", "Jc"), ("Td", "8h", "4s", "2c", "9d"), "High card, ace", "Höchste Karte: Ass"),
]  # fmt: skip


@pytest.mark.parametrize(("hole", "board", "english", "german"), SAID)
def test_a_hand_is_named_in_english(hole, board, english, german):
    assert describe(hole, board) == english


def test_fewer_than_five_cards_have_no_name():
    assert best(("As", "Ac"), ("Td", "8h")) is None
    assert describe(("As", "Ac"), ("Td", "8h")) is None


@given(st.permutations(DECK).map(lambda deck: deck[:7]))
def test_every_hand_is_named_by_its_kind(cards):
    found = best(cards[:2], cards[2:])
    assert found is not None
    label = StandardHighHand.from_game("".join(cards[:2]), "".join(cards[2:])).entry.label.value
    assert found.kind == label or (found.kind, label) == ("Royal flush", "Straight flush")
    assert all(rank in RANKS for rank in found.ranks)
    assert len(found.ranks) == {"Royal flush": 0, "Full house": 2, "Two pair": 2}.get(found.kind, 1)


def test_an_omaha_hand_is_two_hole_cards_and_three_of_the_board():
    """Four spades on the board and one in hand is no flush at Omaha: the pair of twos."""
    assert describe(("9s", "2d", "3d", "4h"), ("As", "Ks", "Qs", "Js", "2c")) == "Pair of twos"
    # Three aces in hand are only a pair of them (two of the three are played).
    assert describe(("As", "Ac", "Ad", "7h"), ("Kd", "8h", "4s")) == "Pair of aces"
    assert best(("As", "Ac", "Ad", "7h"), ("Kd", "8h")) is None  # no flop yet: no hand


@given(st.permutations(DECK).map(lambda deck: deck[:9]))
def test_every_omaha_hand_is_named_by_pokerkits_omaha_kind(cards):
    found = best(cards[:4], cards[4:])
    label = OmahaHoldemHand.from_game("".join(cards[:4]), "".join(cards[4:])).entry.label.value
    assert found is not None
    assert found.kind == label or (found.kind, label) == ("Royal flush", "Straight flush")
