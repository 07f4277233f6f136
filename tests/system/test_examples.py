"""docs/examples (check_call.py, and bot.py with Felt's policies) work against
`felt-host serve` over wss://, checking the pin `new-table` printed: all real processes."""

from __future__ import annotations

import asyncio
import contextlib
import json
import subprocess
import sys

from tests.support.net import Client
from tests.support.processes import ROOT, felt_host, free_port, start_host


async def test_the_example_clients_wait_for_approval_then_play_each_other(tmp_path):
    db, port = tmp_path / "host.db", free_port()
    made = json.loads(
        felt_host(
            "new-table", "--db", str(db), "--name", "Examples", "--between-hands-seconds", "0.1"
        ).stdout
    )
    host = await start_host(db, port, tls=True)
    try:
        owner = await Client.connect(port, "owner", tls=True)  # approves; does not play
        await owner.resume(made["table_id"], made["host_token"], 0)
        clients = [
            await asyncio.create_subprocess_exec(
                sys.executable,
                f"docs/examples/{script}",
                f"wss://127.0.0.1:{port}/ws",
                made["table_id"],
                "--pin",
                made["pin"],
                "--name",
                name,
                "--hands",
                "3",
                *extra,
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for script, name, extra in (
                ("check_call.py", "Calvin", ()),
                ("bot.py", "Robo", ("--level", "strong")),
            )
        ]
        approved: set[int] = set()
        while len(approved) < len(clients):
            await owner.until(lambda m: m.get("kind") == "join_requested")
            for knock in owner.events("join_requested"):  # also those read meanwhile
                if knock["member_id"] not in approved:
                    approved.add(knock["member_id"])
                    await owner.send("approve", member_id=knock["member_id"])

        async def chatter() -> None:
            # A chat while someone thinks sends the same decision's turn again.
            for n in range(12):
                await owner.until(lambda m: m["type"] == "turn" and m["seat"] is not None)
                await owner.send("chat", text=f"hurry up {n}")

        chatting = asyncio.create_task(chatter())
        results = await asyncio.wait_for(asyncio.gather(*(c.communicate() for c in clients)), 60)
        chatting.cancel()
        with contextlib.suppress(asyncio.CancelledError, AssertionError):
            await chatting  # (it may have run out of turns to wait for: fine)
        for client, (out, err) in zip(clients, results, strict=True):
            assert client.returncode == 0, err.decode()
            assert "played 3 hands" in out.decode()
            assert not err.strip(), err.decode()  # no message refused: no stale acts
        owner.assert_no_leaks()
        await owner.close()

        # With another pin, the example hangs up before its hello.
        wrong = subprocess.run(
            [sys.executable, "docs/examples/check_call.py", f"wss://127.0.0.1:{port}/ws",
             made["table_id"], "--pin", "A" * 43],
            cwd=ROOT, capture_output=True, text=True, timeout=30,
        )  # fmt: skip
        assert wrong.returncode == 1 and "its key differs" in wrong.stderr
    finally:
        host.kill()
        host.wait(timeout=10)
