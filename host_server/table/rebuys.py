"""A sit-and-go's rebuys and add-on: a buy-in each, for chips that land as a top-up
does (now, or when the player's hand ends)."""

from __future__ import annotations

from host_server.errors import Code, CommandError
from host_server.table import checks, commands as cmd, events as ev
from host_server.table.checks import rule
from host_server.table.dealer import deliver_top_up
from host_server.table.events import Emit
from host_server.table.state import Table
from host_server.table.tournament import Tournament, TournamentState


def _running(table: Table, by: int) -> tuple[TournamentState, Tournament]:
    checks.seated(table, by)
    t, structure = table.tournament, table.settings.tournament
    if t is None or structure is None:
        raise CommandError("This table plays a cash game.", code=Code.NOT_A_TOURNAMENT)
    if table.members[by].top_up:
        raise CommandError("A rebuy is already on its way.", code=Code.TOP_UP_PENDING)
    return t, structure


def _rebuy(table: Table, c: cmd.Rebuy, now: float, emit: Emit) -> None:
    t, structure = _running(table, c.by)
    if not t.rebuys_open(structure) and c.by not in t.offers:
        if not structure.rebuy_until:
            raise CommandError("This tournament has no rebuys.", code=Code.REBUYS_CLOSED)
        raise CommandError(
            f"Rebuys ended with level {structure.rebuy_until}.", code=Code.REBUYS_CLOSED
        )
    seat = table.seat_of(c.by)
    assert seat is not None
    if table.live_stack(seat.number) > structure.starting_stack:
        raise CommandError(
            f"Rebuys are for a stack of {structure.starting_stack} or less.",
            code=Code.STACK_TOO_BIG,
        )
    emit(ev.Rebought(c.by, structure.starting_stack))
    deliver_top_up(table, c.by, emit)


def _decline(table: Table, c: cmd.DeclineRebuy, now: float, emit: Emit) -> None:
    t, _ = _running(table, c.by)
    if c.by not in t.offers:
        raise CommandError("No rebuy is on offer to you.", code=Code.REBUYS_CLOSED)
    emit(ev.RebuyDeclined(c.by))


def _add_on(table: Table, c: cmd.AddOn, now: float, emit: Emit) -> None:
    t, structure = _running(table, c.by)
    if not structure.add_on:
        raise CommandError("This tournament has no add-on.", code=Code.REBUYS_CLOSED)
    if c.by in t.add_ons:
        raise CommandError("You have taken the add-on.", code=Code.REBUYS_CLOSED)
    if not t.add_on_open(structure):
        raise CommandError(
            f"The add-on is taken in level {structure.rebuy_until}, the last of rebuys.",
            code=Code.REBUYS_CLOSED,
        )
    emit(ev.Rebought(c.by, structure.add_on, add_on=True))
    deliver_top_up(table, c.by, emit)


RULES = dict([rule(cmd.Rebuy, _rebuy), rule(cmd.DeclineRebuy, _decline), rule(cmd.AddOn, _add_on)])
