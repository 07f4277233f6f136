"""A failed SQLite call, sorted by its error code: the environment's fault (the disk is
full, read-only or failing; the database is locked or busy) is `StorageUnavailable`,
and the user can act on it; anything else (no such table, a syntax error, a broken
constraint) is a bug of ours, a `StorageError` logged with its traceback.
"""

from __future__ import annotations

import sqlite3

from host_server.errors import StorageError, StorageUnavailable

# Primary result codes (the low byte of the extended code): sqlite.org/rescode.html
_ENVIRONMENT = {
    sqlite3.SQLITE_BUSY,
    sqlite3.SQLITE_LOCKED,
    sqlite3.SQLITE_NOMEM,
    sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_IOERR,
    sqlite3.SQLITE_CORRUPT,
    sqlite3.SQLITE_FULL,
    sqlite3.SQLITE_CANTOPEN,
    sqlite3.SQLITE_PROTOCOL,
    sqlite3.SQLITE_NOTADB,
}


def storage_error(error: sqlite3.Error) -> StorageError:
    """Our error for sqlite's, by its code."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in _ENVIRONMENT:
        return StorageUnavailable(f"the database cannot be used right now: {error}")
    return StorageError(f"database error (a bug of ours): {error}")
