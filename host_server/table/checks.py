"""What every decision checks first: who is asking, and with what; and the shape of a rule.

A rule is a command type and the function that decides it. Every check runs before
the first `emit`, so a refused command changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from host_server.errors import Code, CommandError
from host_server.table.commands import Command
from host_server.table.events import Emit
from host_server.table.members import Member, Role, Seat
from host_server.table.state import Table

C = TypeVar("C", bound=Command)
Decide = Callable[[Table, Any, float, Emit], None]


def rule(
    kind: type[C], decide: Callable[[Table, C, float, Emit], None]
) -> tuple[type[Command], Decide]:
    """A command type and the function that decides it (checked to take that type)."""
    return kind, decide


def whole(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise CommandError(
            f"The {what} must be a whole number of chips.", code=Code.AMOUNT_OUT_OF_RANGE
        )
    return value


def member(table: Table, member_id: object) -> Member:
    member = table.members.get(member_id) if isinstance(member_id, int) else None
    if member is None or member.role is Role.GONE:
        raise CommandError("No such member at this table.", code=Code.UNKNOWN_MEMBER)
    return member


def approved(table: Table, member_id: int) -> Member:
    found = member(table, member_id)
    if not found.approved:
        raise CommandError("Wait for the host to let you in.", code=Code.NOT_APPROVED)
    return found


def host(table: Table, member_id: int) -> Member:
    found = member(table, member_id)
    if found.role is not Role.HOST:
        raise CommandError("Only the host can do that.", code=Code.NOT_HOST)
    return found


def seated(table: Table, member_id: int) -> Seat:
    approved(table, member_id)
    seat = table.seat_of(member_id)
    if seat is None:
        raise CommandError("You are not seated.", code=Code.NOT_SEATED)
    return seat


def free_seat(table: Table, seat: object) -> int:
    count = table.settings.seats
    if isinstance(seat, bool) or not isinstance(seat, int) or not 1 <= seat <= count:
        raise CommandError(f"Seats are numbered 1 to {count}.", code=Code.SEAT_OUT_OF_RANGE)
    if seat in table.seats:
        raise CommandError(f"Seat {seat} is taken.", code=Code.SEAT_TAKEN)
    return seat


def no_exit_pending(member: Member) -> None:
    if member.exit is not None:
        raise CommandError("You are already leaving after this hand.", code=Code.ALREADY_LEAVING)


def registration_open(table: Table) -> None:
    """A tournament seats players before its start, and late until the level it set."""
    t, structure = table.tournament, table.settings.tournament
    if t is not None and structure is not None and not t.registering(structure):
        raise CommandError(
            "The tournament has started: registration is closed.", code=Code.TOURNAMENT_STARTED
        )


def not_in_tournament(table: Table, what: str) -> None:
    """A running tournament holds its seats and stakes until it has a winner."""
    if table.tournament is not None and table.tournament.running:
        raise CommandError(
            f"The tournament has started: no {what} until it has a winner.",
            code=Code.TOURNAMENT_STARTED,
        )
