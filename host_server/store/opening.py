"""Which store a host opens: a `postgresql://` URL is a PostgreSQL server's (a community
host's workers share it), anything else the path of a SQLite file (the default)."""

from __future__ import annotations

from pathlib import Path

from host_server.errors import FeltError
from host_server.store.leases import Worker
from host_server.store.log import LogStore
from host_server.store.postgres import PostgresStore
from host_server.store.sqlite import Store

SCHEMES = ("postgresql://", "postgres://")


def is_url(where: str | Path) -> bool:
    return str(where).startswith(SCHEMES)


def open_store(
    where: str | Path,
    *,
    busy_timeout_ms: int = 2000,
    in_memory: bool = False,
    worker: Worker | None = None,
) -> LogStore:
    """The store at `where`: a PostgreSQL URL (`worker`: one of several sharing it), or a
    SQLite file (`in_memory`: its copy)."""
    if not is_url(where):
        if worker is not None:
            raise FeltError("Workers share a PostgreSQL store (--store).", code="bad_arguments")
        return Store(where, busy_timeout_ms=busy_timeout_ms, in_memory=in_memory)
    if in_memory:
        raise FeltError("--in-memory copies a SQLite file, not a server.", code="bad_arguments")
    return PostgresStore(str(where), worker=worker)
