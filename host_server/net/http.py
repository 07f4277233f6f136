"""Plain HTTP on the host's port: health, the lobby, and the polling fallback's routes.

A request is read whole (its head, then a body of at most `MAX_FRAME` bytes) by the
listener and handed to `route`, which answers it in JSON and closes.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import parse_qs, urlsplit

from host_server import __version__
from host_server.errors import Code, FeltError
from host_server.host import polling
from host_server.host.core import HostCore
from host_server.host.gate import InvalidToken
from host_server.host.peers import Outbox
from host_server.protocol import VERSION

UNSAVED = "The host cannot save right now; try again in a moment."
REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    405: "Method Not Allowed",
    413: "Content Too Large",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


class Shell(Protocol):
    """What a route needs of the server: the core, and the commit step."""

    core: HostCore | None
    restore_seconds: float

    def deliver(self, out: Outbox) -> None: ...

    async def settled(self) -> bool: ...


@dataclass(frozen=True)
class HttpRequest:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes
    address: str

    @property
    def token(self) -> str | None:
        auth = self.headers.get("authorization", "")
        return auth[7:].strip() if auth.lower().startswith("bearer ") else None


def head(data: bytes) -> tuple[str, str, dict[str, str]]:
    """The request line and headers of a request head (the bytes before the blank line)."""
    lines = data.decode("latin-1").split("\r\n")
    method, target = [*lines[0].split(" "), "", ""][:2]
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return method, target, headers


async def route(server: Shell, request: HttpRequest) -> tuple[int, Any]:
    """A plain HTTP request: its status and JSON body."""
    core = server.core
    assert core is not None
    url = urlsplit(request.target)
    parts = [p for p in url.path.split("/") if p]
    try:
        if request.method == "GET" and parts == ["health"]:
            return 200, {
                "status": "ok",
                "version": __version__,
                "protocol": VERSION,
                "tables": len(core.sessions),
                "restored_in": round(server.restore_seconds, 4),
            }
        if request.method == "GET" and parts == ["tables"]:
            return 200, {"tables": core.lobby()}
        if len(parts) == 3 and parts[0] == "tables" and parts[2] == "events":
            if request.method != "GET":
                return 405, error(Code.METHOD_NOT_ALLOWED, "GET the events here.")
            after = _int(parse_qs(url.query).get("after", ["0"])[0])
            token = request.token or ""
            frames, out = polling.poll(core, request.address, token, parts[1], after, time.time())
            return await _answered(server, frames, out)
        if len(parts) == 3 and parts[0] == "tables" and parts[2] == "commands":
            if request.method != "POST":
                return 405, error(Code.METHOD_NOT_ALLOWED, "POST a message here.")
            text = request.body.decode("utf-8", "replace")
            frames, out = polling.post(
                core, request.address, request.token, parts[1], text, time.time()
            )
            return await _answered(server, frames, out)
    except InvalidToken as refused:  # the brake: wrong tokens are answered ever more slowly
        await asyncio.sleep(max(0.0, refused.answer_at - time.time()))
        return 401, error(Code.INVALID_TOKEN, refused.message)
    except FeltError as refused:
        return 400, error(Code(refused.code), refused.message)
    return 404, error(Code.NOT_FOUND, f"Nothing at {url.path}.")


async def _answered(server: Shell, frames: list[str], out: Outbox) -> tuple[int, Any]:
    """The answer goes once what it says is committed (or, if that failed, a 503)."""
    server.deliver(out)
    if not await server.settled():
        return 503, error(Code.STORAGE_UNAVAILABLE, UNSAVED)
    return 200, {"messages": [json.loads(f) for f in frames]}


def _int(text: str) -> int:
    try:
        return max(0, int(text))
    except ValueError:
        raise FeltError("after must be a whole number.", code=Code.WRONG_TYPE) from None


def error(code: Code, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def response(status: int, payload: Any) -> bytes:
    body = json.dumps(payload, separators=(",", ":")).encode()
    return (
        f"HTTP/1.1 {status} {REASONS.get(status, 'Error')}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        f"Server: felt/{__version__}\r\nConnection: close\r\n\r\n"
    ).encode() + body
