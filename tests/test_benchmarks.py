"""The benchmark scripts still run (short forms; their figures live in benchmarks/RESULTS.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "args",
    [
        ["benchmarks/storage.py", "--hands", "2"],
        ["benchmarks/bots.py", "--deals", "3", "--decisions", "5"],
    ],
)
def test_a_benchmark_runs_and_prints_its_figures(args):
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip(), "a benchmark prints its figures"
