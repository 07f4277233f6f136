"""What each command becomes: the checks that refuse it, then the events it causes.

Every check runs before the first `emit`, so a refused command changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from host_server import commands as cmd, events as ev
from host_server.dealer import Emit, auto_action, deliver_top_up
from host_server.errors import Code, CommandError, SettingsError
from host_server.members import BotLevel, Member, Role, Seat
from host_server.rules import Action
from host_server.settings import check_blinds

if TYPE_CHECKING:
    from host_server.table import Table

MAX_NAME = 24
MAX_MEMBERS = 200


def clean_name(name: object) -> str:
    """Printable characters only (no tabs or newlines); spaces are trimmed and runs of
    them become one."""
    if not isinstance(name, str):
        raise CommandError("A name must be text.", code=Code.INVALID_NAME)
    # isprintable() refuses every whitespace but the plain space, which split() then folds.
    cleaned = " ".join(name.split()) if name.isprintable() else ""
    if not 1 <= len(cleaned) <= MAX_NAME:
        raise CommandError(
            f"Pick a name of 1 to {MAX_NAME} printable characters (no tabs or line breaks).",
            code=Code.INVALID_NAME,
        )
    return cleaned


def _whole(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise CommandError(
            f"The {what} must be a whole number of chips.", code=Code.AMOUNT_OUT_OF_RANGE
        )
    return value


# --- who is asking ------------------------------------------------------------


def _member(table: Table, member_id: object) -> Member:
    member = table.members.get(member_id) if isinstance(member_id, int) else None
    if member is None or member.role is Role.GONE:
        raise CommandError("No such member at this table.", code=Code.UNKNOWN_MEMBER)
    return member


def _approved(table: Table, member_id: int) -> Member:
    member = _member(table, member_id)
    if not member.approved:
        raise CommandError("Wait for the host to let you in.", code=Code.NOT_APPROVED)
    return member


def _host(table: Table, member_id: int) -> Member:
    member = _member(table, member_id)
    if member.role is not Role.HOST:
        raise CommandError("Only the host can do that.", code=Code.NOT_HOST)
    return member


def _seated(table: Table, member_id: int) -> Seat:
    _approved(table, member_id)
    seat = table.seat_of(member_id)
    if seat is None:
        raise CommandError("You are not seated.", code=Code.NOT_SEATED)
    return seat


# --- deciding a command -------------------------------------------------------


def decide(table: Table, c: cmd.Command, now: float, emit: Emit) -> None:
    if table.closed:
        raise CommandError("This table is closed.", code=Code.TABLE_CLOSED)
    handler = _HANDLERS.get(type(c))
    if handler is None:
        raise CommandError(f"Unknown command {type(c).__name__}.", code="unknown_command")
    handler(table, c, now, emit)


def _request_join(table: Table, c: cmd.RequestJoin, now: float, emit: Emit) -> None:
    name = clean_name(c.name)
    present = [m for m in table.members.values() if m.role is not Role.GONE]
    if any(m.name.casefold() == name.casefold() for m in present):
        raise CommandError(f"Someone here is already called {name}.", code=Code.NAME_TAKEN)
    if len(present) >= MAX_MEMBERS:
        raise CommandError("This table has no room for more guests.", code=Code.TABLE_FULL)
    member_id = table.next_member_id
    emit(ev.JoinRequested(member_id, name))
    if table.settings.auto_approve:
        emit(ev.MemberApproved(member_id))


def _pending_target(table: Table, by: int, member_id: int) -> Member:
    _host(table, by)
    target = _member(table, member_id)
    if target.role is not Role.PENDING:
        raise CommandError("That member is not waiting for approval.", code=Code.NOT_PENDING)
    return target


def _approve(table: Table, c: cmd.Approve, now: float, emit: Emit) -> None:
    _pending_target(table, c.by, c.member_id)
    emit(ev.MemberApproved(c.member_id))


def _reject(table: Table, c: cmd.Reject, now: float, emit: Emit) -> None:
    _pending_target(table, c.by, c.member_id)
    emit(ev.MemberRejected(c.member_id))


def _free_seat(table: Table, seat: object) -> int:
    count = table.settings.seats
    if isinstance(seat, bool) or not isinstance(seat, int) or not 1 <= seat <= count:
        raise CommandError(f"Seats are numbered 1 to {count}.", code=Code.SEAT_OUT_OF_RANGE)
    if seat in table.seats:
        raise CommandError(f"Seat {seat} is taken.", code=Code.SEAT_TAKEN)
    return seat


def _sit(table: Table, c: cmd.Sit, now: float, emit: Emit) -> None:
    member = _approved(table, c.by)
    settings = table.settings
    if table.seat_of(c.by) is not None:
        raise CommandError("You already have a seat.", code=Code.ALREADY_SEATED)
    _free_seat(table, c.seat)
    buy_in = _whole(c.buy_in, "buy-in")
    # A returning player brings back at least what they left with (up to the maximum),
    # and may always bring back all of it.
    low = max(settings.min_buy_in, min(member.balance, settings.max_buy_in))
    high = max(settings.max_buy_in, member.balance)
    if not low <= buy_in <= high:
        raise CommandError(f"Buy in for between {low} and {high}.", code=Code.AMOUNT_OUT_OF_RANGE)
    emit(ev.SeatTaken(c.by, c.seat, buy_in, min(member.balance, buy_in)))


def _leave_seat(table: Table, member: Member, reason: str, emit: Emit) -> bool:
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
    _seated(table, c.by)
    _no_exit_pending(table.members[c.by])
    _leave_seat(table, table.members[c.by], "stand", emit)


def _no_exit_pending(member: Member) -> None:
    if member.exit is not None:
        raise CommandError("You are already leaving after this hand.", code=Code.ALREADY_LEAVING)


def _sit_out(table: Table, c: cmd.SitOut, now: float, emit: Emit) -> None:
    seat = _seated(table, c.by)
    if seat.sitting_out:
        raise CommandError("You are already sitting out.", code=Code.ALREADY_SITTING_OUT)
    emit(ev.SatOut(seat.number, "request"))


def _sit_in(table: Table, c: cmd.SitIn, now: float, emit: Emit) -> None:
    seat = _seated(table, c.by)
    if not seat.sitting_out:
        raise CommandError("You are not sitting out.", code=Code.NOT_SITTING_OUT)
    if seat.stack == 0 and table.hand_index(seat.number) is None:
        raise CommandError("You have no chips: rebuy first.", code=Code.NO_CHIPS)
    emit(ev.SatIn(seat.number))


def _top_up(table: Table, c: cmd.TopUp, now: float, emit: Emit) -> None:
    seat = _seated(table, c.by)
    member = table.members[c.by]
    _no_exit_pending(member)
    amount = _whole(c.amount, "top-up")
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
    _host(table, by)
    target = _member(table, member_id)
    if not target.top_up_asked:
        raise CommandError("That member has not asked for chips.", code=Code.NO_TOP_UP)
    return target


def _approve_top_up(table: Table, c: cmd.ApproveTopUp, now: float, emit: Emit) -> None:
    target = _asked_top_up(table, c.by, c.member_id)
    emit(ev.TopUpApproved(target.id, target.top_up_asked))
    deliver_top_up(table, target.id, emit)


def _reject_top_up(table: Table, c: cmd.RejectTopUp, now: float, emit: Emit) -> None:
    target = _asked_top_up(table, c.by, c.member_id)
    emit(ev.TopUpRejected(target.id, "host"))


def _leave(table: Table, c: cmd.Leave, now: float, emit: Emit) -> None:
    member = _member(table, c.by)
    if member.role is Role.HOST:
        raise CommandError(
            "The host closes the table instead of leaving.", code=Code.HOST_CANNOT_LEAVE
        )
    _no_exit_pending(member)
    _depart(table, member, "leave", emit)


def _depart(table: Table, member: Member, reason: str, emit: Emit) -> None:
    """Leave the seat (now or after the hand) and then the table, cashing out."""
    if _leave_seat(table, member, reason, emit):
        emit(ev.MemberLeft(member.id, reason, member.balance))


def _act(table: Table, c: cmd.Act, now: float, emit: Emit) -> None:
    seat = _seated(table, c.by)
    if table.hand is None:
        raise CommandError("No hand is being played.", code=Code.NO_HAND)
    if c.hand_no != table.hand_no:
        raise CommandError(
            f"That was for hand {c.hand_no}; this is hand {table.hand_no}.", code=Code.STALE_HAND
        )
    if table.paused:
        raise CommandError("The game is paused.", code=Code.PAUSED)
    if c.decision is not None and c.decision != table.decision:
        raise CommandError("That was for an earlier turn.", code=Code.STALE_DECISION)
    try:
        action = Action(c.action)
    except ValueError:
        raise CommandError(f"Unknown action {c.action!r}.", code=Code.ILLEGAL_ACTION) from None
    if c.amount is not None:
        _whole(c.amount, "amount")
    index = table.hand_index(seat.number)
    if index is None:
        raise CommandError("You are not in this hand.", code=Code.NOT_YOUR_TURN)
    move = table.hand.verify(index, action, c.amount)
    emit(ev.PlayerActed(seat.number, move.action.value, move.amount, False))


def _pause(table: Table, c: cmd.Pause, now: float, emit: Emit) -> None:
    _host(table, c.by)
    if table.paused or (table.pause_pending and not c.immediate):
        raise CommandError("The game is already paused.", code=Code.ALREADY_PAUSED)
    if c.immediate or table.hand is None:
        emit(ev.Paused())
    else:
        emit(ev.PauseScheduled())


def _unpause(table: Table, c: cmd.Unpause, now: float, emit: Emit) -> None:
    _host(table, c.by)
    if not (table.paused or table.pause_pending):
        raise CommandError("The game is not paused.", code=Code.NOT_PAUSED)
    emit(ev.Unpaused())


def _kick(table: Table, c: cmd.Kick, now: float, emit: Emit) -> None:
    _host(table, c.by)
    target = _member(table, c.member_id)
    if target.role is Role.HOST:
        raise CommandError("The host cannot be kicked.", code=Code.CANNOT_KICK_HOST)
    _no_exit_pending(target)
    if target.role is Role.PENDING:
        emit(ev.MemberRejected(target.id))
    else:
        _depart(table, target, "kick", emit)


BOT_NAMES = (
    "Ada", "Blaise", "Carl", "Dora", "Emmy", "Felix", "Grace", "Hedy", "Ivan", "Joan",
    "Kurt", "Lise", "Max", "Nils", "Olga",
)  # fmt: skip


def _add_bot(table: Table, c: cmd.AddBot, now: float, emit: Emit) -> None:
    _host(table, c.by)
    seat = _free_seat(table, c.seat)
    try:
        level = BotLevel(c.level)
    except ValueError:
        levels = ", ".join(level.value for level in BotLevel)
        raise CommandError(f"Bot levels are {levels}.", code=Code.INVALID_LEVEL) from None
    s = table.settings
    buy_in = s.max_buy_in if c.buy_in is None else _whole(c.buy_in, "buy-in")
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
    _host(table, c.by)
    seat = table.seats.get(c.seat) if isinstance(c.seat, int) else None
    bot = table.members[seat.member_id] if seat is not None else None
    if bot is None or bot.bot is None:
        raise CommandError(f"There is no bot in seat {c.seat}.", code=Code.NOT_A_BOT)
    _no_exit_pending(bot)
    _depart(table, bot, "removed", emit)


def _set_blinds(table: Table, c: cmd.SetBlinds, now: float, emit: Emit) -> None:
    _host(table, c.by)
    try:
        check_blinds(c.small_blind, c.big_blind, c.ante)
    except SettingsError as error:
        raise CommandError(error.message, code=Code.INVALID_BLINDS) from None
    emit(ev.BlindsChanged(c.small_blind, c.big_blind, c.ante))


def _close(table: Table, c: cmd.Close, now: float, emit: Emit) -> None:
    _host(table, c.by)
    if table.hand is not None:
        raise CommandError("Wait for the hand to end (pause first).", code=Code.HAND_IN_PROGRESS)
    for seat in list(table.seats.values()):
        emit(ev.SeatLeft(seat.member_id, seat.number, seat.stack, "closed"))
    for member in list(table.members.values()):
        if member.role is not Role.GONE and member.balance:
            emit(ev.MemberLeft(member.id, "closed", member.balance))
    emit(ev.TableClosed())


MAX_CHAT = 500


def _chat(table: Table, c: cmd.Chat, now: float, emit: Emit) -> None:
    member = _member(table, c.by)
    guest = member.role in (Role.PENDING, Role.SPECTATOR)
    if guest and not table.settings.guest_chat:
        raise CommandError("Only players can chat at this table.", code=Code.CHAT_NOT_ALLOWED)
    text = " ".join(c.text.split()) if isinstance(c.text, str) else ""
    if not 1 <= len(text) <= MAX_CHAT or not text.isprintable():
        raise CommandError(
            f"Chat messages are 1 to {MAX_CHAT} printable characters.", code=Code.INVALID_CHAT
        )
    emit(ev.ChatPosted(member.id, text))


def _restarted(table: Table, c: cmd.Restarted, now: float, emit: Emit) -> None:
    emit(ev.HostRestarted(max(0.0, now - c.down_since)))


def _connect(table: Table, c: cmd.Connect, now: float, emit: Emit) -> None:
    member = _member(table, c.member_id)
    if not member.connected:
        emit(ev.Connected(member.id))
    seat = table.seat_of(member.id)
    if seat is not None and seat.sitting_out and seat.sit_out_reason == "disconnected":
        emit(ev.SatIn(seat.number))


def _disconnect(table: Table, c: cmd.Disconnect, now: float, emit: Emit) -> None:
    member = table.members.get(c.member_id)
    if member is not None and member.connected:  # a member who is gone just goes quietly
        emit(ev.Disconnected(member.id))


def _tick(table: Table, c: cmd.Tick, now: float, emit: Emit) -> None:
    settings = table.settings
    for seat in list(table.seats.values()):
        member = table.members[seat.member_id]
        if member.connected or member.disconnected_at is None:
            continue
        away = now - member.disconnected_at
        if away >= settings.seat_free_seconds and table.hand_index(seat.number) is None:
            emit(ev.SeatLeft(member.id, seat.number, seat.stack, "freed"))
        elif away >= settings.disconnect_grace_seconds and not seat.sitting_out:
            emit(ev.SatOut(seat.number, "disconnected"))
    deadline = table.turn_deadline()
    actor = table.actor_seat
    if actor is not None and not table.paused and deadline is not None and now >= deadline:
        emit(auto_action(table, actor, timed_out=True))
        seat = table.seats[actor]
        if seat.timeouts >= settings.timeouts_before_sit_out and not seat.sitting_out:
            emit(ev.SatOut(actor, "timeouts"))


_HANDLERS: dict[type[cmd.Command], Callable[[Table, cmd.Command, float, Emit], None]] = {
    cmd.RequestJoin: _request_join,  # type: ignore[dict-item]
    cmd.Approve: _approve,  # type: ignore[dict-item]
    cmd.Reject: _reject,  # type: ignore[dict-item]
    cmd.Sit: _sit,  # type: ignore[dict-item]
    cmd.Stand: _stand,  # type: ignore[dict-item]
    cmd.SitOut: _sit_out,  # type: ignore[dict-item]
    cmd.SitIn: _sit_in,  # type: ignore[dict-item]
    cmd.Leave: _leave,  # type: ignore[dict-item]
    cmd.TopUp: _top_up,  # type: ignore[dict-item]
    cmd.ApproveTopUp: _approve_top_up,  # type: ignore[dict-item]
    cmd.RejectTopUp: _reject_top_up,  # type: ignore[dict-item]
    cmd.Act: _act,  # type: ignore[dict-item]
    cmd.Pause: _pause,  # type: ignore[dict-item]
    cmd.Unpause: _unpause,  # type: ignore[dict-item]
    cmd.Kick: _kick,  # type: ignore[dict-item]
    cmd.SetBlinds: _set_blinds,  # type: ignore[dict-item]
    cmd.AddBot: _add_bot,  # type: ignore[dict-item]
    cmd.RemoveBot: _remove_bot,  # type: ignore[dict-item]
    cmd.Close: _close,  # type: ignore[dict-item]
    cmd.Chat: _chat,  # type: ignore[dict-item]
    cmd.Restarted: _restarted,  # type: ignore[dict-item]
    cmd.Connect: _connect,  # type: ignore[dict-item]
    cmd.Disconnect: _disconnect,  # type: ignore[dict-item]
    cmd.Tick: _tick,  # type: ignore[dict-item]
}
