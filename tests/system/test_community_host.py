"""The community host, as its operator runs it (issue 17, under way): `felt-host migrate
--store postgresql://...` brings a real PostgreSQL server's schema up once, `new-table`
and `tables` work on it, and `serve --store` hosts from it: a seat taken is there again
after the host is SIGKILLed and started anew. Two workers share it: the one without the
table sends a client to the one with it, and takes the table over when that one is
SIGKILLed mid-hand, the player resuming at the same decision."""

from __future__ import annotations

import asyncio
import json
import signal
import time

import psycopg

from desktop.client.connection import Connection
from tests.support.net import Client
from tests.support.person import until
from tests.support.processes import felt_host, free_port, start_host


async def test_a_host_on_postgresql_migrates_serves_and_survives_a_sigkill(postgres, tmp_path):
    store = postgres.database()
    where = ("--store", store, "--certificates", str(tmp_path))
    first = felt_host("migrate", *where)
    assert first.returncode == 0, first.stderr
    applied = ["0001_initial", "0002_leases", "0003_lease_addresses"]
    assert json.loads(first.stdout) == {"applied": applied}
    assert json.loads(felt_host("migrate", *where).stdout) == {"applied": []}  # (once)
    made = json.loads(felt_host("new-table", *where, "--name", "Club", "--seats", "6").stdout)
    (listed,) = json.loads(felt_host("tables", *where).stdout)
    assert (listed["table_id"], listed["name"], listed["seats"]) == (made["table_id"], "Club", 6)

    port = free_port()
    host = await start_host(store, port)
    try:
        owner = await Client.connect(port, "owner")
        assert (await owner.resume(made["table_id"], made["host_token"], 0))["type"] == "welcome"
        await owner.answer(await owner.send("sit", seat=3, buy_in=200))
        last = owner.seq
        await owner.close()
    finally:
        host.send_signal(signal.SIGKILL)
        host.wait(timeout=10)

    host = await start_host(store, port)
    try:
        again = await Client.connect(port, "again")
        again.seq = last  # (where the owner's client was: it checks each seq follows)
        welcome = await again.resume(made["table_id"], made["host_token"], last)
        assert welcome["type"] == "welcome" and welcome["member_id"] == 1
        await again.until(lambda m: m.get("kind") == "host_restarted")
        seqs = [m["seq"] for m in again.events()]
        assert seqs == list(range(last + 1, last + 1 + len(seqs)))  # no seq lost or repeated
        await again.close()
    finally:
        host.send_signal(signal.SIGKILL)
        host.wait(timeout=10)
    (after,) = json.loads(felt_host("tables", *where).stdout)
    assert after["seats_taken"] == 1


async def resumed(port: int, table_id: str, token: str, last: int) -> Client:
    """A client resumed at `last` on the worker at `port`, once it serves the table
    (bounded: 20 s)."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        client = await Client.connect(port, "moved")
        client.seq = last
        if (await client.resume(table_id, token, last))["type"] == "welcome":
            return client
        await client.close()
        await asyncio.sleep(0.1)  # (not taken over yet: its lease has not lapsed)
    raise AssertionError("the table was not taken over")


async def test_a_worker_killed_mid_hand_is_taken_over_and_its_player_resumes(postgres, tmp_path):
    store = postgres.database()
    where = ("--store", store, "--certificates", str(tmp_path))
    made = json.loads(felt_host("new-table", *where, "--name", "Club", "--bots", "1").stdout)
    table_id, token = made["table_id"], made["host_token"]
    lease = ("--lease-seconds", "1", "--bot-delay", "0")
    a_port, b_port = free_port(), free_port()
    a = await start_host(store, a_port, "--worker", "a", *lease)
    b = None
    try:
        owner = await Client.connect(a_port, "owner")
        assert (await owner.resume(table_id, token, 0))["type"] == "welcome"  # a claimed it
        b = await start_host(store, b_port, "--worker", "b", *lease)  # finds it held
        stray = await Client.connect(b_port, "stray")  # asked of b: told where it is served
        refused = await stray.resume(table_id, token, 0)
        assert (refused["code"], refused["url"]) == ("table_moved", f"ws://127.0.0.1:{a_port}/ws")
        await stray.close()
        await owner.answer(await owner.send("sit", seat=2, buy_in=200))
        turn = await owner.until(lambda m: m["type"] == "turn" and bool(m.get("legal")), 20)
        last = owner.seq
        a.send_signal(signal.SIGKILL)  # mid-hand, the player to act
        a.wait(timeout=10)
        again = await resumed(b_port, table_id, token, last)
        await again.until(lambda m: m.get("kind") == "host_restarted", 10)
        mine = await again.until(lambda m: m["type"] == "turn" and bool(m.get("legal")), 20)
        assert (mine["hand_no"], mine["decision"]) == (turn["hand_no"], turn["decision"])
        await again.answer(await again.send("act", action="fold", hand_no=turn["hand_no"]))
        await again.close()
        with psycopg.connect(store) as conn:
            assert conn.execute("SELECT owner FROM leases").fetchall() == [("b",)]
    finally:
        for worker in (a, b):
            if worker is not None and worker.poll() is None:
                worker.send_signal(signal.SIGKILL)
                worker.wait(timeout=10)


async def test_the_apps_client_sent_to_the_wrong_worker_follows_it_to_the_table(postgres, tmp_path):
    store = postgres.database()
    where = ("--store", store, "--certificates", str(tmp_path))
    made = json.loads(felt_host("new-table", *where, "--name", "Club").stdout)
    a_port, b_port = free_port(), free_port()
    a = await start_host(store, a_port, "--worker", "a")
    b = await start_host(store, b_port, "--worker", "b")
    connection = Connection(
        f"ws://127.0.0.1:{b_port}/ws", made["table_id"], token=made["host_token"]
    )
    try:
        connection.start()
        await until(lambda: connection.state == "online")
        assert connection.member_id == 1
        assert connection.carrier.url == f"ws://127.0.0.1:{a_port}/ws"  # where it lives
    finally:
        await connection.stop()
        for worker in (a, b):
            worker.send_signal(signal.SIGKILL)
            worker.wait(timeout=10)
