"""The benchmark scripts still run (short forms; their figures live in benchmarks/RESULTS.md).

The crash soak is a check as much as a benchmark: it exits non-zero if a SIGKILLed host
lost anything, so its short form here is a real crash test (FELT_SLOW=full runs it long).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FULL = os.environ.get("FELT_SLOW") == "full"


def run(args: list[str], timeout: float = 240) -> str:
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip(), "a benchmark prints its figures"
    return done.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["benchmarks/storage.py", "--hands", "2"],
        ["benchmarks/bots.py", "--deals", "3", "--decisions", "5"],
    ],
)
def test_a_benchmark_runs_and_prints_its_figures(args):
    run(args)


@pytest.mark.slow
def test_the_load_benchmark_drives_real_tables_in_both_stores_and_on_the_floor():
    out = run(["benchmarks/load.py", "--tables", "2", "--seconds", "1"])
    rows = [line for line in out.splitlines() if line.startswith("| 2 |")]
    assert len(rows) == 6  # back-to-back and paced; durable, in memory and the bare floor
    busy = [row for row in rows if "back-to-back" in row]
    assert all(int(row.split("|")[4]) > 0 for row in busy), out  # actions were measured
    assert out.count("felt/bare: ") == 2, out  # Felt beside its floor, in each load


@pytest.mark.slow
def test_the_restart_benchmark_brings_every_player_back():
    out = run(["benchmarks/restart.py", "--tables", "2", "--rounds", "1", "--play", "1"])
    assert "| 2 | 12 |" in out


@pytest.mark.slow
def test_the_crash_soak_loses_nothing():
    kills = "20" if FULL else "3"
    out = run(["benchmarks/soak.py", "--kills", kills, "--tables", "2"], timeout=900)
    assert f"{kills} kills survived" in out and "lost or wrong: 0" in out


@pytest.mark.slow
def test_the_idle_benchmark_reads_felts_memory_beside_the_floors():
    out = run(["benchmarks/idle.py", "--tables", "2", "--settle", "0.2"])
    assert "| 2 | 12 | durable |" in out and "| 2 | 12 | bare |" in out, out
    assert "felt/bare: " in out
