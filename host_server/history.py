"""Hand histories: each finished hand as a record (enough to replay it), and the hand
as a member may see it.

A record holds the deck, so it never leaves as is: `hand_view` decides whose
hole cards a viewer gets (their own, shown ones, or all of them for a host at a
table that reveals hands to its host). Exports (`exports.py`) and replays
(`replay.py`) are made from a view only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pokerkit import HandHistory

from host_server import events as ev
from host_server.replay import replay
from host_server.rules import Hand, deal_holes


def phh_text(start: ev.HandStarted, hand: Hand, names: list[str], table_name: str) -> str:
    """The full PHH of a finished hand (every hole card): the host's archive."""
    history = HandHistory.from_game_state(
        hand.game, hand.state, players=names, hand=start.hand_no, event=table_name
    )
    return history.dumps()


@dataclass(frozen=True)
class HandRecord:
    """A finished hand as archived: its start (with the deck), steps, end and names."""

    table_id: str
    table_name: str
    ended_at: float
    start: ev.HandStarted
    steps: tuple[ev.Event, ...]
    end: ev.HandEnded
    names: tuple[str, ...]

    def to_json(self) -> str:
        return json.dumps(
            {
                "table_id": self.table_id,
                "table_name": self.table_name,
                "ended_at": self.ended_at,
                "start": self.start.to_dict(),
                "steps": [e.to_dict() for e in self.steps],
                "end": self.end.to_dict(),
                "names": list(self.names),
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> HandRecord:
        data = json.loads(text)
        start, end = ev.event_from_dict(data["start"]), ev.event_from_dict(data["end"])
        assert isinstance(start, ev.HandStarted) and isinstance(end, ev.HandEnded)
        return cls(
            data["table_id"],
            data["table_name"],
            data["ended_at"],
            start,
            tuple(ev.event_from_dict(e) for e in data["steps"]),
            end,
            tuple(data["names"]),
        )

    def dealt_in(self, member_id: int) -> bool:
        return member_id in self.start.members


def hand_view(
    record: HandRecord, viewer: int | None, *, every_card: bool = False
) -> dict[str, Any]:
    """The hand as `viewer` may see it: their own cards, shown cards, or (every_card) all."""
    start, end = record.start, record.end
    holes = deal_holes(start.deck, len(start.seats))
    shown = {e.seat: e.cards for e in record.steps if isinstance(e, ev.HandShown)}
    players = []
    for i, seat in enumerate(start.seats):
        member = start.members[i]
        cards = holes[i] if every_card or member == viewer else shown.get(seat)
        players.append(
            {
                "seat": seat,
                "member_id": member,
                "name": record.names[i],
                "stack": start.stacks[i],
                "cards": list(cards) if cards else None,
                "shown": seat in shown,
                "final_stack": end.stacks[i],
                "net": end.net[i],
            }
        )
    return {
        "table_id": record.table_id,
        "table_name": record.table_name,
        "hand_no": start.hand_no,
        "ended_at": record.ended_at,
        "button": start.button,
        "small_blind": start.small_blind,
        "big_blind": start.big_blind,
        "ante": start.ante,
        "viewer": viewer,
        "players": players,  # pokerkit's order: small blind first, button last
        "steps": [e.to_dict() for e in record.steps],
    }


def summary_line(record: HandRecord, viewer: int | None) -> dict[str, Any]:
    """One line of a hand list: who played, the pot, and the viewer's result."""
    mine = None
    if viewer in record.start.members:
        mine = record.end.net[record.start.members.index(viewer)]
    moments = replay(hand_view(record, None))
    return {
        "hand_no": record.start.hand_no,
        "ended_at": record.ended_at,
        "players": list(record.names),
        "pot": moments[-1].pot,
        "net": mine,
    }
