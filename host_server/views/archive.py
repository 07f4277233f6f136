"""Archived hands as a member may see them: which hands, and whose hole cards.

Players get the hands they were dealt into, with their own cards and the ones shown;
spectators get none; the host gets every hand, with every hole card only at a
table created with `reveal_hands_to_host`. Exports (`exports`) and replays
(`replay`) are made from a view only.
"""

from __future__ import annotations

from typing import Any

from host_server.rules.deck import HOLE_CARDS, deal_holes
from host_server.table import events as ev
from host_server.table.archive import HandRecord
from host_server.table.members import Role
from host_server.table.shuffle import ShuffleRevealed
from host_server.table.state import Table
from host_server.views.replay import replay


def hand_view(
    record: HandRecord, viewer: int | None, *, every_card: bool = False
) -> dict[str, Any]:
    """The hand as `viewer` may see it: their own cards, shown cards, or (every_card) all."""
    start, end = record.start, record.end
    holes = deal_holes(start.deck, len(start.seats), HOLE_CARDS[start.variant])
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
        "started_at": record.started_at,
        "ended_at": record.ended_at,
        "variant": start.variant,  # the game: "nlhe" Hold'em, "plo" Pot-Limit Omaha
        "button": start.button,
        "small_blind": start.small_blind,
        "dead_small_blind": start.dead_small_blind,  # (then nobody posts it)
        "straddle": start.straddle,  # (posted by the third player, after the big blind)
        "big_blind": start.big_blind,
        "ante": start.ante,
        "bomb": start.bomb,  # a bomb pot: everyone's chips in, no blinds, no preflop betting
        "viewer": viewer,
        "players": players,  # pokerkit's order: small blind first, button last
        "steps": [_step(e, viewer, every_card) for e in record.steps],
        # The shuffle, to check again later: the commitment and the values mixed in.
        "shuffle": {"commitment": start.commitment, "entropy": list(start.entropy)},
        "level": record.level,  # a sit-and-go's blind level; None at a cash game
        "buy_in": record.buy_in,
    }


def _step(e: ev.Event, viewer: int | None, every_card: bool) -> dict[str, Any]:
    if isinstance(e, ShuffleRevealed):  # (each card opened to whoever saw it)
        return e.seen_by(viewer, every_card)
    return e.to_dict()


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


def may_see(table: Table, member_id: int, record: HandRecord) -> bool:
    """Players get the hands they were dealt into; the host every hand; spectators none."""
    return table.members[member_id].role is Role.HOST or record.dealt_in(member_id)


def every_card(table: Table, member_id: int) -> bool:
    """Whether this member's views of past hands show every hole card: only the host's,
    at a table created so (its players are told in its settings)."""
    return table.members[member_id].role is Role.HOST and table.settings.reveal_hands_to_host
