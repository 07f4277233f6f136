"""The commit step on its writer's thread, against a real database file whose write lock
another connection holds: the loop is free while a commit waits on the disk, what it
decides meanwhile waits for a commit of its own, and a failed commit takes with it
everything decided on top of it."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from host_server.host.core import HostCore
from host_server.host.peers import Outbox, Peer
from host_server.net.commit import GroupCommit
from host_server.store.sqlite import Store
from host_server.store.writer import Writer
from host_server.store.writes import Recorded, TableWrite
from host_server.table import commands as cmd, events as ev
from host_server.table.settings import TableSettings


class Host:
    def __init__(self, db: Path) -> None:
        self.store = Store(db)
        self.core = HostCore(self.store)
        self.sent: list[Outbox] = []
        self.closed: list[tuple[Peer, int, str]] = []
        writer = Writer(db, busy_timeout_ms=20_000)  # (the lock is let go long before)
        self.commit = GroupCommit(
            writer, self.core, send=self.sent.append, close=lambda *c: self.closed.append(c)
        )


@pytest.fixture
def host(tmp_path: Path) -> Iterator[Host]:
    made = Host(tmp_path / "host.db")
    yield made
    made.commit.writer.close()
    made.store.close()


@pytest.fixture
def lock(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    """Another connection holding the database's write lock until the test lets it go."""
    blocker = sqlite3.connect(tmp_path / "host.db", isolation_level=None)
    yield blocker
    if blocker.in_transaction:
        blocker.rollback()
    blocker.close()


async def test_the_loop_goes_on_while_a_commit_waits_and_what_follows_waits_its_turn(host, lock):
    table_id, _, created = host.core.create_table(TableSettings("T"), "Host", 0.0)
    lock.execute("BEGIN EXCLUSIVE")
    host.commit.add(created)
    await asyncio.sleep(0)  # the turn ends: the writer's thread takes the commit and waits
    assert host.commit.flight is not None and host.sent == []  # and this loop runs on

    sat = host.core.run_command(table_id, cmd.Sit(1, 1, 100), 1.0)
    nothing_to_write = Outbox()
    host.commit.add(sat)
    host.commit.add(nothing_to_write)
    assert host.commit.held == [sat, nothing_to_write] and host.sent == []
    lock.rollback()
    assert await asyncio.wait_for(host.commit.settled(), 20)

    assert host.sent == [created, sat, nothing_to_write]  # each after its commit, in order
    session = host.core.sessions[table_id]
    assert host.store.load(table_id).seq == session.table.seq and session.pending == []


async def test_a_failed_commit_takes_what_was_decided_on_top_of_it(host, lock):
    table_id, _, created = host.core.create_table(TableSettings("T"), "Host", 0.0)
    host.commit.add(created)
    assert await host.commit.settled()
    lock.execute("BEGIN EXCLUSIVE")
    poison = TableWrite("no such table", (Recorded(1, 0.0, ev.Paused()),), False, ())
    host.commit.add(Outbox(writes=[poison]))
    await asyncio.sleep(0)  # in flight, waiting for the lock
    host.commit.add(host.core.run_command(table_id, cmd.Sit(1, 1, 100), 1.0))
    assert host.core.sessions[table_id].table.seats != {}
    lock.rollback()

    assert not await asyncio.wait_for(host.commit.settled(), 20)
    assert host.sent == [created]  # nothing of either was sent
    session = host.core.sessions[table_id]
    assert session.table.seats == {} and session.pending == []  # back to what the disk holds
    assert host.store.load(table_id).seq == session.table.seq
