"""A table's one entry point: `handle(table, command, now) -> events`, and `create`.

Each command is decided by its rule (in `joining`, `seating`, `play`, `presence`):
every check first, then its events, each folded in as it is emitted; then the
dealer makes the moves that are nobody's decision. A `CommandError` leaves the
table exactly as it was.
"""

from __future__ import annotations

import random

from host_server.errors import Code, CommandError
from host_server.table import dealer, events as ev, joining, play, presence, rebuys, seating
from host_server.table.checks import Decide
from host_server.table.commands import Command
from host_server.table.members import clean_name
from host_server.table.settings import TableSettings
from host_server.table.state import Table

RULES: dict[type[Command], Decide] = {
    **joining.RULES,
    **seating.RULES,
    **rebuys.RULES,
    **play.RULES,
    **presence.RULES,
}


def create(
    table_id: str,
    settings: TableSettings,
    host_name: str,
    now: float,
    rng: random.Random | None = None,
) -> tuple[Table, list[ev.Event]]:
    """A new table, its host member 1, and the event that made it."""
    table = Table(table_id, settings, rng)
    first = ev.TableCreated(table_id, settings.to_dict(), clean_name(host_name))
    table.apply(first, now)
    return table, [first]


def handle(table: Table, command: Command, now: float) -> list[ev.Event]:
    """Decide and apply; a `CommandError` leaves the table exactly as it was."""
    out: list[ev.Event] = []

    def emit(event: ev.Event) -> None:
        table.apply(event, now)
        out.append(event)

    if table.closed:
        raise CommandError("This table is closed.", code=Code.TABLE_CLOSED)
    decide = RULES.get(type(command))
    if decide is None:
        raise CommandError(f"Unknown command {type(command).__name__}.", code="unknown_command")
    decide(table, command, now, emit)
    dealer.settle(table, now, emit)
    return out
