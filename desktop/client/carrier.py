"""The asyncio carrier of a client session: a WebSocket to the host, reconnected with
backoff, each frame handed to the session and what it means handed on.

Only bytes and time here: the session decides what a frame means, whether to
reconnect, and what to send again.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import socket
import ssl
from collections.abc import Awaitable, Callable
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from desktop.client.session import ClientSession, Note, Reconnect, Refused, State
from host_server.net.knock import client_context
from host_server.protocol.pins import pin_of

log = logging.getLogger("felt.client")


class Carrier:
    def __init__(
        self,
        url: str,
        session: ClientSession,
        *,
        on_note: Callable[[Note], None],
        on_state: Callable[[State], None],
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    ) -> None:
        self.url, self.session = url, session
        self.on_note, self.on_state, self._sleep = on_note, on_state, sleep
        self._ws: ClientConnection | None = None
        self._task: asyncio.Task[None] | None = None
        self._writes: set[asyncio.Task[None]] = set()  # kept: a task nobody holds may vanish
        self._stopping = False

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
        for write in list(self._writes):
            write.cancel()
        self._set(State.CLOSED)

    def write(self, frame: str) -> None:
        """Send a frame now if online (else it goes after the next welcome)."""
        if self._ws is None or self.session.state is not State.ONLINE:
            return
        task = asyncio.get_running_loop().create_task(self._send(frame))
        self._writes.add(task)
        task.add_done_callback(self._writes.discard)

    async def _send(self, frame: str) -> None:
        if self._ws is not None:
            with contextlib.suppress(ConnectionClosed):
                await self._ws.send(frame)

    def _set(self, state: State) -> None:
        self.session.state = state
        self.on_state(state)

    async def _run(self) -> None:
        attempt = 0
        # Over TLS the host's certificate is checked as soon as the handshake is done,
        # before the HTTP upgrade: to a host with another key, not one byte of ours.
        pinned = type("Pinned", (PinnedConnection,), {"trusted": staticmethod(self._trusted)})
        while not self._stopping:
            code = None
            tls = client_context() if self.url.startswith("wss://") else None  # (`url` moves)
            try:
                async with connect(
                    self.url,
                    ssl=tls,
                    create_connection=pinned if tls is not None else None,
                    proxy=None,  # a host at home is reached directly, never by a proxy
                    close_timeout=1,
                    open_timeout=5,
                    max_size=2**20,
                ) as ws:
                    self._ws = ws
                    await ws.send(self.session.join_frame())
                    async for frame in ws:
                        if await self._receive(frame):
                            attempt = 0
            except ConnectionClosed as closed:
                code = closed.rcvd.code if closed.rcvd else None
            except (OSError, EOFError, InvalidHandshake, InvalidURI, TimeoutError) as error:
                if self.session.state is State.CLOSED:
                    break  # the host showed another certificate (`_trusted`)
                log.info("cannot reach %s: %s", self.url, error)
                where = self.url.split("://", 1)[-1].removesuffix("/ws")
                if self.session.unreachable(where, in_words(error)):
                    break
            finally:
                self._ws = None
            if self._stopping or self.session.closed(code):
                break
            self._set(State.RECONNECTING)
            await self._sleep(self.session.backoff(attempt))
            attempt += 1
        self._set(State.CLOSED)

    def _trusted(self, presented: bytes | None) -> bool:
        """Is the certificate this host showed (DER) the pinned one, or the first met?"""
        if presented and self.session.presented(pin_of(presented)):
            return True
        log.warning("%s: the host's certificate is not the pinned one", self.url)
        return False

    async def _receive(self, frame: str | bytes) -> bool:
        """Hand one frame on; True once the connection is (again) established."""
        was = self.session.state
        notes = self.session.receive(frame)
        welcomed = self.session.state is State.ONLINE and was is not State.ONLINE
        if welcomed:
            self.on_state(State.ONLINE)
        for note in notes:
            self.on_note(note)
            if isinstance(note, (Reconnect, Refused)) and self._ws is not None:
                if isinstance(note, Reconnect):
                    log.info("%s: resuming (%s)", self.url, note.why)
                    self.url = note.to or self.url  # (the worker serving the table now)
                await self._ws.close()
        if welcomed and self._ws is not None:
            for again in self.session.resends():  # the same ids: applied once
                await self._ws.send(again)
        return welcomed


class PinnedConnection(ClientConnection):
    """A client connection that shows the host's certificate to `trusted` once TLS is
    up, and drops the connection there unless it is trusted."""

    trusted: Callable[[bytes | None], bool]

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        tls = transport.get_extra_info("ssl_object")
        if not self.trusted(tls.getpeercert(binary_form=True) if tls is not None else None):
            # Closed (TLS's own close, after its handshake ends): what the upgrade then
            # writes is dropped, never sent.
            transport.close()


def in_words(error: Exception) -> str:
    """Why a host could not be reached, as a player can act on it (not an errno)."""
    if isinstance(error, ConnectionRefusedError):
        return "nothing answers on that port (is Felt open there, and hosting?)"
    if isinstance(error, TimeoutError):
        return "no answer (a wrong address, or a firewall in the way?)"
    if isinstance(error, socket.gaierror):
        return "no such address (check the invite)"
    if isinstance(error, ssl.SSLError):
        return "that host does not speak TLS (ask its host for a new invite)"
    if isinstance(error, (InvalidHandshake, InvalidURI)):
        return "something other than a Felt host answered there"
    if isinstance(error, OSError) and error.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
        return "no route to that address (not on this network?)"
    return str(error) or type(error).__name__
