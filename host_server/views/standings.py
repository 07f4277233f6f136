"""A sit-and-go as its players see it: the structure, the level clock, the prizes and
who finished where (the table view's `tournament`, and the lobby's word for it)."""

from __future__ import annotations

from typing import Any

from host_server.table.state import Table
from host_server.table.tournament import default_payouts, prizes


def stage(table: Table) -> str | None:
    """None for a cash game; else registering, running or over."""
    tournament = table.tournament
    if tournament is None:
        return None
    return "over" if tournament.over else "running" if tournament.started else "registering"


def tournament_view(table: Table) -> dict[str, Any] | None:
    tournament, structure = table.tournament, table.settings.tournament
    if tournament is None or structure is None:
        return None
    entrants = len(tournament.entrants) if tournament.started else len(table.seats)
    payouts = structure.payouts or default_payouts(entrants)  # (so far: those seated)
    pool = tournament.pool(structure) if tournament.started else structure.buy_in * entrants
    ends = tournament.level_ends(structure) if tournament.running else None
    left = None
    if ends is not None and table.paused and table.paused_at is not None:
        left, ends = max(0.0, ends - table.paused_at), None  # the clock stands still
    stood = table.paused_at if table.paused else None  # (the offers' clocks stand still too)
    return {
        "buy_in": structure.buy_in,
        "starting_stack": structure.starting_stack,
        "levels": [
            {
                "small_blind": v.small_blind,
                "big_blind": v.big_blind,
                "ante": v.ante,
                "minutes": v.minutes,
            }
            for v in structure.levels
        ],
        "payouts": list(structure.payouts),
        "prizes": list(prizes(pool, payouts, entrants)),
        "pool": pool,
        "stage": stage(table),
        "entrants": len(tournament.entrants),
        "hands_per_level": structure.hands_per_level,
        "break_every": structure.break_every,
        "break_minutes": structure.break_minutes,
        "late_until": structure.late_until,
        "rebuy_until": structure.rebuy_until,
        "add_on": structure.add_on,
        "rebuys": sum(tournament.rebuys.values()),
        "add_ons": list(tournament.add_ons),
        "offers": [
            {"member_id": m, "until": u, "left": None if stood is None else u - stood}
            for m, u in tournament.offers.items()
        ],
        "level": tournament.level,
        "level_hands": tournament.level_hands,
        "on_break": tournament.break_until is not None,
        "level_ends": ends,
        "level_left": left,
        "finished": [
            {
                "member_id": s.member_id,
                "name": table.members[s.member_id].name,
                "place": s.place,
                "prize": s.prize,
            }
            for s in tournament.finished
        ],
    }
