"""How bots play: three levels, each a pure function of a `Situation` and a random source.

- `easy`: loose-passive. Calls too much, raises only with monsters, never bluffs.
- `standard`: tight-aggressive. A preflop chart by position, then decisions by made
  hand strength, draws and pot odds, with a continuation bet as the preflop raiser.
- `strong`: Monte Carlo equity against the ranges the opponents' actions suggest,
  weighed against pot odds; bets for value and bluffs in position. Its sampling is
  bounded in count and CPU time.

Each plays Pot-Limit Omaha too: the same judgement on Omaha's hands, starting hands and
ranges (`omaha`); the rules cap every bet at the pot.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from host_server.bots import omaha
from host_server.bots.cards import (
    PAIR,
    STRAIGHT,
    TWO_PAIR,
    cards,
    category,
    equity,
    holdem,
    percentile,
    score,
    top_range,
)
from host_server.bots.situation import Decision, Situation
from host_server.table.members import BotLevel as Level


@dataclass(frozen=True)
class Budget:
    """How hard `strong` may think: at most `samples` deals and `seconds` of CPU."""

    samples: int = 20_000
    seconds: float | None = 0.2


def decide(
    level: Level, situation: Situation, rng: random.Random, budget: Budget | None = None
) -> Decision:
    policy: Callable[[Situation, random.Random, Budget], Decision] = _POLICIES[level]
    return policy(situation, rng, budget or Budget())


# --- reading the cards -----------------------------------------------------------

MONSTER, STRONG, MEDIUM, DRAW, WEAK = "monster", "strong", "medium", "draw", "weak"


def strength(s: Situation) -> str:
    """How good the hand is after the flop, in the few classes a human would name."""
    hole, board = cards(s.hole), cards(s.board)
    mine = _made(s)(hole, board)
    on_board = score(board)
    kind, board_kind = category(mine), category(on_board)
    if (kind >= STRAIGHT and mine > on_board) or (kind >= TWO_PAIR and kind > board_kind):
        return MONSTER if kind >= TWO_PAIR + (1 if board_kind == PAIR else 0) else STRONG
    if kind == PAIR and board_kind < PAIR:
        pair = mine >> 12 & 15
        ranks = sorted((c >> 2 for c in board), reverse=True)
        kicker = max(c >> 2 for c in hole if c >> 2 != pair) if _two_ranks(hole) else 0
        if pair > ranks[0] or (pair == ranks[0] and kicker >= 9):
            return STRONG
        if pair == ranks[0] or (len(ranks) > 1 and pair >= ranks[1]):
            return MEDIUM
    if len(board) < 5 and draw_outs(s) >= 8:
        return DRAW
    return WEAK


def draw_outs(s: Situation) -> int:
    """Outs to a flush or a straight that the hole cards take part in (rough, not exact;
    at Omaha a flush needs two of the suit in hand)."""
    hole, board = cards(s.hole), cards(s.board)
    made, plo = _made(s), s.variant == "plo"
    outs = 0
    for suit in range(4):
        held, out = (sum(1 for c in cs if c & 3 == suit) for cs in (hole, board))
        if (held >= 2 and out == 2) if plo else (held >= 1 and held + out == 4):
            outs += 9
    ranks = 0
    for c in (*hole, *board):
        ranks |= 1 << (c >> 2)
    if category(made(hole, board)) < STRAIGHT:
        making = sum(
            1
            for r in range(13)
            if not ranks >> r & 1
            and category(made(hole, [*board, r * 4])) == STRAIGHT
            and category(score([*board, r * 4])) < STRAIGHT
        )
        outs += 4 * making
    return min(outs, 15)


# --- easy: the calling station ------------------------------------------------------


def easy(s: Situation, rng: random.Random, budget: Budget) -> Decision:
    bb = s.big_blind
    if s.street == "preflop" and (short := push_or_fold(s, wider=1.3)) is not None:
        return short
    if s.street == "preflop":
        p = _rank(s)
        if p < 0.03 and s.raises() < 2:
            return s.bet_to(max(max(s.bets.values()) * 3, 3 * bb))
        if s.legal.get("check"):
            return s.passive()
        if s.to_call <= 0.2 * s.stack or p < 0.15:
            return s.passive()
        return s.give_up()
    st = strength(s)
    if st == MONSTER:
        if s.legal.get("check"):
            return s.bet_to(s.pot // 2)
        return s.bet_to(max(s.bets.values()) * 2) if rng.random() < 0.3 else s.passive()
    if s.legal.get("check"):
        return s.bet_to(s.pot // 2) if st == STRONG and rng.random() < 0.5 else s.passive()
    if st in (STRONG, MEDIUM, DRAW) or _has_pair(s):
        return s.passive() if s.to_call <= max(s.pot, s.stack // 3) else s.give_up()
    return s.passive() if s.to_call <= s.pot // 2 and rng.random() < 0.5 else s.give_up()


# --- standard: tight and aggressive -----------------------------------------------------


def _behind(s: Situation) -> int:
    """How many players act after this seat preflop (in the first round)."""
    n, i = len(s.order), s.order.index(s.seat)
    if n == 2:
        return 1 if i == 1 else 0
    return 1 if i == 0 else 0 if i == 1 else n - 1 - i + 2


def _open_fraction(s: Situation) -> float:
    if len(s.order) == 2:
        return 0.7 if _behind(s) else 0.35
    return {0: 0.35, 1: 0.42, 2: 0.3, 3: 0.22, 4: 0.17}.get(_behind(s), 0.13)


SHORT = 10  # big blinds: from here down a stack is all in or out preflop


def push_or_fold(s: Situation, wider: float = 1.0) -> Decision | None:
    """A short stack (rising blinds in a tournament) shoves or folds: the shorter the
    stack, the wider it shoves, and it calls a shove with a tighter range than it
    shoves; None for a stack deep enough to play the ordinary chart."""
    behind = s.stack + s.bets[s.seat]
    if behind > SHORT * s.big_blind:
        return None
    p = _rank(s)
    depth = behind / s.big_blind  # 1 to 10
    shove = (0.55 - 0.035 * depth) * wider  # top 52% at one big blind, 20% at ten
    if s.raises("preflop") == 0:
        if p < shove:
            return s.bet_to(behind)
        return s.passive() if s.legal.get("check") else s.give_up()
    if p < shove * 0.6:
        return s.bet_to(behind)  # shove over it, or call when it cannot raise
    return s.passive() if s.legal.get("check") else s.give_up()


def preflop_chart(s: Situation, rng: random.Random, wider: float = 1.0) -> Decision:
    if (short := push_or_fold(s, wider)) is not None:
        return short
    bb = s.big_blind
    p = _rank(s)
    raises = s.raises("preflop")
    top_bet = max(s.bets.values())
    if raises == 0:
        limpers = sum(1 for step in s.history if step.action == "call")
        if p < _open_fraction(s) * wider:
            return s.bet_to((2.5 + limpers) * bb)
        if s.legal.get("check"):
            return s.passive()
        if _behind(s) == 1 and s.order.index(s.seat) == 0 and p < 0.5 * wider:
            return s.passive()  # complete the small blind with a playable hand
        return s.give_up()
    heads_up = len(s.order) == 2
    if raises == 1:
        if p < 0.035 * wider:
            return s.bet_to(top_bet * 3)
        call_limit = 0.45 if heads_up and s.in_blinds else 0.2 if s.in_blinds else 0.12
        if p < call_limit * wider and s.to_call <= 0.12 * s.stack:
            return s.passive()
        return s.give_up()
    if p < 0.015 * wider:
        return s.bet_to(s.stack + s.bets[s.seat])
    if p < 0.035 * wider and s.to_call <= 0.25 * s.stack:
        return s.passive()
    return s.give_up()


def standard(s: Situation, rng: random.Random, budget: Budget) -> Decision:
    if s.street == "preflop":
        return preflop_chart(s, rng)
    st = strength(s)
    top_bet = max(s.bets.values())
    if s.legal.get("check"):
        if st == MONSTER:
            return s.bet_to(s.pot * 0.7)
        if st == STRONG:
            return s.bet_to(s.pot * 0.6)
        raiser = s.aggressor("preflop") == s.seat
        if s.street == "flop" and raiser and len(s.opponents) <= 2 and rng.random() < 0.6:
            return s.bet_to(s.pot * 0.5)  # continuation bet
        if st == DRAW and s.position > 0.6 and rng.random() < 0.3:
            return s.bet_to(s.pot * 0.5)
        return s.passive()
    odds = s.pot_odds
    if st == MONSTER:
        return s.bet_to(top_bet * 3) if s.raises() < 3 else s.passive()
    if st == STRONG:
        return s.passive() if odds <= 0.4 or (s.street != "river" and odds <= 0.45) else s.give_up()
    if st == MEDIUM:
        return s.passive() if odds <= (0.25 if s.street == "river" else 0.3) else s.give_up()
    if st == DRAW:
        return s.passive() if odds <= (0.3 if draw_outs(s) >= 12 else 0.22) else s.give_up()
    return s.give_up()


# --- strong: equity against ranges ---------------------------------------------------------


def opponent_range(s: Situation, seat: int, rng: random.Random) -> tuple[tuple[int, ...], ...]:
    """The starting hands `seat` plausibly holds, from what it did in this hand (at Omaha,
    some of them, drawn with `rng`)."""
    pre = s.acted(seat, "preflop")
    raised = pre.count("raise") + pre.count("bet")
    fraction = 0.05 if raised > 1 else 0.15 if raised else 0.45 if "call" in pre else 0.9
    if raised and len(s.order) == 2:
        fraction *= 3  # heads-up a raise means far less
    board, mine = cards(s.board), set(cards(s.hole))
    plo = s.variant == "plo"
    hands: tuple[tuple[int, ...], ...] = (
        omaha.top_range(fraction, mine, rng) if plo else top_range(fraction)
    )
    made = _made(s)
    # After the flop, each bet, raise or call keeps the part of the range that is
    # strongest on the board as it stood then.
    for street, count in (("flop", 3), ("turn", 4), ("river", 5)):
        done = s.acted(seat, street)
        keep = 0.15 if "raise" in done else 0.5 if "bet" in done else 0.75 if "call" in done else 1
        if len(board) < count or keep == 1:
            continue
        seen = board[:count]
        live = [c for c in hands if not (mine | set(seen)) & set(c)] or list(hands)
        live.sort(key=lambda c: made(c, seen), reverse=True)
        hands = tuple(live[: max(6, int(len(live) * keep))])
    return hands


def strong(s: Situation, rng: random.Random, budget: Budget) -> Decision:
    opponents = s.opponents
    if not opponents:
        return s.passive()
    ranges = [opponent_range(s, o, rng) for o in opponents]
    if s.street == "preflop":
        if s.raises("preflop") == 0 or s.to_call <= s.big_blind:
            return preflop_chart(s, rng, wider=1.2)
        samples = min(budget.samples, 1500)
    else:
        samples = budget.samples
    eq = equity(
        cards(s.hole), cards(s.board), ranges, rng,
        samples=samples, seconds=budget.seconds, best=_made(s),
    )  # fmt: skip
    top_bet = max(s.bets.values())
    heads_up = len(opponents) == 1
    if s.street == "preflop":
        if eq > 0.62 and s.raises("preflop") < 3:
            return s.bet_to(top_bet * 3)
        return s.passive() if eq >= s.pot_odds + 0.08 else s.give_up()
    if s.legal.get("check"):
        if eq > 0.65:
            return s.bet_to(s.pot * 0.75)
        # A bet wins the pot at once when they fold, and plays on with our equity when not;
        # sized big, as bluffs are, so that middling hands cannot call it.
        size = s.pot * 0.9
        checked = "check" in s.acted(opponents[0], s.street)
        folds = (0.5 if checked else 0.3) if heads_up else 0.1
        bet = folds * s.pot + (1 - folds) * (eq * 0.8 * (s.pot + 2 * size) - size)
        if bet > eq * 0.8 * s.pot:
            return s.bet_to(size)
        return s.passive()
    if eq > 0.78 and s.raises() < 3:
        return s.bet_to(top_bet * 2.5 + (s.pot - top_bet) * 0.5)
    cbet = s.street == "flop" and s.aggressor("flop") == s.aggressor("preflop") != s.seat
    if heads_up and cbet and s.raises() == 1 and eq > 0.3:
        # Raise a continuation bet: it is made with nothing as often as not.
        raise_to = top_bet * 3
        risk = raise_to - s.bets[s.seat]
        folds = 0.45
        value = folds * s.pot + (1 - folds) * (eq * 0.8 * (s.pot + 2 * risk) - risk)
        if value > max(0.0, eq * (s.pot + s.to_call) - s.to_call):
            return s.bet_to(raise_to)
    return s.passive() if eq >= s.pot_odds + 0.04 else s.give_up()


def _rank(s: Situation) -> float:
    """The starting hand's percentile: 0.0 the best, towards 1.0 the worst."""
    if s.variant == "plo":
        return omaha.percentile(cards(s.hole))
    a, b = cards(s.hole)
    return percentile((a, b))


def _made(s: Situation) -> Callable[[Sequence[int], Sequence[int]], int]:
    """How a hand is made of hole cards and board: Hold'em's way or Omaha's."""
    return omaha.best if s.variant == "plo" else holdem


def _two_ranks(hole: Sequence[int]) -> bool:
    """Hole cards of more than one rank (a pocket pair has no kicker)."""
    return len({c >> 2 for c in hole}) > 1


def _has_pair(s: Situation) -> bool:
    return category(_made(s)(cards(s.hole), cards(s.board))) >= PAIR


_POLICIES: dict[Level, Callable[[Situation, random.Random, Budget], Decision]] = {
    Level.EASY: easy,
    Level.STANDARD: standard,
    Level.STRONG: strong,
}
