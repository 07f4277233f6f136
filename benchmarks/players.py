"""Protocol-level players for the benchmarks: six per table, real WebSocket clients.

Each joins with hello, sits, answers its turns (at once, or after a think time),
rebuys when busted, and after a dropped connection resumes with its token and
last seq. A `Meter` counts what the load benchmark reports: actions, the time
from a player sending `act` to the last member of its table receiving the
event, frames and bytes.

Run as a driver process for `load.py`:
  python benchmarks/players.py --port P [--think S] TABLE_ID...
prints "ready N" once N players sit, then on "go SECONDS" (stdin) measures for
that long and prints one JSON line of figures.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import random
import sys
import time
from dataclasses import dataclass, field
from typing import Any

import msgspec
from rig import SEATS  # also puts the project on the path
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

from desktop.model.table import TableModel
from host_server.protocol import codec, host
from host_server.protocol.events import read_event

RECONNECTS = 200  # per player, each after a short bounded pause
# The host's per-connection limit (host_server/peers.py): a player keeps under it as a
# real client would, and a message refused as `rate_limited` anyway is sent again, with
# its same id, after a growing pause.
RATE, BURST = 20.0, 60.0
RETRIES = 8  # resends of one refused message, the pauses doubling from BACKOFF
BACKOFF = 0.05


@dataclass
class Meter:
    measuring: bool = False
    actions: int = 0
    latencies: list[float] = field(default_factory=list)
    frames_in: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    hands: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    paced: int = 0  # messages a player held back to stay under the host's rate limit
    resent: int = 0  # messages refused as rate_limited and sent again

    def reset(self) -> None:
        self.__init__(measuring=True)  # type: ignore[misc]

    def figures(self) -> dict[str, Any]:
        return {
            "actions": self.actions,
            "latencies": self.latencies,
            "frames_in": self.frames_in,
            "bytes": self.bytes_in + self.bytes_out,
            "hands": self.hands,
            "errors": self.errors,
            "paced": self.paced,
            "resent": self.resent,
        }


class TableRun:
    """One table's players in this process, and the action in flight there."""

    def __init__(self, table_id: str, meter: Meter, think: float, seed: int) -> None:
        self.table_id = table_id
        self.meter = meter
        self.think = think
        self.rng = random.Random(seed)
        self.players: list[Player] = []
        self.frozen = False  # its players stop acting (the table goes quiet)
        # actions in flight: the seq of the event each will make -> (sent at, who has it);
        # the next player may act before the slowest member has the previous event
        self.pending: dict[int, tuple[float, int, set[int]]] = {}  # + the acting seat

    def acted(self, seq: int, seat: int) -> None:
        self.pending[seq] = (time.perf_counter(), seat, set())
        for old in [s for s in self.pending if s < seq - 50]:
            del self.pending[old]

    def received(self, player: Player, event: dict[str, Any]) -> None:
        seq = event["seq"]
        if seq not in self.pending:
            return
        sent, seat, got = self.pending[seq]
        if event["kind"] != "player_acted" or event["seat"] != seat:
            del self.pending[seq]  # the action was refused: this event is something else
            return
        got.add(player.index)
        if len(got) == len(self.players):
            del self.pending[seq]
            if self.meter.measuring:
                self.meter.actions += 1
                self.meter.latencies.append(time.perf_counter() - sent)


class Pace:
    """A token bucket like the host's, on the client's side: wait rather than be refused."""

    def __init__(self, rate: float = RATE, burst: float = BURST) -> None:
        self.rate, self.burst = rate, burst
        self.tokens, self.at = burst, time.monotonic()

    def _refill(self) -> None:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now

    def ready(self) -> bool:
        """A message could go now without waiting."""
        self._refill()
        return self.tokens >= 1

    def delay(self) -> float:
        """Take one message's token; the seconds to wait before sending it (0: now)."""
        self._refill()
        self.tokens -= 1
        return 0.0 if self.tokens >= 0 else -self.tokens / self.rate


