"""The game: acting in a hand, the host's pause, blinds and close, and chat."""

from __future__ import annotations

from host_server.errors import Code, CommandError, SettingsError
from host_server.rules.moves import Action
from host_server.table import checks, commands as cmd, events as ev, home_game
from host_server.table.checks import rule
from host_server.table.events import Emit
from host_server.table.members import Departure, Role
from host_server.table.settings import check_blinds
from host_server.table.shuffle import EntropyAdded
from host_server.table.state import Table


def _act(table: Table, c: cmd.Act, now: float, emit: Emit) -> None:
    seat = checks.seated(table, c.by)
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
        checks.whole(c.amount, "amount")
    index = table.hand_index(seat.number)
    if index is None:
        raise CommandError("You are not in this hand.", code=Code.NOT_YOUR_TURN)
    move = table.hand.verify(index, action, c.amount)
    emit(ev.PlayerActed(seat.number, move.action.value, move.amount, False))


def _run_twice(table: Table, c: cmd.RunTwice, now: float, emit: Emit) -> None:
    seat = checks.seated(table, c.by)
    asked = home_game.question(table.hand_log) if table.hand is not None else None
    if asked is None or seat.number not in asked.seats:
        raise CommandError("Nobody asked you to run it twice.", code=Code.NOT_ASKED)
    if seat.number in asked.answers:
        raise CommandError("You have answered already.", code=Code.ALREADY_ANSWERED)
    emit(home_game.RunTwiceAnswered(seat.number, c.yes))


def _entropy(table: Table, c: cmd.Entropy, now: float, emit: Emit) -> None:
    seat = checks.seated(table, c.by)
    value = c.value if isinstance(c.value, str) else ""
    if not 32 <= len(value) <= 128 or any(ch not in "0123456789abcdef" for ch in value):
        raise CommandError("A value is 32 to 128 lowercase hex digits.", code=Code.BAD_ENTROPY)
    pending = table.shuffle
    if pending is None or c.hand_no != pending.hand_no:
        raise CommandError("That hand is dealt already.", code=Code.STALE_HAND)
    if seat.member_id in pending.given:
        raise CommandError("You gave your value for this hand.", code=Code.BAD_ENTROPY)
    emit(EntropyAdded(seat.member_id, c.hand_no, value))


def _straddle(table: Table, c: cmd.Straddle, now: float, emit: Emit) -> None:
    member = checks.member(table, c.by)
    if table.settings.straddle != "optional":
        raise CommandError("This table has no optional straddle.", code=Code.NO_STRADDLE)
    if member.straddles == c.on:
        words = "You straddle already." if c.on else "You do not straddle."
        raise CommandError(words, code=Code.NO_STRADDLE)
    emit(home_game.StraddleChosen(member.id, c.on))


def _pause(table: Table, c: cmd.Pause, now: float, emit: Emit) -> None:
    checks.host(table, c.by)
    if table.paused or (table.pause_pending and not c.immediate):
        raise CommandError("The game is already paused.", code=Code.ALREADY_PAUSED)
    if c.immediate or table.hand is None:
        emit(ev.Paused())
    else:
        emit(ev.PauseScheduled())


def _unpause(table: Table, c: cmd.Unpause, now: float, emit: Emit) -> None:
    checks.host(table, c.by)
    if not (table.paused or table.pause_pending):
        raise CommandError("The game is not paused.", code=Code.NOT_PAUSED)
    emit(ev.Unpaused())


def _set_blinds(table: Table, c: cmd.SetBlinds, now: float, emit: Emit) -> None:
    checks.host(table, c.by)
    if table.tournament is not None:
        raise CommandError("A tournament's blinds follow its levels.", code=Code.INVALID_BLINDS)
    try:
        check_blinds(c.small_blind, c.big_blind, c.ante)
    except SettingsError as error:
        raise CommandError(error.message, code=Code.INVALID_BLINDS) from None
    least = table.settings.min_buy_in
    if c.big_blind > least:  # a minimum buy-in must cover a big blind
        raise CommandError(
            f"The big blind can be at most the minimum buy-in ({least}).",
            code=Code.INVALID_BLINDS,
        )
    emit(ev.BlindsChanged(c.small_blind, c.big_blind, c.ante))


def _bomb_pot(table: Table, c: cmd.BombPot, now: float, emit: Emit) -> None:
    checks.host(table, c.by)
    if not table.settings.bomb_pot:
        raise CommandError("This table has no bomb pots.", code=Code.NO_BOMB_POTS)
    if c.on and table.bomb_next:
        raise CommandError(
            "A bomb pot is already called for the next hand.", code=Code.BOMB_POT_CALLED
        )
    if not c.on and not table.bomb_next:
        raise CommandError("No bomb pot is called.", code=Code.NO_BOMB_POTS)
    emit(home_game.BombPotCalled(c.on))


def _start_tournament(table: Table, c: cmd.StartTournament, now: float, emit: Emit) -> None:
    checks.host(table, c.by)
    if table.tournament is None:
        raise CommandError("This table plays a cash game.", code=Code.NOT_A_TOURNAMENT)
    if table.tournament.started:
        raise CommandError("The tournament has already started.", code=Code.TOURNAMENT_STARTED)
    members = [s.member_id for _, s in sorted(table.seats.items())]
    if len(members) < 2:
        raise CommandError("A tournament needs two players seated.", code=Code.TOO_FEW_PLAYERS)
    seats = table.rng.sample(range(1, table.settings.seats + 1), len(members))
    emit(ev.TournamentStarted(tuple(members), tuple(seats), table.rng.choice(seats)))


def _close(table: Table, c: cmd.Close, now: float, emit: Emit) -> None:
    checks.host(table, c.by)
    if table.hand is not None:
        raise CommandError("Wait for the hand to end (pause first).", code=Code.HAND_IN_PROGRESS)
    for seat in list(table.seats.values()):
        emit(ev.SeatLeft(seat.member_id, seat.number, seat.stack, Departure.CLOSED))
    for member in list(table.members.values()):
        if member.role is not Role.GONE and member.balance:
            emit(ev.MemberLeft(member.id, Departure.CLOSED, member.balance))
    emit(ev.TableClosed())


MAX_CHAT = 500


def _chat(table: Table, c: cmd.Chat, now: float, emit: Emit) -> None:
    member = checks.member(table, c.by)
    guest = member.role in (Role.PENDING, Role.SPECTATOR)
    if guest and not table.settings.guest_chat:
        raise CommandError("Only players can chat at this table.", code=Code.CHAT_NOT_ALLOWED)
    text = " ".join(c.text.split()) if isinstance(c.text, str) else ""
    if not 1 <= len(text) <= MAX_CHAT or not text.isprintable():
        raise CommandError(
            f"Chat messages are 1 to {MAX_CHAT} printable characters.", code=Code.INVALID_CHAT
        )
    emit(ev.ChatPosted(member.id, text))


RULES = dict(
    [
        rule(cmd.Act, _act),
        rule(cmd.RunTwice, _run_twice),
        rule(cmd.Straddle, _straddle),
        rule(cmd.Entropy, _entropy),
        rule(cmd.Pause, _pause),
        rule(cmd.Unpause, _unpause),
        rule(cmd.SetBlinds, _set_blinds),
        rule(cmd.BombPot, _bomb_pot),
        rule(cmd.StartTournament, _start_tournament),
        rule(cmd.Close, _close),
        rule(cmd.Chat, _chat),
    ]
)
