"""`felt` as a new user runs it: a fresh per-user data directory, then a second launch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def launch(data_home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    return subprocess.run(
        [sys.executable, "-m", "desktop.app"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_first_launch_creates_a_table_and_the_next_one_restores_it(tmp_path):
    first = launch(tmp_path)
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "Felt" / "host.db").exists()
    assert "Home game: blinds 1/2, 0/6 seats taken, hand 0" in first.stdout
    second = launch(tmp_path)
    assert second.returncode == 0, second.stderr
    assert second.stdout.count("Home game") == 1  # restored, not created again
