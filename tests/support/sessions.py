"""Table sessions whose every command is committed at once, for tests of the store,
the archive and the views (the server commits a loop turn at a time instead)."""

from __future__ import annotations

import random

from host_server.host.session import TableSession
from host_server.store.sqlite import Store
from host_server.store.writes import Receipt, Recorded
from host_server.table.commands import Command
from host_server.table.settings import TableSettings


def create(
    store: Store,
    settings: TableSettings,
    host_name: str,
    now: float,
    *,
    table_id: str | None = None,
    rng: random.Random | None = None,
) -> tuple[TableSession, str]:
    """A new table, written; the session and the host's token."""
    session, token, write = TableSession.create(
        store, settings, host_name, now, table_id=table_id, rng=rng
    )
    store.commit([write])
    session.committed()
    return session, token


def run(
    session: TableSession, command: Command, now: float, receipt: Receipt | None = None
) -> list[Recorded]:
    """Decide a command and commit its write; its events (a `CommandError` changes nothing;
    a failed commit puts the table back as the store holds it, as the server does)."""
    recorded, write = session.handle(command, now, receipt=receipt)
    if write is not None:
        try:
            session.store.commit([write])
        except Exception:
            session.reload()
            raise
        session.committed()
    return recorded
