"""Real clients for network tests: a WebSocket protocol client, a tiny HTTP one, and the
few moves every network test makes with them (join, resume as the host, play a hand)."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Callable
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

from host_server.net.knock import client_context
from host_server.net.server import Server
from tests.support.checks import cards_in


class Client:
    """Speaks the protocol like a real client: tracks seq, records every message."""

    def __init__(self, ws: ClientConnection, name: str = "") -> None:
        self.ws = ws
        self.name = name
        self.messages: list[dict[str, Any]] = []
        self.seq = 0
        self.count = 0
        self.nonce = uuid.uuid4().hex[:8]  # ids stay unique across reconnections
        self.member_id: int | None = None
        self.token: str | None = None
        self.table_id: str | None = None

    @classmethod
    async def connect(cls, port: int, name: str = "", *, tls: bool = False) -> Client:
        """`tls`: over wss:// (the app's own host serves nothing else); this client takes
        any certificate: the pin is the app's to check, and tested there."""
        # An unbounded queue: a client that stops reading still notices the host's close
        # (else its socket would linger until the garbage collector warns of it).
        scheme, context = ("wss", client_context()) if tls else ("ws", None)
        ws = await connect(
            f"{scheme}://127.0.0.1:{port}/ws",
            ssl=context,
            close_timeout=1,
            open_timeout=5,
            max_queue=None,
        )
        return cls(ws, name)

    async def close(self) -> None:
        await self.ws.close()

    async def send(self, kind: str, *, id: str | None = None, **fields: Any) -> str:
        self.count += 1
        message_id = id or f"{self.name}-{self.nonce}-{self.count}"
        await self.ws.send(json.dumps({"type": kind, "id": message_id, **fields}))
        return message_id

    async def recv(self, timeout: float = 5.0) -> dict[str, Any]:
        message: dict[str, Any] = json.loads(await asyncio.wait_for(self.ws.recv(), timeout))
        self.messages.append(message)
        if message["type"] == "event":
            assert message["seq"] == self.seq + 1, f"{self.name}: gap at {message}"
            self.seq = message["seq"]
        elif message["type"] == "snapshot":
            self.seq = message["seq"]
        if message["type"] == "welcome":
            self.member_id = message["member_id"]
            self.table_id = message["table_id"]
            self.token = message.get("token", self.token)
        return message

    async def until(
        self, check: Callable[[dict[str, Any]], bool], timeout: float = 10.0
    ) -> dict[str, Any]:
        """Read until a message satisfies `check` (bounded in time)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            assert left > 0, f"{self.name}: timed out; last: {self.messages[-3:]}"
            message = await self.recv(left)
            if check(message):
                return message

    async def latest(
        self, check: Callable[[dict[str, Any]], bool], timeout: float = 10.0
    ) -> dict[str, Any]:
        """The newest message read so far that satisfies `check`, else the next one."""
        found = next((m for m in reversed(self.messages) if check(m)), None)
        return found if found is not None else await self.until(check, timeout)

    async def answer(self, message_id: str) -> dict[str, Any]:
        """The ack, error or query answer to a message."""
        return await self.until(
            lambda m: m.get("id") == message_id and m["type"] not in ("event", "turn")
        )

    async def hello(self, table_id: str, name: str) -> dict[str, Any]:
        await self.send("hello", protocol=1, table_id=table_id, name=name)
        return await self.until(lambda m: m["type"] in ("welcome", "error"))

    async def resume(
        self, table_id: str, token: str, last_seq: int | None = None
    ) -> dict[str, Any]:
        last = self.seq if last_seq is None else last_seq
        await self.send("resume", table_id=table_id, token=token, last_seq=last)
        return await self.until(lambda m: m["type"] in ("welcome", "error"))

    def events(self, kind: str | None = None) -> list[dict[str, Any]]:
        return [
            m for m in self.messages if m["type"] == "event" and (kind is None or m["kind"] == kind)
        ]

    def assert_no_leaks(self) -> None:
        """Every card this client was ever sent is its own, on the board, or shown
        (a past hand's history: as it was seen live)."""
        own: set[str] = set()
        seen: set[str] = set()  # board and shown cards of the current hand
        past: dict[int, set[str]] = {}
        for message in self.messages:
            kind = message.get("kind")
            if kind == "hand_started":
                own, seen = set(message.get("your_cards", [])), set()
                past[message["hand_no"]] = own | seen
            elif kind in ("board_dealt", "hand_shown"):
                seen |= set(message["cards"])
                past[max(past, default=0)] = own | seen
            elif message["type"] == "hand":
                leaked = cards_in(message) - past.get(message["hand"]["hand_no"], set())
                assert not leaked, f"{self.name} was sent {leaked} in {message}"
                continue
            elif message["type"] == "snapshot":
                table = message["table"]
                seen = set(table["hand"]["board"]) if table.get("hand") else set()
                own = {
                    c
                    for s in table.get("seats", [])
                    if s["member_id"] == self.member_id
                    for c in s.get("cards", [])
                }
            leaked = cards_in(message) - own - seen
            assert not leaked, f"{self.name} was sent {leaked} in {message}"


async def http(
    port: int, method: str, path: str, body: Any = None, token: str | None = None
) -> tuple[int, dict[str, Any]]:
    """One HTTP/1.1 request on loopback; returns the status and the JSON body."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    data = b"" if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(data)}\r\n"
    if token:
        head += f"Authorization: Bearer {token}\r\n"
    writer.write((head + "\r\n").encode() + data)
    await writer.drain()
    raw = await asyncio.wait_for(reader.read(), 10)
    writer.close()
    status = int(raw.split(b" ", 2)[1])
    return status, json.loads(raw.split(b"\r\n\r\n", 1)[1])


async def host_client(srv: Server, table_id: str, token: str) -> Client:
    client = await Client.connect(srv.port, "host")
    welcome = await client.resume(table_id, token, 0)
    assert welcome["type"] == "welcome" and welcome["role"] == "host"
    client.token = token
    return client


async def guest(srv: Server, table_id: str, name: str) -> Client:
    client = await Client.connect(srv.port, name)
    welcome = await client.hello(table_id, name)
    assert welcome["type"] == "welcome", welcome
    return client


def calling(legal: dict[str, Any]) -> tuple[str, int | None]:
    return ("call", None) if legal["call"] else ("check", None)


async def play(client: Client, hand_no: int, policy=calling) -> None:
    """Act whenever it is this client's turn until hand `hand_no` ends (also on a turn
    received before the call; acting twice only earns an error)."""
    ended = [m for m in client.events("hand_ended") if m["hand_no"] == hand_no]
    if ended:
        return
    last = next((m for m in reversed(client.messages) if m["type"] == "turn"), None)
    if last is not None and last.get("legal") and last["hand_no"] == hand_no:
        action, amount = policy(last["legal"])
        await client.send("act", action=action, hand_no=hand_no, amount=amount)
    while True:
        message = await client.recv(15)
        if message.get("kind") == "hand_ended" and message["hand_no"] == hand_no:
            return
        if message["type"] == "turn" and message.get("legal") and message["hand_no"] == hand_no:
            action, amount = policy(message["legal"])
            await client.send("act", action=action, hand_no=hand_no, amount=amount)
