"""Who may come in, and how fast: hellos per address, bans, chat lines per member
(`limits`). The host core asks the door before it decides anything; a refusal is a
`FeltError` with its code, and changes nothing."""

from __future__ import annotations

from host_server.errors import Code, FeltError
from host_server.host.limits import Limits, Window


class Door:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.hellos = Window(limits.hellos_per_minute, 60.0)
        self.chats = Window(limits.chat_lines, limits.chat_seconds)
        self.banned: dict[str, set[str]] = {}  # table -> addresses, while the host runs

    def hello(self, address: str, table_id: str, now: float) -> None:
        if address in self.banned.get(table_id, ()):
            raise FeltError("The host has banned you from this table.", code=Code.BANNED)
        if self.limits.applies_to(address) and not self.hellos.allow(address, now):
            raise FeltError(
                f"More than {self.limits.hellos_per_minute} join requests a minute from your"
                " address: wait a minute, then try again.",
                code=Code.TOO_MANY_HELLOS,
            )

    def chat(self, table_id: str, member_id: int, now: float) -> None:
        if not self.chats.allow((table_id, member_id), now):
            raise FeltError(
                f"At most {self.limits.chat_lines} chat lines in "
                f"{self.limits.chat_seconds:g} seconds: wait a moment.",
                code=Code.CHAT_TOO_FAST,
            )

    def ban(self, table_id: str, address: str) -> None:
        """Refuse `address` at the table from now on (never this machine's loopback
        while it is spared the limits: that is the host's own seat)."""
        if self.limits.applies_to(address):
            self.banned.setdefault(table_id, set()).add(address)

    def sweep(self, now: float) -> None:
        self.hellos.sweep(now)
        self.chats.sweep(now)
