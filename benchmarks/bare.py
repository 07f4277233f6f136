"""The floor: what any durable WebSocket game host must spend, without Felt.

A `websockets` server (the same asyncio API Felt's host uses) and SQLite in WAL mode
with synchronous=FULL, one transaction per loop turn (group commit, as Felt's store
does), the same three statements per action (the event appended, the table's seq
moved, the command's receipt kept), and frames shaped like Felt's (an event to every
member, then a turn with the table's public numbers), each encoded once for its table
(msgspec) and framed once, as Felt's host does. The table is no poker game:
whoever's turn it is may check or bet, the turn goes round, and every 18 actions a
hand ends. `load.py` drives it with the same players as Felt, in the same invocation,
so each of Felt's figures has its floor beside it.

Run: python benchmarks/bare.py --db FILE --port P [--in-memory]
(the tables are the ones `rig.make_tables` wrote to FILE; only their ids are read).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import secrets
import signal
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.frames import Frame, Opcode
from websockets.protocol import State

SEATS = 6
_encoder = msgspec.json.Encoder()  # (Felt's host encodes with msgspec too)


def dumps(message: dict[str, Any]) -> str:
    return _encoder.encode(message).decode()


def frame(text: str) -> bytes:
    """The frame websockets writes for `text` (a server's: unmasked)."""
    return Frame(Opcode.TEXT, text.encode()).serialize(mask=False, extensions=[])


ACTIONS_PER_HAND = 18
BUY_IN = 200


@dataclass
class Table:
    table_id: str
    seq: int = 0
    hand_no: int = 1
    actions: int = 0  # this hand's
    actor: int = 1
    members: dict[int, ServerConnection] = field(default_factory=dict)  # member id -> link
    seats: dict[int, int] = field(default_factory=dict)  # seat -> member id
    stacks: dict[int, int] = field(default_factory=dict)  # seat -> chips


class Bare:
    def __init__(self, db: sqlite3.Connection, table_ids: list[str]) -> None:
        self.db = db
        self.timing: dict[str, list[Any]] | None = None  # as `felt-host serve --timing`
        self.read: list[float] = []  # when this turn's frames were read
        self.hands = 0  # hands ended, in all
        self.tables = {t: Table(t) for t in table_ids}
        self.dirty = False  # writes this loop turn, to commit before the frames go
        self.outbox: list[tuple[ServerConnection, str]] = []
        self.flushing = False

    # --- the store: one transaction per loop turn --------------------------------

    def write(self, table: Table, kind: str, payload: str, member: int, command: str) -> None:
        if not self.dirty:
            self.db.execute("BEGIN IMMEDIATE")
            self.dirty = True
        table.seq += 1
        self.db.execute(
            "INSERT INTO bare_events (table_id, seq, type, payload, time) VALUES (?, ?, ?, ?, ?)",
            (table.table_id, table.seq, kind, payload, time.time()),
        )
        self.db.execute(
            "UPDATE bare_tables SET seq = ?, updated_at = ? WHERE id = ?",
            (table.seq, time.time(), table.table_id),
        )
        self.db.execute(
            "INSERT INTO bare_receipts (table_id, member_id, command_id, seq) VALUES (?, ?, ?, ?)",
            (table.table_id, member, command, table.seq),
        )

    def send(self, link: ServerConnection, message: dict[str, Any]) -> None:
        self.send_text(link, dumps(message))

    def send_text(self, link: ServerConnection, text: str) -> None:
        self.outbox.append((link, text))
        if not self.flushing:
            self.flushing = True
            asyncio.get_running_loop().call_soon(self.flush)

    def flush(self) -> None:
        """The turn's end: COMMIT (one fsync), then every frame of the turn."""
        self.flushing = False
        if self.dirty:
            self.db.execute("COMMIT")
            self.dirty = False
        out, self.outbox = self.outbox, []
        turn: dict[ServerConnection, list[str]] = {}
        for link, text in out:
            turn.setdefault(link, []).append(text)
        framed: dict[str, bytes] = {}  # each message framed once, as Felt's host does
        for link, texts in turn.items():  # (one socket write per peer, as Felt's host)
            if link.state is State.OPEN:
                frames = [framed.get(t) or framed.setdefault(t, frame(t)) for t in texts]
                link.transport.write(b"".join(frames))
        read, self.read = self.read, []
        if self.timing is not None:
            now = time.monotonic()
            self.timing["latencies"] += [(at, now - at) for at in read]

    # --- the table --------------------------------------------------------------

    def everyone(self, table: Table, message: dict[str, Any]) -> None:
        text = dumps(message)  # (encoded once for the table, as Felt's host does)
        for link in table.members.values():
            self.send_text(link, text)

    def turn(self, table: Table) -> None:
        seats = [
            {"seat": s, "stack": table.stacks[s], "bet": 0, "status": "playing", "time_bank": 60.0}
            for s in sorted(table.seats)
        ]
        public = {
            "type": "turn", "seq": table.seq, "hand_no": table.hand_no,
            "decision": table.actions, "seat": table.actor, "deadline": time.time() + 60,
            "paused": False, "street": "flop", "board": ["Ah", "7c", "2d"], "pots": [],
            "seats": seats,
        }  # fmt: skip
        others = dumps({**public, "legal": None})
        for member, link in table.members.items():
            if table.seats.get(table.actor) == member:
                legal = {"fold": False, "check": True, "call": 0, "bet": {"min": 2, "max": BUY_IN}}
                self.send(link, {**public, "legal": legal})
            else:
                self.send_text(link, others)

    def act(self, table: Table, member: int, message: dict[str, Any]) -> dict[str, Any]:
        if table.seats.get(table.actor) != member or message.get("hand_no") != table.hand_no:
            return {"type": "error", "id": message["id"], "code": "not_your_turn",
                    "message": "It is not your turn."}  # fmt: skip
        amount = int(message.get("amount") or 0)
        event = {"kind": "player_acted", "seat": table.actor, "action": message["action"],
                 "amount": amount, "timed_out": False}  # fmt: skip
        self.write(table, "player_acted", dumps(event), member, message["id"])
        self.everyone(table, {"type": "event", "seq": table.seq, **event})
        table.actions += 1
        if table.actions >= ACTIONS_PER_HAND:  # (the hand's end: its own event)
            table.actions, table.hand_no = 0, table.hand_no + 1
            self.hands += 1
            ended = {"kind": "hand_ended", "seats": sorted(table.seats),
                     "stacks": [table.stacks[s] for s in sorted(table.seats)],
                     "net": [0] * len(table.seats)}  # fmt: skip
            self.write(table, "hand_ended", dumps(ended), member, message["id"] + "/end")
            self.everyone(table, {"type": "event", "seq": table.seq, **ended})
        table.actor = table.actor % SEATS + 1
        self.turn(table)
        return {"type": "ack", "id": message["id"], "seq": table.seq}

    def sit(self, table: Table, member: int, message: dict[str, Any]) -> dict[str, Any]:
        seat = int(message["seat"])
        table.seats[seat], table.stacks[seat] = member, BUY_IN
        event = {"kind": "seat_taken", "seat": seat, "member_id": member, "stack": BUY_IN}
        self.write(table, "seat_taken", dumps(event), member, message["id"])
        self.everyone(table, {"type": "event", "seq": table.seq, **event})
        if len(table.seats) == SEATS:
            self.turn(table)
        return {"type": "ack", "id": message["id"], "seq": table.seq}

    # --- a connection -----------------------------------------------------------

    async def handle(self, link: ServerConnection) -> None:
        joined: list[tuple[Table, int]] = []  # (the table and member, once hello is in)
        try:
            async for frame in link:
                read_at, cpu, hands = time.monotonic(), time.thread_time(), self.hands
                self.answer(link, msgspec.json.decode(frame), joined)
                if self.timing is not None:
                    self.read.append(read_at)
                    ended = self.hands != hands
                    self.timing["cpu"].append((read_at, time.thread_time() - cpu, ended))
        except ConnectionClosed:
            pass
        finally:
            for table, member in joined:
                table.members.pop(member, None)

    def answer(
        self, link: ServerConnection, message: dict[str, Any], joined: list[tuple[Table, int]]
    ) -> None:
        kind = message["type"]
        if kind == "hello" and not joined:
            table = self.tables[message["table_id"]]
            member = len(table.members) + 2  # (the host is member 1)
            table.members[member] = link
            joined.append((table, member))
            self.send(link, {"type": "welcome", "protocol": 1, "table_id": table.table_id,
                             "member_id": member, "role": "spectator", "seq": table.seq,
                             "token": secrets.token_urlsafe(32)})  # fmt: skip
            you = {"member_id": member, "role": "spectator", "seat": None}
            summary = {"table_id": table.table_id, "max_buy_in": BUY_IN}
            self.send(link, {"type": "snapshot", "seq": table.seq,
                             "table": {"summary": summary, "you": you}})  # fmt: skip
        elif joined and kind == "sit":
            self.send(link, self.sit(*joined[0], message))
        elif joined and kind == "act":
            self.send(link, self.act(*joined[0], message))
        elif joined:
            self.send(link, {"type": "ack", "id": message["id"], "seq": joined[0][0].seq})


def open_store(path: str, in_memory: bool) -> tuple[sqlite3.Connection, list[str]]:
    with sqlite3.connect(path) as source:
        ids = [row[0] for row in source.execute("SELECT id FROM tables ORDER BY rowid")]
    source.close()
    db = sqlite3.connect(":memory:" if in_memory else path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS bare_tables (id TEXT PRIMARY KEY, seq INTEGER, updated_at REAL);
        CREATE TABLE IF NOT EXISTS bare_events (table_id TEXT, seq INTEGER, type TEXT,
            payload TEXT, time REAL, PRIMARY KEY (table_id, seq));
        CREATE TABLE IF NOT EXISTS bare_receipts (table_id TEXT, member_id INTEGER,
            command_id TEXT, seq INTEGER, PRIMARY KEY (table_id, member_id, command_id));
        """
    )
    db.executemany("INSERT OR IGNORE INTO bare_tables VALUES (?, 0, 0)", [(i,) for i in ids])
    return db, ids


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--in-memory", action="store_true")
    parser.add_argument("--timing", metavar="FILE", help="as felt-host serve --timing")
    args = parser.parse_args()
    db, ids = open_store(args.db, args.in_memory)
    bare = Bare(db, ids)
    if args.timing:
        bare.timing = {"latencies": [], "cpu": []}
    stop = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set_result, None)
    async with serve(bare.handle, "127.0.0.1", args.port, compression=None, ping_interval=None,
                     close_timeout=1, max_queue=None):  # fmt: skip
        await stop
    if bare.timing is not None:
        Path(args.timing).write_text(json.dumps(bare.timing))


if __name__ == "__main__":
    asyncio.run(main())
