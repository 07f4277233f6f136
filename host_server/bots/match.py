"""Bots against bots, to measure the levels: heads-up duplicate matches.

Each deal is played twice with the same deck, the bots swapping seats, so the
cards cancel out and what is left is how they played. Every hand starts fresh
at 100 big blinds on a real `Table`, and each bot reads its situation through
the views, exactly as it does at a hosted table.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from host_server.bots.policies import Budget, decide
from host_server.bots.situation import situation_for
from host_server.table import commands as cmd, events as ev
from host_server.table.decide import create as create_table, handle
from host_server.table.members import BotLevel
from host_server.table.settings import TableSettings

BIG_BLIND = 2
STACK = 100 * BIG_BLIND
MAX_STEPS = 200  # far more decisions than a hand can need


@dataclass(frozen=True)
class MatchResult:
    first: BotLevel
    second: BotLevel
    deals: int
    nets: tuple[int, ...]  # per deal (both seatings), chips `first` won

    @property
    def total(self) -> int:
        return sum(self.nets)

    @property
    def bb_per_100(self) -> float:
        """Big blinds `first` won per 100 hands played."""
        return self.total / BIG_BLIND / (2 * self.deals) * 100

    @property
    def z(self) -> float:
        """The mean result per deal in standard errors: beyond 2 is not noise."""
        n = len(self.nets)
        mean = self.total / n
        variance = sum((x - mean) ** 2 for x in self.nets) / max(1, n - 1)
        return mean / math.sqrt(variance / n) if variance else math.inf * (mean > 0)

    def __str__(self) -> str:
        return (
            f"{self.first} vs {self.second}: {2 * self.deals} hands, {self.total:+d} chips, "
            f"{self.bb_per_100:+.1f} bb/100, z = {self.z:.2f}"
        )


def play_hand(
    seats: dict[int, BotLevel], seed: int, budget: Budget, variant: str = "nlhe"
) -> dict[int, int]:
    """One hand between bots at seats 1 and 2 (seat 1 has the button); net per seat."""
    settings = TableSettings(
        "match", seats=2, small_blind=BIG_BLIND // 2, big_blind=BIG_BLIND,
        between_hands_seconds=0, variant=variant,
    )  # fmt: skip
    table, _ = create_table(f"match-{seed}", settings, "Referee", 0.0, random.Random(seed))
    members = {}
    for seat, level in seats.items():
        handle(table, cmd.AddBot(1, seat, level.value, STACK), 0.0)
        seat_state = table.seats[seat]
        members[seat] = seat_state.member_id
    rng = random.Random(seed * 1_000_003)
    for _ in range(MAX_STEPS):
        actor = table.actor_seat
        assert actor is not None and table.hand_no == 1
        situation = situation_for(table, members[actor])
        assert situation is not None
        choice = decide(seats[actor], situation, rng, budget)
        act = cmd.Act(members[actor], choice.action, table.hand_no, choice.amount)
        for event in handle(table, act, 0.0):
            if isinstance(event, ev.HandEnded):
                return dict(zip(event.seats, event.net, strict=True))
    raise RuntimeError("the hand did not finish")


def play_match(
    first: BotLevel,
    second: BotLevel,
    deals: int,
    *,
    seed: int = 0,
    budget: Budget | None = None,
    variant: str = "nlhe",
) -> MatchResult:
    budget = budget or Budget(samples=400, seconds=None)  # deterministic by count
    nets = []
    for deal in range(seed, seed + deals):
        a = play_hand({1: first, 2: second}, deal, budget, variant)[1]
        b = play_hand({1: second, 2: first}, deal, budget, variant)[2]
        nets.append(a + b)
    return MatchResult(first, second, deals, tuple(nets))
