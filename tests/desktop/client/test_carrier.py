"""The carrier over TLS, against a real host on 127.0.0.1: a pinned host is joined, a
host with another key gets not one byte of ours, and what crosses the wire (tapped
by a relay in the middle) holds no card, token or name in clear."""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from desktop.client.connection import Connection
from desktop.client.session import KEY_CHANGED
from host_server.net.certificate import identity, server_context
from host_server.net.server import Server
from host_server.protocol import client
from host_server.protocol.events import Dealt
from host_server.table.settings import TableSettings
from tests.desktop.client.test_connection import wait_for


class Tap:
    """A TCP relay in the middle: forwards both ways and keeps every byte it saw."""

    def __init__(self, target: int) -> None:
        self.target = target
        self.seen: list[tuple[bytearray, bytearray]] = []  # each connection's: to the host, back
        self.server: asyncio.Server | None = None
        self.writers: list[asyncio.StreamWriter] = []

    async def __aenter__(self) -> Tap:
        self.server = await asyncio.start_server(self._relay, "127.0.0.1", 0)
        return self

    async def __aexit__(self, *_: object) -> None:
        assert self.server is not None
        self.server.close()
        for writer in self.writers:
            writer.close()
        await self.server.wait_closed()

    @property
    def port(self) -> int:
        assert self.server is not None
        return int(self.server.sockets[0].getsockname()[1])

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target)
        self.writers += [writer, up_writer]
        upstream, downstream = bytearray(), bytearray()
        self.seen.append((upstream, downstream))

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter, kept: bytearray):
            with contextlib.suppress(ConnectionError):
                while data := await src.read(65536):
                    kept += data
                    dst.write(data)
                    await dst.drain()
            dst.close()

        await asyncio.gather(pipe(reader, up_writer, upstream), pipe(up_reader, writer, downstream))


def unmasked(upstream: bytes) -> bytes:
    """A client's plain-ws bytes as the host reads them: its HTTP request, then each
    frame's payload unmasked (RFC 6455 masks what a client sends)."""
    end = upstream.index(b"\r\n\r\n") + 4
    out, at = bytearray(upstream[:end]), end
    while at + 6 <= len(upstream):
        length = upstream[at + 1] & 0x7F
        at += 2
        if length == 126:
            length, at = int.from_bytes(upstream[at : at + 2]), at + 2
        elif length == 127:
            length, at = int.from_bytes(upstream[at : at + 8]), at + 8
        mask, at = upstream[at : at + 4], at + 4
        out += bytes(b ^ mask[i % 4] for i, b in enumerate(upstream[at : at + length]))
        at += length
    return bytes(out)


@pytest.fixture
async def tls_host(tmp_path: Path) -> AsyncIterator[tuple[Server, str]]:
    found = identity(tmp_path / "key")
    server = Server(tmp_path / "host.db", "127.0.0.1", 0, tls=server_context(found))
    await server.start()
    yield server, found.pin
    await server.stop()


async def play_a_deal(url: str, host: Server, pin: str | None) -> tuple[str, str, list[str]]:
    """Ann (the host) and Bob (by name) sit; Bob's two cards come: (tokens, his cards)."""
    table_id, token = host.create_table(TableSettings("Wire", auto_approve=True), "Annabel")
    ann = Connection(url, table_id, token=token, pin=pin)
    bob = Connection(url, table_id, name="Bobbington", pin=pin)
    cards: list[str] = []
    bob.event_received.connect(
        lambda _, e: cards.extend(e.your_cards) if isinstance(e, Dealt) and e.your_cards else None
    )
    ann.start()
    bob.start()
    try:
        await wait_for(lambda: ann.state == bob.state == "online")
        ann.send(client.Sit(seat=1, buy_in=100))
        bob.send(client.Sit(seat=2, buy_in=100))
        await wait_for(lambda: len(cards) == 2)
        assert bob.token is not None
        return token, bob.token, cards
    finally:
        await ann.stop()
        await bob.stop()


async def test_nothing_secret_crosses_the_wire_in_clear(tls_host, tmp_path):
    host, pin = tls_host
    async with Tap(host.port) as tap:
        token, bobs, cards = await play_a_deal(f"wss://127.0.0.1:{tap.port}/ws", host, pin)
    wire = b"".join(bytes(up + down) for up, down in tap.seen)
    assert len(tap.seen) == 2 and len(wire) > 2000  # both players' hand, tapped
    assert b"HTTP/1.1" not in wire and b"websocket" not in wire.lower()  # not even the upgrade
    for secret in (token, bobs, "Bobbington", "Annabel", '"hello"', *(f'"{c}"' for c in cards)):
        assert secret.encode() not in wire, secret

    # The same tap on a plain host reads all of it: the search above can fail.
    plain = Server(tmp_path / "plain.db", "127.0.0.1", 0)
    await plain.start()
    try:
        async with Tap(plain.port) as tap:
            token, bobs, cards = await play_a_deal(f"ws://127.0.0.1:{tap.port}/ws", plain, None)
    finally:
        await plain.stop()
    wire = b"".join(unmasked(bytes(up)) + bytes(down) for up, down in tap.seen)
    assert all(s.encode() in wire for s in (token, bobs, "Bobbington", f'"{cards[0]}"'))


async def test_a_host_with_another_key_gets_not_one_byte_of_ours(tmp_path):
    """An impostor (a TLS server with its own key, as an attacker in the middle would
    be) is refused once TLS is up: it receives nothing, not even the upgrade request;
    the same impostor, pinned, receives the request (the check can fail)."""
    impostor = identity(tmp_path / "impostor")
    received: list[bytes] = []

    async def listen(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            received.append(await reader.read(65536))  # b"": the guest hung up
        except (ConnectionError, ssl.SSLError):  # (it drops the connection short)
            received.append(b"")
        writer.close()

    server = await asyncio.start_server(listen, "127.0.0.1", 0, ssl=server_context(impostor))
    port = server.sockets[0].getsockname()[1]
    async with server:
        for pin in (identity(tmp_path / "real").pin, impostor.pin):
            guest = Connection(f"wss://127.0.0.1:{port}/ws", "t", name="Guest", pin=pin)
            guest.start()
            await wait_for(lambda: len(received) == 1)
            await guest.stop() if pin == impostor.pin else None
            await wait_for(lambda guest=guest: guest.state == "closed")
            if pin != impostor.pin:
                assert guest.closed_reason == KEY_CHANGED and received == [b""]
                assert guest.session.tries == 0  # refused for good, not tried again
                received.clear()
    assert received[0].startswith(b"GET /ws HTTP/1.1")


async def test_an_unpinned_guest_keeps_to_the_first_host_it_met(tls_host):
    host, pin = tls_host
    table_id, _ = host.create_table(TableSettings("Old invite", auto_approve=True), "Ann")
    guest = Connection(f"wss://127.0.0.1:{host.port}/ws", table_id, name="Old", pin=None)
    guest.start()
    try:
        await wait_for(lambda: guest.state == "online")
        assert guest.pin == pin  # from now on, this host only
    finally:
        await guest.stop()
