"""The host's connection class and its plain HTTP.

The connection reads a request's head first: WebSocket upgrades go on to
websockets untouched, anything else is plain HTTP on the same port, answered by
`route` (websockets refuses request bodies). It also joins the frames of one
loop turn into one socket write.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from websockets.asyncio.server import ServerConnection

from host_server import __version__, protocol as wire
from host_server.errors import Code, FeltError
from host_server.host import InvalidToken

if TYPE_CHECKING:
    from host_server.server import HostServer

log = logging.getLogger("felt.server")


async def route(
    server: HostServer, method: str, target: str, headers: dict[str, str], body: bytes, address: str
) -> tuple[int, Any]:
    """A plain HTTP request: health, the lobby, and the polling fallback's two routes."""
    host = server.host
    assert host is not None
    url = urlsplit(target)
    parts = [p for p in url.path.split("/") if p]
    token = None
    auth = headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        token = auth[7:].strip()
    try:
        if method == "GET" and parts == ["health"]:
            return 200, {
                "status": "ok",
                "version": __version__,
                "protocol": wire.PROTOCOL_VERSION,
                "tables": len(host.sessions),
                "restored_in": round(server.restore_seconds, 4),
            }
        if method == "GET" and parts == ["tables"]:
            return 200, {"tables": host.lobby()}
        if len(parts) == 3 and parts[0] == "tables" and parts[2] == "events" and method == "GET":
            after = _int(parse_qs(url.query).get("after", ["0"])[0])
            frames, out = host.poll(address, token or "", parts[1], after, time.time())
            server.deliver(out)
            if not await server.committed():
                return 503, _error(Code.STORAGE_UNAVAILABLE, _UNSAVED)
            return 200, {"messages": [json.loads(f) for f in frames]}
        if len(parts) == 3 and parts[0] == "tables" and parts[2] == "commands":
            if method != "POST":
                return 405, _error(Code.METHOD_NOT_ALLOWED, "POST a message here.")
            frames, out = host.post(
                address, token, parts[1], body.decode("utf-8", "replace"), time.time()
            )
            server.deliver(out)
            if not await server.committed():
                return 503, _error(Code.STORAGE_UNAVAILABLE, _UNSAVED)
            return 200, {"messages": [json.loads(f) for f in frames]}
    except InvalidToken as error:  # the brake: wrong tokens are answered ever more slowly
        await asyncio.sleep(max(0.0, error.answer_at - time.time()))
        return 401, _error(error.code, error.message)
    except FeltError as error:
        return 400, _error(error.code, error.message)
    return 404, _error(Code.NOT_FOUND, f"Nothing at {url.path}.")


def _int(text: str) -> int:
    try:
        return max(0, int(text))
    except ValueError:
        raise FeltError("after must be a whole number.", code=Code.WRONG_TYPE) from None


def _error(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


_UNSAVED = "The host cannot save right now; try again in a moment."
_REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    405: "Method Not Allowed",
    413: "Content Too Large",
    503: "Service Unavailable",
}


class Connection(ServerConnection):
    """Reads the request head first: WebSocket upgrades go on to websockets untouched,
    anything else is plain HTTP answered here (websockets refuses request bodies)."""

    felt: HostServer

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._outgoing: list[bytes] = []
        self._buffer = bytearray()
        self._mode = ""  # "", "ws" or "http"
        self._head: tuple[str, str, dict[str, str], int] | None = None

    def send_data(self) -> None:
        """Frames sent in one loop turn leave in one write: an action sends each member a
        dozen frames, and a system call per frame was a fifth of the host's time."""
        for data in self.protocol.data_to_send():
            if data:
                if not self._outgoing:
                    self.loop.call_soon(self._write_out)
                self._outgoing.append(data)
                continue
            self._write_out()  # the end of the stream: as websockets does it
            if self.transport.can_write_eof():
                with contextlib.suppress(Exception):
                    self.transport.write_eof()
            else:
                self.transport.close()

    def _write_out(self) -> None:
        if self._outgoing and not self.transport.is_closing():
            self.transport.write(b"".join(self._outgoing))
        self._outgoing.clear()

    def data_received(self, data: bytes) -> None:
        if self._mode == "ws":
            super().data_received(data)
            return
        if self._mode == "done":
            return
        self._buffer += data
        if self._head is None:
            end = self._buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(self._buffer) > 16_384:
                    self.transport.abort()
                return
            lines = bytes(self._buffer[:end]).decode("latin-1").split("\r\n")
            method, target = [*lines[0].split(" "), "", ""][:2]
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            if method == "GET" and headers.get("upgrade", "").lower() == "websocket":
                self._mode = "ws"
                buffered, self._buffer = bytes(self._buffer), bytearray()
                super().data_received(buffered)
                return
            self._head = (method, target, headers, end + 4)
        method, target, headers, start = self._head
        try:
            length = int(headers.get("content-length", "0") or "0")
        except ValueError:
            length = -1
        if not 0 <= length <= wire.MAX_FRAME:
            self._mode = "done"
            self._write(413, _error(Code.TOO_BIG, f"Bodies are at most {wire.MAX_FRAME} bytes."))
            return
        if len(self._buffer) - start < length:
            return
        self._mode = "done"
        body = bytes(self._buffer[start : start + length])
        address = str(self.transport.get_extra_info("peername", ("?",))[0])
        task = asyncio.get_running_loop().create_task(
            route(self.felt, method, target, headers, body, address)
        )
        task.add_done_callback(self._answered)

    def _answered(self, task: asyncio.Task[tuple[int, Any]]) -> None:
        if task.cancelled():
            self.transport.abort()
            return
        error = task.exception()
        if error is not None:
            log.error("HTTP handler failed", exc_info=error)
            self._write(500, _error(Code.INTERNAL_ERROR, "Something went wrong on the host."))
            return
        self._write(*task.result())

    def _write(self, status: int, payload: Any) -> None:
        body = json.dumps(payload, separators=(",", ":")).encode()
        head = (
            f"HTTP/1.1 {status} {_REASONS.get(status, 'Error')}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
            f"Server: felt/{__version__}\r\nConnection: close\r\n\r\n"
        )
        with contextlib.suppress(Exception):
            self.transport.write(head.encode() + body)
            self.transport.close()
