"""What both stores do, in SQL both speak: the event log with snapshots, the archive,
members, tokens and receipts. `commit(writes)` writes a loop turn's commands in ONE
transaction: each command's events, the table's new seq and whatever must not outlive
them (a snapshot at hand start, the archive of a finished hand, member rows, its
receipt, a new member's token). The seq update checks the previous value, so a log
stays gapless even if two writers ever raced. Everything else here reads.

`sqlite.Store` and `postgres.PostgresStore` say how to connect, migrate, open a
transaction and sort a failure (the environment's is `StorageUnavailable`, ours
`StorageError`); a table whose rows cannot be read back is `CorruptTable`, naming it.
SQL is written with `?` placeholders; the PostgreSQL store turns them into its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from host_server.errors import Code, CorruptTable, FeltError, StorageError
from host_server.store.tokens import matches, token_hash
from host_server.store.writes import (
    AliveAt,
    Recorded,
    TableWrite,
    TokenRotated,
    TokenSeen,
    Write,
    decode_snapshot,
    dumps,
)
from host_server.table import events as ev, snapshot
from host_server.table.archive import HandRecord
from host_server.table.settings import TableSettings
from host_server.table.state import Table

DAY = 86_400.0
# Keep the events of the hand before the latest snapshot, so a client that lost
# its connection mid-hand is still answered with events rather than a snapshot.
KEEP_SNAPSHOTS = 2


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...

    def fetchall(self) -> list[Any]: ...

    def fetchone(self) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """The little of DB-API both stores' connections give (sqlite3's, psycopg's adapted)."""

    def execute(self, sql: str, parameters: Sequence[Any], /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Any: ...


class LogStore:
    """A store of tables: one writer per table, every loop turn one transaction."""

    failures: tuple[type[Exception], ...] = ()  # the driver's own errors
    applied_now: list[str]  # the migrations this opening applied, by name
    path: str  # where it is: a SQLite file's path, or a PostgreSQL URL

    def transaction(self) -> AbstractContextManager[Connection]:
        """One transaction, holding the write lock from its start; rolled back on failure."""
        raise NotImplementedError

    def reader(self) -> Connection:
        raise NotImplementedError

    def failure(self, error: Exception) -> StorageError:
        """Our error for one of `failures`: the environment's, or a bug of ours."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def elsewhere(self, table_id: str) -> FeltError:
        """The error for a table this process does not serve (a worker of a community host
        knows where it is served)."""
        return FeltError("There is no open table with that id here.", code=Code.UNKNOWN_TABLE)

    def guard(self, conn: Connection, write: TableWrite) -> None:
        """Refuse, inside the write's transaction, a write this process may not make (a
        store shared by workers checks the table's lease); one process alone may."""

    def __enter__(self) -> LogStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing --------------------------------------------------------------

    def commit(self, writes: Sequence[Write]) -> None:
        """Every write, in order, in one transaction: all of them, or (raising) none."""
        if not writes:
            return
        with self.transaction() as conn:
            for write in writes:
                if isinstance(write, TableWrite):
                    self._table_write(conn, write)
                elif isinstance(write, TokenRotated):
                    _set_token(conn, write.table_id, write.member_id, write.digest, write.at)
                elif isinstance(write, TokenSeen):
                    conn.execute(
                        "UPDATE tokens SET last_seen = ? WHERE table_id = ? AND member_id = ?",
                        [write.at, write.table_id, write.member_id],
                    )
                else:
                    conn.execute("UPDATE host SET alive_at = ? WHERE id = 1", [write.at])

    def _table_write(self, conn: Connection, write: TableWrite) -> None:
        recorded, table_id = write.recorded, write.table_id
        if write.new_table is not None:
            new = write.new_table
            conn.execute(
                "INSERT INTO tables (id, name, settings, seq, created_at, updated_at)"
                " VALUES (?, ?, ?, 0, ?, ?)",
                [table_id, new.name, new.settings, new.at, new.at],
            )
        self.guard(conn, write)
        first, last, at = recorded[0].seq, recorded[-1].seq, recorded[-1].at
        cursor = conn.execute(
            "UPDATE tables SET seq = ?, updated_at = ?, finished_at = ? WHERE id = ? AND seq = ?",
            [last, at, at if write.closed else None, table_id, first - 1],
        )
        if cursor.rowcount != 1:
            raise StorageError(f"table {table_id!r}: seq {first} does not follow the log")
        conn.executemany(
            "INSERT INTO events (table_id, seq, type, payload, time) VALUES (?, ?, ?, ?, ?)",
            [(table_id, r.seq, r.event.kind, dumps(r.event.to_dict()), r.at) for r in recorded],
        )
        conn.executemany(
            "INSERT INTO members (table_id, member_id, name, role) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (table_id, member_id) DO UPDATE SET name = excluded.name,"
            " role = excluded.role",
            [(table_id, *member) for member in write.members],
        )
        conn.executemany(
            "INSERT INTO hands (table_id, hand_no, ended_at, deck, record) VALUES (?, ?, ?, ?, ?)",
            [(table_id, *hand) for hand in write.hands],
        )
        if write.snapshot is not None:
            _snapshot(conn, table_id, last, write.snapshot)
        if write.receipt is not None:
            receipt = write.receipt
            conn.execute(
                "INSERT INTO receipts (table_id, member_id, command_id, seq, result)"
                " VALUES (?, ?, ?, ?, ?)",
                [
                    table_id,
                    receipt.member_id,
                    receipt.command_id,
                    last,
                    dumps({"seq": last, **receipt.result}),
                ],
            )
        if write.token is not None:
            _set_token(conn, table_id, write.token[0], write.token[1], at)

    def mark_alive(self, now: float) -> None:
        """The host is alive now: after a crash, clocks move on by the gap since."""
        self.commit([AliveAt(now)])

    def cleanup(self, now: float, max_age_days: float = 30.0) -> list[str]:
        """Delete tables that were closed more than `max_age_days` ago; return their ids."""
        with self.transaction() as conn:
            ids = [
                row[0]
                for row in conn.execute(
                    "SELECT id FROM tables WHERE finished_at IS NOT NULL AND finished_at < ?",
                    [now - max_age_days * DAY],
                )
            ]
            for table_id in ids:
                conn.execute("DELETE FROM tables WHERE id = ?", [table_id])
        return ids

    # --- reading --------------------------------------------------------------

    def token_owner(self, token: str) -> tuple[str, int, float] | None:
        """(table, member, last seen) for a token, or None.

        Found by its hash, then compared in constant time: the secret itself is
        never compared, and the final check does not stop at the first difference.
        """
        row = self._one(
            "SELECT table_id, member_id, last_seen, token_hash FROM tokens WHERE token_hash = ?",
            [token_hash(token)],
        )
        if row is None or not matches(token, row[3]):
            return None
        return row[0], row[1], row[2]

    def receipt(self, table_id: str, member_id: int, command_id: str) -> dict[str, Any] | None:
        row = self._one(
            "SELECT result FROM receipts WHERE table_id = ? AND member_id = ? AND command_id = ?",
            [table_id, member_id, command_id],
        )
        return None if row is None else dict(json.loads(row[0]))

    def alive_at(self) -> float | None:
        """When the host last said it was alive (None: never)."""
        row = self._one("SELECT alive_at FROM host WHERE id = 1", [])
        return None if row is None or row[0] is None else float(row[0])

    def table_rows(self) -> list[dict[str, Any]]:
        rows = self._rows(
            "SELECT id, name, seq, created_at, finished_at, settings FROM tables"
            " ORDER BY created_at",
            [],
        )
        keys = ("table_id", "name", "seq", "created_at", "finished_at")
        return [
            {**dict(zip(keys, row[:5], strict=True)), "settings": json.loads(row[5])}
            for row in rows
        ]

    def events_after(self, table_id: str, seq: int) -> list[Recorded] | None:
        """The committed events after `seq`, or None when some were compacted away."""
        rows = self._rows(
            "SELECT seq, time, payload FROM events WHERE table_id = ? AND seq > ? ORDER BY seq",
            [table_id, seq],
        )
        head = self._one("SELECT seq FROM tables WHERE id = ?", [table_id])
        if (head is not None and head[0] > seq) and (not rows or rows[0][0] != seq + 1):
            return None
        return [Recorded(s, t, ev.event_from_dict(json.loads(p))) for s, t, p in rows]

    def hand_records(
        self, table_id: str, *, hand_no: int | None = None, last: int = 1000
    ) -> list[HandRecord]:
        """Archived hands, oldest first: one (`hand_no`) or the `last` few."""
        where = "table_id = ? AND record IS NOT NULL"
        args: list[Any] = [table_id]
        if hand_no is not None:
            where += " AND hand_no = ?"
            args.append(hand_no)
        rows = self._rows(
            f"SELECT record FROM hands WHERE {where} ORDER BY hand_no DESC LIMIT ?",
            [*args, last],
        )
        return [HandRecord.from_json(r[0]) for r in reversed(rows)]

    def load(self, table_id: str) -> Table:
        """Rebuild a table: its latest snapshot, then every event after it."""
        try:
            row = self._one("SELECT seq, settings FROM tables WHERE id = ?", [table_id])
            if row is None:
                raise CorruptTable(table_id, "no such table")
            head, settings = row
            snap = self._one(
                "SELECT seq, state FROM snapshots WHERE table_id = ? ORDER BY seq DESC LIMIT 1",
                [table_id],
            )
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
        except (CorruptTable, StorageError):
            raise
        except self.failures as error:
            raise self.failure(error) from error
        except Exception as error:
            raise CorruptTable(table_id, f"{type(error).__name__}: {error}") from error

    def restore_all(self) -> tuple[dict[str, Table], list[CorruptTable]]:
        """Every unfinished table, and the error of each one that could not be read."""
        return self.restore(
            [
                row[0]
                for row in self._rows(
                    "SELECT id FROM tables WHERE finished_at IS NULL ORDER BY created_at", []
                )
            ]
        )

    def restore(self, table_ids: Iterable[str]) -> tuple[dict[str, Table], list[CorruptTable]]:
        """These tables, and the error of each one that could not be read."""
        tables: dict[str, Table] = {}
        errors: list[CorruptTable] = []
        for table_id in table_ids:
            try:
                tables[table_id] = self.load(table_id)
            except CorruptTable as error:
                errors.append(error)
        return tables, errors

    def _rows(self, sql: str, args: Sequence[Any]) -> list[Any]:
        try:
            return self.reader().execute(sql, args).fetchall()
        except self.failures as error:
            raise self.failure(error) from error

    def _one(self, sql: str, args: Sequence[Any]) -> Any:
        try:
            return self.reader().execute(sql, args).fetchone()
        except self.failures as error:
            raise self.failure(error) from error


def _set_token(conn: Connection, table_id: str, member_id: int, digest: str, now: float) -> None:
    """The member's one valid token from now on (a rotation drops the old one)."""
    conn.execute("DELETE FROM tokens WHERE table_id = ? AND member_id = ?", [table_id, member_id])
    conn.execute(
        "INSERT INTO tokens (token_hash, table_id, member_id, created_at, last_seen)"
        " VALUES (?, ?, ?, ?, ?)",
        [digest, table_id, member_id, now, now],
    )


def _snapshot(conn: Connection, table_id: str, seq: int, state: bytes) -> None:
    """A snapshot at `seq`; the log before the older of the two kept is compacted away."""
    conn.execute(
        "INSERT INTO snapshots (table_id, seq, state) VALUES (?, ?, ?)"
        " ON CONFLICT (table_id, seq) DO UPDATE SET state = excluded.state",
        [table_id, seq, state],
    )
    kept = [
        row[0]
        for row in conn.execute(
            "SELECT seq FROM snapshots WHERE table_id = ? ORDER BY seq DESC LIMIT ?",
            [table_id, KEEP_SNAPSHOTS],
        )
    ]
    if len(kept) < KEEP_SNAPSHOTS:
        return
    oldest = kept[-1]
    conn.execute("DELETE FROM snapshots WHERE table_id = ? AND seq < ?", [table_id, oldest])
    # Receipts stay for the table's life: an id is applied once, however old.
    conn.execute("DELETE FROM events WHERE table_id = ? AND seq <= ?", [table_id, oldest])
