"""The host's one listener: each TCP connection's request head is read first; a
WebSocket upgrade goes on as a `WebSocket` (the head included: websockets parses the
handshake), anything else is plain HTTP, read whole and answered by `http.route`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from host_server.errors import Code
from host_server.net.http import HttpRequest, error, head, response
from host_server.net.websocket import WebSocket
from host_server.protocol import MAX_FRAME

log = logging.getLogger("felt.net")

MAX_HEAD = 16 * 1024


class Listener(asyncio.Protocol):
    """One TCP connection, until it is known to be a WebSocket or an HTTP request."""

    def __init__(
        self,
        *,
        websocket: Callable[[asyncio.Transport, str], WebSocket],
        http: Callable[[HttpRequest], Awaitable[tuple[int, Any]]],
    ) -> None:
        self.open_websocket, self.answer = websocket, http
        self.transport: asyncio.Transport | None = None
        self.socket: WebSocket | None = None
        self.buffer = bytearray()
        self.request: tuple[str, str, dict[str, str], int] | None = None
        self.task: asyncio.Task[None] | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        if self.socket is not None:
            self.socket.data_received(data)
            return
        if self.task is not None:
            return  # an HTTP request is being answered: nothing more is read
        self.buffer += data
        if self.request is None:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(self.buffer) > MAX_HEAD:
                    self._abort()
                return
            method, target, headers = head(bytes(self.buffer[:end]))
            if method == "GET" and headers.get("upgrade", "").lower() == "websocket":
                self._upgrade()
                return
            self.request = (method, target, headers, end + 4)
        self._read_body()

    def _upgrade(self) -> None:
        assert self.transport is not None
        address = str(self.transport.get_extra_info("peername", ("?",))[0])
        self.socket = self.open_websocket(self.transport, address)
        buffered, self.buffer = bytes(self.buffer), bytearray()
        self.socket.data_received(buffered)

    def _read_body(self) -> None:
        assert self.request is not None and self.transport is not None
        method, target, headers, start = self.request
        try:
            length = int(headers.get("content-length", "0") or "0")
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_FRAME:
            big = error(Code.TOO_BIG, f"Bodies are at most {MAX_FRAME} bytes.")
            self._respond(413, big)
            return
        if len(self.buffer) - start < length:
            return
        body = bytes(self.buffer[start : start + length])
        address = str(self.transport.get_extra_info("peername", ("?",))[0])
        request = HttpRequest(method, target, headers, body, address)
        self.task = asyncio.get_running_loop().create_task(self._serve(request))

    async def _serve(self, request: HttpRequest) -> None:
        try:
            status, payload = await self.answer(request)
        except Exception:
            log.exception("HTTP handler failed")
            status, payload = 500, error(Code.INTERNAL_ERROR, "Something went wrong on the host.")
        self._respond(status, payload)

    def _respond(self, status: int, payload: Any) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(response(status, payload))
            self.transport.close()

    def _abort(self) -> None:
        if self.transport is not None:
            self.transport.abort()

    def eof_received(self) -> bool | None:
        if self.socket is not None:
            self.socket.eof_received()
        return None  # asyncio closes the transport

    def connection_lost(self, exc: Exception | None) -> None:
        if self.socket is not None:
            self.socket.connection_lost()
        if self.task is not None and not self.task.done():
            with contextlib.suppress(Exception):
                self.task.cancel()

    def pause_writing(self) -> None:
        pass

    def resume_writing(self) -> None:
        pass
