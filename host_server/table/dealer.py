"""The dealer's own moves: dealing, showdown, ending a hand, starting the next one,
and when the clocks next need a `Tick`.

At a cash game the button is a *moving* button: it always passes to the next seat
dealt in, the blinds are the two seats after it (heads-up the button posts the small
blind). Nobody ever posts a dead blind; a seat joining mid-orbit plays from its first
hand. A sit-and-go of three or more plays a *dead* button (`_dead_button`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from host_server.rules.bounty import seven_deuce
from host_server.rules.deck import mixed
from host_server.rules.moves import Action
from host_server.table import events as ev, home_game
from host_server.table.home_game import SevenDeucePaid
from host_server.table.members import Departure, Member, SitOutReason, TopUpRefusal
from host_server.table.shuffle import Pending
from host_server.table.shuffling import commit, drawn, revealed

if TYPE_CHECKING:
    from host_server.table.state import Table

Emit = Callable[[ev.Event], None]


# --- the dealer's own moves -----------------------------------------------------


def auto_action(table: Table, seat: int, *, timed_out: bool) -> ev.PlayerActed:
    """Check when free, else fold: for timeouts and for players who are not there."""
    assert table.hand is not None
    legal = table.hand.legal()
    assert legal is not None
    action = Action.CHECK if legal.can_check else Action.FOLD
    return ev.PlayerActed(seat, action.value, 0, timed_out)


def _absent(table: Table, seat_no: int) -> bool:
    """Acts automatically: gone, leaving, or sat out by the table (not by request; in a
    tournament a seat sitting out for any reason is blinded away)."""
    seat = table.seats.get(seat_no)
    if seat is None:
        return True
    member = table.members[seat.member_id]
    return member.exit is not None or (
        seat.sitting_out
        and (seat.sit_out_reason is not SitOutReason.REQUEST or table.tournament is not None)
    )


def deliver_top_up(table: Table, member_id: int, emit: Emit) -> None:
    """Put an approved top-up on the stack now, unless the seat is in a hand."""
    member = table.members[member_id]
    seat = table.seat_of(member_id)
    if seat is None or not member.top_up or table.hand_index(seat.number) is not None:
        return
    room = table.settings.max_buy_in - seat.stack
    if table.tournament is not None:  # (a rebuy or the add-on: what was paid for)
        room = member.top_up
    if room <= 0:
        emit(ev.TopUpRejected(member_id, TopUpRefusal.FULL))
        return
    emit(ev.ToppedUp(member_id, seat.number, min(member.top_up, room)))
    if seat.sitting_out and seat.sit_out_reason is SitOutReason.BUSTED:
        emit(ev.SatIn(seat.number))


def eligible_seats(table: Table) -> list[int]:
    """Seats that will be dealt into the next hand, in seat order (in a tournament every
    stack is: one sitting out posts its blinds and folds)."""
    if table.tournament is not None:
        return [n for n, s in sorted(table.seats.items()) if s.stack > 0]
    return [
        n
        for n, s in sorted(table.seats.items())
        if s.stack > 0 and not s.sitting_out and table.members[s.member_id].exit is None
    ]


def seats_held(table: Table) -> bool:
    """A running tournament never frees a seat for being away: its stack is blinded."""
    return table.tournament is not None and table.tournament.running


def _may_deal(table: Table) -> bool:
    """A cash game deals whenever it can; a tournament from its start to its winner,
    but for its breaks."""
    t = table.tournament
    on = t is None or (t.running and t.break_until is None and not t.offers)
    return not table.paused and not table.closed and on


def settle(table: Table, now: float, emit: Emit) -> None:
    """Make every move that is nobody's decision, until someone must decide.

    A hand that ends here is settled and archived, but the next one is dealt by the
    next `Tick` (at once when no pause between hands is set): the action that ended
    the hand is committed and seen without waiting for a deal."""
    ended = False
    _level_clock(table, now, emit)
    while table.hand is not None and table.hand_start is not None:
        hand, start = table.hand, table.hand_start
        if hand.board_due:
            street, run, cards = hand.next_board()
            emit(ev.BoardDealt(street, cards, run))
        elif (player := hand.showdown_player) is not None:
            seat = start.seats[player]
            if hand.should_show(player):
                emit(ev.HandShown(seat, hand.hole_cards(player)))
            else:
                emit(ev.HandMucked(seat))
        elif hand.finished:
            _end(table, emit)
            ended = True
        elif (actor := table.actor_seat) is not None and _absent(table, actor):
            emit(auto_action(table, actor, timed_out=False))
        elif not (hand.runs_asked and _run_twice(table, now, emit)):
            return
    _between_hands(table, now, emit, deal=not ended)


def _straddles(table: Table, seat: int) -> bool:
    """The player under the gun (after the big blind) straddles: always, or by choice."""
    how = table.settings.straddle
    return how == "mandatory" or (how == "optional" and _member(table, seat).straddles)


RUN_TWICE_SECONDS = 15.0  # the question's clock (at most the action clock)


def _run_twice(table: Table, now: float, emit: Emit) -> bool:
    """All in with cards to come: ask everyone in the hand whether to run it twice (bots
    say yes; anyone away makes it once, unasked), then deal once or twice as they said,
    or once when the clock runs out. False while the answers are awaited."""
    start = table.hand_start
    assert start is not None and table.hand is not None
    asked = home_game.question(table.hand_log)
    if asked is None:
        seats = tuple(s for i, s in enumerate(start.seats) if table.hand.in_hand(i))
        if any(_absent(table, seat) or table.away(_member(table, seat)) for seat in seats):
            emit(home_game.RunsChosen(1))
            return True
        seconds = min(RUN_TWICE_SECONDS, table.settings.action_seconds)
        emit(home_game.RunTwiceOffered(seats, now + seconds))
        for seat in seats:
            if _member(table, seat).bot is not None:
                emit(home_game.RunTwiceAnswered(seat, True))
        return True
    # (A pause holds the question: its clock is only read while the game goes on.)
    count = asked.decided or (1 if now >= asked.until and not table.paused else None)
    if count is None:
        return False
    emit(home_game.RunsChosen(count))
    return True


def _member(table: Table, seat: int) -> Member:
    return table.members[table.seats[seat].member_id]


def _end(table: Table, emit: Emit) -> None:
    """The hand's result; at the 7-2 game, each bounty first (counted in the result);
    the deck the host committed to, revealed; then the next hand's commitment."""
    hand, start = table.hand, table.hand_start
    assert hand is not None and start is not None
    stacks, net = list(hand.stacks), list(hand.winnings())
    for winner, change in seven_deuce(hand, table.settings.seven_deuce):
        emit(SevenDeucePaid(start.seats[winner], hand.hole_cards(winner), change))
        stacks = [s + c for s, c in zip(stacks, change, strict=True)]
        net = [n + c for n, c in zip(net, change, strict=True)]
    if start.commitment:
        emit(revealed(table))
    emit(ev.HandEnded(table.hand_no, start.seats, tuple(stacks), tuple(net)))
    commit(table, emit)


