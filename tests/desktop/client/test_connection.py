"""The connection object against a real host: join, lose the host, resume, resend once."""

from __future__ import annotations

import asyncio
import socket
import sqlite3
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from keyring.errors import NoKeyringError

from desktop.client.connection import Connection
from desktop.client.session import State
from desktop.hosting.credentials import Credentials
from host_server.net.server import Server
from host_server.protocol import client, host as messages
from host_server.rules.moves import Action
from host_server.table.settings import TableSettings


async def wait_for(check, timeout: float = 10.0) -> None:
    """Poll with asyncio.sleep (never block the loop)."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.02)


@pytest.fixture
async def host(tmp_path) -> AsyncIterator[Server]:
    server = Server(tmp_path / "host.db", "127.0.0.1", 0)
    await server.start()
    yield server
    await server.stop()


class Recorder:
    def __init__(self, connection: Connection) -> None:
        self.events: list[tuple[int, Any]] = []
        self.turns: list[messages.Turn] = []
        self.answers: list[messages.Answer] = []
        self.states: list[State] = []
        connection.event_received.connect(lambda seq, e: self.events.append((seq, e)))
        connection.turn_received.connect(self.turns.append)
        connection.answered.connect(self.answers.append)
        connection.state_changed.connect(self.states.append)


async def test_join_then_survive_a_host_restart_resuming_and_resending_once(host, tmp_path):
    table_id, token = host.create_table(
        TableSettings("Conn", auto_approve=True, between_hands_seconds=0.1), "Ann"
    )
    url = f"ws://127.0.0.1:{host.port}/ws"
    ann = Connection(url, table_id, token=token)
    bob = Connection(url, table_id, name="Bob")
    seen_ann, seen_bob = Recorder(ann), Recorder(bob)
    ann.start()
    bob.start()
    await wait_for(lambda: ann.state == bob.state == "online")
    assert bob.token is not None and bob.member_id == 2
    ann.send(client.Sit(seat=1, buy_in=100))
    bob.send(client.Sit(seat=2, buy_in=100))
    await wait_for(lambda: any(t.legal for t in seen_ann.turns))
    port = host.port

    # The host goes away; Ann acts meanwhile (queued); the host comes back on the same port.
    await host.stop()
    await wait_for(lambda: ann.state == "reconnecting")
    hand_no = seen_ann.turns[-1].hand_no
    ann.send(client.Act(action=Action.CALL, hand_no=hand_no))
    assert len(ann.session.resends()) == 1
    again = Server(tmp_path / "host.db", "127.0.0.1", port)
    await again.start()
    try:
        await wait_for(lambda: not ann.session.resends() and ann.state == bob.state == "online")
        assert isinstance(seen_ann.answers[-1], messages.Ack)
        assert seen_ann.states == ["online", "reconnecting", "online"]
        await wait_for(lambda: any(e.kind == "player_acted" for _, e in seen_bob.events))
        # Every event arrived once, in order, across the restart.
        for seen in (seen_ann, seen_bob):
            seqs = [seq for seq, _ in seen.events]
            assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))
        acted = [e for _, e in seen_bob.events if e.kind == "player_acted"]
        assert len(acted) == 1
    finally:
        await ann.stop()
        await bob.stop()
        await again.stop()


async def test_a_refused_join_stops_with_the_reason(host):
    table_id, _ = host.create_table(TableSettings("Conn"), "Ann")
    stranger = Connection(f"ws://127.0.0.1:{host.port}/ws", table_id, token="not-a-token")
    problems: list[messages.Error] = []
    stranger.problem.connect(problems.append)
    stranger.start()
    await wait_for(lambda: stranger.state == "closed")
    assert problems[0].code == "invalid_token"
    assert stranger.closed_reason == "That token is not valid here."


async def no_wait(_: float) -> None:
    await asyncio.sleep(0)


async def test_a_host_that_cannot_be_reached_is_named_in_words_a_player_can_act_on():
    """Nobody on the port, or something that is not a Felt host: five tries, then a
    reason in words (not an errno)."""
    with socket.socket() as probe:  # a port where nobody listens
        probe.bind(("127.0.0.1", 0))
        dead = probe.getsockname()[1]

    async def not_felt(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi")
        await writer.drain()
        writer.close()

    web = await asyncio.start_server(not_felt, "127.0.0.1", 0)
    other = web.sockets[0].getsockname()[1]
    said = {}
    async with web:
        for port in (dead, other):
            lost = Connection(f"ws://127.0.0.1:{port}/ws", "t", name="Ann", sleep=no_wait)
            lost.start()
            await wait_for(lambda lost=lost: lost.state == "closed")
            said[port] = lost.closed_reason
            await lost.stop()
    assert said[dead] == (
        f"Could not reach the host at 127.0.0.1:{dead} after 5 tries: "
        "nothing answers on that port (is Felt open there, and hosting?)."
    )
    assert said[other] == (
        f"Could not reach the host at 127.0.0.1:{other} after 5 tries: "
        "something other than a Felt host answered there."
    )


def test_tokens_go_to_the_keyring_or_to_a_private_file(tmp_path: Path, memory_keyring, monkeypatch):
    credentials = Credentials(tmp_path)
    credentials.save("127.0.0.1:8765", "t1", 2, "secret")
    assert memory_keyring.secrets[("Felt", "127.0.0.1:8765/t1/2")] == "secret"
    assert credentials.load("127.0.0.1:8765", "t1", 2) == "secret"
    assert not (tmp_path / "tokens.json").exists()

    def no_keyring(*args, **kwargs):
        raise NoKeyringError("no backend")

    monkeypatch.setattr("keyring.set_password", no_keyring)
    monkeypatch.setattr("keyring.get_password", no_keyring)
    headless = Credentials(tmp_path)
    headless.save("127.0.0.1:8765", "t1", 3, "other")
    assert headless.notice is not None and "readable only by you" in headless.notice
    assert headless.load("127.0.0.1:8765", "t1", 3) == "other"
    assert (tmp_path / "tokens.json").stat().st_mode & 0o777 == 0o600


async def test_a_host_put_back_to_an_older_database_is_resumed_from_a_snapshot(host, tmp_path):
    table_id, token = host.create_table(TableSettings("Conn", auto_approve=True), "Ann")
    db = tmp_path / "host.db"
    ann = Connection(f"ws://127.0.0.1:{host.port}/ws", table_id, token=token)
    snapshots: list[messages.Snapshot] = []
    ann.snapshot_received.connect(snapshots.append)
    ann.start()
    try:
        await wait_for(lambda: ann.state == "online")
        older = tmp_path / "older.db"
        with sqlite3.connect(db) as live, sqlite3.connect(older) as copy:
            live.backup(copy)
        copied = ann.seq
        for n in range(3):
            ann.send(client.Chat(text=f"this will be forgotten {n}"))
        await wait_for(lambda: ann.seq >= copied + 3)
        port, seen = host.port, ann.seq
        await host.stop()
        older.replace(db)
        for suffix in ("-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        again = Server(db, "127.0.0.1", port)
        await again.start()
        try:
            # A snapshot of what the host holds, then the `connected` event after it.
            await wait_for(lambda: len(snapshots) == 2 and ann.seq == snapshots[-1].seq + 1)
            assert snapshots[-1].seq < seen and ann.state == "online"
        finally:
            await again.stop()
    finally:
        await ann.stop()
