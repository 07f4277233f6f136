"""What each event does to the table window: its state, and a line in the hand log."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.model import options, sit_and_go, words
from desktop.model.speech import translate
from desktop.model.state import MemberView, SeatView, TableState
from host_server.protocol.events import Dealt
from host_server.rules.deck import HOLE_CARDS
from host_server.rules.names import best
from host_server.table import events as ev
from host_server.table.members import Role

# --- members ------------------------------------------------------------------


def join_requested(model: TableState, e: ev.JoinRequested) -> None:
    model.members[e.member_id] = MemberView(e.member_id, e.name, Role.PENDING)
    model.say(translate("HandLog", "{} asks to join").format(e.name))


def bot_added(model: TableState, e: ev.BotAdded) -> None:
    model.members[e.member_id] = MemberView(e.member_id, e.name, Role.SPECTATOR, True, e.level)
    model.say(words.bot_added(e.name, e.level))


def _asked(model: TableState, member_id: int, amount: int) -> None:
    """What a member waits for the host to give (0: nothing)."""
    member = model.members.get(member_id)
    if member is not None:
        member.top_up_asked = amount


def top_up_requested(model: TableState, e: ev.TopUpRequested) -> None:
    _asked(model, e.member_id, e.amount)
    model.top_up_waiting |= e.member_id == model.me
    model.say(
        translate("HandLog", "{} asks the host for {} more chips").format(
            model.name_of(e.member_id), e.amount
        )
    )


def top_up_approved(model: TableState, e: ev.TopUpApproved) -> None:
    _asked(model, e.member_id, 0)
    if e.member_id == model.me:
        model.top_up_waiting = True
        if model.my_seat is not None and model.seats[model.my_seat].status != "waiting":
            model.say(
                translate("HandLog", "Your {} chips arrive when this hand ends").format(e.amount)
            )


def top_up_rejected(model: TableState, e: ev.TopUpRejected) -> None:
    _asked(model, e.member_id, 0)
    if e.member_id == model.me:
        model.top_up_waiting = False
    model.say(words.top_up_refused(model.name_of(e.member_id), e.reason))


def topped_up(model: TableState, e: ev.ToppedUp) -> None:
    seat = model.seats.get(e.seat)
    if seat is not None:
        seat.stack += e.amount
    if e.member_id == model.me:
        model.top_up_waiting = False
    model.say(translate("HandLog", "{} adds {} chips").format(model.name_of(e.member_id), e.amount))


def member_approved(model: TableState, e: ev.MemberApproved) -> None:
    member = model.members.get(e.member_id)
    if member is not None:
        member.role = Role.SPECTATOR
        model.say(translate("HandLog", "{} is let in").format(member.name))
    if e.member_id == model.me:
        model.role = Role.SPECTATOR


def member_rejected(model: TableState, e: ev.MemberRejected) -> None:
    member = model.members.pop(e.member_id, None)
    if member is not None:
        model.say(translate("HandLog", "{} was not let in").format(member.name))


def join_key_changed(model: TableState, e: ev.JoinKeyChanged) -> None:
    """(The host's alone: others are sent nothing of it.)"""
    renewed = e.key is not None and model.join_key is not None
    model.join_key = e.key
    model.say(
        translate("HandLog", "A new invite key: earlier invites wait for your approval again")
        if renewed
        else translate("HandLog", "Your invites let their holders in without asking")
        if e.key is not None
        else translate("HandLog", "Your invites wait for your approval again")
    )


def member_banned(model: TableState, e: ev.MemberBanned) -> None:
    member = model.members.get(e.member_id)
    if member is not None:
        model.say(translate("HandLog", "{} is banned from this table").format(member.name))


def member_left(model: TableState, e: ev.MemberLeft) -> None:
    member = model.members.pop(e.member_id, None)
    model.say(words.left(member.name if member else translate("HandLog", "Someone"), e.reason))


def connected(model: TableState, e: ev.Connected) -> None:
    _presence(model, e.member_id, True)


def disconnected(model: TableState, e: ev.Disconnected) -> None:
    _presence(model, e.member_id, False)
    model.say(translate("HandLog", "{} lost connection").format(model.name_of(e.member_id)))


def _presence(model: TableState, member_id: int, connected: bool) -> None:
    if member_id in model.members:
        model.members[member_id].connected = connected
    for seat in model.seats.values():
        if seat.member_id == member_id:
            seat.connected = connected


# --- seats --------------------------------------------------------------------


def seat_taken(model: TableState, e: ev.SeatTaken) -> None:
    name, member = model.name_of(e.member_id), model.members.get(e.member_id)
    connected = member.connected if member is not None else True
    bot = member.bot if member is not None else None
    model.seats[e.seat] = SeatView(e.seat, e.member_id, name, e.stack, connected=connected, bot=bot)
    if member is not None and member.role is not Role.HOST:
        member.role = Role.PLAYER
    if e.member_id == model.me and model.role is not Role.HOST:
        model.role = Role.PLAYER
    sit_and_go.seated(model)
    model.say(translate("HandLog", "{} sits down in seat {} with {}").format(name, e.seat, e.stack))


def seat_left(model: TableState, e: ev.SeatLeft) -> None:
    model.seats.pop(e.seat, None)
    _asked(model, e.member_id, 0)  # no seat, nothing to top up
    if e.member_id == model.me:
        model.top_up_waiting = False
        model.balance += e.stack
        if model.role is Role.PLAYER:
            model.role = Role.SPECTATOR
    if e.reason != "finished":  # (out of a tournament: its place was said)
        model.say(words.stood_up(model.name_of(e.member_id), e.stack, e.reason))


def exit_scheduled(model: TableState, e: ev.ExitScheduled) -> None:
    model.say(
        translate("HandLog", "{} will leave after this hand").format(model.name_of(e.member_id))
    )


def sat_out(model: TableState, e: ev.SatOut) -> None:
    seat = model.seats.get(e.seat)
    if seat is not None:
        seat.sitting_out = True
        if model.street is None or seat.status not in ("playing", "acting", "all_in"):
            seat.status = "sitting_out"
        model.say(words.sat_out(seat.name, e.reason))


def sat_in(model: TableState, e: ev.SatIn) -> None:
    seat = model.seats.get(e.seat)
    if seat is not None:
        seat.sitting_out = False
        if seat.status == "sitting_out":
            seat.status = "waiting"
        model.say(translate("HandLog", "{} is back").format(seat.name))


# --- the game -----------------------------------------------------------------


def paused(model: TableState, e: ev.Paused) -> None:
    model.paused = True
    sit_and_go.paused(model, sit_and_go.clock())
    model.say(translate("HandLog", "The host paused the game"))


def pause_scheduled(model: TableState, e: ev.PauseScheduled) -> None:
    model.say(translate("HandLog", "The game will pause after this hand"))


def unpaused(model: TableState, e: ev.Unpaused) -> None:
    model.paused = False
    sit_and_go.unpaused(model, sit_and_go.clock())
    model.say(translate("HandLog", "The game goes on"))


def blinds_changed(model: TableState, e: ev.BlindsChanged) -> None:
    model.small_blind, model.big_blind, model.ante = e.small_blind, e.big_blind, e.ante
    model.say(words.blinds(e.small_blind, e.big_blind, e.ante))


def chat_posted(model: TableState, e: ev.ChatPosted) -> None:
    model.chat.append((model.name_of(e.member_id), e.text))


def host_restarted(model: TableState, e: ev.HostRestarted) -> None:
    model.say(translate("HandLog", "The host restarted; the game goes on where it was"))


def table_closed(model: TableState, e: ev.TableClosed) -> None:
    model.closed = True
    model.say(translate("HandLog", "The host closed the table"))


def table_created(model: TableState, e: ev.TableCreated) -> None:
    pass  # the table's first event: a snapshot always comes after it


# --- a hand -------------------------------------------------------------------


def hand_started(model: TableState, e: Dealt) -> None:
    model.hand_no, model.button, model.street = e.hand_no, e.button, "preflop"
    model.board, model.pots, model.winners = [], [], {}
    model.second_board, model.run_twice = [], None
    model.commitment, model.entropy = e.commitment, e.entropy
    sit_and_go.dealt(model)
    for view in model.seats.values():
        view.bet, view.cards, view.hidden, view.hand_name = 0, [], 0, None
        if view.status != "sitting_out":
            view.status = "waiting"
    for number, stack in zip(e.seats, e.stacks, strict=True):
        dealt = model.seats.get(number)
        if dealt is None:
            continue
        dealt.stack, dealt.status = stack, "playing"
        if dealt.member_id == model.me and e.your_cards:
            dealt.cards = list(e.your_cards)
        else:
            dealt.hidden = HOLE_CARDS[e.variant]
    held = e.button in model.seats
    model.say(words.button(e.hand_no, model.seat_name(e.button) if held else None))
    if e.straddle:
        model.say(words.straddles(model.seat_name(e.seats[2]), e.straddle))
    if e.bomb:
        model.bomb_next = False
        model.say(words.bomb_pot(e.bomb))
    if e.your_cards:
        model.say(words.dealt(e.your_cards))


def player_acted(model: TableState, e: ev.PlayerActed) -> None:
    seat = model.seats.get(e.seat)
    if seat is not None and e.action == "fold":
        seat.status, seat.hidden = "folded", 0
    model.say(words.acted(model.seat_name(e.seat), e.action, e.amount, e.timed_out))


def board_dealt(model: TableState, e: ev.BoardDealt) -> None:
    model.street = e.street
    if e.run == 2:
        model.second_board += e.cards
        model.say(words.second_board(e.street, model.second_board))
        return
    model.board += e.cards
    model.say(words.board(e.street, model.board))


def hand_shown(model: TableState, e: ev.HandShown) -> None:
    seat = model.seats.get(e.seat)
    if seat is not None:
        seat.cards, seat.hidden = list(e.cards), 0
    model.say(words.shows(model.seat_name(e.seat), e.cards))


def hand_mucked(model: TableState, e: ev.HandMucked) -> None:
    seat = model.seats.get(e.seat)
    if seat is not None:
        seat.hidden, seat.status = 0, "folded"
        if seat.member_id != model.me:
            seat.cards = []
    model.say(words.mucks(model.seat_name(e.seat)))


def hand_ended(model: TableState, e: ev.HandEnded) -> None:
    for number, stack in zip(e.seats, e.stacks, strict=True):
        seat = model.seats.get(number)
        if seat is not None:
            seat.stack, seat.bet = stack, 0
            if seat.status == "all_in":  # (over: a stack again, not "All-in" till the deal)
                seat.status = "playing"
            if seat.cards and len(model.board) == 5 and not model.second_board:
                seat.hand_name = words.hand(best(seat.cards, model.board))
    model.winners = {s: n for s, n in zip(e.seats, e.net, strict=True) if n > 0}
    for number, net in model.winners.items():
        seat = model.seats.get(number)
        shown = seat.hand_name if seat is not None and seat.status != "folded" else None
        model.say(words.won(model.seat_name(number), net, shown))
    if not model.winners:  # a chopped pot: each got their own chips back
        even = [n for n, net in zip(e.seats, e.net, strict=True) if net == 0]
        model.say(words.split([model.seat_name(n) for n in even if _still_in(model, n)]))
    model.between_hands()


def _still_in(model: TableState, number: int) -> bool:
    seat = model.seats.get(number)
    return seat is not None and seat.status != "folded"


HANDLERS: dict[type, Callable[[TableState, Any], None]] = {
    ev.TableCreated: table_created,
    ev.JoinRequested: join_requested,
    ev.BotAdded: bot_added,
    ev.MemberApproved: member_approved,
    ev.MemberRejected: member_rejected,
    ev.MemberBanned: member_banned,
    ev.JoinKeyChanged: join_key_changed,
    ev.MemberLeft: member_left,
    ev.Connected: connected,
    ev.Disconnected: disconnected,
    ev.SeatTaken: seat_taken,
    ev.SeatLeft: seat_left,
    ev.TopUpRequested: top_up_requested,
    ev.TopUpApproved: top_up_approved,
    ev.TopUpRejected: top_up_rejected,
    ev.ToppedUp: topped_up,
    ev.ExitScheduled: exit_scheduled,
    ev.SatOut: sat_out,
    ev.SatIn: sat_in,
    ev.Paused: paused,
    ev.PauseScheduled: pause_scheduled,
    ev.Unpaused: unpaused,
    ev.BlindsChanged: blinds_changed,
    ev.ChatPosted: chat_posted,
    ev.HostRestarted: host_restarted,
    ev.TableClosed: table_closed,
    Dealt: hand_started,
    ev.PlayerActed: player_acted,
    ev.BoardDealt: board_dealt,
    ev.HandShown: hand_shown,
    ev.HandMucked: hand_mucked,
    ev.HandEnded: hand_ended,
    ev.TournamentStarted: sit_and_go.started,
    ev.LevelUp: sit_and_go.level_up,
    ev.BreakStarted: sit_and_go.break_started,
    ev.RebuyOffered: sit_and_go.rebuy_offered,
    ev.RebuyDeclined: sit_and_go.rebuy_declined,
    ev.Rebought: sit_and_go.rebought,
    ev.PlayerFinished: sit_and_go.finished,
    **options.HANDLERS,
}
