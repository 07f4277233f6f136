"""SQLite failures sorted by their code: the environment's, which the user can act on,
from ours, which are bugs."""

from __future__ import annotations

import os
import sqlite3

import pytest

from host_server.errors import StorageError, StorageUnavailable
from host_server.store.failures import storage_error


def error_of(connection: sqlite3.Connection, sql: str) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as raised:
        connection.execute(sql)
    return raised.value


def test_a_bug_of_ours_is_not_the_environment(tmp_path):
    db = sqlite3.connect(tmp_path / "a.db")
    db.execute("CREATE TABLE t (x INTEGER PRIMARY KEY)")
    db.execute("INSERT INTO t VALUES (1)")
    for sql in ("SELECT * FROM nowhere", "SELEKT 1", "INSERT INTO t VALUES (1)"):
        sorted_ = storage_error(error_of(db, sql))
        assert type(sorted_) is StorageError, sql


def test_a_locked_or_read_only_database_is_the_environment(tmp_path):
    path = tmp_path / "b.db"
    writer = sqlite3.connect(path, timeout=0)
    writer.execute("CREATE TABLE t (x)")
    writer.commit()
    writer.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(path, timeout=0)
    assert isinstance(
        storage_error(error_of(other, "INSERT INTO t VALUES (1)")), StorageUnavailable
    )
    writer.rollback()
    os.chmod(path, 0o444)
    try:
        reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        refused = error_of(reader, "INSERT INTO t VALUES (1)")
        assert isinstance(storage_error(refused), StorageUnavailable)
    finally:
        os.chmod(path, 0o644)
