"""The database schema, as numbered migrations run at every start (sqlite-utils' `Migrations`)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("felt")


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    db.execute(
        """CREATE TABLE tables (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            settings TEXT NOT NULL,
            seq INTEGER NOT NULL,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            finished_at REAL
        )"""
    )
    db.execute(
        """CREATE TABLE members (
            table_id TEXT NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
            member_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            PRIMARY KEY (table_id, member_id)
        )"""
    )
    db.execute(
        """CREATE TABLE tokens (
            token_hash TEXT PRIMARY KEY,
            table_id TEXT NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
            member_id INTEGER NOT NULL,
            created_at REAL NOT NULL,
            last_seen REAL NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE events (
            table_id TEXT NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            type TEXT NOT NULL,
            payload TEXT NOT NULL,
            time REAL NOT NULL,
            PRIMARY KEY (table_id, seq)
        ) WITHOUT ROWID"""
    )
    db.execute(
        """CREATE TABLE snapshots (
            table_id TEXT NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            state BLOB NOT NULL,
            PRIMARY KEY (table_id, seq)
        )"""
    )
    db.execute(
        """CREATE TABLE hands (
            table_id TEXT NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
            hand_no INTEGER NOT NULL,
            ended_at REAL NOT NULL,
            deck TEXT NOT NULL,
            phh TEXT NOT NULL,
            PRIMARY KEY (table_id, hand_no)
        )"""
    )


@migrations(name="0002_network")
def network(db: Database) -> None:
    # A command's result, kept so that a retried command id is answered, not re-applied.
    db.execute(
        """CREATE TABLE receipts (
            table_id TEXT NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
            member_id INTEGER NOT NULL,
            command_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            result TEXT NOT NULL,
            PRIMARY KEY (table_id, member_id, command_id)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX tokens_member ON tokens (table_id, member_id)")
    # When the host was last known alive: after a crash, clocks move on by the gap.
    db.execute("CREATE TABLE host (id INTEGER PRIMARY KEY CHECK (id = 1), alive_at REAL)")
    db.execute("INSERT INTO host (id, alive_at) VALUES (1, NULL)")


@migrations(name="0003_hand_records")
def hand_records(db: Database) -> None:
    # Each hand's start, steps and end as JSON: what exports and replays are made from.
    db.execute("ALTER TABLE hands ADD COLUMN record TEXT")


@migrations(name="0004_phh_from_records")
def phh_from_records(db: Database) -> None:
    # The full PHH is built from the record when a history is asked for, no longer at
    # every hand end (a millisecond of the loop each): new hands leave it NULL, and
    # hands archived before records (0003) keep theirs.
    db.table("hands").transform(not_null={"phh": False})


SCHEMA_VERSION = len(migrations._migrations)
