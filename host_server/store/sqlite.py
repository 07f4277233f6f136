"""SQLite storage for tables (the desktop's, and `felt-host serve` on its own): one file
in WAL mode with full sync, through sqlite-utils, its schema from numbered migrations.
What it stores and how is `log.LogStore`'s; a failure is sorted by its SQLite code
(`failures`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from host_server.errors import StorageError
from host_server.store.failures import storage_error
from host_server.store.log import LogStore
from host_server.store.migrations import migrations


class Store(LogStore):
    """The host's database. Bound to the thread that opened it (sqlite3's rule)."""

    failures = (sqlite3.Error,)

    def __init__(
        self, path: str | Path, *, busy_timeout_ms: int = 2000, in_memory: bool = False
    ) -> None:
        """`in_memory`: start from the file's contents but never write to it again (nothing
        survives the process): the same code with no durability, to measure what it costs."""
        self.path = str(path)
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
            self.applied_now = [m.name for m in migrations.pending(self.db)]
            migrations.apply(self.db)
        except sqlite3.Error as error:
            raise storage_error(error) from error

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def reader(self) -> sqlite3.Connection:
        return self.db.conn

    def failure(self, error: Exception) -> StorageError:
        assert isinstance(error, sqlite3.Error)
        return storage_error(error)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction, taking the write lock at once; rolled back if anything fails."""
        conn = self.db.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise storage_error(error) from error
