"""The community host's store, as its operator uses it (issue 17, under way): `felt-host
migrate --store postgresql://...` brings a real PostgreSQL server's schema up once,
`new-table` and `tables` work on it, and `serve --store` hosts from it: a seat taken is
there again after the host is SIGKILLed and started anew."""

from __future__ import annotations

import json
import signal

from tests.support.net import Client
from tests.support.processes import felt_host, free_port, start_host


async def test_a_host_on_postgresql_migrates_serves_and_survives_a_sigkill(postgres, tmp_path):
    store = postgres.database()
    where = ("--store", store, "--certificates", str(tmp_path))
    first = felt_host("migrate", *where)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout) == {"applied": ["0001_initial", "0002_leases"]}
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
