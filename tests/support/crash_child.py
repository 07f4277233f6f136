"""A host process for crash tests: plays a seeded random game into a database, through
the production path (the host core and the network shell's one commit step), until
it is killed.

Usage: python -m tests.support.crash_child DB SEED STEPS [cash|sit_and_go]

Commands come a few per loop turn, as they do from sockets; each turn is committed
once, then its outboxes are "sent": the child prints the seq each one carries (and
the kinds of its events), so the parent knows what was shown before it sends SIGKILL
(which may land between a commit and its sends, or in the middle of either).
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import sys
from collections.abc import Callable

from host_server.errors import FeltError
from host_server.host.core import HostCore
from host_server.host.peers import Outbox, Peer
from host_server.host.session import TableSession
from host_server.net.commit import GroupCommit
from host_server.store.sqlite import Store
from host_server.store.writes import TableWrite
from host_server.table.commands import Command
from host_server.table.settings import TableSettings
from host_server.table.state import Table
from tests.support.random_play import (
    RANDOM_OMAHA,
    RANDOM_SIT_AND_GO,
    RANDOM_TABLE,
    random_step,
    sit_and_go_step,
)

START = 1_800_000_000.0
SETTINGS = RANDOM_TABLE
Step = Callable[[Table, random.Random], tuple[Command, float]]
GAMES: dict[str, tuple[TableSettings, Step]] = {
    "cash": (RANDOM_TABLE, random_step),
    "omaha": (RANDOM_OMAHA, random_step),
    "sit_and_go": (RANDOM_SIT_AND_GO, sit_and_go_step),
}


def game(seed: int) -> tuple[random.Random, random.Random]:
    """The deck's randomness and the players' randomness for a seed."""
    return random.Random(seed), random.Random(seed + 1)


def shown(out: Outbox) -> None:
    writes = [w for w in out.writes if isinstance(w, TableWrite)]
    if writes:
        kinds = ",".join(r.event.kind for w in writes for r in w.recorded) or "-"
        print(writes[-1].seq, kinds, flush=True)


def refused(peer: Peer, code: int, reason: str) -> None:
    raise AssertionError(f"a commit failed: {code} {reason}")


async def main(db: str, seed: int, steps: int, kind: str = "cash") -> None:
    settings, step = GAMES[kind]
    decks, players = game(seed)
    store = Store(db)
    core = HostCore(store)
    session, _, write = TableSession.create(
        store, settings, "Host", START, table_id="crash", rng=decks
    )
    store.commit([write])
    core.sessions["crash"] = session
    commit = GroupCommit(store, core, send=shown, close=refused)
    turns = random.Random(seed + 3)  # how many commands a loop turn brings
    now, done = START, 0
    while done < steps:
        for _ in range(turns.randint(1, 4)):  # one loop turn's commands
            command, wait = step(session.table, players)
            now += wait
            done += 1
            with contextlib.suppress(FeltError):  # refused (a closed table, too)
                commit.add(core.run_command("crash", command, now))
        await asyncio.sleep(0)  # the turn ends: its commit, then its sends
    print("done", flush=True)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), *sys.argv[4:5]))
