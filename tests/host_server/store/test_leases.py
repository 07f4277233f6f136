"""Leases on a real PostgreSQL server: a table is written only by the worker holding it;
a worker whose lease ran out is refused in the very transaction of its write, and the
worker that claimed the table plays on from what the store holds, seq after seq."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from host_server.errors import LeaseLost
from host_server.host.session import TableSession
from host_server.rules.moves import Action
from host_server.store.leases import Worker
from host_server.store.postgres import PostgresStore
from host_server.table import commands as cmd, snapshot
from tests.host_server.store.test_sqlite import seated_session
from tests.support import sessions
from tests.support.tables import T0


def call(session: TableSession, now: float) -> None:
    sessions.run(session, cmd.Act(1, Action.CALL, session.table.hand_no), now)


def test_only_the_lease_holder_writes_and_a_lapsed_one_is_taken_over(postgres):
    dsn = postgres.database()
    with (
        PostgresStore(dsn, worker=Worker("a")) as a,
        PostgresStore(dsn, worker=Worker("b")) as b,
    ):
        session = seated_session(a)  # made by a: a's from its creation
        table_id = session.table.table_id
        assert a.owner(table_id) == "a" and b.claim(10) == []  # held: not b's to claim
        intruder = TableSession(b, b.load(table_id))
        with pytest.raises(LeaseLost) as refused:
            call(intruder, T0 + 6)
        assert refused.value.code == "lease_lost"
        assert snapshot.to_dict(b.load(table_id)) == snapshot.to_dict(session.table)  # unchanged

        assert a.renew(seconds=0) == [table_id]  # a stops renewing: its lease runs out...
        assert b.claim(10) == [table_id] and b.owner(table_id) == "b"  # ...and b takes it
        before = session.table.seq
        with pytest.raises(LeaseLost):
            call(session, T0 + 6)  # a, late to learn it, cannot commit
        assert session.table.seq == before  # (put back as the store holds it)
        taken = TableSession(b, b.load(table_id))
        call(taken, T0 + 6)
        assert taken.table.seq > before and b.load(table_id).seq == taken.table.seq
        assert a.renew() == [] and b.renew() == [table_id]


def test_workers_claiming_at_once_share_no_table(postgres):
    dsn = postgres.database()
    with PostgresStore(dsn, worker=Worker("maker")) as maker:
        made = sorted(seated_session(maker).table.table_id for _ in range(9))
        assert maker.renew(seconds=0) == made  # the maker is gone: every lease lapsed
    workers = [PostgresStore(dsn, worker=Worker(name)) for name in "abc"]
    start = threading.Barrier(len(workers), timeout=10)

    def claim(store: PostgresStore) -> list[str]:
        start.wait()  # (all three claim at the same moment)
        return store.claim(4)

    try:
        with ThreadPoolExecutor(len(workers)) as pool:
            claimed = list(pool.map(claim, workers))
        assert sorted(t for tables in claimed for t in tables) == made  # each once
        assert sorted(len(tables) for tables in claimed) == [1, 4, 4]
        assert all(store.claim(4) == [] for store in workers)  # (all held)
    finally:
        for store in workers:
            store.close()
