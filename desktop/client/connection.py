"""The client side of the protocol: one table, one member, any number of reconnections.

No widgets. It tracks seq (applies last + 1, drops duplicates, resumes on a gap),
resumes with `last_seq` after any disconnect with exponential backoff and jitter
(the first retry within 250 ms, capped at a few seconds), resends every
unacknowledged command with its same id, and reports everything as Qt signals.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import secrets
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from host_server.protocol import VERSION as PROTOCOL_VERSION

QUERIES = ("hands", "hand", "ledger", "export")

log = logging.getLogger("felt.connection")

FIRST_RETRY = 0.2
MAX_RETRY = 4.0
FINAL_CLOSES = {
    4001: "This seat was opened somewhere else.",
    4003: "You are no longer at this table.",
}


class Connection(QObject):
    """Signals carry the protocol's messages as dicts, in order."""

    welcomed = Signal(dict)
    snapshot_received = Signal(dict)
    event_received = Signal(dict)  # (QObject.event is Qt's own: never shadow it)
    turn_received = Signal(dict)
    answered = Signal(dict)  # ack, error or query answer for one of our messages
    problem = Signal(dict)  # an error not tied to a command (e.g. invalid_token)
    state_changed = Signal(str)  # connecting, online, reconnecting, closed
    token_issued = Signal(str)

    def __init__(
        self,
        url: str,
        table_id: str,
        *,
        token: str | None = None,
        name: str | None = None,
        sleep: Callable[[float], Any] = asyncio.sleep,
    ) -> None:
        super().__init__()
        if token is None and name is None:
            raise ValueError("a new guest needs a name; a known member needs a token")
        self.url, self.table_id, self.token, self.name = url, table_id, token, name
        self.seq = 0
        self.member_id: int | None = None
        self.state = "connecting"
        self.closed_reason: str | None = None
        self._sleep = sleep
        self._prefix = uuid.uuid4().hex[:10]
        self._count = 0
        # A hello sent again after a lost welcome is known by its id and this secret.
        self._hello_id, self._secret = self._next_id(), secrets.token_urlsafe(24)
        self._unacked: dict[str, str] = {}
        self._ws: ClientConnection | None = None
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

    # --- the caller's side --------------------------------------------------------

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> None:
        self._stopping = True
        if self._ws is not None:
            with contextlib.suppress(Exception):
                await self._ws.close()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        self._set_state("closed")

    def send(self, kind: str, **fields: Any) -> str:
        """Queue a command; it is sent now if online, else after the next resume."""
        message_id = self._next_id()
        frame = json.dumps({"type": kind, "id": message_id, **fields})
        self._unacked[message_id] = frame
        if self._ws is not None and self.state == "online":
            asyncio.get_running_loop().create_task(self._send(frame))
        return message_id

    @property
    def unacknowledged(self) -> int:
        return len(self._unacked)

    # --- the loop -----------------------------------------------------------------

    def _next_id(self) -> str:
        self._count += 1
        return f"{self._prefix}-{self._count}"

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    async def _send(self, frame: str) -> None:
        if self._ws is None:
            return
        with contextlib.suppress(ConnectionClosed):
            await self._ws.send(frame)

    async def _run(self) -> None:
        attempt = 0
        while not self._stopping:
            try:
                async with connect(self.url, close_timeout=1, open_timeout=5, max_size=2**20) as ws:
                    self._ws = ws
                    await ws.send(self._join_frame())
                    async for frame in ws:
                        if await self._receive(json.loads(frame)):
                            attempt = 0
            except ConnectionClosed as closed:
                code = closed.rcvd.code if closed.rcvd else None
                if code in FINAL_CLOSES:
                    self.closed_reason = FINAL_CLOSES[code]
                    break
            except (OSError, InvalidHandshake, InvalidURI, TimeoutError, ValueError) as error:
                log.info("cannot reach %s: %s", self.url, error)
            finally:
                self._ws = None
            if self._stopping or self.state == "closed":
                break
            self._set_state("reconnecting")
            # Exponential backoff with jitter; the first retry comes within 250 ms.
            delay = (
                FIRST_RETRY * random.uniform(0.5, 1.0)
                if attempt == 0
                else min(MAX_RETRY, FIRST_RETRY * 2**attempt) * random.uniform(0.5, 1.0)
            )
            attempt += 1
            await self._sleep(delay)
        self._set_state("closed")

    def _join_frame(self) -> str:
        if self.token is not None:
            return json.dumps(
                {
                    "type": "resume",
                    "id": self._next_id(),
                    "table_id": self.table_id,
                    "token": self.token,
                    "last_seq": self.seq,
                }
            )
        return json.dumps(
            {
                "type": "hello",
                "id": self._hello_id,
                "protocol": PROTOCOL_VERSION,
                "table_id": self.table_id,
                "name": self.name,
                "secret": self._secret,
            }
        )

    async def _receive(self, message: dict[str, Any]) -> bool:
        """Handle one frame; True once the connection is (again) established."""
        kind = message.get("type")
        if kind == "welcome":
            self.member_id = message["member_id"]
            if message.get("token"):
                self.token = message["token"]
                self.token_issued.emit(self.token)
            self._set_state("online")
            self.welcomed.emit(message)
            for frame in list(self._unacked.values()):  # same ids: applied once
                await self._send(frame)
            return True
        if kind == "snapshot":
            self.seq = message["seq"]
            self.snapshot_received.emit(message)
        elif kind == "event":
            seq = message["seq"]
            if seq <= self.seq:
                return False  # a duplicate
            if seq != self.seq + 1:
                log.info("gap after seq %d (got %d): resuming", self.seq, seq)
                if self._ws is not None:
                    await self._ws.close()  # the loop resumes with last_seq = self.seq
                return False
            self.seq = seq
            self.event_received.emit(message)
        elif kind == "turn":
            if message["seq"] == self.seq:
                self.turn_received.emit(message)
        elif kind in ("ack", "error", *QUERIES) and message.get("id") in self._unacked:
            del self._unacked[message["id"]]
            self.answered.emit(message)
        elif kind == "error" and message.get("code") == "invalid_seq":
            # The host holds less than we saw (its database was put back): start afresh.
            log.warning("%s: %s", self.url, message.get("message"))
            self.seq = 0
            if self._ws is not None:
                await self._ws.close()  # the loop resumes with last_seq 0: a snapshot
        elif kind == "error":
            # Not an answer to a command: the join itself was refused (bad token, no
            # such table, a name taken...). Nothing to retry.
            self.closed_reason = message["message"]
            self._stopping = True
            self.problem.emit(message)
            if self._ws is not None:
                await self._ws.close()
        return False
