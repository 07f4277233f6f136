"""One WebSocket connection, driven by websockets' Sans-I/O `ServerProtocol` (its public
API for bringing your own I/O): bytes in, text messages out; frames out, joined per
loop turn into one socket write; pings, the close handshake and its timeout.

websockets parses the handshake and every frame, answers pings and checks UTF-8
sizes; this class only moves bytes and time. A peer that stops reading is closed
(1008) once MAX_BUFFER bytes wait unsent for it: it never grows the host's memory.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from urllib.parse import urlsplit

from websockets.extensions.permessage_deflate import ServerPerMessageDeflateFactory
from websockets.frames import Frame, Opcode
from websockets.http11 import Request
from websockets.protocol import State
from websockets.server import ServerProtocol

log = logging.getLogger("felt.net")

MAX_BUFFER = 512 * 1024  # unsent bytes for one client before it is cut as too slow


def text_frame(text: str) -> bytes:
    """The frame websockets' `send_text` writes for `text` on a connection without
    extensions: the host's frames are never masked, and never fragmented here."""
    return Frame(Opcode.TEXT, text.encode()).serialize(mask=False, extensions=[])


class WebSocket:
    def __init__(
        self,
        transport: asyncio.Transport,
        *,
        on_message: Callable[[str | bytes], None],
        on_closed: Callable[[], None],
        max_size: int,
        ping_interval: float,
        ping_timeout: float,
        close_timeout: float,
        compression: bool = False,
        server_header: str = "felt",
    ) -> None:
        self.transport = transport
        self.on_message, self.on_closed = on_message, on_closed
        self.ping_interval, self.ping_timeout = ping_interval, ping_timeout
        self.close_timeout = close_timeout
        self.server_header = server_header
        extensions = [ServerPerMessageDeflateFactory()] if compression else None
        self.protocol = ServerProtocol(max_size=max_size, extensions=extensions, logger=log)
        self.loop = asyncio.get_running_loop()
        self._outgoing: list[bytes] = []
        self._fragments: list[bytes] = []
        self._text = False
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._ping: bytes | None = None
        self.closed = asyncio.Event()

    @property
    def open(self) -> bool:
        return self.protocol.state is State.OPEN

    @property
    def close_code(self) -> int | None:
        return self.protocol.close_code

    # --- bytes in -------------------------------------------------------------------

    def data_received(self, data: bytes) -> None:
        self.protocol.receive_data(data)
        self._handle_events()

    def eof_received(self) -> None:
        self.protocol.receive_eof()
        self._handle_events()

    def connection_lost(self) -> None:
        self.protocol.receive_eof()  # idempotent: the state is CLOSED from here on
        self._outgoing.clear()
        for timer in self._timers.values():
            timer.cancel()
        self._timers.clear()
        if not self.closed.is_set():
            self.closed.set()
            self.on_closed()

    def _handle_events(self) -> None:
        for event in self.protocol.events_received():
            if isinstance(event, Request):
                self._handshake(event)
            elif isinstance(event, Frame):
                self._frame(event)
        self._write(self.protocol.data_to_send(), at_once=True)
        if self.protocol.close_expected():
            self._after("close", self.close_timeout, self.transport.abort)

    def _handshake(self, request: Request) -> None:
        if urlsplit(request.path).path != "/ws":
            response = self.protocol.reject(404, "WebSockets are served on /ws.\n")
        else:
            response = self.protocol.accept(request)
        response.headers["Server"] = self.server_header
        self.protocol.send_response(response)
        if response.status_code == 101:
            self._after("ping", self.ping_interval, self._send_ping)

    def _frame(self, frame: Frame) -> None:
        if frame.opcode in (Opcode.TEXT, Opcode.BINARY):
            self._text, self._fragments = frame.opcode is Opcode.TEXT, [bytes(frame.data)]
        elif frame.opcode is Opcode.CONT:
            self._fragments.append(bytes(frame.data))
        elif frame.opcode is Opcode.PONG:
            if self._ping is not None and frame.data == self._ping:
                self._ping = None
                self._cancel("pong")
                self._after("ping", self.ping_interval, self._send_ping)
            return
        else:
            return  # a ping is answered, a close echoed, by the protocol itself
        if not frame.fin:
            return
        data, self._fragments = b"".join(self._fragments), []
        if not self._text:
            self.on_message(data)
            return
        try:
            text = data.decode()
        except UnicodeDecodeError:
            self.protocol.fail(1007, "invalid UTF-8")
            return
        self.on_message(text)

    # --- frames out -------------------------------------------------------------------

    def send(self, text: str, framed: dict[str, bytes] | None = None) -> None:
        """Send a text message after what was sent before (dropped once closing).

        `framed`: frames made for other connections, to share. A frame from the host
        is the same bytes for everyone who did not ask for compression (no mask, no
        extension), so a view sent to a table is framed once, not once per member."""
        if not self.open:
            return
        if self.transport.get_write_buffer_size() > MAX_BUFFER:
            log.warning("dropping a slow client at %s", self.transport.get_extra_info("peername"))
            self.close(1008, "too slow to keep up")
            return
        if framed is None or self.protocol.extensions:
            self.protocol.send_text(text.encode())
            self._write(self.protocol.data_to_send())
            return
        frame = framed.get(text)
        if frame is None:
            frame = framed[text] = text_frame(text)
        self._write([frame])

    def close(self, code: int, reason: str) -> None:
        """Start the closing handshake (once); the socket goes after `close_timeout`."""
        if self.protocol.state is not State.OPEN:
            return
        self.protocol.send_close(code, reason)
        self._write(self.protocol.data_to_send(), at_once=True)
        self._after("close", self.close_timeout, self.transport.abort)

    def _write(self, chunks: list[bytes], at_once: bool = False) -> None:
        """Frames sent in one loop turn leave in one write: an action sends each member a
        dozen frames, and a system call per frame was a fifth of the host's time."""
        for chunk in chunks:
            if chunk:
                if not self._outgoing and not at_once:
                    self.loop.call_soon(self._flush)
                self._outgoing.append(chunk)
            else:  # the end of the stream
                self._flush()
                if self.transport.can_write_eof():
                    self.transport.write_eof()
                else:
                    self.transport.close()
                return
        if at_once:
            self._flush()

    def _flush(self) -> None:
        if self._outgoing and not self.transport.is_closing():
            self.transport.write(b"".join(self._outgoing))
        self._outgoing.clear()

    # --- time -------------------------------------------------------------------------

    def _send_ping(self) -> None:
        if not self.open:
            return
        self._ping = os.urandom(4)
        self.protocol.send_ping(self._ping)
        self._write(self.protocol.data_to_send(), at_once=True)
        self._after("pong", self.ping_timeout, self._no_pong)

    def _no_pong(self) -> None:
        if self.open:
            self.protocol.fail(1011, "keepalive ping timeout")
            self._write(self.protocol.data_to_send(), at_once=True)
            self._after("close", self.close_timeout, self.transport.abort)

    def _after(self, name: str, delay: float, then: Callable[[], None]) -> None:
        self._cancel(name)
        self._timers[name] = self.loop.call_later(delay, then)

    def _cancel(self, name: str) -> None:
        timer = self._timers.pop(name, None)
        if timer is not None:
            timer.cancel()
