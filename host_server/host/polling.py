"""The polling fallback over plain HTTP: the same views and rules as a WebSocket, a
request at a time, the token with every one. A client of the host core."""

from __future__ import annotations

from host_server.errors import Code, FeltError
from host_server.host.broadcast import catch_up
from host_server.host.core import HostCore
from host_server.host.peers import Outbox, Peer
from host_server.protocol import codec


def poll(
    core: HostCore, address: str, token: str, table_id: str, after: int, now: float
) -> tuple[list[str], Outbox]:
    """GET .../events?after=SEQ: what the member missed, as WebSocket frames would say it."""
    session = core.sessions.get(table_id)
    member_id = core.gate.member(address, token, session, now)
    assert session is not None  # the gate let nobody in to no table
    out = Outbox()
    core.polled(session, member_id, now, out)
    return catch_up(session.table, member_id, session.missed(after)), out


def post(
    core: HostCore, address: str, token: str | None, table_id: str, text: str, now: float
) -> tuple[list[str], Outbox]:
    """A message over HTTP: hello needs no token, everything else a Bearer token.

    What is wrong with the request itself (its body is no message, a bad token, a
    resume, another table's hello) raises; the message's own answer, an error
    included, is returned as the frames a WebSocket would have received."""
    frame = codec.envelope(text)
    peer = Peer(address, polling=True)
    if frame.type == "resume":
        raise FeltError(
            "Polling clients send their token with every request.", code=Code.BAD_MESSAGE
        )
    if frame.type == "hello":
        if frame.data.get("table_id") != table_id:
            raise FeltError(
                "The table id in the path and the message differ.", code=Code.BAD_MESSAGE
            )
    else:
        member_id = core.gate.member(address, token or "", core.sessions.get(table_id), now)
        peer.table_id, peer.member_id = table_id, member_id
    out = core.receive(peer, text, now)
    session = core.sessions.get(peer.table_id or "")
    if session is not None and peer.member_id is not None and not session.table.closed:
        core.polled(session, peer.member_id, now, out)
    mine = [text for target, text in out.sends if target is peer]
    out.sends = [(target, text) for target, text in out.sends if target is not peer]
    return mine, out