def _between_hands(table: Table, now: float, emit: Emit, *, deal: bool) -> None:
    for member in list(table.members.values()):
        if member.exit is not None:
            reason = member.exit
            seat = table.seat_of(member.id)
            if seat is not None:
                emit(ev.SeatLeft(member.id, seat.number, seat.stack, reason))
            if reason is not Departure.STAND:
                emit(ev.MemberLeft(member.id, reason, table.members[member.id].balance))
    for member in list(table.members.values()):
        if member.top_up:
            deliver_top_up(table, member.id, emit)
    if table.tournament is not None:
        if table.tournament.running:
            _finish_busted(table, now, emit)
    else:
        _rebuy_or_sit_out(table, emit)
    if table.pause_pending:
        emit(ev.Paused())
    if not deal or not _may_deal(table) or now < table.next_hand_at:
        return
    _deal(table, eligible_seats(table), now, emit)


def _rebuy_or_sit_out(table: Table, emit: Emit) -> None:
    for seat in list(table.seats.values()):
        member = table.members[seat.member_id]
        if seat.stack == 0 and member.bot is not None and member.exit is None:
            # A busted bot rebuys for the maximum, so a table of bots keeps going.
            emit(ev.TopUpApproved(member.id, table.settings.max_buy_in))
            deliver_top_up(table, member.id, emit)
        elif seat.stack == 0 and not seat.sitting_out:
            emit(ev.SatOut(seat.number, SitOutReason.BUSTED))


