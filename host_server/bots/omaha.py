"""Pot-Limit Omaha for the bots: a hand is exactly two of the four hole cards and three
of the board (`best`, on `cards.score`), a starting hand's worth, and ranges of
four-card hands (too many to list and rank, as Hold'em's are: drawn at random instead).

Cards are `cards`' ints."""

from __future__ import annotations

import bisect
import functools
import random
from collections.abc import Sequence
from itertools import combinations, pairwise

from host_server.bots.cards import score

_HIGH = {12: 4.0, 11: 3.0, 10: 2.5, 9: 2.0, 8: 1.5}  # ace, king, queen, jack, ten
_GAPS = {1: 3.0, 2: 2.0, 3: 1.0}  # ranks next to each other, one apart, two apart


def best(hole: Sequence[int], board: Sequence[int]) -> int:
    """The best hand of two of `hole` and three of `board` (three cards at least)."""
    return max(
        score((*two, *three)) for two in combinations(hole, 2) for three in combinations(board, 3)
    )


def points(hole: Sequence[int]) -> float:
    """A starting hand's worth, after the usual Omaha counts: high cards, pairs (a third
    card of a rank is dead), two cards of a suit (more of it block its draws), and cards
    that work together for straights."""
    ranks = [c >> 2 for c in hole]
    suits = [c & 3 for c in hole]
    total = sum(_HIGH.get(r, 0.0) for r in ranks)
    for rank in set(ranks):
        n = ranks.count(rank)
        total += 2 + rank / 3 if n == 2 else -2.0 if n > 2 else 0.0
    for suit in set(suits):
        n = suits.count(suit)
        if n >= 2:
            top = max(r for r, s in zip(ranks, suits, strict=True) if s == suit)
            total += 1.5 + top / 8 if n == 2 else 0.5
    distinct = sorted(set(ranks), reverse=True)
    total += sum(_GAPS.get(a - b, 0.0) for a, b in pairwise(distinct))
    return total


@functools.cache
def _sample() -> tuple[float, ...]:
    """The worth of 4,000 hands dealt at random (always the same ones), in order."""
    rng = random.Random(4)
    return tuple(sorted(points(rng.sample(range(52), 4)) for _ in range(4000)))


def percentile(hole: Sequence[int]) -> float:
    """0.0 for the best starting hands (aces double suited), towards 1.0 for the worst."""
    sample = _sample()
    return (len(sample) - bisect.bisect_right(sample, points(hole))) / len(sample)


def top_range(
    fraction: float, dead: set[int], rng: random.Random, count: int = 120
) -> tuple[tuple[int, ...], ...]:
    """About `count` hands from the strongest `fraction` of starting hands, none holding
    a dead card; drawn at random, in a bounded number of tries."""
    live = [c for c in range(52) if c not in dead]
    hands: list[tuple[int, ...]] = []
    for _ in range(count * 30):
        hole = tuple(rng.sample(live, 4))
        if percentile(hole) <= max(fraction, 0.02):
            hands.append(hole)
            if len(hands) == count:
                break
    return tuple(hands) or (tuple(rng.sample(live, 4)),)
