"""Seats and chips: sitting down, standing up, sitting out and in, rebuys and top-ups."""

from __future__ import annotations

from host_server.errors import Code, CommandError
from host_server.table import checks, commands as cmd, events as ev
from host_server.table.checks import rule
from host_server.table.dealer import deliver_top_up
from host_server.table.events import Emit
from host_server.table.members import Departure, Member, Role, SitOutReason, TopUpRefusal
from host_server.table.state import Table


def _sit(table: Table, c: cmd.Sit, now: float, emit: Emit) -> None:
    member = checks.approved(table, c.by)
    checks.registration_open(table)
    settings = table.settings
    if table.seat_of(c.by) is not None:
        raise CommandError("You already have a seat.", code=Code.ALREADY_SEATED)
    checks.free_seat(table, c.seat)
    buy_in = checks.whole(c.buy_in, "buy-in")
    # A returning player brings back at least what they left with (up to the maximum),
    # and may always bring back all of it.
    low = max(settings.min_buy_in, min(member.balance, settings.max_buy_in))
    high = max(settings.max_buy_in, member.balance)
    if not low <= buy_in <= high:
        raise CommandError(f"Buy in for between {low} and {high}.", code=Code.AMOUNT_OUT_OF_RANGE)
    emit(ev.SeatTaken(c.by, c.seat, buy_in, min(member.balance, buy_in)))


def leave_seat(table: Table, member: Member, reason: Departure, emit: Emit) -> bool:
    """Stand now, or after the hand if dealt in; True when done now."""
    seat = table.seat_of(member.id)
    if seat is None:
        return True
    if table.hand_index(seat.number) is not None:
        emit(ev.ExitScheduled(member.id, reason))
        return False
    emit(ev.SeatLeft(member.id, seat.number, seat.stack, reason))
    return True


def _stand(table: Table, c: cmd.Stand, now: float, emit: Emit) -> None:
    checks.seated(table, c.by)
    checks.not_in_tournament(table, "standing up")
    checks.no_exit_pending(table.members[c.by])
    leave_seat(table, table.members[c.by], Departure.STAND, emit)


def _sit_out(table: Table, c: cmd.SitOut, now: float, emit: Emit) -> None:
    seat = checks.seated(table, c.by)
    if seat.sitting_out:
        raise CommandError("You are already sitting out.", code=Code.ALREADY_SITTING_OUT)
    emit(ev.SatOut(seat.number, SitOutReason.REQUEST))


def _sit_in(table: Table, c: cmd.SitIn, now: float, emit: Emit) -> None:
    seat = checks.seated(table, c.by)
    if not seat.sitting_out:
        raise CommandError("You are not sitting out.", code=Code.NOT_SITTING_OUT)
    if seat.stack == 0 and table.hand_index(seat.number) is None:
        raise CommandError("You have no chips: rebuy first.", code=Code.NO_CHIPS)
    emit(ev.SatIn(seat.number))


def _top_up(table: Table, c: cmd.TopUp, now: float, emit: Emit) -> None:
    seat = checks.seated(table, c.by)
    member = table.members[c.by]
    checks.not_in_tournament(table, "top-ups")
    checks.no_exit_pending(member)
    amount = checks.whole(c.amount, "top-up")
    if member.top_up or member.top_up_asked:
        raise CommandError("A top-up is already on its way.", code=Code.TOP_UP_PENDING)
    s = table.settings
    stack = table.live_stack(seat.number)
    low, high = max(1, s.min_buy_in - stack), s.max_buy_in - stack
    if high < 1:
        raise CommandError(
            f"Your stack is at the table's maximum of {s.max_buy_in}.",
            code=Code.AMOUNT_OUT_OF_RANGE,
        )
    if not low <= amount <= high:
        raise CommandError(f"Top up by between {low} and {high}.", code=Code.AMOUNT_OUT_OF_RANGE)
    if s.approve_top_ups and member.role is not Role.HOST:
        emit(ev.TopUpRequested(member.id, amount))
        return
    emit(ev.TopUpApproved(member.id, amount))
    deliver_top_up(table, member.id, emit)


def _asked_top_up(table: Table, by: int, member_id: int) -> Member:
    checks.host(table, by)
    target = checks.member(table, member_id)
    if not target.top_up_asked:
        raise CommandError("That member has not asked for chips.", code=Code.NO_TOP_UP)
    return target


def _approve_top_up(table: Table, c: cmd.ApproveTopUp, now: float, emit: Emit) -> None:
    target = _asked_top_up(table, c.by, c.member_id)
    emit(ev.TopUpApproved(target.id, target.top_up_asked))
    deliver_top_up(table, target.id, emit)


def _reject_top_up(table: Table, c: cmd.RejectTopUp, now: float, emit: Emit) -> None:
    target = _asked_top_up(table, c.by, c.member_id)
    emit(ev.TopUpRejected(target.id, TopUpRefusal.HOST))


RULES = dict(
    [
        rule(cmd.Sit, _sit),
        rule(cmd.Stand, _stand),
        rule(cmd.SitOut, _sit_out),
        rule(cmd.SitIn, _sit_in),
        rule(cmd.TopUp, _top_up),
        rule(cmd.ApproveTopUp, _approve_top_up),
        rule(cmd.RejectTopUp, _reject_top_up),
    ]
)