def _deal(table: Table, seats: list[int], now: float, emit: Emit) -> None:
    if len(seats) < 2:
        return
    if _hands_played_out(table):
        _next_level(table, now, emit)  # levels by hands: this one has had its hands
        if not _may_deal(table):
            return  # (a break first)
    button, order, dead_small_blind = _dead_button(table, seats) or _moving_button(table, seats)
    s = table.settings
    straddle = 2 * s.big_blind if len(order) > 2 and _straddles(table, order[2]) else 0
    every = s.bomb_pot_every and (table.hand_no + 1) % s.bomb_pot_every == 0
    bomb = s.bomb_pot if table.bomb_next or every else 0
    pending = table.shuffle
    if pending is None or pending.hand_no != table.hand_no + 1:
        # The first hand: no commitment was made at a hand's end for players to add to;
        # it is made now, and its hand_started tells it (no value could reach it).
        first = drawn(table)
        pending = Pending(first.hand_no, first.commitment, first.deck, first.secret)
    emit(
        ev.HandStarted(
            hand_no=table.hand_no + 1,
            button=button,
            seats=order,
            members=tuple(table.seats[n].member_id for n in order),
            stacks=tuple(table.seats[n].stack for n in order),
            small_blind=s.small_blind,
            big_blind=s.big_blind,
            ante=s.ante,
            deck=mixed(pending.deck, pending.commitment, pending.values),
            dead_small_blind=dead_small_blind,
            straddle=0 if bomb else straddle,
            bomb=bomb,
            commitment=pending.commitment,
            entropy=tuple(pending.values),
            secret=pending.secret,
            variant=s.variant,
        )
    )
    settle(table, now, emit)


Positions = tuple[int, tuple[int, ...], int | None]  # button, acting order, dead small blind


def _moving_button(table: Table, seats: list[int]) -> Positions:
    """The button to the next seat dealt in; pokerkit's order: the seats after the
    button, the button last."""
    previous = table.button
    after = [n for n in seats if previous is None or n > previous]
    button = (after or seats)[0] if previous is not None else seats[0]
    at = seats.index(button)
    return button, tuple(seats[at + 1 :] + seats[: at + 1]), None


def _dead_button(table: Table, seats: list[int]) -> Positions | None:
    """A sit-and-go's dead button, three players or more: the big blind moves to the
    next seat dealt in, the small blind to where the big blind was and the button to
    where the small blind was, held or not (nobody busted skips a blind or pays one
    twice). None, for the moving button: the first hand, heads-up, or a late seat taken
    between the button and the small blind."""
    t = table.tournament
    if t is None or t.blinds_at is None or len(seats) < 3:
        return None
    button, small = t.blinds_at

    def after(seat: int) -> list[int]:  # the seats dealt in, clockwise from `seat`
        return [n for n in seats if n > seat] + [n for n in seats if n <= seat]

    big = next(n for n in after(small) if n != small)
    order = after(button)
    if order[0] != (small if small in seats else big):
        return None
    return button, tuple(order), None if small in seats else small


