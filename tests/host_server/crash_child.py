"""A host process for crash tests: plays a seeded random game into a database until killed.

Usage: python -m tests.host_server.crash_child DB SEED STEPS

After each committed command it prints the table's seq, so the parent knows
what was acknowledged before it sends SIGKILL.
"""

from __future__ import annotations

import random
import sys

from host_server.errors import CommandError
from host_server.session import TableSession
from host_server.store import Store
from tests.host_server.random_play import RANDOM_TABLE, random_step

START = 1_800_000_000.0
SETTINGS = RANDOM_TABLE


def game(seed: int) -> tuple[random.Random, random.Random]:
    """The deck's randomness and the players' randomness for a seed."""
    return random.Random(seed), random.Random(seed + 1)


def main(db: str, seed: int, steps: int) -> None:
    decks, players = game(seed)
    session, _ = TableSession.create(
        Store(db), SETTINGS, "Host", START, table_id="crash", rng=decks
    )
    now = START
    for _ in range(steps):
        command, wait = random_step(session.table, players)
        now += wait
        try:
            if session.execute(command, now):
                print(session.table.seq, flush=True)
        except CommandError:
            pass
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
