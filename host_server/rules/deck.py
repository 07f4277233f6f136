"""The deck we own: the 52 cards, a shuffle from the random source handed in, and the deal.

pokerkit never deals, burns or shows on its own: the table hands a shuffled deck to
each hand, stores it, and every card comes from it in a fixed order.
"""

from __future__ import annotations

import functools
import hashlib
import random
from collections.abc import Sequence
from itertools import product

RANKS = "23456789TJQKA"
SUITS = "cdhs"
FULL_DECK: tuple[str, ...] = tuple(r + s for r, s in product(RANKS, SUITS))
HOLE_CARDS = {"nlhe": 2, "plo": 4}  # each player's, by variant: Hold'em, Pot-Limit Omaha


def shuffled_deck(rng: random.Random) -> tuple[str, ...]:
    """A fresh deck order; the table passes `secrets.SystemRandom()` in play."""
    deck = list(FULL_DECK)
    rng.shuffle(deck)
    return tuple(deck)


def deal_holes(deck: tuple[str, ...], players: int, each: int = 2) -> tuple[tuple[str, ...], ...]:
    """`each` cards each (two; four at Omaha), one at a time around the table, small
    blind first."""
    return tuple(tuple(deck[p + k * players] for k in range(each)) for p in range(players))


# --- a shuffle players can check (docs/protocol.md, "The shuffle") ----------------


@functools.lru_cache(maxsize=16)  # (a hand's reveal asks once for each member)
def salts(secret: str, count: int = len(FULL_DECK)) -> tuple[str, ...]:
    """A salt for each card, from one secret (a salt shown tells nothing of the others)."""
    return tuple(hashlib.sha256(f"{secret}:{i}".encode()).hexdigest()[:32] for i in range(count))


def leaves(deck: tuple[str, ...], salts: tuple[str, ...]) -> tuple[str, ...]:
    """Each card of the committed deck hidden by its own salt: a card can be opened
    (its salt shown) without showing any other."""
    return tuple(
        _leaf(salt, i, card) for i, (card, salt) in enumerate(zip(deck, salts, strict=True))
    )


def _leaf(salt: str, index: int, card: str) -> str:
    return hashlib.sha256(f"{salt}:{index}:{card}".encode()).hexdigest()


def commitment(hidden: tuple[str, ...]) -> str:
    """The host's commitment to a deck before anyone adds to it: the hash of its leaves."""
    return hashlib.sha256("".join(hidden).encode()).hexdigest()


def mixed(deck: Sequence[str], committed: str, values: Sequence[str]) -> tuple[str, ...]:
    """The deck dealt: the committed deck shuffled by the players' values, in the order
    the host took them (none: the committed deck as it is). Fisher-Yates, each swap drawn
    from SHA-256 of the seed and the position, so any client can do it again (given the
    positions 0 to 51, it says where each card dealt was in the committed deck)."""
    if not values:
        return tuple(deck)
    seed = hashlib.sha256("|".join([committed, *values]).encode()).digest()
    cards = list(deck)
    for i in range(len(cards) - 1, 0, -1):
        draw = hashlib.sha256(seed + i.to_bytes(2, "big")).digest()
        j = int.from_bytes(draw, "big") % (i + 1)
        cards[i], cards[j] = cards[j], cards[i]
    return tuple(cards)


def unmixed(dealt: tuple[str, ...], committed: str, values: Sequence[str]) -> tuple[str, ...]:
    """The committed deck again, from the deck dealt (`mixed` undone)."""
    deck = [""] * len(dealt)
    for position, index in enumerate(origins(committed, values, len(dealt))):
        deck[index] = dealt[position]
    return tuple(deck)


def origins(committed: str, values: Sequence[str], count: int) -> tuple[int, ...]:
    """For each position dealt, where its card was in the committed deck."""
    return tuple(int(i) for i in mixed([str(i) for i in range(count)], committed, values))


Opening = tuple[int, str, str]  # a dealt position, its card and its salt


def opened_right(
    hidden: tuple[str, ...], committed: str, values: Sequence[str], opened: Sequence[Opening]
) -> bool:
    """A client's check at a hand's end: the leaves are what was committed to, and each
    card opened (its position as dealt, the card, its salt) is the committed deck's card
    that the players' values moved there."""
    if len(hidden) != len(FULL_DECK) or commitment(hidden) != committed:
        return False
    origin = origins(committed, values, len(hidden))
    for position, card, salt in opened:
        if not 0 <= position < len(origin):
            return False
        if _leaf(salt, origin[position], card) != hidden[origin[position]]:
            return False
    return True
