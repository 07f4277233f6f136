"""A poker hand in words: "Full house, kings full of sevens", for logs and histories.
`best` says what the hand is (its kind and the ranks that name it), `describe` says it
in English; the desktop says the same `Best` in the player's language."""

from __future__ import annotations

from typing import NamedTuple

from pokerkit import OmahaHoldemHand, StandardHighHand

from host_server.rules.deck import RANKS

_RANK_NAMES = {
    "2": ("two", "twos"),
    "3": ("three", "threes"),
    "4": ("four", "fours"),
    "5": ("five", "fives"),
    "6": ("six", "sixes"),
    "7": ("seven", "sevens"),
    "8": ("eight", "eights"),
    "9": ("nine", "nines"),
    "T": ("ten", "tens"),
    "J": ("jack", "jacks"),
    "Q": ("queen", "queens"),
    "K": ("king", "kings"),
    "A": ("ace", "aces"),
}


class Best(NamedTuple):
    """The best five-card hand: pokerkit's label ("Full house", "Royal flush" for the
    ace-high straight flush) and the ranks its name needs, most telling first."""

    kind: str
    ranks: tuple[str, ...]


def best(hole: tuple[str, ...] | list[str], board: tuple[str, ...] | list[str]) -> Best | None:
    """None until the hand has five cards to speak of. Four hole cards are Omaha's: exactly
    two of them and three of the board."""
    omaha = len(hole) > 2
    if len(board) < 3 if omaha else len(hole) + len(board) < 5:
        return None
    kind = OmahaHoldemHand if omaha else StandardHighHand
    hand = kind.from_game("".join(hole), "".join(board))
    ranks = [repr(c)[0] for c in hand.cards]
    counts = sorted(((ranks.count(r), RANKS.index(r), r) for r in set(ranks)), reverse=True)
    label = hand.entry.label.value
    order = sorted(ranks, key=RANKS.index, reverse=True)
    if label in ("Straight", "Straight flush"):
        # The wheel (A-2-3-4-5) is five high.
        top = "5" if set(order) == {"A", "2", "3", "4", "5"} else order[0]
        if label == "Straight flush" and top == "A":
            return Best("Royal flush", ())
        return Best(label, (top,))
    if label == "Flush":
        return Best(label, (order[0],))
    if label in ("Full house", "Two pair"):
        return Best(label, (counts[0][2], counts[1][2]))
    return Best(label, (counts[0][2],))


def describe(hole: tuple[str, ...] | list[str], board: tuple[str, ...] | list[str]) -> str | None:
    """The best five-card hand in English, e.g. "Full house, kings full of sevens"."""
    found = best(hole, board)
    return None if found is None else english(found)


def english(hand: Best) -> str:
    one = [_RANK_NAMES[r][0] for r in hand.ranks]
    many = [_RANK_NAMES[r][1] for r in hand.ranks]
    kind = hand.kind
    if kind == "Royal flush":
        return kind
    if kind in ("Straight", "Straight flush", "Flush"):
        return f"{kind}, {one[0]} high"
    if kind == "Full house":
        return f"Full house, {many[0]} full of {many[1]}"
    if kind in ("Four of a kind", "Three of a kind"):
        return f"{kind}, {many[0]}"
    if kind == "Two pair":
        return f"Two pair, {many[0]} and {many[1]}"
    if kind == "One pair":
        return f"Pair of {many[0]}"
    return f"High card, {one[0]}"
