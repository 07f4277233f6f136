"""Who is connected to which member: at most one live connection each, the newest.

A WebSocket peer stays until it closes; a polling client counts as connected while
it polls (`POLL_PRESENCE`). Peers are indexed by table, so a broadcast touches one
table's peers only.
"""

from __future__ import annotations

from host_server.host.peers import Peer

POLL_PRESENCE = 20.0  # a polling client counts as connected this long after a poll


class Presence:
    def __init__(self) -> None:
        self.peers: dict[str, dict[int, Peer]] = {}  # table -> member -> its WebSocket
        self.polled: dict[tuple[str, int], float] = {}  # (table, member) -> last poll

    def peer(self, table_id: str, member_id: int) -> Peer | None:
        return self.peers.get(table_id, {}).get(member_id)

    def at(self, table_id: str) -> dict[int, Peer]:
        return self.peers.get(table_id, {})

    def bind(self, peer: Peer, table_id: str, member_id: int) -> Peer | None:
        """`peer` is now the member's connection; the one it replaces, if any."""
        previous = self.peer(table_id, member_id)
        if previous is peer:
            previous = None
        if previous is not None:
            previous.table_id = previous.member_id = None  # its close is not a disconnect
        peer.table_id, peer.member_id = table_id, member_id
        if peer.polling:
            self.polled[(table_id, member_id)] = self.polled.get((table_id, member_id), 0.0)
        else:
            self.peers.setdefault(table_id, {})[member_id] = peer
            self.polled.pop((table_id, member_id), None)  # the newest connection wins
        return previous

    def unbind(self, peer: Peer) -> bool:
        """The peer's connection ended; True if it was still its member's connection."""
        table_id, member_id = peer.table_id, peer.member_id
        if table_id is None or member_id is None or self.peer(table_id, member_id) is not peer:
            return False
        del self.peers[table_id][member_id]
        return True

    def poll(self, table_id: str, member_id: int, now: float) -> Peer | None:
        """A poll from the member: it is connected; a WebSocket it still had is replaced."""
        self.polled[(table_id, member_id)] = now
        socket = self.peer(table_id, member_id)
        if socket is not None:
            del self.peers[table_id][member_id]
            socket.table_id = socket.member_id = None
        return socket

    def stale_polls(self, now: float) -> list[tuple[str, int]]:
        """Polling members that stopped polling (and have no WebSocket): gone now."""
        gone = [key for key, seen in self.polled.items() if now - seen > POLL_PRESENCE]
        for key in gone:
            del self.polled[key]
        return [key for key in gone if self.peer(*key) is None]

    def drop_table(self, table_id: str) -> None:
        self.peers.pop(table_id, None)
