"""What a table's connected members are sent after a command: each event as each may
see it, then the turn, and the closes of those who left.

Most members see the same thing: each distinct view is encoded once (the views hand
out one shared dict per view, alive while the loop below runs, so its id is the key).
"""

from __future__ import annotations

import logging

from host_server.host.peers import Outbox, Peer
from host_server.protocol import codec
from host_server.store.writes import Recorded
from host_server.table import events as ev
from host_server.table.members import Role
from host_server.table.state import Table
from host_server.views import live

log = logging.getLogger("felt.host")

REMOVED = 4003  # left, kicked, not admitted, or the table closed: told in the event before


def broadcast(
    table: Table,
    recorded: list[Recorded],
    peers: dict[int, Peer],
    out: Outbox,
    seen_as: dict[int, Role] | None = None,
) -> None:
    """Queue `recorded`, and the turn after it, for every peer of the table.

    `seen_as`: how each peer saw the table before these events. A member whose view
    changed with them (let in, seated at a table without spectators, stood up) is
    sent a snapshot of everything its new role may see, after the events."""
    for r in recorded:
        if isinstance(r.event, (ev.HandStarted, ev.HandEnded)):
            log.info("table %s: %s %d", table.table_id, r.event.kind, r.event.hand_no)
    gone = {
        r.event.member_id: r.event.kind
        for r in recorded
        if isinstance(r.event, (ev.MemberLeft, ev.MemberRejected))
    }
    if any(isinstance(r.event, ev.TableClosed) for r in recorded):
        gone.update(dict.fromkeys(peers, ev.TableClosed.kind))  # nobody stays
    if not peers or not recorded:
        return
    frames: dict[int | None, list[str]] = {m: [] for m in peers}
    roles: dict[int | None, Role] = {m: live.sees_as(table, m) for m in peers}  # (after it)
    for r in recorded:
        texts: dict[int, str] = {}
        for member_id, data in live.projections(table, r.event, peers, roles).items():
            text = texts.get(id(data))
            if text is None:
                text = texts[id(data)] = codec.event_frame(r.seq, data)
            frames[member_id].append(text)
    for member_id in peers:
        if seen_as is not None and seen_as.get(member_id) != roles[member_id]:
            view = live.snapshot(table, member_id)
            frames[member_id].append(codec.snapshot_frame(table.seq, view))
    texts = {}
    for member_id, now_turn in live.turns(table, peers, roles).items():
        if now_turn is not None:
            text = texts.get(id(now_turn))
            if text is None:
                text = texts[id(now_turn)] = codec.turn_frame(table.seq, now_turn)
            frames[member_id].append(text)
    for member_id, peer in peers.items():
        out.sends += [(peer, text) for text in frames[member_id]]
        if member_id in gone:
            out.closes.append((peer, REMOVED, gone[member_id].replace("_", " ")))


def catch_up(table: Table, member_id: int, missed: list[Recorded] | None) -> list[str]:
    """What a member resuming after `missed` is sent: those events (or, when they are not
    all at hand, a snapshot), then the turn."""
    if missed is None:
        frames = [codec.snapshot_frame(table.seq, live.snapshot(table, member_id))]
    else:
        frames = [codec.event_frame(r.seq, live.project(table, r.event, member_id)) for r in missed]
    now_turn = live.turn(table, member_id)
    return frames + ([codec.turn_frame(table.seq, now_turn)] if now_turn else [])
