"""SQLite storage for tables: an event log with snapshots, in WAL mode.

One command's events, the table's new seq and whatever goes with them (a
snapshot at hand start, the archive of a finished hand, member rows) are written
in ONE transaction; the seq update checks the previous value, so the log stays
gapless even if two writers ever raced. The event append uses prepared SQL: it
is the hot path of every action.

Environment failures (disk full, locked, read-only) raise `StorageUnavailable`;
a table whose rows cannot be read back raises `CorruptTable` naming it.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from sqlite_utils import Database

from host_server.errors import CorruptTable, StorageError, StorageUnavailable
from host_server.migrations import migrations
from host_server.table import events as ev, snapshot
from host_server.table.archive import HandRecord
from host_server.table.settings import TableSettings
from host_server.table.state import Table
from host_server.tokens import matches, token_hash

DAY = 86_400.0
# Keep the events of the hand before the latest snapshot, so a client that lost
# its connection mid-hand is still answered with events rather than a snapshot.
KEEP_SNAPSHOTS = 2
_ENV_ERRORS = ("disk", "full", "locked", "busy", "readonly", "read-only", "unable to open", "i/o")


@dataclass(frozen=True)
class Receipt:
    """What a command id was answered with: stored with the command's events."""

    member_id: int  # 0 for a hello, which has no member yet
    command_id: str
    result: dict[str, Any]


@dataclass(frozen=True)
class Recorded:
    """An event as committed: its place in the table's log and when it happened."""

    seq: int
    at: float
    event: ev.Event


class ArchivedHand(NamedTuple):
    """A finished hand's row: the deck and the full PHH for the host, and the record
    that every export is made from."""

    hand_no: int
    ended_at: float
    deck: str
    phh: str
    record: str


