"""Who a token stands for: found by its hash, refused alike whatever is wrong with it,
expiring, and behind the brake on guessing."""

from __future__ import annotations

from host_server.errors import Code, FeltError, TableMoved
from host_server.host.brake import Brake
from host_server.host.presence import Presence
from host_server.host.session import TableSession
from host_server.store.log import LogStore
from host_server.table.members import Role

TOKEN_TTL = 30 * 60.0


class InvalidToken(FeltError):
    """A wrong, expired or foreign token; its answer may leave at `answer_at`, not before."""

    code = Code.INVALID_TOKEN

    def __init__(self, answer_at: float) -> None:
        super().__init__("That token is not valid here.")
        self.answer_at = answer_at


class Gate:
    def __init__(
        self,
        store: LogStore,
        presence: Presence,
        *,
        token_ttl: float = TOKEN_TTL,
        brake: Brake | None = None,
    ) -> None:
        self.store, self.presence, self.token_ttl = store, presence, token_ttl
        self.brake = brake or Brake()

    def member(self, address: str, token: str, session: TableSession | None, now: float) -> int:
        """The member `token` stands for at `session`'s table; one answer for every wrong one."""
        owner = self.store.token_owner(token)
        if (
            owner is None
            or session is None
            or owner[0] != session.table.table_id
            or not self._alive(session, owner[1], owner[2], now)
        ):
            raise InvalidToken(self.brake.failed(address, now))
        return owner[1]

    def not_moved(self, table_id: str, session: TableSession | None) -> None:
        """A table another worker of a community host serves: the client is told where
        (`table_moved`), whatever its token."""
        if session is None and isinstance(moved := self.store.elsewhere(table_id), TableMoved):
            raise moved

    def _alive(self, session: TableSession, member_id: int, last_seen: float, now: float) -> bool:
        """Tokens expire `token_ttl` after their member was last connected, unless the
        member still holds a seat or chips here."""
        table = session.table
        member = table.members.get(member_id)
        if member is None or member.role is Role.GONE or table.closed:
            return False
        holds = table.seat_of(member_id) is not None or member.balance > 0
        online = self.presence.peer(table.table_id, member_id) is not None or member.connected
        return holds or online or now - last_seen <= self.token_ttl
