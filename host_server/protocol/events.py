"""Table events as a member receives them: the table's own events, but for the deal.

`hand_started` on the wire carries no deck, and `your_cards` for those dealt in;
an event the member may not see arrives as `hidden`, so seq never gaps. Every
other kind is the table event itself (`host_server.table.events`), field for field.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from host_server.errors import Code, FeltError, ProtocolError
from host_server.table import events as ev


@dataclass(frozen=True)
class Dealt:
    """`hand_started` as sent: the deal's public facts, and the member's own cards."""

    hand_no: int
    button: int
    seats: tuple[int, ...]
    members: tuple[int, ...]
    stacks: tuple[int, ...]
    small_blind: int
    big_blind: int
    ante: int
    dead_small_blind: int | None = None
    straddle: int = 0
    bomb: int = 0
    commitment: str = ""  # the checked shuffle: the host's commitment, the values mixed in
    entropy: tuple[str, ...] = ()
    variant: str = "nlhe"  # the game: how many cards each is dealt (`rules.deck.HOLE_CARDS`)
    your_cards: tuple[str, ...] | None = None
    kind = ev.HandStarted.kind


@dataclass(frozen=True)
class Hidden:
    """Something this member may not see (it keeps the seq)."""

    kind = "hidden"


WireEvent = ev.Event | Dealt | Hidden


def read_event(data: dict[str, Any]) -> WireEvent:
    """An event frame's fields (`seq` and `type` removed) as its type; an unknown kind
    is a `ProtocolError`, never silently nothing."""
    kind = data.get("kind")
    if kind == Hidden.kind:
        return Hidden()
    if kind == Dealt.kind:
        names = {f.name for f in fields(Dealt)}
        payload = {k: _tuples(v) for k, v in data.items() if k in names}
        try:
            return Dealt(**payload)
        except TypeError as error:
            raise ProtocolError(f"hand_started: {error}", code=Code.BAD_MESSAGE) from None
    try:
        return ev.event_from_dict(data)
    except (FeltError, TypeError, ValueError) as error:
        raise ProtocolError(f"an event this client cannot read: {error}") from None


def _tuples(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value
