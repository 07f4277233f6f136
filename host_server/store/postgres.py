"""PostgreSQL storage for a community host (`felt-host serve --store postgresql://...`):
the same tables and guarantees as the SQLite store (`log.LogStore`'s SQL, one
transaction per loop turn, a gapless seq per table checked in that transaction), in a
server several host processes can share. Its schema comes from numbered migrations of
its own, applied under an advisory lock so that workers starting together apply each
once. A failure of the connection or of the server's resources (SQLSTATE classes 08,
53, 57: psycopg's `OperationalError`) is `StorageUnavailable`; any other is ours.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg

from host_server.errors import (
    CorruptTable,
    FeltError,
    StorageError,
    StorageUnavailable,
    TableMoved,
)
from host_server.store.leases import Worker
from host_server.store.log import Connection, Cursor, LogStore
from host_server.store.writes import TableWrite
from host_server.table.state import Table

_MIGRATE_LOCK = 0x46656C74  # the advisory lock taken while migrating ("Felt")

MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "0001_initial",
        """
        CREATE TABLE tables (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            settings TEXT NOT NULL,
            seq BIGINT NOT NULL,
            created_at DOUBLE PRECISION NOT NULL,
            updated_at DOUBLE PRECISION NOT NULL,
            finished_at DOUBLE PRECISION
        );
        CREATE TABLE members (
            table_id TEXT NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
            member_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            PRIMARY KEY (table_id, member_id)
        );
        CREATE TABLE tokens (
            token_hash TEXT PRIMARY KEY,
            table_id TEXT NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
            member_id INTEGER NOT NULL,
            created_at DOUBLE PRECISION NOT NULL,
            last_seen DOUBLE PRECISION NOT NULL
        );
        CREATE INDEX tokens_member ON tokens (table_id, member_id);
        CREATE TABLE events (
            table_id TEXT NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
            seq BIGINT NOT NULL,
            type TEXT NOT NULL,
            payload TEXT NOT NULL,
            time DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (table_id, seq)
        );
        CREATE TABLE snapshots (
            table_id TEXT NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
            seq BIGINT NOT NULL,
            state BYTEA NOT NULL,
            PRIMARY KEY (table_id, seq)
        );
        CREATE TABLE hands (
            table_id TEXT NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
            hand_no INTEGER NOT NULL,
            ended_at DOUBLE PRECISION NOT NULL,
            deck TEXT NOT NULL,
            phh TEXT,
            record TEXT,
            PRIMARY KEY (table_id, hand_no)
        );
        CREATE TABLE receipts (
            table_id TEXT NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
            member_id INTEGER NOT NULL,
            command_id TEXT NOT NULL,
            seq BIGINT NOT NULL,
            result TEXT NOT NULL,
            PRIMARY KEY (table_id, member_id, command_id)
        );
        CREATE TABLE host (id INTEGER PRIMARY KEY CHECK (id = 1), alive_at DOUBLE PRECISION);
        INSERT INTO host (id, alive_at) VALUES (1, NULL);
        """,
    ),
    (
        "0002_leases",
        """
        -- Which worker owns a table, until when (the server's clock, in epoch seconds).
        CREATE TABLE leases (
            table_id TEXT PRIMARY KEY REFERENCES tables(id) ON DELETE CASCADE,
            owner TEXT NOT NULL,
            expires_at DOUBLE PRECISION NOT NULL
        );
        CREATE INDEX leases_owner ON leases (owner);
        """,
    ),
    (
        "0003_lease_addresses",
        """
        -- Where the owner serves its tables (a client sent elsewhere is told it).
        ALTER TABLE leases ADD COLUMN address TEXT NOT NULL DEFAULT '';
        """,
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


class _Adapted:
    """A psycopg connection speaking `?` placeholders, as the shared SQL is written."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Sequence[Any], /) -> Cursor:
        return self.conn.execute(sql.replace("?", "%s"), list(parameters))

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> None:
        rows = [list(p) for p in parameters]
        if rows:
            with self.conn.cursor() as cursor:
                cursor.executemany(sql.replace("?", "%s"), rows)


class PostgresStore(LogStore):
    """The host's database on a PostgreSQL server, at `dsn` (a `postgresql://` URL)."""

    failures = (psycopg.Error,)

    def __init__(
        self, dsn: str, *, connect_timeout: float = 5.0, worker: Worker | None = None
    ) -> None:
        """`worker`: one of several sharing the server; it writes only to the tables it
        holds the lease of (`leases`), and holds each table it creates."""
        self.path, self.worker = dsn, worker
        try:
            self.conn = psycopg.connect(
                dsn, autocommit=True, connect_timeout=max(1, int(connect_timeout))
            )
            self.db = _Adapted(self.conn)
            self.applied_now = migrate(self.conn)
        except psycopg.Error as error:
            raise self.failure(error) from error

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def reader(self) -> Connection:
        return self.db

    def failure(self, error: Exception) -> StorageError:
        if isinstance(error, psycopg.OperationalError):
            return StorageUnavailable(f"the database cannot be used right now: {error}")
        return StorageError(f"database error (a bug of ours): {error}")

    # --- a worker's leases (`leases.Worker`) ------------------------------------

    def restore_all(self) -> tuple[dict[str, Table], list[CorruptTable]]:
        """A worker's: the tables it still holds, then those it can claim (every
        unfinished table, for a store with no worker)."""
        if self.worker is None:
            return super().restore_all()
        held = self.renew()
        return self.restore(held + self.claim(self.worker.most - len(held)))

    def claim(self, most: int) -> list[str]:
        """Free tables (or expired ones), up to `most`: this worker's now."""
        with self.transaction() as conn:
            return self._worker().claim(conn, most)

    def renew(self, seconds: float | None = None) -> list[str]:
        """This worker's leases, renewed; the tables it still holds."""
        with self.transaction() as conn:
            return self._worker().renew(conn, seconds)

    def owner(self, table_id: str) -> str | None:
        """The worker holding the table now (None: nobody)."""
        with self.transaction() as conn:
            return self._worker().owner(conn, table_id)

    def elsewhere(self, table_id: str) -> FeltError:
        """`table_moved` to the worker whose live lease holds the table, where it says it
        serves; else `unknown_table`."""
        if self.worker is not None:
            with self.transaction() as conn:
                address = self.worker.address_of(conn, table_id)
            if address:
                return TableMoved(address)
        return super().elsewhere(table_id)

    def _worker(self) -> Worker:
        if self.worker is None:
            raise StorageError("a store with no worker holds no leases (a bug of ours)")
        return self.worker

    def guard(self, conn: Connection, write: TableWrite) -> None:
        if self.worker is not None:
            self.worker.guard(conn, write)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        try:
            with self.conn.transaction():
                yield self.db
        except psycopg.Error as error:
            raise self.failure(error) from error


def migrate(conn: psycopg.Connection[Any]) -> list[str]:
    """Apply the migrations not yet applied, in order, each once; their names."""
    applied: list[str] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [_MIGRATE_LOCK])
        conn.execute(
            "CREATE TABLE IF NOT EXISTS felt_migrations"
            " (name TEXT PRIMARY KEY, applied_at DOUBLE PRECISION NOT NULL)"
        )
        done = {row[0] for row in conn.execute("SELECT name FROM felt_migrations")}
        for name, sql in MIGRATIONS:
            if name not in done:
                conn.execute(sql.encode())
                conn.execute("INSERT INTO felt_migrations VALUES (%s, %s)", [name, time.time()])
                applied.append(name)
    return applied
