"""Fast hand evaluation and Monte Carlo equity for the bots (pokerkit's evaluator is
exact but far too slow to run thousands of times per decision).

Cards are ints `rank * 4 + suit` (rank 0 is a deuce); a hand's score is an int
that compares like the hands do.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from itertools import combinations

from host_server.rules.deck import RANKS, SUITS

Combo = tuple[int, int]

HIGH_CARD, PAIR, TWO_PAIR, TRIPS, STRAIGHT, FLUSH, FULL_HOUSE, QUADS, STRAIGHT_FLUSH = range(9)


def card(text: str) -> int:
    return RANKS.index(text[0]) * 4 + SUITS.index(text[1])


def cards(texts: Sequence[str]) -> tuple[int, ...]:
    return tuple(card(t) for t in texts)


def _straight_high(mask: int) -> int:
    """The top rank of the best straight in a 13-bit rank mask, or -1 (the wheel is 5-high)."""
    for top in range(12, 3, -1):
        run = 0b11111 << (top - 4)
        if mask & run == run:
            return top
    wheel = 0b1000000001111  # A, 2, 3, 4, 5
    return 3 if mask & wheel == wheel else -1


_STRAIGHT = [_straight_high(m) for m in range(1 << 13)]


def _top(mask: int, count: int) -> int:
    """The `count` highest ranks of a mask, packed 4 bits each, highest first."""
    out = 0
    for rank in range(12, -1, -1):
        if count == 0:
            break
        if mask >> rank & 1:
            out = out << 4 | rank
            count -= 1
    return out


def score(hand: Sequence[int]) -> int:
    """The strength of the best five of 5 to 7 cards: higher is better, equal ties."""
    suits = [0, 0, 0, 0]
    counts = [0] * 13
    for c in hand:
        r = c >> 2
        counts[r] += 1
        suits[c & 3] |= 1 << r
    for mask in suits:
        if mask.bit_count() >= 5:
            high = _STRAIGHT[mask]
            if high >= 0:
                return STRAIGHT_FLUSH << 20 | high
            return FLUSH << 20 | _top(mask, 5)
    ranks = suits[0] | suits[1] | suits[2] | suits[3]
    quads = trips = -1
    pairs: list[int] = []
    for r in range(12, -1, -1):
        n = counts[r]
        if n == 4:
            quads = r
        elif n == 3:
            if trips < 0:
                trips = r
            else:
                pairs.append(r)  # a second set plays as the pair of a full house
        elif n == 2:
            pairs.append(r)
    if quads >= 0:
        return QUADS << 20 | quads << 4 | _top(ranks & ~(1 << quads), 1)
    if trips >= 0 and pairs:
        return FULL_HOUSE << 20 | trips << 4 | pairs[0]
    high = _STRAIGHT[ranks]
    if high >= 0:
        return STRAIGHT << 20 | high
    if trips >= 0:
        return TRIPS << 20 | trips << 8 | _top(ranks & ~(1 << trips), 2)
    if len(pairs) >= 2:
        a, b = pairs[0], pairs[1]
        return TWO_PAIR << 20 | a << 8 | b << 4 | _top(ranks & ~(1 << a) & ~(1 << b), 1)
    if pairs:
        return PAIR << 20 | pairs[0] << 12 | _top(ranks & ~(1 << pairs[0]), 3)
    return HIGH_CARD << 20 | _top(ranks, 5)


def category(value: int) -> int:
    return value >> 20


# --- starting hands --------------------------------------------------------------


def chen(combo: Combo) -> float:
    """Bill Chen's quick preflop score, unrounded (kept fractional to order hands finely)."""
    high, low = sorted((combo[0] >> 2, combo[1] >> 2), reverse=True)
    points = {12: 10.0, 11: 8.0, 10: 7.0, 9: 6.0}.get(high, (high + 2) / 2)
    if high == low:
        return max(5.0, points * 2) + high / 100
    if combo[0] & 3 == combo[1] & 3:
        points += 2
    gap = high - low - 1
    points -= (0, 1, 2, 4)[gap] if gap < 4 else 5
    if gap <= 1 and high < 10:
        points += 1
    return points + (high + low) / 100


ALL_COMBOS: tuple[Combo, ...] = tuple(combinations(range(52), 2))
# Every starting hand, strongest first; a "top 20%" range is a prefix of this.
RANKED_COMBOS: tuple[Combo, ...] = tuple(sorted(ALL_COMBOS, key=chen, reverse=True))
_PERCENTILE = {c: i / len(RANKED_COMBOS) for i, c in enumerate(RANKED_COMBOS)}


def percentile(combo: Combo) -> float:
    """0.0 for the best starting hand (aces), towards 1.0 for the worst."""
    key = (combo[0], combo[1]) if combo[0] < combo[1] else (combo[1], combo[0])
    return _PERCENTILE[key]


def top_range(fraction: float) -> tuple[Combo, ...]:
    """The strongest `fraction` of starting hands (at least the best few)."""
    return RANKED_COMBOS[: max(12, int(len(RANKED_COMBOS) * min(1.0, fraction)))]


# --- equity ----------------------------------------------------------------------


def holdem(hole: Sequence[int], board: Sequence[int]) -> int:
    """The best five of the hole cards and the board together (Hold'em's hand)."""
    return score([*hole, *board])


def equity(
    hole: Sequence[int],
    board: Sequence[int],
    ranges: Sequence[Sequence[Sequence[int]]],
    rng: random.Random,
    *,
    samples: int,
    seconds: float | None = None,
    best: Callable[[Sequence[int], Sequence[int]], int] = holdem,
) -> float:
    """Share of the pot `hole` wins against one hand from each range, the board completed
    at random, hands made by `best` (`holdem`, or `omaha.best`). Stops after `samples`
    deals or `seconds` of CPU, whichever comes first."""
    dead = set(hole) | set(board)
    deck = [c for c in range(52) if c not in dead]
    missing = 5 - len(board)
    deadline = time.process_time() + seconds if seconds is not None else None
    won = 0.0
    dealt = 0
    for i in range(samples):
        if deadline is not None and i % 32 == 31 and time.process_time() > deadline:
            break
        used = set(dead)
        hands = []
        for options in ranges:
            for _ in range(20):  # a range hand blocked by cards already out: draw again
                c = options[rng.randrange(len(options))]
                if used.isdisjoint(c):
                    break
            else:
                c = tuple(rng.sample([x for x in deck if x not in used], len(hole)))
            used.update(c)
            hands.append(c)
        rest = [x for x in deck if x not in used] if missing else []
        full = [*board, *rng.sample(rest, missing)] if missing else list(board)
        mine = best(hole, full)
        theirs = [best(h, full) for h in hands]
        top = max(theirs)
        if mine > top:
            won += 1
        elif mine == top:
            won += 1 / (theirs.count(mine) + 1)
        dealt += 1
    return won / dealt if dealt else 0.5
