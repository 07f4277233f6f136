"""The deck we own: the 52 cards, a shuffle from the random source handed in, and the deal.

pokerkit never deals, burns or shows on its own: the table hands a shuffled deck to
each hand, stores it, and every card comes from it in a fixed order.
"""

from __future__ import annotations

import random
from itertools import product

RANKS = "23456789TJQKA"
SUITS = "cdhs"
FULL_DECK: tuple[str, ...] = tuple(r + s for r, s in product(RANKS, SUITS))


def shuffled_deck(rng: random.Random) -> tuple[str, ...]:
    """A fresh deck order; the table passes `secrets.SystemRandom()` in play."""
    deck = list(FULL_DECK)
    rng.shuffle(deck)
    return tuple(deck)


def deal_holes(deck: tuple[str, ...], players: int) -> tuple[tuple[str, str], ...]:
    """Two cards each, one at a time around the table, small blind first."""
    return tuple((deck[p], deck[p + players]) for p in range(players))
