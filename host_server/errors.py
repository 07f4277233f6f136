"""Felt's errors: one root, each with a stable code and a plain-English message.

    FeltError
    ├── CommandError        a command refused by the rules or the table; state untouched
    ├── SettingsError       table settings out of range
    └── StorageError        the database could not be used
        ├── StorageUnavailable   environment trouble (disk full, locked, read-only)
        └── CorruptTable         a table's rows cannot be read back

Codes are part of the wire protocol: never rename one.
"""

from __future__ import annotations


class FeltError(Exception):
    """Root of every error Felt raises on purpose."""

    code = "error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return f"{self.message} [{self.code}]"


class CommandError(FeltError):
    """A command that the table refused; the table is exactly as it was."""

    code = "bad_command"


class SettingsError(FeltError):
    """Table settings that cannot make a playable table."""

    code = "invalid_settings"


class StorageError(FeltError):
    """The database could not be used."""

    code = "storage_error"


class StorageUnavailable(StorageError):
    """The environment refused a write (disk full, locked, read-only): the user can act."""

    code = "storage_unavailable"


class CorruptTable(StorageError):
    """A stored table that cannot be read back; names the table."""

    code = "corrupt_table"

    def __init__(self, table_id: str, reason: str) -> None:
        super().__init__(f"table {table_id!r} cannot be restored: {reason}")
        self.table_id = table_id
        self.reason = reason
