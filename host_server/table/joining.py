"""Who is at the table: joining, approval, leaving, kicks, and the host's bots."""

from __future__ import annotations

import hmac
import re

from host_server.errors import Code, CommandError
from host_server.table import checks, commands as cmd, events as ev
from host_server.table.checks import rule
from host_server.table.events import Emit
from host_server.table.members import MAX_MEMBERS, BotLevel, Departure, Member, Role, clean_name
from host_server.table.seating import leave_seat
from host_server.table.state import Table

JOIN_KEY = re.compile(r"[A-Za-z0-9_\-]{16,64}")


def _keyed(table: Table, key: str | None) -> bool:
    """The guest holds the table's join key (compared in constant time)."""
    known = table.join_key
    return key is not None and known is not None and hmac.compare_digest(key, known)


def _request_join(table: Table, c: cmd.RequestJoin, now: float, emit: Emit) -> None:
    name = clean_name(c.name)
    present = [m for m in table.members.values() if m.role is not Role.GONE]
    if name.casefold() in table.banned:
        raise CommandError("The host has banned that name from this table.", code=Code.BANNED)
    if any(m.name.casefold() == name.casefold() for m in present):
        raise CommandError(f"Someone here is already called {name}.", code=Code.NAME_TAKEN)
    if len(present) >= MAX_MEMBERS:
        raise CommandError("This table has no room for more guests.", code=Code.TABLE_FULL)
    waiting = sum(m.role is Role.PENDING for m in present)
    admitted = table.settings.auto_approve or _keyed(table, c.key)
    if not admitted and waiting >= table.settings.max_pending:
        raise CommandError(
            "Too many guests are waiting for the host to let them in: try again later.",
            code=Code.TOO_MANY_WAITING,
        )
    member_id = table.next_member_id
    emit(ev.JoinRequested(member_id, name))
    if admitted:
        emit(ev.MemberApproved(member_id))


def _set_join_key(table: Table, c: cmd.SetJoinKey, now: float, emit: Emit) -> None:
    checks.host(table, c.by)
    if c.key is not None and not JOIN_KEY.fullmatch(c.key):
        # (Never from a client: the host core makes the key. Not a wire code, then.)
        raise CommandError("A join key is 16 to 64 letters, digits, - or _.", code="bad_key")
    if c.key != table.join_key:
        emit(ev.JoinKeyChanged(c.key))


def _pending_target(table: Table, by: int, member_id: int) -> Member:
    checks.host(table, by)
    target = checks.member(table, member_id)
    if target.role is not Role.PENDING:
        raise CommandError("That member is not waiting for approval.", code=Code.NOT_PENDING)
    return target


def _approve(table: Table, c: cmd.Approve, now: float, emit: Emit) -> None:
    _pending_target(table, c.by, c.member_id)
    emit(ev.MemberApproved(c.member_id))


def _reject(table: Table, c: cmd.Reject, now: float, emit: Emit) -> None:
    _pending_target(table, c.by, c.member_id)
    emit(ev.MemberRejected(c.member_id))


def _leave(table: Table, c: cmd.Leave, now: float, emit: Emit) -> None:
    member = checks.member(table, c.by)
    if member.role is Role.HOST:
        raise CommandError(
            "The host closes the table instead of leaving.", code=Code.HOST_CANNOT_LEAVE
        )
    if table.seat_of(member.id) is not None:
        checks.not_in_tournament(table, "leaving (sit out, and the blinds take your stack)")
    checks.no_exit_pending(member)
    _depart(table, member, Departure.LEAVE, emit)


def _depart(table: Table, member: Member, reason: Departure, emit: Emit) -> None:
    """Leave the seat (now or after the hand) and then the table, cashing out."""
    if leave_seat(table, member, reason, emit):
        emit(ev.MemberLeft(member.id, reason, member.balance))


def _kick(table: Table, c: cmd.Kick, now: float, emit: Emit) -> None:
    checks.host(table, c.by)
    target = checks.member(table, c.member_id)
    if target.role is Role.HOST:
        raise CommandError("The host cannot be kicked.", code=Code.CANNOT_KICK_HOST)
    if table.seat_of(target.id) is not None:
        checks.not_in_tournament(table, "removing players")
    checks.no_exit_pending(target)
    if c.ban:
        emit(ev.MemberBanned(target.id))
    if target.role is Role.PENDING:
        emit(ev.MemberRejected(target.id))
    else:
        _depart(table, target, Departure.KICK, emit)


BOT_NAMES = (
    "Ada", "Blaise", "Carl", "Dora", "Emmy", "Felix", "Grace", "Hedy", "Ivan", "Joan",
    "Kurt", "Lise", "Max", "Nils", "Olga",
)  # fmt: skip


def _add_bot(table: Table, c: cmd.AddBot, now: float, emit: Emit) -> None:
    checks.host(table, c.by)
    checks.registration_open(table)
    seat = checks.free_seat(table, c.seat)
    try:
        level = BotLevel(c.level)
    except ValueError:
        levels = ", ".join(level.value for level in BotLevel)
        raise CommandError(f"Bot levels are {levels}.", code=Code.INVALID_LEVEL) from None
    s = table.settings
    buy_in = s.max_buy_in if c.buy_in is None else checks.whole(c.buy_in, "buy-in")
    if not s.min_buy_in <= buy_in <= s.max_buy_in:
        raise CommandError(
            f"Buy in for between {s.min_buy_in} and {s.max_buy_in}.", code=Code.AMOUNT_OUT_OF_RANGE
        )
    taken = {m.name.casefold() for m in table.members.values() if m.role is not Role.GONE}
    names = [n for n in BOT_NAMES if n.casefold() not in taken]
    name = names[0] if names else f"Bot {table.next_member_id}"
    member_id = table.next_member_id
    emit(ev.BotAdded(member_id, name, level.value))
    emit(ev.SeatTaken(member_id, seat, buy_in, 0))


def _remove_bot(table: Table, c: cmd.RemoveBot, now: float, emit: Emit) -> None:
    checks.host(table, c.by)
    seat = table.seats.get(c.seat) if isinstance(c.seat, int) else None
    bot = table.members[seat.member_id] if seat is not None else None
    if bot is None or bot.bot is None:
        raise CommandError(f"There is no bot in seat {c.seat}.", code=Code.NOT_A_BOT)
    checks.not_in_tournament(table, "removing bots")
    checks.no_exit_pending(bot)
    _depart(table, bot, Departure.REMOVED, emit)


RULES = dict(
    [
        rule(cmd.RequestJoin, _request_join),
        rule(cmd.SetJoinKey, _set_join_key),
        rule(cmd.Approve, _approve),
        rule(cmd.Reject, _reject),
        rule(cmd.Leave, _leave),
        rule(cmd.Kick, _kick),
        rule(cmd.AddBot, _add_bot),
        rule(cmd.RemoveBot, _remove_bot),
    ]
)
