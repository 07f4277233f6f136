"""Where commits run: their sync to disk on a thread of its own, so the event loop goes
on deciding and sending while the disk syncs (SQLite lets go of the GIL), or in the
caller's thread for a database held in memory, which has no disk to wait for.

A `Writer` has a connection of its own for writing; the loop's `Store` keeps reading
through its own, and in WAL mode a reader sees only what is committed. One commit is
in flight at a time (the commit step waits for one to land before it submits the
next), so the order of commits is the order of `submit`.
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
    """Writes in the caller's thread, and leaves the COMMIT (the sync to disk) to the
    `felt-commit` thread, through a connection of its own. Only the COMMIT waits
    there: every statement the thread ran would have it take the GIL back from a
    busy loop again."""

    def __init__(self, path: str | Path, *, busy_timeout_ms: int) -> None:
        self.store = Store(path, busy_timeout_ms=busy_timeout_ms, shared=True)
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="felt-commit")

    def submit(self, writes: Sequence[Write]) -> Future[None]:
        """(Never while the last submitted is in flight: they share one connection.)"""
        try:
            self.store.write(writes)
        except Exception as error:  # noqa: BLE001 (the future carries it to the caller)
            return _failed(error)
        return self.pool.submit(self.store.finish)

    def close(self) -> None:
        """After every commit submitted so far."""
        self.pool.shutdown()
        self.store.close()


class Inline:
    """Commits at once, in the caller's thread, through the caller's store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def submit(self, writes: Sequence[Write]) -> Future[None]:
        try:
            self.store.commit(writes)
        except Exception as error:  # noqa: BLE001 (the future carries it to the caller)
            return _failed(error)
        done: Future[None] = Future()
        done.set_result(None)
        return done

    def close(self) -> None:
        """The store is the caller's to close."""


def _failed(error: Exception) -> Future[None]:
    done: Future[None] = Future()
    done.set_exception(error)
    return done