class Player:
    def __init__(self, table: TableRun, index: int, port: int, compression: str | None) -> None:
        self.table, self.index = table, index
        self.url = f"ws://127.0.0.1:{port}/ws"
        self.compression = compression
        self.name = f"P{index + 1}"
        self.token: str | None = None
        self.member_id: int | None = None
        self.seq = 0
        self.count = 0
        self.seat: int | None = None
        self.buy_in = 0
        self.connected = asyncio.Event()
        self.caught_up_at = 0.0  # wall clock: resumed and holding every event it missed
        self.events: dict[int, str] = {}  # seq -> kind, when `keep_events`
        self.keep_events = False
        self.acked: dict[str, int] = {}  # command id -> seq, when `keep_events`
        self.lost = 0  # resumes that found the host behind what this player had seen
        self.gaps = 0  # events that did not follow the last one
        self.target = 0
        self.stopped = False  # no more reconnecting
        self.model: TableModel | None = None  # what this player's window would draw
        self.thinking: asyncio.Task[None] | None = None
        self.turn: dict[str, Any] = {}  # the latest turn message
        self.pace = Pace()
        self.unanswered: dict[str, str] = {}  # id -> the text sent, until its answer
        self.retries: dict[str, int] = {}  # id -> resends after rate_limited
        self.resending: set[asyncio.Task[None]] = set()

    async def run(self) -> None:
        for _ in range(RECONNECTS):
            if self.stopped:
                return
            try:
                async with connect(
                    self.url,
                    close_timeout=1,
                    open_timeout=10,
                    ping_interval=None,
                    compression="deflate" if self.compression else None,
                    max_queue=None,
                ) as ws:
                    await self._session(ws)
            except (ConnectionClosed, OSError, InvalidHandshake, TimeoutError):
                pass
            self.connected.clear()
            await asyncio.sleep(0.02 + random.random() * 0.05)

    async def _send(self, ws: ClientConnection, kind: str, **fields: Any) -> str:
        self.count += 1
        message_id = f"{self.name}-{self.count}"
        text = json.dumps({"type": kind, "id": message_id, **fields})
        self.unanswered[message_id] = text
        await self._write(ws, text)
        return message_id

    async def _write(self, ws: ClientConnection, text: str) -> None:
        wait = self.pace.delay()
        if wait:
            self.table.meter.paced += 1
            await asyncio.sleep(wait)
        if self.table.meter.measuring:
            self.table.meter.bytes_out += len(text)
        await ws.send(text)

    async def _resend(self, ws: ClientConnection, message_id: str) -> None:
        """Send a message refused as rate_limited again, with its same id, after a pause."""
        tries = self.retries.get(message_id, 0)
        text = self.unanswered.get(message_id)
        if text is None or tries >= RETRIES:
            self.unanswered.pop(message_id, None)
            return
        self.retries[message_id] = tries + 1
        self.table.meter.resent += 1
        await asyncio.sleep(BACKOFF * 2**tries * random.uniform(0.5, 1.5))
        with contextlib.suppress(ConnectionClosed):  # the reader notices and resumes
            await self._write(ws, text)

    def _answered(self, message_id: str | None) -> None:
        if message_id is not None:
            self.unanswered.pop(message_id, None)
            self.retries.pop(message_id, None)

    async def _session(self, ws: ClientConnection) -> None:
        if self.token is None:
            await self._send(ws, "hello", protocol=1, table_id=self.table.table_id, name=self.name)
        else:
            await self._send(
                ws, "resume", table_id=self.table.table_id, token=self.token, last_seq=self.seq
            )
        async for frame in ws:
            meter = self.table.meter
            if meter.measuring:
                meter.frames_in += 1
                meter.bytes_in += len(frame)
            if self.model is not None:
                self._draw(frame)
            await self._on(ws, msgspec.json.decode(frame))

    def _draw(self, frame: str | bytes) -> None:
        """What this player's window would draw: the desktop's model, fed typed messages
        (those of the seq it will apply; the reader below decides which)."""
        assert self.model is not None
        message = codec.decode(frame)
        if isinstance(message, host.Event) and message.seq == self.seq + 1:
            self.model.apply_event(message.seq, read_event({"kind": message.kind, **message.data}))
        elif isinstance(message, host.Turn) and message.seq == self.seq:
            self.model.apply_turn(message)
        elif isinstance(message, host.Welcome):
            self.model.apply_welcome(message)
        elif isinstance(message, host.Snapshot):
            self.model.apply_snapshot(message)

    async def _on(self, ws: ClientConnection, message: dict[str, Any]) -> None:
        kind = message["type"]
        if kind == "event":
            seq = message["seq"]
            if seq <= self.seq:
                return
            if seq != self.seq + 1:
                self.gaps += 1
                raise ConnectionClosed(None, None)  # a gap: resume from what we hold
            self.seq = seq
            self._caught_up()
            self.table.received(self, message)
            if self.keep_events:
                self.events[seq] = message["kind"]
            await self._event(ws, message)
        elif kind == "turn":
            self.turn = message
            if message.get("legal") and not self.table.frozen:
                if not self.table.think and self.pace.ready():
                    await self._act(ws)
                elif self.thinking is None or self.thinking.done():
                    # think (or wait for the rate limit) in the background: this player
                    # keeps reading (and being timed)
                    self.thinking = asyncio.create_task(self._act(ws))
        elif kind == "welcome":
            self.member_id, self.target = message["member_id"], message["seq"]
            self.token = message.get("token", self.token)
            self.caught_up_at = 0.0  # timed afresh: caught up once it holds `target`
            self._caught_up()
        elif kind == "snapshot":
            if message["seq"] < self.seq:
                self.lost += 1  # the host forgot something this player saw
            self.seq = message["seq"]
            self._caught_up()
            table = message["table"]
            self.buy_in = table["summary"]["max_buy_in"]
            self.seat = table["you"]["seat"]
            self.connected.set()
            if self.seat is None and table["you"]["role"] in ("spectator", "host"):
                await self._send(ws, "sit", seat=self.index + 1, buy_in=self.buy_in)
        elif kind == "ack":
            self._answered(message["id"])
            if self.keep_events:
                self.acked[message["id"]] = message["seq"]
        elif kind == "error" and message["code"] == "rate_limited" and "id" in message:
            task = asyncio.create_task(self._resend(ws, message["id"]))
            self.resending.add(task)
            task.add_done_callback(self.resending.discard)
        elif kind == "error":
            self._answered(message.get("id"))
            errors = self.table.meter.errors
            errors[message["code"]] = errors.get(message["code"], 0) + 1

    def _caught_up(self) -> None:
        if self.seq >= self.target and not self.caught_up_at:
            self.caught_up_at = time.time()
            self.connected.set()

    async def _event(self, ws: ClientConnection, message: dict[str, Any]) -> None:
        event = message["kind"]
        mine = message.get("member_id") == self.member_id
        if event == "member_approved" and mine:
            await self._send(ws, "sit", seat=self.index + 1, buy_in=self.buy_in)
        elif event == "seat_taken" and mine:
            self.seat = message["seat"]
        elif event == "hand_ended" and self.index == 0 and self.table.meter.measuring:
            self.table.meter.hands += 1
        elif event == "sat_out" and (message["seat"], message["reason"]) == (self.seat, "busted"):
            await self._send(ws, "top_up", amount=self.buy_in)

    async def _act(self, ws: ClientConnection) -> None:
        table = self.table
        if table.think:
            await asyncio.sleep(table.think * table.rng.uniform(0.5, 1.5))
        turn = self.turn  # the latest word on whose turn it is
        if not turn.get("legal") or turn["seq"] != self.seq or table.frozen:
            return
        legal, roll = turn["legal"], table.rng.random()
        bet = legal.get("raise") or legal.get("bet")
        fields: dict[str, Any]
        if legal["call"]:
            if roll < 0.1:
                fields = {"action": "fold"}
            elif roll < 0.25 and bet:
                fields = {"action": "raise", "amount": bet["min"]}
            else:
                fields = {"action": "call"}
        elif roll < 0.25 and bet:
            fields = {"action": "bet" if "bet" in legal else "raise", "amount": bet["min"]}
        else:
            fields = {"action": "check"}
        table.acted(self.seq + 1, turn["seat"])
        with contextlib.suppress(ConnectionClosed):  # the reader notices and resumes
            await self._send(ws, "act", hand_no=turn["hand_no"], **fields)