def next_deadline(table: Table) -> float | None:
    """The earliest time at which `Tick` (or settling) would do something."""
    if table.closed:
        return None
    times: list[float] = []
    s = table.settings
    held = seats_held(table)
    for seat in table.seats.values():
        member = table.members[seat.member_id]
        if member.connected or member.disconnected_at is None:
            continue
        if not seat.sitting_out:
            times.append(member.disconnected_at + s.disconnect_grace_seconds)
        if table.hand_index(seat.number) is None and not held:
            times.append(member.disconnected_at + s.seat_free_seconds)
    if table.hand is not None and not table.paused:
        deadline = table.turn_deadline()
        if deadline is not None:
            times.append(deadline)
        asked = home_game.question(table.hand_log) if table.hand.runs_asked else None
        if asked is not None:  # (read from the steps only while pokerkit asks for runs)
            times.append(asked.until)
    if table.hand is None and _may_deal(table) and len(eligible_seats(table)) >= 2:
        times.append(table.next_hand_at)
    if table.tournament is not None and table.tournament.running and not table.paused:
        assert table.settings.tournament is not None
        level_ends = table.tournament.level_ends(table.settings.tournament)
        if level_ends is not None:
            times.append(level_ends)
        times += table.tournament.offers.values()
    return min(times) if times else None


# --- a sit-and-go -----------------------------------------------------------------


def _level_clock(table: Table, now: float, emit: Emit) -> None:
    """Blinds up when the level's time is over (a level lasts from when the last one
    was due, not from when the clock was next looked at)."""
    tournament, structure = table.tournament, table.settings.tournament
    if tournament is None or structure is None or not tournament.running or table.paused:
        return
    while (ends := tournament.level_ends(structure)) is not None and now >= ends:
        _next_level(table, ends, emit)


def _hands_played_out(table: Table) -> bool:
    """Levels by hands: the level in play has been dealt its hands (the last lasts)."""
    t, structure = table.tournament, table.settings.tournament
    if t is None or structure is None or not structure.hands_per_level:
        return False
    return t.level_hands >= structure.hands_per_level and t.level + 1 < len(structure.levels)


def _next_level(table: Table, at: float, emit: Emit) -> None:
    """The level in play is over at `at`: a break, when one is due after it, else the
    next level (a break's end brings the next level)."""
    tournament, structure = table.tournament, table.settings.tournament
    assert tournament is not None and structure is not None
    due = structure.break_every and (tournament.level + 1) % structure.break_every == 0
    if due and tournament.break_until is None:
        emit(ev.BreakStarted(at + 60.0 * structure.break_minutes))
        return
    level = structure.levels[tournament.level + 1]
    emit(ev.LevelUp(tournament.level + 1, level.small_blind, level.big_blind, level.ante, at))


def _finish_busted(table: Table, now: float, emit: Emit) -> None:
    """Every seat the last hand emptied finishes, in a place and with its prize; who
    started the hand with fewer chips finishes lower (a tie: the lower seat number).
    While rebuys are open, a player (not a bot) is offered one first, for the length
    of the action clock."""
    tournament, structure = table.tournament, table.settings.tournament
    assert tournament is not None and structure is not None
    result = table.last_result  # the hand just ended: what each seat started it with
    started: dict[int, int] = {}
    if result is not None:
        for seat_no, stack, net in zip(result.seats, result.stacks, result.net, strict=True):
            started[seat_no] = stack - net
    busted = sorted(
        (s for s in table.seats.values() if s.stack == 0),
        key=lambda s: (started.get(s.number, 0), -s.number),
    )
    left = len(tournament.entrants) - len(tournament.finished)
    for seat in busted:
        offer = tournament.offers.get(seat.member_id)
        human = table.members[seat.member_id].bot is None
        if offer is None and human and tournament.rebuys_open(structure):
            since = table.paused_at if table.paused and table.paused_at is not None else now
            emit(ev.RebuyOffered(seat.member_id, since + table.settings.action_seconds))
            continue
        if offer is not None and (now < offer or table.paused):
            continue  # (still theirs to take; a pause holds the offer's clock too)
        emit(ev.PlayerFinished(seat.member_id, left, tournament.prize(structure, left)))
        emit(ev.SeatLeft(seat.member_id, seat.number, 0, Departure.FINISHED))
        left -= 1
    if left == 1:
        (winner,) = table.seats.values()
        emit(ev.PlayerFinished(winner.member_id, 1, tournament.prize(structure, 1)))
