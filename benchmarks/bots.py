"""Bots: how the levels fare against each other, and what a `strong` decision costs.

Run: python benchmarks/bots.py [--deals N] [--decisions N] [--variant plo] [--record]
Plays duplicate heads-up matches (each deal twice, seats swapped; 100 big blinds
each hand) with fixed seeds, then times `strong` with the budget it has at a real
table. --record appends the figures to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from host_server.bots.match import MatchResult, play_match
from host_server.bots.policies import Budget, decide
from host_server.bots.situation import Situation, situation_for
from host_server.table import commands as cmd
from host_server.table.decide import create as create_table, handle
from host_server.table.members import BotLevel
from host_server.table.settings import TableSettings

PAIRS = (
    (BotLevel.STANDARD, BotLevel.EASY),
    (BotLevel.STRONG, BotLevel.STANDARD),
    (BotLevel.STRONG, BotLevel.EASY),
)


def situations(count: int, variant: str, seed: int = 1) -> list[Situation]:
    """Decisions from six-handed games of standard bots, every street."""
    rng = random.Random(seed)
    found: list[Situation] = []
    for game in range(count):  # bounded: at least one decision per game
        settings = TableSettings("Bench", seats=6, between_hands_seconds=0, variant=variant)
        table, _ = create_table(f"b{game}", settings, "Host", 0.0, random.Random(game))
        for seat in range(1, 7):
            handle(table, cmd.AddBot(1, seat, "standard"), 0.0)
        for _ in range(60):
            if table.hand is None or table.hand_no > 1 or len(found) >= count:
                break
            member = table.seats[table.actor_seat].member_id
            situation = situation_for(table, member)
            assert situation is not None
            found.append(situation)
            choice = decide(BotLevel.STANDARD, situation, rng)
            handle(table, cmd.Act(member, choice.action, table.hand_no, choice.amount), 0.0)
        if len(found) >= count:
            break
    return found


def decision_cost(count: int, variant: str) -> dict[str, float]:
    """CPU milliseconds per `strong` decision with the live budget."""
    rng = random.Random(2)
    costs = []
    for situation in situations(count, variant):
        start = time.process_time()
        decide(BotLevel.STRONG, situation, rng, Budget())
        costs.append((time.process_time() - start) * 1000)
    costs.sort()
    return {
        "decisions": len(costs),
        "p50_ms": round(costs[len(costs) // 2], 1),
        "p99_ms": round(costs[min(len(costs) - 1, int(len(costs) * 0.99))], 1),
        "max_ms": round(costs[-1], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--deals", type=int, default=1000)
    parser.add_argument("--decisions", type=int, default=300)
    parser.add_argument("--variant", choices=["nlhe", "plo"], default="nlhe")
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    results: list[tuple[MatchResult, float]] = []
    for first, second in PAIRS:
        start = time.perf_counter()
        result = play_match(first, second, args.deals, variant=args.variant)
        results.append((result, time.perf_counter() - start))
        print(result, f"({results[-1][1]:.0f} s)")
    cost = decision_cost(args.decisions, args.variant)
    print("strong decision, CPU:", cost)
    if args.record:
        plo = args.variant == "plo"
        game, flag = (" at Pot-Limit Omaha", " --variant plo") if plo else ("", "")
        lines = [
            f"\n## Bots{game} — {time.strftime('%Y-%m-%d')}, {platform.machine()}, "
            f"Python {platform.python_version()}\n",
            f"`python benchmarks/bots.py --deals {args.deals}{flag}`: duplicate heads-up matches "
            "(each deal played twice with seats swapped, 100 big blinds, seeds 0..N-1; "
            "`strong` limited to 400 deals per decision for determinism).\n",
            "| match | hands | chips won | bb/100 | z (mean/standard error per deal) |",
            "|---|---|---|---|---|",
            *(
                f"| {r.first} vs {r.second} | {2 * r.deals} | {r.total:+d} "
                f"| {r.bb_per_100:+.1f} | {r.z:.2f} |"
                for r, _ in results
            ),
            "",
            f"`strong` at a real table (at most 20,000 deals or 0.2 s CPU), over "
            f"{cost['decisions']} six-handed decisions: CPU per decision p50 "
            f"{cost['p50_ms']} ms, p99 {cost['p99_ms']} ms, max {cost['max_ms']} ms.",
        ]
        with open(Path(__file__).with_name("RESULTS.md"), "a") as out:
            out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
