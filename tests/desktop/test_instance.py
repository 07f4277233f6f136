"""One Felt per data folder, with real `felt` processes: a second launch hands its
clicked invite to the running Felt (whose join dialog opens with it) and ends; a
killed Felt does not lock the next one out; a running Felt that does not answer is
named in the second launch's refusal."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from desktop import logbook
from desktop.instance import Instance
from desktop.main import (
    HANDED,
    HANDED_LINK,
    PROCESS,
    RUNNING,
    already_running,
    take_over_launches,
)
from desktop.ui.join_dialog import JoinDialog
from tests.support.person import app, until

FELT = str(Path(sys.executable).parent / "felt")
INVITE = "felt://127.0.0.1:9/abc123def456?v=1&pin=" + "P" * 43


def launch_env(data_home: Path) -> dict[str, str]:
    return {**os.environ, "XDG_DATA_HOME": str(data_home), "QT_QPA_PLATFORM": "offscreen"}


async def launch(data_home: Path, *args: str) -> tuple[int, str]:
    """`felt ARGS` as a clicked link or a second click on the icon runs it; its exit
    code and what it printed (bounded: a launch that hangs fails the test)."""
    process = await asyncio.create_subprocess_exec(
        FELT, *args, env=launch_env(data_home), stdout=asyncio.subprocess.PIPE
    )
    out, _ = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode is not None
    return process.returncode, out.decode().strip()


async def test_a_clicked_invite_goes_to_the_felt_already_open(qtbot, tmp_path):
    home = tmp_path / "Felt"  # (XDG_DATA_HOME=tmp_path: Felt's data folder)
    async with app(qtbot, home) as felt:
        instance = Instance(home)
        assert instance.claim() and instance.holder() == os.getpid()
        take_over_launches(felt, instance)
        try:
            felt.window.showMinimized()
            assert await launch(tmp_path, INVITE) == (0, HANDED_LINK)
            dialogs = lambda: [d for d in felt.start.findChildren(JoinDialog) if d.isVisible()]  # noqa: E731
            await until(dialogs)
            [dialog] = dialogs()
            assert dialog.invite.text() == INVITE and not felt.window.isMinimized()
            dialog.reject()

            assert await launch(tmp_path) == (0, HANDED)  # (the icon clicked again)
            assert not dialogs() and felt.screen is None
            other = tmp_path / "someone else"  # another data folder: a Felt of its own
            assert Instance(other / "Felt").claim()
        finally:
            instance.release()


def test_a_killed_felt_leaves_the_folder_free(tmp_path):
    """SIGKILL leaves the lock file and the socket behind; Qt sees its process gone."""
    home = tmp_path / "Felt"
    felt = subprocess.Popen([FELT], env=launch_env(tmp_path))
    try:
        deadline = time.monotonic() + 60
        log = logbook.log_file(home)
        while not (log.exists() and "started" in log.read_text()):
            assert felt.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        held = Instance(home)
        assert not held.claim() and held.holder() == felt.pid
    finally:
        felt.send_signal(signal.SIGKILL)
        felt.wait(10)
    assert (home / "felt.lock").exists()
    again = Instance(home)
    assert again.claim()
    again.release()


def test_a_felt_that_does_not_answer_is_named(qtbot):
    box = already_running(4242)
    qtbot.addWidget(box)
    assert box.text() == RUNNING.format(PROCESS.format(4242))
    assert "same database" in box.informativeText()
