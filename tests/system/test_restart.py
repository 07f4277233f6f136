"""Restart equivalence: a host killed with SIGKILL comes back exactly where it was.

A real subprocess plays a seeded random game into a real SQLite file, through the
host core and the network shell's commit step, and is killed at a random moment
(between commits, in the middle of one, or between a commit and its sends). The
database must then rebuild a table equal to the one an uninterrupted run had
at the same seq, every acknowledged command must be there, and play must go
on identically from there.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from host_server.errors import CommandError
from host_server.store.sqlite import Store
from host_server.table import decide, snapshot
from host_server.table.state import Table
from tests.support.checks import LeakWatch, assert_conserved
from tests.support.crash_child import GAMES, START, game
from tests.support.random_play import random_step

ROOT = Path(__file__).resolve().parents[2]
KILLS = 12 if os.environ.get("FELT_SLOW") == "full" else 4


def reference_at(seed: int, seq: int, kind: str = "cash") -> tuple[Table, random.Random, float]:
    """Replay the child's game in memory, without a store, up to exactly `seq`."""
    settings, step = GAMES[kind]
    decks, players = game(seed)
    table, _ = decide.create("crash", settings, "Host", START, decks)
    now = START
    while table.seq < seq:
        command, wait = step(table, players)
        now += wait
        with contextlib.suppress(CommandError):
            decide.handle(table, command, now)
    assert table.seq == seq, "a command's events were split by the crash"
    return table, players, now


def run_and_kill(
    db: Path, seed: int, after_lines: int, delay: float, kind: str = "cash", at: str | None = None
) -> int:
    """Start the child, let it acknowledge `after_lines` commands (or, given `at`, the
    first that brings an event of that kind), wait, SIGKILL it."""
    acknowledged = 0
    with subprocess.Popen(
        [sys.executable, "-m", "tests.support.crash_child", str(db), str(seed), "5000", kind],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        deadline = time.monotonic() + 30
        for line in child.stdout:
            if line.strip() == "done" or time.monotonic() > deadline:
                break
            seq, kinds = line.split()
            acknowledged = int(seq)
            after_lines -= 1
            if (at is None and after_lines <= 0) or (at is not None and at in kinds.split(",")):
                time.sleep(delay)  # a random instant: maybe mid-commit
                break
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    return acknowledged


@pytest.mark.slow
@pytest.mark.parametrize("kill", range(KILLS))
def test_sigkill_at_a_random_moment_loses_nothing_acknowledged(tmp_path, kill):
    """Every other kill at a Pot-Limit Omaha table."""
    rng = random.Random(1000 + kill)
    seed, kind = rng.randrange(2**32), ("cash", "omaha")[kill % 2]
    acknowledged = run_and_kill(
        tmp_path / "host.db", seed, rng.randint(5, 400),
        rng.choice([0.0, 0.0005, 0.002, 0.01]), kind,
    )  # fmt: skip

    with Store(tmp_path / "host.db") as store:
        restored = store.load("crash")
    assert restored.seq >= acknowledged  # durable before visible
    reference, players, now = reference_at(seed, restored.seq, kind)
    assert snapshot.to_dict(restored) == snapshot.to_dict(reference)
    assert_conserved(restored)

    # Play goes on identically from the restored table and the uninterrupted one.
    restored.rng = random.Random(seed + 2)
    reference.rng = random.Random(seed + 2)
    twin = random.Random(players.random())
    watch = LeakWatch.of(restored)
    for _ in range(300):
        state = twin.getstate()
        command, wait = random_step(reference, twin)
        twin.setstate(state)
        assert (command, wait) == random_step(restored, twin)
        now += wait
        try:
            expected = decide.handle(reference, command, now)
        except CommandError as error:
            with pytest.raises(CommandError) as again:
                decide.handle(restored, command, now)
            assert again.value.code == error.code
            continue
        assert decide.handle(restored, command, now) == expected
        watch.follow(restored, expected)
    assert snapshot.to_dict(restored) == snapshot.to_dict(reference)
