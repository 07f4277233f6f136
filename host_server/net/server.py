"""The host on the network: `felt-host serve` and the desktop's embedded host alike.

Everything here moves bytes or time; the decisions are the core's. Whatever the
core hands back goes through the one commit step (`commit`): a loop turn's writes
are committed at once, and only then are its frames written to each peer,
synchronously and in order, so messages reach a member in seq order and never
before they are on disk. Table clocks are timers; bots think in a worker thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import ssl
import time
from collections import deque
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from host_server import __version__
from host_server.bots.policies import decide
from host_server.bots.runner import bot_act, bot_turn, moment
from host_server.bots.turns import BotTurn
from host_server.errors import Code, FeltError
from host_server.host.brake import Brake
from host_server.host.core import HOST_MEMBER, HostCore
from host_server.host.gate import TOKEN_TTL
from host_server.host.limits import Limits
from host_server.host.peers import Outbox, Peer
from host_server.net.certificate import Identity
from host_server.net.commit import GroupCommit
from host_server.net.http import HttpRequest, route
from host_server.net.leasing import lease_turn
from host_server.net.listener import Listener
from host_server.net.timing import FrameTimes
from host_server.net.websocket import WebSocket
from host_server.protocol import MAX_FRAME, codec, host
from host_server.store.leases import Worker
from host_server.store.log import LogStore
from host_server.store.opening import open_store
from host_server.store.postgres import PostgresStore
from host_server.store.writes import AliveAt, TableWrite
from host_server.table import commands as cmd
from host_server.table.settings import TableSettings
from host_server.views import live

log = logging.getLogger("felt.net")

PING_INTERVAL = PING_TIMEOUT = 10.0
CLOSE_TIMEOUT = 2.0
ALIVE_EVERY = 1.0
BUSY_TIMEOUT_MS = 150


class Link:
    """One WebSocket peer: its connection, and the frames that wait while its answer to a
    wrong token is held back (a connection reads its next frame only after that)."""

    def __init__(self, peer: Peer) -> None:
        self.peer = peer
        self.socket: WebSocket | None = None
        self.waiting: deque[str | bytes] = deque()
        self.held = False
        self.crowded = False  # one too many from its address: told so at its first frame


class Server:
    """The embedded or headless host: start it, use it, stop it."""

    def __init__(
        self,
        db: str | Path,
        bind: str = "127.0.0.1",
        port: int = 8765,
        *,
        token_ttl: float = TOKEN_TTL,
        brake: Brake | None = None,
        bot_delay: float = 1.0,
        in_memory: bool = False,
        compression: bool = False,
        tls: ssl.SSLContext | None = None,
        limits: Limits | None = None,
        timing: FrameTimes | None = None,
        worker: Worker | None = None,
    ) -> None:
        """`bot_delay`: about how long bots take to act, in seconds (0 in tests).
        `in_memory`: serve a copy of the database held in memory (see `store.sqlite.Store`).
        `compression`: accept permessage-deflate (off by default: see
        benchmarks/RESULTS.md, it costs more host CPU than the bandwidth it saves).
        `tls`: serve wss:// and https:// with it (`certificate.server_context`).
        `limits`: what one address may ask (`host.limits`; sane defaults).
        `timing`: frames' host-side latency and CPU, for a benchmark. `worker`: one of
        several sharing a PostgreSQL store (`net.leasing`)."""
        self.db, self.bind, self.requested_port, self.tls = db, bind, port, tls
        self.in_memory, self.compression = in_memory, compression
        self.limits = limits or Limits()
        self.timing, self.worker = timing, worker
        self.token_ttl, self.brake, self.bot_delay = token_ttl, brake, bot_delay
        self.restore_seconds = 0.0  # how long the last start took to bring its tables back
        self.store: LogStore | None = None
        self.core: HostCore | None = None
        self.commit: GroupCommit | None = None
        self.listener: asyncio.Server | None = None
        self.links: dict[Peer, Link] = {}
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.background: list[asyncio.Task[None]] = []
        self.bots: dict[str, tuple[tuple[int, int], asyncio.Task[None]]] = {}
        self.thinker: ThreadPoolExecutor | None = None  # bots think off the event loop

    @property
    def port(self) -> int:
        assert self.listener is not None
        return int(self.listener.sockets[0].getsockname()[1])

    async def start(self) -> None:
        # Only another process can hold the write lock; never freeze every table waiting.
        store = open_store(
            self.db, busy_timeout_ms=BUSY_TIMEOUT_MS, in_memory=self.in_memory, worker=self.worker
        )
        core = HostCore(store, token_ttl=self.token_ttl, brake=self.brake, limits=self.limits)
        self.store, self.core = store, core
        self.commit = GroupCommit(store, core, send=self._send, close=self._close)
        self.commit.failed.append(self._rearm_all)
        began = time.perf_counter()
        restored, _ = core.restore(time.time())
        self.commit.add(restored)
        self.commit.flush()
        self.restore_seconds = time.perf_counter() - began
        store.mark_alive(time.time())
        loop = asyncio.get_running_loop()
        try:
            self.listener = await loop.create_server(
                self._connection, self.bind, self.requested_port, ssl=self.tls
            )
        except OSError:
            store.close()
            self.store = self.core = self.commit = None
            raise
        self.thinker = ThreadPoolExecutor(1, thread_name_prefix="felt-bot")
        self._rearm_all()
        self.background.append(loop.create_task(self._keep_alive()))
        if isinstance(store, PostgresStore) and self.worker is not None:
            self.background.append(loop.create_task(self._keep_leases(store, self.worker)))
        log.info("felt-host listening on %s:%d", self.bind, self.port)

    async def stop(self) -> None:
        """Close every connection with 1001 (clients reconnect to the next host) and the store.

        Safe to call twice."""
        if self.store is None or self.commit is None:
            return
        for task in self.background:
            task.cancel()
        for handle in self.timers.values():
            handle.cancel()
        if self.listener is not None:
            self.listener.close()
        sockets = [link.socket for link in self.links.values() if link.socket is not None]
        for socket in sockets:
            socket.close(1001, "going away")
        if sockets:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(
                    asyncio.gather(*(s.closed.wait() for s in sockets)), CLOSE_TIMEOUT + 1
                )
        thinking = [task for _, task in self.bots.values()]
        for task in thinking:
            task.cancel()
        await asyncio.gather(*thinking, return_exceptions=True)
        if self.thinker is not None:
            self.thinker.shutdown(wait=False, cancel_futures=True)
        self.commit.flush()
        self.store.mark_alive(time.time())
        self.store.close()
        if self.timing is not None:
            self.timing.save()
        if self.listener is not None:
            await self.listener.wait_closed()
        for handle in self.timers.values():  # (members leaving meanwhile armed clocks)
            handle.cancel()
        self.store = self.core = self.commit = self.listener = None
        self.background, self.timers, self.bots, self.thinker = [], {}, {}, None
        log.info("felt-host stopped")

    def create_table(self, settings: TableSettings, host_name: str) -> tuple[str, str]:
        """A new table served from now on; its id and the host's token (on disk already:
        it is about to be kept in a keyring)."""
        assert self.core is not None and self.commit is not None
        table_id, token, out = self.core.create_table(settings, host_name, time.time())
        self.deliver(out)
        if not self.commit.flush():
            raise FeltError("The table could not be saved.", code="storage_unavailable")
        return table_id, token

    def run_commands(self, table_id: str, commands: Sequence[cmd.Command]) -> None:
        """Run commands as the server itself (no connection), telling whoever is there."""
        assert self.core is not None
        for command in commands:
            self.deliver(self.core.run_command(table_id, command, time.time()))

    def close_tables(self) -> list[str]:
        """Close every table that is between hands (clients are told); return the others."""
        assert self.core is not None
        out, kept = self.core.close_tables(time.time())
        self.deliver(out)
        return kept

    def rekey(self, found: Identity) -> None:
        """Serve `found` from the next handshake on, and tell every open connection its
        pin, over the old key that vouches for it (their clients follow it)."""
        assert self.tls is not None, "a plain ws:// host has no key"
        self.tls.load_cert_chain(found.certificate, found.key)
        frame = codec.encode(host.HostKey(pin=found.pin))
        for link in self.links.values():
            if link.socket is not None:
                link.socket.send(frame)
        log.info("a new host key: pin %s", found.pin)

    def listed(self) -> list[dict[str, Any]]:
        """The public summaries of the open tables their hosts list on the network, with
        the host's name."""
        assert self.core is not None
        sessions = self.core.sessions.values()
        tables = [s.table for s in sessions if s.table.settings.announce and not s.table.closed]
        return [{**live.summary(t), "host": t.members[HOST_MEMBER].name} for t in tables]

    # --- what the core decided --------------------------------------------------------

    def deliver(self, out: Outbox) -> None:
        """Hand an outbox to the commit step; look at its tables' clocks and bots again."""
        assert self.commit is not None
        self.commit.add(out)
        for table_id in out.tables:
            self._arm(table_id)
            self._wake_bot(table_id)

    async def settled(self) -> bool:
        """Wait until what was delivered so far is committed (False: rolled back)."""
        return await self.commit.settled() if self.commit is not None else False

    def _send(self, out: Outbox) -> None:
        framed: dict[str, bytes] = {}  # each distinct view framed once (`WebSocket.send`)
        for peer, text in out.sends:
            link = self.links.get(peer)
            if link is not None and link.socket is not None:
                link.socket.send(text, framed)
        if self.timing is not None and out.read_at:
            self.timing.written(out.read_at)
        for peer, code, reason in out.closes:
            self._close(peer, code, reason)

    def _close(self, peer: Peer, code: int, reason: str) -> None:
        link = self.links.get(peer)
        if link is not None and link.socket is not None:
            link.socket.close(code, reason)

    # --- connections ------------------------------------------------------------------

    def _connection(self) -> Listener:
        return Listener(websocket=self._open, http=self._http)

    async def _http(self, request: HttpRequest) -> tuple[int, Any]:
        return await route(self, request)

    def _open(self, transport: asyncio.Transport, address: str) -> WebSocket:
        link = Link(Peer(address))
        socket = WebSocket(
            transport,
            on_message=lambda frame: self._frame(link, frame),
            on_closed=lambda: self._closed(link),
            max_size=MAX_FRAME,
            ping_interval=PING_INTERVAL,
            ping_timeout=PING_TIMEOUT,
            close_timeout=CLOSE_TIMEOUT,
            compression=self.compression,
            server_header=f"felt/{__version__}",
        )
        link.socket = socket
        limits = self.limits
        if limits.applies_to(address):
            open_here = sum(other.address == address for other in self.links)
            link.crowded = open_here >= limits.connections_per_address
        self.links[link.peer] = link
        log.info("connection from %s", address)
        return socket

    def _frame(self, link: Link, frame: str | bytes) -> None:
        if link.crowded and link.socket is not None:
            n = self.limits.connections_per_address
            words = f"More than {n} connections at once from your address: close some first."
            link.socket.send(codec.error(Code.TOO_MANY_CONNECTIONS, words, codec.peek_id(frame)))
            link.socket.close(1008, "too many connections from one address")
            return
        if link.held:
            link.waiting.append(frame)
            return
        assert self.core is not None
        if self.timing is None:
            out = self.core.receive(link.peer, frame, time.time())
        else:
            read_at, cpu = time.monotonic(), time.thread_time()
            out = self.core.receive(link.peer, frame, time.time())
            ended = any(isinstance(w, TableWrite) and w.hands for w in out.writes)
            self.timing.decided(read_at, time.thread_time() - cpu, ended)
            out.read_at = read_at
        if not out.not_before:
            self.deliver(out)
            return
        # A wrong token: this connection waits with its answer, and reads nothing more.
        link.held = True
        if link.socket is not None:
            link.socket.transport.pause_reading()
        delay = max(0.0, out.not_before - time.time())
        asyncio.get_running_loop().call_later(delay, self._release, link, out)

    def _release(self, link: Link, out: Outbox) -> None:
        link.held = False
        if self.core is None or link.peer not in self.links:
            return
        self.deliver(out)
        while link.waiting and not link.held:
            self._frame(link, link.waiting.popleft())
        if not link.held and link.socket is not None and not link.socket.closed.is_set():
            link.socket.transport.resume_reading()

    def _closed(self, link: Link) -> None:
        self.links.pop(link.peer, None)
        if self.core is not None:
            self.deliver(self.core.disconnected(link.peer, time.time()))
        code = link.socket.close_code if link.socket is not None else None
        log.info("connection from %s closed (%s)", link.peer.address, code)

    # --- bots -------------------------------------------------------------------

    def _wake_bot(self, table_id: str) -> None:
        """If a bot is to act, let it think (once per turn) and then act."""
        assert self.core is not None
        running = self.bots.get(table_id)
        key = moment(self.core, table_id)
        if running is not None and running[0] == key and not running[1].done():
            return  # already thinking about this very moment
        turn = bot_turn(self.core, table_id)  # builds its view: only when a bot must decide
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
        if self.core is None:
            return
        self.deliver(bot_act(self.core, turn, choice, time.time()))

    # --- time -----------------------------------------------------------------

    def _rearm_all(self) -> None:
        assert self.core is not None
        for table_id in list(self.core.sessions):
            self._arm(table_id)
            self._wake_bot(table_id)

    def _arm(self, table_id: str, floor: float = 0.0) -> None:
        assert self.core is not None
        old = self.timers.pop(table_id, None)
        if old is not None:
            old.cancel()
        deadline = self.core.next_deadline(table_id)
        if deadline is None:
            return
        delay = max(floor, deadline - time.time())
        loop = asyncio.get_running_loop()
        self.timers[table_id] = loop.call_later(delay, self._fire, table_id)

    def _fire(self, table_id: str) -> None:
        assert self.core is not None
        self.timers.pop(table_id, None)
        out = self.core.tick(table_id, time.time())
        self.deliver(out)
        if table_id not in out.tables or table_id not in self.timers:
            self._arm(table_id, floor=0.05)  # nothing changed: never spin on a past deadline

    async def _keep_leases(self, store: PostgresStore, worker: Worker) -> None:
        while self.core is not None:
            await asyncio.sleep(worker.seconds / 3)
            self.deliver(lease_turn(store, self.core, time.time()))

    async def _keep_alive(self) -> None:
        assert self.core is not None and self.store is not None
        while True:
            await asyncio.sleep(ALIVE_EVERY)
            self.deliver(Outbox(writes=[AliveAt(time.time())]))  # (one commit with the sweep's)
            self.deliver(self.core.sweep(time.time()))
