"""The commit step on a real database file whose disk fills up: the statements of a
loop turn still run, its COMMIT (writing the log) fails, nothing of the turn is sent,
its tables go back to what the disk holds, and its senders are told to send again."""

from __future__ import annotations

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
from host_server.table import commands as cmd
from host_server.table.settings import TableSettings


class Host:
    def __init__(self, db: Path) -> None:
        self.store = Store(db)
        self.core = HostCore(self.store)
        self.sent: list[Outbox] = []
        self.closed: list[tuple[Peer, int, str]] = []
        self.commit = GroupCommit(
            self.store, self.core, send=self.sent.append, close=lambda *c: self.closed.append(c)
        )


@pytest.fixture
def host(tmp_path: Path) -> Iterator[Host]:
    made = Host(tmp_path / "host.db")
    yield made
    made.store.close()


@contextmanager
def disk_full(db: Path) -> Iterator[None]:
    """No file of this process may grow from here on, as if the disk were full."""
    wal = os.path.getsize(f"{db}-wal")
    ignored = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # (write() says EFBIG instead)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (wal, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, ignored)


async def test_a_turn_whose_commit_fails_on_a_full_disk_is_never_shown_and_is_undone(
    host, tmp_path
):
    table_id, _, created = host.core.create_table(TableSettings("T"), "Host", 0.0)
    host.commit.add(created)
    assert await host.commit.settled()
    with disk_full(tmp_path / "host.db"):
        sat = host.core.run_command(table_id, cmd.Sit(1, 1, 100), 1.0)
        sender = Peer("127.0.0.1", table_id=table_id, member_id=1)
        sat.answers.append((sender, "sit-1"))
        host.commit.add(sat)
        assert host.core.sessions[table_id].table.seats != {}  # decided, not yet durable
        assert not await host.commit.settled()

    shown, refused = host.sent  # the table's creation, then the answer: nothing of the sit
    assert shown is created and [peer for peer, _ in refused.sends] == [sender]
    answer = json.loads(refused.sends[0][1])
    assert (answer["code"], answer["id"]) == ("storage_unavailable", "sit-1")  # send again
    session = host.core.sessions[table_id]
    assert session.table.seats == {} and session.pending == []  # back to what the disk holds
    assert host.store.load(table_id).seq == session.table.seq

    host.commit.add(host.core.run_command(table_id, cmd.Sit(1, 1, 100), 2.0))
    assert await host.commit.settled()  # the disk has room again
    assert host.store.load(table_id).seats == session.table.seats != {}
