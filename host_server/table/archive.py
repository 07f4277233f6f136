"""A finished hand as the archive keeps it: its start (with the deck), its steps, its end
and the players' names; every history (the host's full PHH too) is made from it.

A record holds the deck, so it never leaves the host as it is: `views.archive` decides
what each viewer gets.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from host_server.table import events as ev


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
    started_at: float  # when it was dealt (what hand histories call its time)
    level: int | None = None  # a sit-and-go's blind level (1: the first); None: cash
    buy_in: int = 0  # a sit-and-go's, in the ledger's units

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
                "started_at": self.started_at,
                "level": self.level,
                "buy_in": self.buy_in,
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
            data.get("started_at", data["ended_at"]),  # (hands archived before it: the end)
            data.get("level"),  # (hands archived before tournaments: none)
            data.get("buy_in", 0),
        )

    def dealt_in(self, member_id: int) -> bool:
        return member_id in self.start.members
