"""A table as plain JSON data and back: what the store keeps as a snapshot.

The hand in progress is kept as its start (with the deck) and its steps, and
replayed on pokerkit when read back; `from_dict(to_dict(t))` equals `t` field
for field.
"""

from __future__ import annotations

import random
from typing import Any

from host_server.table import events as ev
from host_server.table.hand_fold import Clock
from host_server.table.members import Departure, Member, Role, Seat, SitOutReason
from host_server.table.settings import TableSettings
from host_server.table.shuffle import Pending
from host_server.table.state import Table
from host_server.table.tournament import TournamentState


def plain(record: Member | Seat | Clock) -> dict[str, Any]:
    """A flat dataclass's fields (asdict's deep copy cost a third of a millisecond per
    snapshot, and each hand's start writes one)."""
    return dict(vars(record))


def to_dict(table: Table) -> dict[str, Any]:
    """Everything needed to rebuild this table exactly (the hand as its start and steps)."""
    return {
        "table_id": table.table_id,
        "settings": table.settings.to_dict(),
        "seq": table.seq,
        "members": [plain(m) for m in table.members.values()],
        "seats": [plain(s) for s in table.seats.values()],
        "next_member_id": table.next_member_id,
        "hand_no": table.hand_no,
        "button": table.button,
        "hand_start": table.hand_start.to_dict() if table.hand_start else None,
        "hand_log": [e.to_dict() for e in table.hand_log],
        "hand_started_at": table.hand_started_at,
        "last_result": table.last_result.to_dict() if table.last_result else None,
        "paused": table.paused,
        "pause_pending": table.pause_pending,
        "paused_at": table.paused_at,
        "next_hand_at": table.next_hand_at,
        "clock": plain(table.clock),
        "closed": table.closed,
        "banned": sorted(table.banned),
        "join_key": table.join_key,
        "bomb_next": table.bomb_next,
        "shuffle": table.shuffle.to_dict() if table.shuffle is not None else None,
        "tournament": table.tournament.to_dict() if table.tournament else None,
    }


def from_dict(data: dict[str, Any], rng: random.Random | None = None) -> Table:
    table = Table(data["table_id"], TableSettings.from_dict(data["settings"]), rng)
    table.seq = data["seq"]
    table.members = {m["id"]: _member(m) for m in data["members"]}
    table.seats = {s["number"]: _seat(s) for s in data["seats"]}
    table.next_member_id = data["next_member_id"]
    table.hand_no = data["hand_no"]
    table.button = data["button"]
    table.last_result = _maybe(data["last_result"], ev.HandEnded)
    table.paused = data["paused"]
    table.pause_pending = data["pause_pending"]
    table.paused_at = data["paused_at"]
    table.next_hand_at = data["next_hand_at"]
    table.closed = data["closed"]
    table.banned = set(data.get("banned", ()))  # (snapshots before bans: none)
    table.join_key = data.get("join_key")
    table.bomb_next = data.get("bomb_next", False)  # (snapshots before bomb pots: none)
    pending = data.get("shuffle")  # (snapshots before the checked shuffle: none)
    table.shuffle = Pending.from_dict(pending) if pending is not None else None
    start = _maybe(data["hand_start"], ev.HandStarted)
    if start is not None:
        steps = [ev.event_from_dict(step) for step in data["hand_log"]]
        table.replay_hand(start, steps, 0.0)
    if (tournament := data.get("tournament")) is not None:  # (after the replay: as it was)
        table.tournament = TournamentState.from_dict(tournament)
    table.hand_started_at = data.get("hand_started_at", 0.0)  # (snapshots before it: 0)
    table.clock = Clock(**data["clock"])
    return table


def _member(data: dict[str, Any]) -> Member:
    exit_ = Departure(data["exit"]) if data["exit"] is not None else None
    return Member(**{**data, "role": Role(data["role"]), "exit": exit_})


def _seat(data: dict[str, Any]) -> Seat:
    reason = data["sit_out_reason"]
    return Seat(**{**data, "sit_out_reason": SitOutReason(reason) if reason else None})


def _maybe(data: dict[str, Any] | None, cls: type[ev.Event]) -> Any:
    if data is None:
        return None
    event = ev.event_from_dict(data)
    if not isinstance(event, cls):
        raise ValueError(f"expected {cls.kind}, got {event.kind}")
    return event
