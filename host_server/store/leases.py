"""Which worker owns which table, when several share one PostgreSQL store (issue 17): a
lease row per table (owner, expiry by the server's clock), claimed when free or expired,
renewed while the worker lives, and checked in the very transaction of every write, so a
worker that lost a table cannot commit to it (`LeaseLost`), however late it finds out."""

from __future__ import annotations

from dataclasses import dataclass

from host_server.errors import LeaseLost
from host_server.store.log import Connection
from host_server.store.writes import TableWrite

NOW = "extract(epoch from clock_timestamp())"  # the server's clock: workers' may differ


@dataclass(frozen=True)
class Worker:
    """One worker: its name (unique among the live ones), how long a lease lasts and how
    many tables it serves at most."""

    name: str
    seconds: float = 5.0
    most: int = 1000
    address: str = ""  # where it serves (a client sent to another worker is told it)

    def guard(self, conn: Connection, write: TableWrite) -> None:
        """A new table is this worker's from its creation; any other write needs a live
        lease of this worker's, locked until the transaction ends."""
        if write.new_table is not None:
            conn.execute(
                "INSERT INTO leases (table_id, owner, expires_at, address)"
                f" VALUES (?, ?, {NOW} + ?, ?)",
                [write.table_id, self.name, self.seconds, self.address],
            )
            return
        held = conn.execute(
            f"SELECT 1 FROM leases WHERE table_id = ? AND owner = ? AND expires_at > {NOW}"
            " FOR UPDATE",
            [write.table_id, self.name],
        ).fetchone()
        if held is None:
            raise LeaseLost(write.table_id)

    def claim(self, conn: Connection, most: int) -> list[str]:
        """Up to `most` open tables nobody holds (or whose holder let the lease expire),
        oldest first: now this worker's. Workers claiming at once skip the tables another
        is claiming (row locks, SKIP LOCKED), so none is claimed twice or missed."""
        rows = conn.execute(
            "WITH free AS (SELECT t.id FROM tables t LEFT JOIN leases l ON l.table_id = t.id"
            f" WHERE t.finished_at IS NULL AND (l.table_id IS NULL OR l.expires_at <= {NOW})"
            " ORDER BY t.created_at LIMIT ? FOR UPDATE OF t SKIP LOCKED)"
            " INSERT INTO leases (table_id, owner, expires_at, address)"
            f" SELECT id, ?, {NOW} + ?, ? FROM free"
            " ON CONFLICT (table_id) DO UPDATE SET owner = excluded.owner,"
            " expires_at = excluded.expires_at, address = excluded.address"
            f" WHERE leases.expires_at <= {NOW} RETURNING table_id",
            [max(0, most), self.name, self.seconds, self.address],
        ).fetchall()
        return sorted(row[0] for row in rows)

    def renew(self, conn: Connection, seconds: float | None = None) -> list[str]:
        """Every lease this worker still holds, for `seconds` more (default its own); the
        tables, sorted. One that expired and was taken is not among them."""
        rows = conn.execute(
            f"UPDATE leases SET expires_at = {NOW} + ? WHERE owner = ? AND expires_at > {NOW}"
            " RETURNING table_id",
            [self.seconds if seconds is None else seconds, self.name],
        ).fetchall()
        return sorted(row[0] for row in rows)

    def address_of(self, conn: Connection, table_id: str) -> str | None:
        """Where another worker holding the table's live lease serves it (None: nobody
        does, or this worker)."""
        row = conn.execute(
            f"SELECT address FROM leases WHERE table_id = ? AND expires_at > {NOW} AND owner <> ?",
            [table_id, self.name],
        ).fetchone()
        return None if row is None else str(row[0])

    def owner(self, conn: Connection, table_id: str) -> str | None:
        """Who holds the table's live lease (None: nobody)."""
        row = conn.execute(
            f"SELECT owner FROM leases WHERE table_id = ? AND expires_at > {NOW}", [table_id]
        ).fetchone()
        return None if row is None else str(row[0])
