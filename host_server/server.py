"""The network shell: WebSockets on /ws and plain HTTP on the same port, timers, shutdown.

Everything here moves bytes or time; the decisions are `Host`'s. Commands
commit in groups, once per loop turn (one sync to disk for all of them); what
they produced is then written to each peer synchronously and in order, so
messages reach a member in seq order, and never before they are on disk. A slow
client only ever delays itself, and is dropped when its unsent bytes pass a bound.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response
from websockets.protocol import State

from host_server import __version__, protocol as wire
from host_server.bots.policies import decide
from host_server.bots.turns import BotTurn
from host_server.brake import Brake
from host_server.errors import FeltError
from host_server.host import TOKEN_TTL, Host
from host_server.peers import Outbox, Peer
from host_server.store import Store
from host_server.table import commands as cmd
from host_server.table.settings import TableSettings
from host_server.web import Connection

log = logging.getLogger("felt.server")

PING_INTERVAL = PING_TIMEOUT = 10.0
CLOSE_TIMEOUT = 2.0
MAX_BUFFER = 512 * 1024  # unsent bytes for one client before it is cut as too slow
ALIVE_EVERY = 1.0
BUSY_TIMEOUT_MS = 150


class Link:
    """One WebSocket peer's outgoing frames: written at once and in order (the connection
    joins one loop turn's frames into one write). A peer that does not read is cut once
    its unsent bytes pass MAX_BUFFER, so it never grows the host's memory; it resumes
    with its last seq."""

    def __init__(self, ws: ServerConnection) -> None:
        self.ws = ws
        self.task: asyncio.Task[None] | None = None  # closing it

    def push(self, text: str) -> None:
        ws = self.ws
        if self.task is not None or ws.protocol.state is not State.OPEN:
            return
        if ws.transport.get_write_buffer_size() > MAX_BUFFER:
            log.warning("dropping a slow client at %s", ws.remote_address)
            self.close(1008, "too slow to keep up")
        else:
            ws.protocol.send_text(text.encode())
            ws.send_data()

    def close(self, code: int, reason: str) -> None:
        """Close after what was pushed before (once; later pushes are dropped)."""
        if self.task is None:
            self.task = asyncio.get_running_loop().create_task(self.ws.close(code, reason))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()


class HostServer:
    """The embedded or headless host: start it, use `host`, stop it."""

    def __init__(
        self,
        db: str | Path,
        host: str = "127.0.0.1",
        port: int = 8765,
        *,
        token_ttl: float | None = None,
        brake: Brake | None = None,
        bot_delay: float = 1.0,
        in_memory: bool = False,
        compression: str | None = None,
    ) -> None:
        """`bot_delay`: about how long bots take to act, in seconds (0 in tests).
        `in_memory`: serve a copy of the database held in memory (see `Store`).
        `compression`: "deflate" to accept permessage-deflate (off by default: see
        benchmarks/RESULTS.md, it costs more host CPU than the bandwidth it saves)."""
        self.db, self.bind, self.requested_port = db, host, port
        self.in_memory, self.compression = in_memory, compression
        self.restore_seconds = 0.0  # how long the last start took to bring its tables back
        self.token_ttl, self.brake = token_ttl, brake
        self.bot_delay = bot_delay
        self.store: Store | None = None
        self.host: Host | None = None
        self.server: Server | None = None
        self.links: dict[Peer, Link] = {}
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.background: list[asyncio.Task[None]] = []
        self.bots: dict[str, tuple[tuple[int, int], asyncio.Task[None]]] = {}
        # Group commit: what this loop turn's commands produced waits for their commit.
        self.held: list[Outbox] = []
        self.waiting: list[asyncio.Future[bool]] = []
        # Bots think off the event loop: one worker, so they never crowd the tables out.
        self.thinker: ThreadPoolExecutor | None = None

    @property
    def port(self) -> int:
        assert self.server is not None
        return int(self.server.sockets[0].getsockname()[1])

    async def start(self) -> None:
        # Only another process can hold the write lock; never freeze every table waiting.
        self.store = Store(
            self.db,
            busy_timeout_ms=BUSY_TIMEOUT_MS,
            in_memory=self.in_memory,
            on_batch=self._commit_soon,
        )
        ttl = TOKEN_TTL if self.token_ttl is None else self.token_ttl
        self.host = Host(self.store, token_ttl=ttl, brake=self.brake)
        began = time.perf_counter()
        self.host.restore(time.time())
        self.restore_seconds = time.perf_counter() - began
        self.store.mark_alive(time.time())
        owner = self

        class Bound(Connection):
            felt = owner

        self.server = await serve(
            self._handler,
            self.bind,
            self.requested_port,
            create_connection=Bound,
            process_request=_only_ws_path,
            max_size=wire.MAX_FRAME,
            ping_interval=PING_INTERVAL,
            ping_timeout=PING_TIMEOUT,
            close_timeout=CLOSE_TIMEOUT,
            compression=self.compression,
            server_header=f"felt/{__version__}",
        )
        self.thinker = ThreadPoolExecutor(1, thread_name_prefix="felt-bot")
        for table_id in self.host.sessions:
            self._arm(table_id)
            self._wake_bot(table_id)
        self.background.append(asyncio.get_running_loop().create_task(self._keep_alive()))
        log.info("felt-host listening on %s:%d", self.bind, self.port)

    async def stop(self) -> None:
        """Close every connection with 1001 (clients reconnect to the next host) and the store.

        Safe to call twice."""
        if self.store is None:
            return
        for task in self.background:
            task.cancel()
        for handle in self.timers.values():
            handle.cancel()
        if self.server is not None:
            self.server.close()  # sends 1001 "going away" to every client
            await self.server.wait_closed()
        for link in self.links.values():
            link.cancel()
        thinking = [task for _, task in self.bots.values()]
        for task in thinking:
            task.cancel()
        await asyncio.gather(*thinking, return_exceptions=True)
        if self.thinker is not None:
            self.thinker.shutdown(wait=False, cancel_futures=True)
        self.store.mark_alive(time.time())
        self._commit()
        self.store.close()
        self.store = None
        self.background, self.timers, self.bots, self.thinker = [], {}, {}, None
        log.info("felt-host stopped")

    def create_table(self, settings: TableSettings, host_name: str) -> tuple[str, str]:
        """A new table served from now on; its id and the host's token."""
        assert self.host is not None
        created = self.host.create_table(settings, host_name, time.time())
        self._commit()  # the token is about to be kept in a keyring: the table must exist
        return created

    def execute(self, table_id: str, commands: Sequence[cmd.Command]) -> None:
        """Run commands as the server itself (no connection), telling whoever is there."""
        assert self.host is not None
        for command in commands:
            self.deliver(self.host.execute(table_id, command, time.time()))

    def close_tables(self) -> list[str]:
        """Close every table that is between hands (clients are told); return the others."""
        assert self.host is not None
        out, kept = self.host.close_tables(time.time())
        self.deliver(out)
        return kept

    # --- WebSocket peers ---------------------------------------------------------

    async def _handler(self, ws: ServerConnection) -> None:
        assert self.host is not None
        address = str(ws.remote_address[0]) if ws.remote_address else "?"
        peer = Peer(address)
        self.links[peer] = Link(ws)
        log.info("connection from %s", address)
        try:
            async for frame in ws:
                out = self.host.receive(peer, frame, time.time())
                if out.not_before:  # a wrong token: this connection waits with its answer
                    await asyncio.sleep(max(0.0, out.not_before - time.time()))
                self.deliver(out)
        except ConnectionClosed:
            pass
        finally:
            self.deliver(self.host.disconnected(peer, time.time()))
            link = self.links.pop(peer, None)
            if link is not None:
                link.cancel()
            log.info("connection from %s closed (%s)", address, ws.close_code)

    def deliver(self, out: Outbox) -> None:
        """Queue what commands produced, to be sent once committed; synchronous and in
        order, so seq order holds per peer."""
        if self.held or (self.store is not None and self.store.pending):
            self.held.append(out)
        else:
            self._send(out)
        for table_id in out.tables:
            self._arm(table_id)
            self._wake_bot(table_id)

    def _commit_soon(self) -> None:
        """A batch opened: commit it after what is ready to run in this loop turn."""
        asyncio.get_running_loop().call_soon(self._commit)

    async def committed(self) -> bool:
        """Wait until what was written so far is committed (False: it was rolled back)."""
        if self.store is None or not self.store.pending:
            return True
        done: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self.waiting.append(done)
        return await done

    def _commit(self) -> None:
        """One commit (one sync to disk) for the turn's commands, then send what they made.

        If it fails, nothing of the batch was seen: the tables go back to the store and
        whoever was to hear of it reconnects and resumes from what is there."""
        held, self.held = self.held, []
        waiting, self.waiting = self.waiting, []
        ok = True
        if self.store is not None:
            try:
                self.store.flush()
            except FeltError as error:
                log.error("a batch of commands could not be saved: %s", error)
                ok = False
        for done in waiting:
            if not done.done():
                done.set_result(ok)
        if ok:
            for out in held:
                self._send(out)
            return
        assert self.host is not None
        self.host.rolled_back()
        for table_id in self.host.sessions:  # clocks and bots follow the tables back
            self._arm(table_id)
            self._wake_bot(table_id)
        peers = {peer for out in held for peer, _ in out.sends}
        for peer in peers:
            link = self.links.get(peer)
            if link is not None:
                link.close(1011, "the host could not save; reconnect")

    def _send(self, out: Outbox) -> None:
        for peer, text in out.sends:
            link = self.links.get(peer)
            if link is not None:
                link.push(text)
        for peer, code, reason in out.closes:
            link = self.links.get(peer)
            if link is not None:
                link.close(code, reason)

    # --- bots -------------------------------------------------------------------

    def _wake_bot(self, table_id: str) -> None:
        """If a bot is to act, let it think (once per turn) and then act."""
        assert self.host is not None
        running = self.bots.get(table_id)
        key = self.host.turn_key(table_id)
        if running is not None and running[0] == key and not running[1].done():
            return  # already thinking about this very moment
        turn = self.host.bot_turn(table_id)  # builds its view: only when a bot must decide
        if turn is None:
            return
        task = asyncio.get_running_loop().create_task(self._play_bot(turn))
        self.bots[table_id] = (turn.key, task)

    async def _play_bot(self, turn: BotTurn) -> None:
        loop = asyncio.get_running_loop()
        if self.bot_delay:
            await asyncio.sleep(self.bot_delay * random.uniform(0.6, 1.4))
        rng = random.Random()
        choice = await loop.run_in_executor(self.thinker, decide, turn.level, turn.situation, rng)
        if self.host is None or self.store is None:
            return
        try:
            out = self.host.bot_act(turn, choice, time.time())
        except FeltError as error:  # the store is busy: its clock will act for it if need be
            log.error("table %s: bot: %s", turn.table_id, error)
            return
        self.deliver(out)

    # --- time -----------------------------------------------------------------

    def _arm(self, table_id: str, floor: float = 0.0) -> None:
        assert self.host is not None
        old = self.timers.pop(table_id, None)
        if old is not None:
            old.cancel()
        deadline = self.host.next_deadline(table_id)
        if deadline is None:
            return
        delay = max(floor, deadline - time.time())
        loop = asyncio.get_running_loop()
        self.timers[table_id] = loop.call_later(delay, self._fire, table_id)

    def _fire(self, table_id: str) -> None:
        assert self.host is not None
        self.timers.pop(table_id, None)
        try:
            out = self.host.tick(table_id, time.time())
        except FeltError as error:
            log.error("table %s: timer: %s; retrying", table_id, error)
            self._arm(table_id, floor=1.0)
            return
        self.deliver(out)
        if table_id not in out.tables or table_id not in self.timers:
            self._arm(table_id, floor=0.05)  # nothing changed: never spin on a past deadline

    async def _keep_alive(self) -> None:
        assert self.host is not None and self.store is not None
        while True:
            await asyncio.sleep(ALIVE_EVERY)
            try:
                self.store.mark_alive(time.time())
                self.deliver(self.host.sweep(time.time()))
            except FeltError as error:
                log.error("keep-alive: %s", error)


def _only_ws_path(connection: ServerConnection, request: Request) -> Response | None:
    if urlsplit(request.path).path != "/ws":
        return connection.respond(404, "WebSockets are served on /ws.\n")
    return None
