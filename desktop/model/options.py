"""What the home-game options and the checked shuffle do to the table's model: a bomb
pot called, a straddle chosen, the run-it-twice question and its runs, a 7-2 bounty,
and the check of the deck revealed at a hand's end; each told in the hand log."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.model import words
from desktop.model.state import TableState
from host_server.rules.deck import opened_right
from host_server.table import home_game
from host_server.table.shuffle import EntropyAdded, ShuffleCommitted, ShuffleRevealed


def bomb_pot_called(model: TableState, e: home_game.BombPotCalled) -> None:
    model.bomb_next = e.on
    model.say(words.bomb_pot_called(e.on))


def run_twice_offered(model: TableState, e: home_game.RunTwiceOffered) -> None:
    model.run_twice = home_game.Question(e.seats, e.until, {})
    model.say(words.run_twice_asked([model.seat_name(seat) for seat in e.seats]))


def run_twice_answered(model: TableState, e: home_game.RunTwiceAnswered) -> None:
    if model.run_twice is not None:
        model.run_twice.answers[e.seat] = e.yes
    model.say(words.run_twice_answer(model.seat_name(e.seat), e.yes))


def runs_chosen(model: TableState, e: home_game.RunsChosen) -> None:
    model.run_twice = None
    if e.count == 2:
        model.second_board = list(model.board)  # (the cards before the all-in: both runs')
    model.say(words.runs(e.count))


def shuffle_committed(model: TableState, e: ShuffleCommitted) -> None:
    """The next deck's commitment: the screen answers it with my value (`to_give`), and
    the deal brings the commitment again, with the values mixed in."""


def entropy_added(model: TableState, e: EntropyAdded) -> None:
    """A value the host took for the next deck: when it is mine, that deck must mix it in."""
    if e.member_id == model.me and model.given.get(e.hand_no) == e.value:
        model.taken = e.hand_no


def shuffle_revealed(model: TableState, e: ShuffleRevealed) -> None:
    """The host's deck opened to me: it was the one committed to, mixed with the values
    (mine among them, when the host took it), and the cards I saw were dealt from it (my
    own, the board, those shown)."""
    if not model.commitment:
        return  # (a hand dealt before this table checked its shuffles)
    cards = {card for _, card, _ in e.opened}
    mine = model.mine
    seen = {*model.board, *model.second_board, *(mine.cards if mine else [])}
    right = opened_right(e.leaves, model.commitment, model.entropy, e.opened)
    mixed = model.taken != model.hand_no or model.given.get(model.hand_no) in model.entropy
    model.say(words.deck_checked(right and seen <= cards, mixed))


def straddle_chosen(model: TableState, e: home_game.StraddleChosen) -> None:
    if e.member_id == model.me:
        model.straddles = e.on
        model.say(words.straddle_choice(e.on))


def seven_deuce_paid(model: TableState, e: home_game.SevenDeucePaid) -> None:
    """The 7-2 is turned up for everyone (won uncontested, it was never shown)."""
    seat = model.seats.get(e.seat)
    if seat is not None:
        seat.cards, seat.hidden = list(e.cards), 0
    won = max(e.amounts)
    model.say(words.seven_deuce(model.seat_name(e.seat), e.cards, model.seven_deuce, won))


HANDLERS: dict[type, Callable[[TableState, Any], None]] = {
    home_game.BombPotCalled: bomb_pot_called,
    home_game.StraddleChosen: straddle_chosen,
    home_game.RunTwiceOffered: run_twice_offered,
    home_game.RunTwiceAnswered: run_twice_answered,
    home_game.RunsChosen: runs_chosen,
    home_game.SevenDeucePaid: seven_deuce_paid,
    ShuffleCommitted: shuffle_committed,
    EntropyAdded: entropy_added,
    ShuffleRevealed: shuffle_revealed,
}