def seat_tables(
    table_ids: list[str], port: int, meter: Meter, think: float, compression: str | None = None
) -> list[TableRun]:
    tables = []
    for n, table_id in enumerate(table_ids):
        table = TableRun(table_id, meter, think, seed=n)
        table.players = [Player(table, i, port, compression) for i in range(SEATS)]
        tables.append(table)
    return tables


async def start(tables: list[TableRun], timeout: float = 300.0) -> list[asyncio.Task[None]]:
    """Connect everyone (a few at a time, as people arrive) and wait until all sit."""
    tasks = []
    for table in tables:
        for player in table.players:
            tasks.append(asyncio.create_task(player.run()))
        await asyncio.sleep(0.005)
    deadline = time.monotonic() + timeout
    everyone = [p for t in tables for p in t.players]
    while time.monotonic() < deadline and any(p.seat is None for p in everyone):
        await asyncio.sleep(0.1)
    return tasks


async def caught_up(players: list[Player], since: float, timeout: float) -> list[float]:
    """Seconds from `since` (wall clock) until each player had resumed and held every
    event it missed; inf for any that had not by `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not all(p.caught_up_at > since for p in players):
        await asyncio.sleep(0.01)
    return [p.caught_up_at - since if p.caught_up_at > since else float("inf") for p in players]


async def drive(args: argparse.Namespace) -> None:
    meter = Meter()
    tables = seat_tables(args.tables, args.port, meter, args.think, args.compression)
    await start(tables)
    seated = sum(p.seat is not None for t in tables for p in t.players)
    # The driver's own collector pauses would be counted as the host's latency (6,000
    # connections' objects, traversed whole): what seating made stays, as the host does.
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
    print(f"ready {seated}", flush=True)
    loop = asyncio.get_running_loop()
    line = await loop.run_in_executor(None, sys.stdin.readline)
    seconds = float(line.split()[1])
    meter.reset()
    cpu = time.process_time()
    await asyncio.sleep(seconds)
    meter.measuring = False
    figures = {**meter.figures(), "cpu_seconds": time.process_time() - cpu}  # (this driver's)
    print(json.dumps(figures), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--think", type=float, default=0.0, help="seconds per action, about")
    parser.add_argument("--compression", action="store_true", help="offer permessage-deflate")
    parser.add_argument("tables", nargs="+")
    args = parser.parse_args()
    asyncio.run(drive(args))


if __name__ == "__main__":
    main()
