"""Two app processes on one machine: one hosts, with its port mapped on a router (a real
one, on 127.0.0.1), one joins by the invite over wss:// at 127.0.0.1, the pin checked.
Each is killed with SIGKILL mid-hand and started again, and both come back to the same
hand; the host asks the router again as it comes back."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.support.processes import ROOT, free_port
from tests.support.router import NO_ROUTER, TestRouter


class App:
    """One `felt` process (tests/support/app_child.py) and the states it reports."""

    def __init__(self, home: Path, *args: str) -> None:
        self.home, self.args = home, args
        self.process: asyncio.subprocess.Process | None = None
        self.said: list[dict[str, Any]] = []

    async def start(self, *args: str) -> App:
        env = {
            **os.environ,
            "XDG_DATA_HOME": str(self.home),
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # tokens in the file
        }
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "tests.support.app_child", *args,
            cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE,
        )  # fmt: skip
        self.said = []
        return self

    async def until(
        self, check: Callable[[dict[str, Any]], bool], timeout: float = 30
    ) -> dict[str, Any]:
        """Read reports until one satisfies `check` (bounded in time)."""
        assert self.process is not None and self.process.stdout is not None
        deadline = time.monotonic() + timeout
        for report in self.said:
            if check(report):
                return report
        while True:
            left = deadline - time.monotonic()
            assert left > 0, f"timed out; last reports: {self.said[-3:]}"
            line = await asyncio.wait_for(self.process.stdout.readline(), left)
            assert line, f"the app exited; last reports: {self.said[-3:]}"
            fresh: dict[str, Any] = json.loads(line)
            self.said.append(fresh)
            if check(fresh):
                return fresh

    async def kill(self) -> None:
        assert self.process is not None
        self.process.kill()  # SIGKILL: no clean-up at all
        await self.process.wait()


def mid_hand(report: dict[str, Any]) -> bool:
    return bool(report.get("online") and report.get("seat")) and report.get("street") in (
        "flop",
        "turn",
    )


@pytest.mark.slow
async def test_two_apps_host_and_join_and_each_comes_back_to_the_same_hand(tmp_path):
    port, router = free_port(), TestRouter()
    await router.start()
    host = await App(tmp_path / "host").start("host", str(port), router.address)
    guest = App(tmp_path / "guest")
    try:
        invite = (await host.until(lambda r: "invite" in r))["invite"]
        assert invite.startswith("felt://") and f":{port}/" in invite and "pin=" in invite
        await guest.start("join", invite)
        playing = await guest.until(mid_hand)
        hand = playing["hand_no"]
        mapped = f"● Reachable from the internet at {router.external}:{port} (not checked)"
        await host.until(lambda r: r.get("reach") == mapped)
        assert router.mappings == {port: "NAT-PMP"}

        # The host's process dies mid-hand; the guest waits, greyed, for it to come back.
        await host.kill()
        await guest.until(lambda r: not r["online"])
        asked = len(router.log)
        await host.start("resume", router.address)
        back = await host.until(lambda r: r["online"] and r["seat"] == 1)
        assert back["hand_no"] == hand, back  # nobody could act while it was down
        await host.until(lambda r: r.get("reach") == mapped)
        assert ("NAT-PMP", "map", port, 3600) in router.log[asked:]
        await guest.until(lambda r: r["online"] and r["hand_no"] == hand)
        await host.until(lambda r: (r["hand_no"] or 0) > hand)  # and play goes on

        # Now the guest's process dies mid-hand, and resumes from "Your tables".
        playing = await guest.until(lambda r: mid_hand(r) and r["hand_no"] > hand)
        hand = playing["hand_no"]
        await guest.kill()
        await guest.start("resume", NO_ROUTER)
        back = await guest.until(lambda r: r["online"] and r["seat"] == 2)
        assert back["hand_no"] == hand, back  # its clock had not run out: the same hand
        await guest.until(lambda r: (r["hand_no"] or 0) > hand)
        await host.until(lambda r: (r["hand_no"] or 0) > hand)
    finally:
        for app in (host, guest):
            if app.process is not None and app.process.returncode is None:
                await app.kill()
        await router.stop()


DOWN = 6.0  # seconds a killed app stays down


@pytest.mark.slow
async def test_an_app_killed_mid_sit_and_go_comes_back_at_the_same_level_and_clock(tmp_path):
    """The app hosts a sit-and-go against two bots and is killed with SIGKILL mid-hand;
    started again, it resumes the tournament from "Your tables" at the same level, with
    the same standings and the level's time left as it was (its downtime not counted, to
    the host's heartbeat's second), and the game goes on."""
    app = await App(tmp_path / "host").start("sit-and-go", str(free_port()))
    try:
        playing = await app.until(lambda r: mid_hand(r) and r.get("stage") == "running")
        await asyncio.sleep(0.3)  # (a heartbeat since: the host was alive until the kill)
        before, killed = app.said[-1], time.monotonic()
        await app.kill()
        await asyncio.sleep(DOWN)  # not counted on the level clock
        await app.start("resume", NO_ROUTER)
        back = await app.until(lambda r: r["online"] and r["seat"] is not None)
        running = time.monotonic() - killed - DOWN  # the host was up again for this long
        assert (back["level"], back["finished"], back["stage"]) == (
            before["level"], before["finished"], "running",
        )  # fmt: skip
        assert back["hand_no"] == playing["hand_no"]  # nobody could act while it was down
        # (2 s of slack either way: the last second before the kill, after the host's last
        # heartbeat, counts as down; and the app reports whole seconds)
        assert before["left"] - running - 2 <= back["left"] <= before["left"] + 2, (before, back)
        await app.until(lambda r: (r["hand_no"] or 0) > playing["hand_no"])
    finally:
        if app.process is not None and app.process.returncode is None:
            await app.kill()
