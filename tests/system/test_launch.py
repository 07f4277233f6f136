"""`felt` as the installed entry point runs it: a process that starts and keeps running
(until killed), looking for tables on loopback only; and the felt:// link it is opened
with."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.main import link_of
from tests.support.processes import ROOT


def test_felt_starts_as_a_process_and_keeps_running(tmp_path):
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    (tmp_path / "Felt").mkdir()
    (tmp_path / "Felt" / "settings.json").write_text(json.dumps({"lan": "127.0.0.1"}))
    link = "felt://127.0.0.1:9/abc123"  # (a join dialog opens for it: nothing is dialled)
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop.main", link], cwd=ROOT, env=env, stderr=subprocess.PIPE
    )
    try:
        # Its window, its loop and the join dialog for the link: it stays up (a broken
        # start, its imports' included, would end it well within these seconds).
        with pytest.raises(subprocess.TimeoutExpired):
            process.wait(10)
    finally:
        process.kill()
        process.wait(10)
        if process.stderr is not None:
            process.stderr.close()


def test_the_link_it_is_opened_with_is_found_among_its_arguments():
    assert link_of(["--style", "fusion", "felt://h:1/t?pin=x"]) == "felt://h:1/t?pin=x"
    assert link_of(["FELT://H:1/T"]) == "FELT://H:1/T"
    assert link_of(["--style", "fusion"]) is None and link_of([]) is None


def test_the_installed_felt_passes_its_self_test(tmp_path):
    """`felt --self-test` through the console script (which hands the process's own
    arguments on): its checks, then a hand against bots, offscreen; exit 0."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    felt = Path(sys.executable).parent / "felt"
    done = subprocess.run(
        [str(felt), "--self-test"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [
        "ok    platforms", "ok    keyring", "ok    licences", "ok    sounds", "ok    a hand"
    ]  # fmt: skip
    assert lines[-1] == "self-test passed" and not (tmp_path / "Felt").exists()


def test_felt_first_window_says_when_its_first_frame_was_drawn(tmp_path):
    """`felt --first-window` (how the bundle's start-up is timed): the seconds from the
    process's start to the start screen's first frame, printed, and the process gone
    by itself, though Felt's window asks before it closes."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    felt = Path(sys.executable).parent / "felt"
    done = subprocess.run(
        [str(felt), "--first-window"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert 0 < float(done.stdout) < 30 and not (tmp_path / "Felt").exists()
