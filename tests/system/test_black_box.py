"""The black box: clients written from docs/protocol.md alone play a `felt-host serve`
while it is killed with SIGKILL at random moments and started again.

They play legal moves and illegal ones, send junk, lone surrogates and reused ids; an
intruder guesses tokens and reuses their hello ids. Afterwards: no broken promise in
what any of them received (seq order, cards, documented codes), nothing acknowledged
forgotten (every old id answered with its first ack), and the ledger balances.
Short in CI; `FELT_SLOW=full` kills the host twenty times.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import time
from typing import Any

import pytest

from tests.support.processes import felt_host, free_port, start_host
from tests.system.doc_client import DocClient, Intruder

FULL = os.environ.get("FELT_SLOW") == "full"
KILLS = 20 if FULL else 3


async def back_online(clients: list[DocClient], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not all(c.online.is_set() for c in clients):
        assert time.monotonic() < deadline, [c.name for c in clients if not c.online.is_set()]
        await asyncio.sleep(0.05)


async def settled(clients: list[DocClient], timeout: float = 30.0) -> None:
    """Everyone holds the same last seq, and it stopped moving (bounded)."""
    deadline = time.monotonic() + timeout
    last: tuple[int, ...] = ()
    while True:
        assert time.monotonic() < deadline, [c.seq for c in clients]
        now = tuple(c.seq for c in clients)
        if len(set(now)) == 1 and now == last and not any(c.unanswered for c in clients):
            return
        last = now
        await asyncio.sleep(0.5)


@pytest.mark.slow
async def test_doc_clients_and_an_intruder_against_a_host_killed_at_random(tmp_path):
    rng = random.Random(1234)
    db, port = tmp_path / "host.db", free_port()
    made = json.loads(
        felt_host(
            "new-table", "--db", str(db), "--name", "Black box", "--seats", "6",
            "--auto-approve", "--between-hands-seconds", "0", "--action-seconds", "5",
            "--min-buy-in", "40", "--max-buy-in", "200", "--small-blind", "1",
            "--big-blind", "2",
        ).stdout
    )  # fmt: skip
    table_id = made["table_id"]
    host = await start_host(db, port)
    stop = asyncio.Event()
    players = [DocClient(f"P{i}", port, table_id, seed=i, plays=True) for i in range(4)]
    rail = DocClient("Rail", port, table_id, seed=99, plays=False)
    clients = [*players, rail]
    intruder = Intruder(port, table_id, players, seed=7)
    tasks = [asyncio.create_task(c.run(stop)) for c in clients]
    tasks.append(asyncio.create_task(intruder.run(stop)))
    try:
        await back_online(clients)
        for _ in range(KILLS):
            await asyncio.sleep(rng.uniform(1.0, 3.0))
            host.send_signal(signal.SIGKILL)
            host.wait(10)
            host = await start_host(db, port)
            await back_online(clients)
        # Quiet now: nobody acts or misbehaves; what was sent gets its answer.
        for client in clients:
            client.acting = False
        await settled(clients)
        broken = [b for c in clients for b in c.broken] + intruder.broken
        assert not broken, "\n".join(broken[:20])
        # Every acknowledged command, sent again with its id, gets its first answer.
        for client in players:
            assert client.acked, f"{client.name} had nothing acknowledged: {client.errors}"
            for message_id, (text, seq) in rng.sample(
                sorted(client.acked.items()), min(5, len(client.acked))
            ):
                client.acked.pop(message_id)
                client.unanswered[message_id] = text
                await client.write(text)
                deadline = time.monotonic() + 10
                while message_id not in client.acked:
                    assert time.monotonic() < deadline, f"{message_id} not answered again"
                    await asyncio.sleep(0.02)
                assert client.acked[message_id][1] == seq, (message_id, text)
        ledger = await asking(players[0], "ledger")
        assert ledger["balanced"] is True
        rows = ledger["rows"]
        assert sum(r["buy_ins"] + r["top_ups"] for r in rows) == sum(
            r["stack"] + r["in_pot"] + r["balance"] + r["cashed_out"] for r in rows
        )
        played = await asking(players[0], "hands")
        assert played["type"] == "hands" and played["hands"], played
        watched = await asking(rail, "hands")  # a spectator was dealt no hand: sees none
        assert watched == {"type": "hands", "id": "q-hands", "hands": []}
        assert sum(c.errors.get("bad_message", 0) for c in clients) > 0  # the junk went out
        assert intruder.guesses > 0
    finally:
        stop.set()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        host.kill()
        host.wait(10)


async def asking(client: DocClient, kind: str) -> dict[str, Any]:
    """A query's answer, read off the client's connection (bounded)."""
    answers: list[dict[str, Any]] = []
    original = client.receive

    async def receive(message: dict[str, Any]) -> None:
        if message.get("type") in (kind, "error") and message.get("id", "").startswith("q-"):
            answers.append(message)
        await original(message)

    client.receive = receive  # type: ignore[method-assign]
    try:
        await client.write(json.dumps({"type": kind, "id": f"q-{kind}"}))
        deadline = time.monotonic() + 10
        while not answers:
            assert time.monotonic() < deadline, f"no answer to {kind}"
            await asyncio.sleep(0.02)
        return answers[0]
    finally:
        client.receive = original  # type: ignore[method-assign]
