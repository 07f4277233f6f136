"""The commit step with its COMMIT on the writer's thread, on a real database file: the
loop is free while a commit syncs, what it decides meanwhile waits for a commit of its
own, and a commit that fails as it syncs (the disk full) takes with it everything
decided on top of it."""

from __future__ import annotations

import asyncio
import json
import os
import resource
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from host_server.host.core import HostCore
from host_server.host.peers import Outbox, Peer
from host_server.net.commit import GroupCommit
from host_server.store.sqlite import Store
from host_server.store.writer import Writer
from host_server.table import commands as cmd
from host_server.table.settings import TableSettings


class Host:
    def __init__(self, db: Path) -> None:
        self.store = Store(db)
        self.core = HostCore(self.store)
        self.sent: list[Outbox] = []
        self.closed: list[tuple[Peer, int, str]] = []
        writer = Writer(db, busy_timeout_ms=2000)
        self.commit = GroupCommit(
            writer, self.core, send=self.sent.append, close=lambda *c: self.closed.append(c)
        )


@pytest.fixture
def host(tmp_path: Path) -> Iterator[Host]:
    made = Host(tmp_path / "host.db")
    yield made
    made.commit.writer.close()
    made.store.close()


@contextmanager
def disk_full(db: Path) -> Iterator[None]:
    """No file of this process may grow from here on (as if the disk were full): the
    next commit's statements still run, and its COMMIT, writing the log, fails."""
    wal = os.path.getsize(f"{db}-wal")
    ignored = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # (write() says EFBIG instead)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (wal, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, ignored)


async def test_the_loop_goes_on_while_a_commit_syncs_and_what_follows_waits_its_turn(host):
    table_id, _, created = host.core.create_table(TableSettings("T"), "Host", 0.0)
    host.commit.add(created)
    await asyncio.sleep(0)  # the turn ends: the writer's thread has the COMMIT
    assert host.commit.flight is not None and host.sent == []  # and this loop runs on

    sat = host.core.run_command(table_id, cmd.Sit(1, 1, 100), 1.0)
    nothing_to_write = Outbox()
    host.commit.add(sat)
    host.commit.add(nothing_to_write)
    assert host.commit.held == [sat, nothing_to_write] and host.sent == []
    assert await asyncio.wait_for(host.commit.settled(), 20)

    assert host.sent == [created, sat, nothing_to_write]  # each after its commit, in order
    session = host.core.sessions[table_id]
    assert host.store.load(table_id).seq == session.table.seq and session.pending == []


async def test_a_commit_that_fails_as_it_syncs_takes_what_was_decided_on_top_of_it(host, tmp_path):
    table_id, _, created = host.core.create_table(TableSettings("T"), "Host", 0.0)
    host.commit.add(created)
    assert await host.commit.settled()
    with disk_full(tmp_path / "host.db"):
        host.commit.add(host.core.run_command(table_id, cmd.Sit(1, 1, 100), 1.0))
        await asyncio.sleep(0)  # in flight: its statements ran, its COMMIT will fail
        assert host.commit.flight is not None
        on_top = host.core.run_command(table_id, cmd.Stand(1), 2.0)
        sender = Peer("127.0.0.1", table_id=table_id, member_id=1)
        on_top.answers.append((sender, "stand-1"))
        host.commit.add(on_top)
        assert host.commit.held == [on_top]
        assert not await asyncio.wait_for(host.commit.settled(), 20)

    created_, refused = host.sent  # nothing of either was sent, but the answer
    assert created_ is created and [peer for peer, _ in refused.sends] == [sender]
    answer = json.loads(refused.sends[0][1])
    assert (answer["code"], answer["id"]) == ("storage_unavailable", "stand-1")  # send again
    session = host.core.sessions[table_id]
    assert session.table.seats == {} and session.pending == []  # back to what the disk holds
    assert host.store.load(table_id).seq == session.table.seq
    host.commit.add(host.core.run_command(table_id, cmd.Sit(1, 1, 100), 3.0))
    assert await asyncio.wait_for(host.commit.settled(), 20)  # the disk has room again
    assert host.store.load(table_id).seats == session.table.seats != {}
