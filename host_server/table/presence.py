"""Time and presence: the host restarting, members connecting and going, the clocks."""

from __future__ import annotations

from host_server.table import checks, commands as cmd, events as ev, home_game
from host_server.table.checks import rule
from host_server.table.dealer import auto_action, seats_held
from host_server.table.events import Emit
from host_server.table.members import Departure, SitOutReason
from host_server.table.state import Table


def _restarted(table: Table, c: cmd.Restarted, now: float, emit: Emit) -> None:
    downtime = max(0.0, now - c.down_since)
    emit(ev.HostRestarted(downtime))
    asked = home_game.question(table.hand_log) if table.hand is not None else None
    if asked is not None:  # the run-twice question's clock moves on too, answers kept
        emit(home_game.RunTwiceOffered(asked.seats, asked.until + downtime))
        for seat, yes in asked.answers.items():
            emit(home_game.RunTwiceAnswered(seat, yes))


def _connect(table: Table, c: cmd.Connect, now: float, emit: Emit) -> None:
    member = checks.member(table, c.member_id)
    if not member.connected:
        emit(ev.Connected(member.id))
    seat = table.seat_of(member.id)
    if seat is not None and seat.sitting_out and seat.sit_out_reason is SitOutReason.DISCONNECTED:
        emit(ev.SatIn(seat.number))


def _disconnect(table: Table, c: cmd.Disconnect, now: float, emit: Emit) -> None:
    member = table.members.get(c.member_id)
    if member is not None and member.connected:  # a member who is gone just goes quietly
        emit(ev.Disconnected(member.id))


def _tick(table: Table, c: cmd.Tick, now: float, emit: Emit) -> None:
    settings = table.settings
    held = seats_held(table)
    for seat in list(table.seats.values()):
        member = table.members[seat.member_id]
        if member.connected or member.disconnected_at is None:
            continue
        away = now - member.disconnected_at
        free = away >= settings.seat_free_seconds and table.hand_index(seat.number) is None
        if free and not held:
            emit(ev.SeatLeft(member.id, seat.number, seat.stack, Departure.FREED))
        elif away >= settings.disconnect_grace_seconds and not seat.sitting_out:
            emit(ev.SatOut(seat.number, SitOutReason.DISCONNECTED))
    deadline = table.turn_deadline()
    actor = table.actor_seat
    if actor is not None and not table.paused and deadline is not None and now >= deadline:
        emit(auto_action(table, actor, timed_out=True))
        seat = table.seats[actor]
        if seat.timeouts >= settings.timeouts_before_sit_out and not seat.sitting_out:
            emit(ev.SatOut(actor, SitOutReason.TIMEOUTS))


RULES = dict(
    [
        rule(cmd.Restarted, _restarted),
        rule(cmd.Connect, _connect),
        rule(cmd.Disconnect, _disconnect),
        rule(cmd.Tick, _tick),
    ]
)
