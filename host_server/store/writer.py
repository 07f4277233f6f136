"""Where commits run: on a thread of their own, so the event loop goes on deciding and
sending while the disk syncs (SQLite lets go of the GIL for the fsync), or in the
caller's thread for a database held in memory, which has no disk to wait for.

A `Writer` opens its own connection on its thread (sqlite3 binds a connection to the
thread that opened it); the loop's `Store` keeps reading through its own, and in WAL
mode a reader sees only what is committed. One commit is in flight at a time, so the
order of commits is the order of `submit`.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Protocol

from host_server.store.sqlite import Store
from host_server.store.writes import Write


class Writes(Protocol):
    def submit(self, writes: Sequence[Write]) -> Future[None]:
        """Commit `writes` in one transaction; the future raises what `Store.commit` does."""
        ...

    def close(self) -> None: ...


class Writer:
    """Commits on the `felt-commit` thread, through a connection opened there."""

    def __init__(self, path: str | Path, *, busy_timeout_ms: int) -> None:
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="felt-commit")
        try:
            self.store = self.pool.submit(Store, path, busy_timeout_ms=busy_timeout_ms).result()
        except BaseException:
            self.pool.shutdown()
            raise

    def submit(self, writes: Sequence[Write]) -> Future[None]:
        return self.pool.submit(self.store.commit, list(writes))

    def close(self) -> None:
        """After every commit submitted so far."""
        self.pool.submit(self.store.close).result()
        self.pool.shutdown()


class Inline:
    """Commits at once, in the caller's thread, through the caller's store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def submit(self, writes: Sequence[Write]) -> Future[None]:
        done: Future[None] = Future()
        try:
            self.store.commit(writes)
        except Exception as error:  # noqa: BLE001 (the future carries it to the caller)
            done.set_exception(error)
        else:
            done.set_result(None)
        return done

    def close(self) -> None:
        """The store is the caller's to close."""
