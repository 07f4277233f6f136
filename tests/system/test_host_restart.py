"""Kill `felt-host serve` with SIGKILL mid-betting-round; restart it; everyone resumes.

Real processes and sockets: the host is a subprocess on 127.0.0.1, restarted on
the same database and port; clients resume with their token and last seq, get
exactly the events they missed, and the hand plays on to a correct showdown.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import time

import pytest
from websockets.exceptions import ConnectionClosed

from tests.support.net import Client
from tests.support.processes import felt_host, free_port, start_host

KILLS = 6 if os.environ.get("FELT_SLOW") == "full" else 2


async def reconnect(client: Client, port: int, table_id: str, token: str) -> Client:
    again = await Client.connect(port, client.name)
    again.seq, again.member_id = client.seq, client.member_id
    again.messages = list(client.messages)
    welcome = await again.resume(table_id, token)
    assert welcome["type"] == "welcome", welcome
    return again


@pytest.mark.slow
@pytest.mark.parametrize("kill", range(KILLS))
async def test_sigkill_mid_hand_then_everyone_resumes_and_the_hand_plays_on(tmp_path, kill):
    rng = random.Random(kill)
    db, port = tmp_path / "host.db", free_port()
    made = json.loads(
        felt_host(
            "new-table",
            "--db",
            str(db),
            "--name",
            "Crash",
            "--seats",
            "6",
            "--auto-approve",
            "--between-hands-seconds",
            "0.2",
        ).stdout
    )
    table_id = made["table_id"]
    host = await start_host(db, port)
    try:
        clients = [await Client.connect(port, "host")]
        await clients[0].resume(table_id, made["host_token"], 0)
        tokens = [made["host_token"]]
        for name in ("Ann", "Bob"):
            client = await Client.connect(port, name)
            await client.hello(table_id, name)
            clients.append(client)
            tokens.append(client.token)
        for seat, client in enumerate(clients, start=1):
            await client.answer(await client.send("sit", seat=seat, buy_in=100))

        for client in clients:  # everyone is dealt in before the kill
            if not client.events("hand_started"):
                await client.until(lambda m: m.get("kind") == "hand_started")
        # Play some actions of the first hand (raises keep the betting round open), then kill.
        acks: list[int] = []
        for _ in range(rng.randint(0, 3)):
            actor = await next_actor(clients)
            legal = actor.messages[-1]["legal"]
            raise_ = legal.get("raise") or legal.get("bet")
            action = rng.choice(["raise", "call"] if raise_ and legal["call"] else ["call"])
            if not legal["call"]:
                action = "check"
            amount = raise_["min"] if action == "raise" else None
            answer = await actor.answer(
                await actor.send("act", action=action, amount=amount, hand_no=1)
            )
            assert answer["type"] == "ack", answer
            acks.append(answer["seq"])
        before = {c.name: c.events("hand_started")[0]["your_cards"] for c in clients}
        await asyncio.sleep(rng.choice([0.0, 0.01, 0.05]))
        host.send_signal(signal.SIGKILL)
        host.wait(timeout=10)
        for client in clients:
            with pytest.raises((ConnectionClosed, AssertionError, TimeoutError)):
                await client.until(lambda m: False, timeout=3)

        host = await start_host(db, port)
        clients = [
            await reconnect(c, port, table_id, t) for c, t in zip(clients, tokens, strict=True)
        ]
        # Nothing acknowledged was lost; the same cards; then the hand plays on to the end.
        for client in clients:
            await client.until(lambda m: m["type"] == "turn", timeout=10)
            assert client.seq >= max(acks, default=0)
            assert client.events("hand_started")[0]["your_cards"] == before[client.name]
        await asyncio.gather(*(finish_hand(c) for c in clients))
        ends = [c.events("hand_ended")[0] for c in clients]
        assert all(e == ends[0] for e in ends)
        assert sum(ends[0]["stacks"]) == 300 and sum(ends[0]["net"]) == 0
        for client in clients:
            client.assert_no_leaks()
    finally:
        host.kill()
        host.wait(timeout=10)


async def next_actor(clients: list[Client]) -> Client:
    """Read everyone's messages until one of them is told it is their turn."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for client in clients:
            try:
                message = await client.recv(0.05)
            except TimeoutError:
                continue
            if message["type"] == "turn" and message.get("legal"):
                return client
    raise AssertionError("nobody was given the turn")


async def finish_hand(client: Client) -> None:
    while not client.events("hand_ended"):
        last = client.messages[-1]
        if last["type"] == "turn" and last.get("legal") and last["hand_no"] == 1:
            action = "call" if last["legal"]["call"] else "check"
            await client.send("act", action=action, hand_no=1)
        await client.recv(15)


async def test_sigterm_closes_clients_with_1001_and_exits_cleanly(tmp_path):
    db, port = tmp_path / "host.db", free_port()
    made = json.loads(felt_host("new-table", "--db", str(db), "--name", "Bye").stdout)
    host = await start_host(db, port)
    try:
        client = await Client.connect(port, "host")
        await client.resume(made["table_id"], made["host_token"], 0)
        host.send_signal(signal.SIGTERM)
        with pytest.raises(ConnectionClosed) as closed:
            await client.until(lambda m: False, timeout=10)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 1001
        assert host.wait(timeout=10) == 0
        host = await start_host(db, port)  # and it comes back with the table
        again = await Client.connect(port, "host")
        assert (await again.resume(made["table_id"], made["host_token"], 0))["type"] == "welcome"
        await again.close()
    finally:
        host.kill()
        host.wait(timeout=10)
