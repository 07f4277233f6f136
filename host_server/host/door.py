"""Who may come in, and how fast: hellos per address, bans, chat lines per member
(`limits`). The host core asks the door before it decides anything; a refusal is a
`FeltError` with its code, and changes nothing."""

from __future__ import annotations

from host_server.errors import Code, FeltError
from host_server.host.limits import Limits, Window
from host_server.host.presence import Presence
from host_server.protocol import client


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

    def command(self, message: client.Command, table_id: str, member_id: int, now: float) -> None:
        """Before a command is decided: a chat line past the member's rate is refused."""
        if isinstance(message, client.Chat) and not self.chats.allow((table_id, member_id), now):
            raise FeltError(
                f"At most {self.limits.chat_lines} chat lines in "
                f"{self.limits.chat_seconds:g} seconds: wait a moment.",
                code=Code.CHAT_TOO_FAST,
            )

    def applied(self, message: client.Command, table_id: str, presence: Presence) -> None:
        """After a command was applied: a ban refuses the member's address at the table
        from now on (never this machine's loopback while it is spared the limits: that
        is the host's own seat). Their connection is still theirs until it closes."""
        if isinstance(message, client.Kick) and message.ban:
            peer = presence.peer(table_id, message.member_id)
            if peer is not None and self.limits.applies_to(peer.address):
                self.banned.setdefault(table_id, set()).add(peer.address)

    def sweep(self, now: float) -> None:
        self.hellos.sweep(now)
        self.chats.sweep(now)
