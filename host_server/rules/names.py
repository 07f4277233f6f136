"""A poker hand in words: "Full house, kings full of sevens", for logs and histories."""

from __future__ import annotations

from pokerkit import StandardHighHand

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


def describe(hole: tuple[str, ...] | list[str], board: tuple[str, ...] | list[str]) -> str | None:
    """The best five-card hand in words, e.g. "Full house, kings full of sevens".

    None until the hand has five cards to speak of.
    """
    if len(hole) + len(board) < 5:
        return None
    best = StandardHighHand.from_game("".join(hole), "".join(board))
    ranks = [repr(c)[0] for c in best.cards]
    counts = sorted(((ranks.count(r), RANKS.index(r), r) for r in set(ranks)), reverse=True)
    one = _RANK_NAMES[counts[0][2]][0]
    many = _RANK_NAMES[counts[0][2]][1]
    label = best.entry.label.value
    order = sorted(ranks, key=RANKS.index, reverse=True)
    if label in ("Straight", "Straight flush"):
        # The wheel (A-2-3-4-5) is five high.
        top = "5" if set(order) == {"A", "2", "3", "4", "5"} else order[0]
        if label == "Straight flush" and top == "A":
            return "Royal flush"
        return f"{label}, {_RANK_NAMES[top][0]} high"
    if label == "Flush":
        return f"Flush, {_RANK_NAMES[order[0]][0]} high"
    if label == "Full house":
        return f"Full house, {many} full of {_RANK_NAMES[counts[1][2]][1]}"
    if label == "Four of a kind":
        return f"Four of a kind, {many}"
    if label == "Three of a kind":
        return f"Three of a kind, {many}"
    if label == "Two pair":
        return f"Two pair, {many} and {_RANK_NAMES[counts[1][2]][1]}"
    if label == "One pair":
        return f"Pair of {many}"
    return f"High card, {one}"
