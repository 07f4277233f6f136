"""Pot-Limit Omaha in the rules: four hole cards dealt from the deck we own, pot-limit
sizes from pokerkit, and hands made of exactly two hole cards and three of the board."""

from __future__ import annotations

from host_server.rules.deck import deal_holes
from host_server.rules.hand import Hand, HandSpec
from host_server.rules.moves import Action, Move
from tests.support.tables import stack


def plo(holes: list[str], board: str, stacks: tuple[int, ...]) -> Hand:
    return Hand(HandSpec(1, 2, 0, stacks, stack(holes, board), variant="plo"))


def test_four_cards_each_dealt_one_at_a_time_around_the_table():
    deck = stack(["AsKsQsJs", "2c3c4c5c"], "6d7d8d9dTd")
    assert deal_holes(deck, 2, 4) == (("As", "Ks", "Qs", "Js"), ("2c", "3c", "4c", "5c"))
    hand = plo(["AsKsQsJs", "2c3c4c5c"], "6d7d8d9dTd", (100, 100))
    assert hand.hole_cards(0) == ("As", "Ks", "Qs", "Js")


def test_a_raise_is_at_most_the_pot():
    hand = plo(["AsAhKsKh", "2c3c4d5d", "7h7d8h8d"], "2s5h9cJdQc", (100, 100, 100))
    legal = hand.legal()
    assert legal is not None and legal.player == 2  # the button, first before the flop
    assert (legal.call_amount, legal.min_to, legal.max_to) == (2, 4, 7)  # 3 in, 2 to call
    hand.play(hand.verify(2, Action.RAISE, 7))
    legal = hand.legal()
    assert legal is not None and legal.max_to == 7 + 6 + 10  # the pot after calling 6 more


def test_a_hand_is_two_hole_cards_and_three_of_the_board():
    """Four spades on the board: the nine of spades would make a Hold'em flush, but at
    Omaha it needs a second spade, so it makes only a pair of twos; the other hand's T9
    and the board's KQJ make a king-high straight, and win."""
    holes = ["9s2d3d4h", "Td9d8c7h"]  # the big blind first, heads-up; the button second
    hand = plo(holes, "AsKsQsJs2c", (100, 100))
    steps = [(1, Action.CALL), (0, Action.CHECK)] + [(0, Action.CHECK), (1, Action.CHECK)] * 3
    for player, action in steps:
        while hand.board_due:
            hand.deal_board()
        hand.play(hand.verify(player, action))
    shown = []
    while (who := hand.showdown_player) is not None:
        show = hand.should_show(who)
        shown.append((who, show))
        hand.show_or_muck(who, show)
    assert shown == [(0, True), (1, True)]  # the twos first, then the straight that beats them
    assert hand.finished and hand.winnings() == (-2, 2)


def test_the_same_spec_and_steps_deal_the_same_hand():
    holes = ["AsAhKsKh", "2c3c4d5d"]
    moves = [Move(1, Action.RAISE, 6), Move(0, Action.CALL, 4)]
    hands = [plo(holes, "2s5h9cJdQc", (100, 100)) for _ in range(2)]
    for hand in hands:
        for move in moves:
            hand.play(move)
        hand.deal_board()
    assert hands[0].board == hands[1].board == ("2s", "5h", "9c")
    assert hands[0].pots == hands[1].pots
