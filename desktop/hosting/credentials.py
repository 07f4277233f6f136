"""Rejoin tokens in the OS keyring, one entry per (host address, table, member).

Where no keyring backend exists (headless Linux without a Secret Service) the
tokens go to a file in the user's data directory that only the user can read,
and `notice` says so once.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import keyring
from keyring.errors import KeyringError, NoKeyringError

log = logging.getLogger("felt.credentials")
SERVICE = "Felt"
# No keyring answers: none installed, or a Secret Service whose bus is gone (jeepney's
# socket errors pass through secretstorage unwrapped).
UNAVAILABLE = (NoKeyringError, KeyringError, RuntimeError, OSError)


def _key(address: str, table_id: str, member_id: int) -> str:
    return f"{address}/{table_id}/{member_id}"


class Credentials:
    def __init__(self, folder: Path) -> None:
        self.file = folder / "tokens.json"
        self.notice: str | None = None
        self._fallback = False

    def save(self, address: str, table_id: str, member_id: int, token: str) -> None:
        key = _key(address, table_id, member_id)
        if not self._fallback:
            try:
                keyring.set_password(SERVICE, key, token)
                return
            except UNAVAILABLE as error:
                self._fall_back(error)
        tokens = self._read()
        tokens[key] = token
        self._write(tokens)

    def load(self, address: str, table_id: str, member_id: int) -> str | None:
        key = _key(address, table_id, member_id)
        if not self._fallback:
            try:
                found = keyring.get_password(SERVICE, key)
                if found is not None:
                    return found
            except UNAVAILABLE as error:
                self._fall_back(error)
        return self._read().get(key)

    def _fall_back(self, error: Exception) -> None:
        self._fallback = True
        self.notice = (
            "No system keyring was found, so your rejoin tokens are kept in "
            f"{self.file}, readable only by you."
        )
        log.warning("keyring unavailable (%s); using %s", error, self.file)

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.file.read_text())
        except (OSError, ValueError):
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def _write(self, tokens: dict[str, str]) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.file.with_suffix(".tmp")
        # Created 0600 from the start: the token is never readable by others, even briefly.
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as out:
            json.dump(tokens, out)
        os.replace(temporary, self.file)