class Store:
    """The host's database. Bound to the thread that opened it (sqlite3's rule)."""

    def __init__(
        self,
        path: str | Path,
        *,
        busy_timeout_ms: int = 2000,
        in_memory: bool = False,
        on_batch: Callable[[], None] | None = None,
    ) -> None:
        """`in_memory`: start from the file's contents but never write to it again (nothing
        survives the process): the same code with no durability, to measure what it costs.

        `on_batch`: group commit. Writes then join one open transaction, each in its own
        savepoint (a failed command still rolls back alone, and reads see what is not yet
        committed); `on_batch` is called when such a batch opens, and its owner must
        `flush` it soon and show nothing written in it before then. The server flushes
        once per event-loop turn: one sync to disk for every command of that turn."""
        self.path = str(path)
        self.on_batch = on_batch
        try:
            if in_memory:
                memory = sqlite3.connect(":memory:")
                with sqlite3.connect(self.path) as source:
                    source.backup(memory)
                source.close()
                self.db = Database(memory)
            else:
                self.db = Database(self.path)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            migrations.apply(self.db)
        except sqlite3.Error as error:
            raise _storage_error(error) from error

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        return len(migrations.applied(self.db))

    @contextmanager
    def _write(self) -> Iterator[Database]:
        """One transaction; environment failures become `StorageUnavailable`."""
        try:
            if self.on_batch is not None and not self.db.conn.in_transaction:
                self.db.conn.execute("BEGIN IMMEDIATE")  # the write lock now: no stale reads
                self.on_batch()
            with self.db.atomic():
                yield self.db
        except sqlite3.Error as error:
            raise _storage_error(error) from error

    @property
    def pending(self) -> bool:
        """A batch holds writes that are not committed yet."""
        return self.db.conn.in_transaction

    def flush(self) -> None:
        """Commit the open batch, if any; on failure it is rolled back and the error raised."""
        if not self.db.conn.in_transaction:
            return
        try:
            self.db.conn.execute("COMMIT")
        except sqlite3.Error as error:
            self.db.rollback()
            raise _storage_error(error) from error

    # --- writing --------------------------------------------------------------

    def create_table(
        self, table: Table, first: list[Recorded], token_hash: str, now: float
    ) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO tables (id, name, settings, seq, created_at, updated_at)"
                " VALUES (?, ?, ?, 0, ?, ?)",
                [
                    table.table_id,
                    table.settings.name,
                    json.dumps(table.settings.to_dict()),
                    now,
                    now,
                ],
            )
            self._append(db, table, first, snapshot=None, hands=[])
            self._set_token(db, table.table_id, 1, token_hash, now)

    def commit(
        self,
        table: Table,
        recorded: list[Recorded],
        *,
        snapshot: bool = False,
        hands: list[ArchivedHand] = (),  # type: ignore[assignment]
        receipt: Receipt | None = None,
        token: tuple[int, str] | None = None,
    ) -> None:
        """Write a command's events, and with them everything that must not outlive them:
        the snapshot, archived hands, the command's receipt and a new member's token."""
        with self._write() as db:
            self._append(db, table, recorded, snapshot=table if snapshot else None, hands=hands)
            at, seq = recorded[-1].at, recorded[-1].seq
            if receipt is not None:
                db.execute(
                    "INSERT INTO receipts (table_id, member_id, command_id, seq, result)"
                    " VALUES (?, ?, ?, ?, ?)",
                    [
                        table.table_id,
                        receipt.member_id,
                        receipt.command_id,
                        seq,
                        _dumps({"seq": seq, **receipt.result}),
                    ],
                )
            if token is not None:
                self._set_token(db, table.table_id, token[0], token[1], at)

    def _append(
        self,
        db: Database,
        table: Table,
        recorded: list[Recorded],
        snapshot: Table | None,
        hands: list[ArchivedHand],
    ) -> None:
        if not recorded:
            return
        first, last = recorded[0].seq, recorded[-1].seq
        conn = db.conn
        cursor = conn.execute(
            "UPDATE tables SET seq = ?, updated_at = ?, finished_at = ? WHERE id = ? AND seq = ?",
            [
                last,
                recorded[-1].at,
                recorded[-1].at if table.closed else None,
                table.table_id,
                first - 1,
            ],
        )
        if cursor.rowcount != 1:
            raise StorageError(f"table {table.table_id!r}: seq {first} does not follow the log")
        conn.executemany(
            "INSERT INTO events (table_id, seq, type, payload, time) VALUES (?, ?, ?, ?, ?)",
            [
                (table.table_id, r.seq, r.event.kind, _dumps(r.event.to_dict()), r.at)
                for r in recorded
            ],
        )
        touched = {getattr(r.event, "member_id", None) for r in recorded}
        touched |= {1} if first == 1 else set()
        conn.executemany(
            "INSERT INTO members (table_id, member_id, name, role) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (table_id, member_id) DO UPDATE SET name = excluded.name,"
            " role = excluded.role",
            [
                (table.table_id, m.id, m.name, m.role.value)
                for i, m in table.members.items()
                if i in touched
            ],
        )
        conn.executemany(
            "INSERT INTO hands (table_id, hand_no, ended_at, deck, phh, record)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(table.table_id, *hand) for hand in hands],
        )
        if snapshot is not None:
            self._snapshot(db, snapshot)

    def _snapshot(self, db: Database, table: Table) -> None:
        conn = db.conn
        conn.execute(
            "INSERT OR REPLACE INTO snapshots (table_id, seq, state) VALUES (?, ?, ?)",
            [table.table_id, table.seq, encode_snapshot(table)],
        )
        kept = [
            row[0]
            for row in conn.execute(
                "SELECT seq FROM snapshots WHERE table_id = ? ORDER BY seq DESC LIMIT ?",
                [table.table_id, KEEP_SNAPSHOTS],
            )
        ]
        if len(kept) < KEEP_SNAPSHOTS:
            return
        oldest = kept[-1]
        conn.execute(
            "DELETE FROM snapshots WHERE table_id = ? AND seq < ?", [table.table_id, oldest]
        )
        # Receipts stay for the table's life: an id is applied once, however old.
        conn.execute("DELETE FROM events WHERE table_id = ? AND seq <= ?", [table.table_id, oldest])

    def save_snapshot(self, table: Table) -> None:
        """A snapshot on demand (e.g. before a planned shutdown)."""
        with self._write() as db:
            self._snapshot(db, table)

    # --- tokens, receipts, liveness ---------------------------------------------

    def _set_token(
        self, db: Database, table_id: str, member_id: int, digest: str, now: float
    ) -> None:
        """The member's one valid token from now on (a rotation drops the old one)."""
        db.execute("DELETE FROM tokens WHERE table_id = ? AND member_id = ?", [table_id, member_id])
        db.execute(
            "INSERT INTO tokens (token_hash, table_id, member_id, created_at, last_seen)"
            " VALUES (?, ?, ?, ?, ?)",
            [digest, table_id, member_id, now, now],
        )

    def rotate_token(self, table_id: str, member_id: int, digest: str, now: float) -> None:
        with self._write() as db:
            self._set_token(db, table_id, member_id, digest, now)

    def token_owner(self, token: str) -> tuple[str, int, float] | None:
        """(table, member, last seen) for a token, or None.

        Found by its hash, then compared in constant time: the secret itself is
        never compared, and the final check does not stop at the first difference.
        """
        row = self.db.execute(
            "SELECT table_id, member_id, last_seen, token_hash FROM tokens WHERE token_hash = ?",
            [token_hash(token)],
        ).fetchone()
        if row is None or not matches(token, row[3]):
            return None
        return row[0], row[1], row[2]

    def touch_token(self, table_id: str, member_id: int, now: float) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE tokens SET last_seen = ? WHERE table_id = ? AND member_id = ?",
                [now, table_id, member_id],
            )

    def receipt(self, table_id: str, member_id: int, command_id: str) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT result FROM receipts WHERE table_id = ? AND member_id = ? AND command_id = ?",
            [table_id, member_id, command_id],
        ).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def mark_alive(self, now: float) -> None:
        with self._write() as db:
            db.execute("UPDATE host SET alive_at = ? WHERE id = 1", [now])

    def alive_at(self) -> float | None:
        """When the host last said it was alive (None: never)."""
        row = self.db.execute("SELECT alive_at FROM host WHERE id = 1").fetchone()
        return None if row is None or row[0] is None else float(row[0])

    def cleanup(self, now: float, max_age_days: float = 30.0) -> list[str]:
        """Delete tables that were closed more than `max_age_days` ago; return their ids."""
        with self._write() as db:
            ids = [
                row[0]
                for row in db.execute(
                    "SELECT id FROM tables WHERE finished_at IS NOT NULL AND finished_at < ?",
                    [now - max_age_days * DAY],
                )
            ]
            for table_id in ids:
                db.execute("DELETE FROM tables WHERE id = ?", [table_id])
        return ids

    # --- reading --------------------------------------------------------------

    def table_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "table_id": row[0],
                "name": row[1],
                "seq": row[2],
                "created_at": row[3],
                "finished_at": row[4],
                "settings": json.loads(row[5]),
            }
            for row in self.db.execute(
                "SELECT id, name, seq, created_at, finished_at, settings"
                " FROM tables ORDER BY created_at"
            )
        ]

    def events_after(self, table_id: str, seq: int) -> list[Recorded] | None:
        """The committed events after `seq`, or None when some were compacted away."""
        rows = self.db.execute(
            "SELECT seq, time, payload FROM events WHERE table_id = ? AND seq > ? ORDER BY seq",
            [table_id, seq],
        ).fetchall()
        head = self.db.execute("SELECT seq FROM tables WHERE id = ?", [table_id]).fetchone()
        if (head is not None and head[0] > seq) and (not rows or rows[0][0] != seq + 1):
            return None
        return [Recorded(s, t, ev.event_from_dict(json.loads(p))) for s, t, p in rows]

    def hands(self, table_id: str) -> list[dict[str, Any]]:
        return [
            {"hand_no": r[0], "ended_at": r[1], "deck": r[2], "phh": r[3]}
            for r in self.db.execute(
                "SELECT hand_no, ended_at, deck, phh FROM hands"
                " WHERE table_id = ? ORDER BY hand_no",
                [table_id],
            )
        ]

    def hand_records(
        self, table_id: str, *, hand_no: int | None = None, last: int = 1000
    ) -> list[HandRecord]:
        """Archived hands, oldest first: one (`hand_no`) or the `last` few."""
        where = "table_id = ? AND record IS NOT NULL"
        args: list[Any] = [table_id]
        if hand_no is not None:
            where += " AND hand_no = ?"
            args.append(hand_no)
        rows = self.db.execute(
            f"SELECT record FROM hands WHERE {where} ORDER BY hand_no DESC LIMIT ?",
            [*args, last],
        ).fetchall()
        return [HandRecord.from_json(r[0]) for r in reversed(rows)]

    def load(self, table_id: str) -> Table:
        """Rebuild a table: its latest snapshot, then every event after it."""
        try:
            row = self.db.execute(
                "SELECT seq, settings FROM tables WHERE id = ?", [table_id]
            ).fetchone()
            if row is None:
                raise CorruptTable(table_id, "no such table")
            head, settings = row
            snap = self.db.execute(
                "SELECT seq, state FROM snapshots WHERE table_id = ? ORDER BY seq DESC LIMIT 1",
                [table_id],
            ).fetchone()
            if snap is not None:
                table = snapshot.from_dict(decode_snapshot(snap[1]))
                if table.seq != snap[0]:
                    raise ValueError(f"snapshot says seq {table.seq}, row says {snap[0]}")
            else:
                table = Table(table_id, TableSettings.from_dict(json.loads(settings)))
            missed = self.events_after(table_id, table.seq)
            if missed is None:
                raise ValueError(f"events after seq {table.seq} are missing")
            for recorded in missed:
                table.apply(recorded.event, recorded.at)
            table.take_finished_hands()  # archived when they were first played
            if table.seq != head:
                raise ValueError(f"log ends at seq {table.seq}, table row says {head}")
            return table
        except CorruptTable:
            raise
        except sqlite3.Error as error:
            raise _storage_error(error) from error
        except Exception as error:
            raise CorruptTable(table_id, f"{type(error).__name__}: {error}") from error

    def restore_all(self) -> tuple[dict[str, Table], list[CorruptTable]]:
        """Every unfinished table, and the error of each one that could not be read."""
        tables: dict[str, Table] = {}
        errors: list[CorruptTable] = []
        for (table_id,) in self.db.execute(
            "SELECT id FROM tables WHERE finished_at IS NULL ORDER BY created_at"
        ).fetchall():
            try:
                tables[table_id] = self.load(table_id)
            except CorruptTable as error:
                errors.append(error)
        return tables, errors


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, separators=(",", ":"))


def encode_snapshot(table: Table) -> bytes:
    return zlib.compress(_dumps(snapshot.to_dict(table)).encode(), 9)


def decode_snapshot(blob: bytes) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(zlib.decompress(blob))
    return data


def _storage_error(error: sqlite3.Error) -> StorageError:
    text = str(error).lower()
    if isinstance(error, sqlite3.OperationalError) or any(w in text for w in _ENV_ERRORS):
        return StorageUnavailable(f"the database cannot be written: {error}")
    return StorageError(f"database error: {error}")
