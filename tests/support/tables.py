"""Building tables for tests: seated players and a deck stacked hand by hand."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

import pytest

from host_server.errors import CommandError
from host_server.rules.deck import FULL_DECK
from host_server.rules.moves import Action
from host_server.table import commands as cmd, decide, events as ev, snapshot
from host_server.table.settings import TableSettings
from host_server.table.state import Table

T0 = 1_800_000_000.0


class StackedDeck(random.Random):
    """Deals the given decks in turn, then shuffles as usual."""

    def __init__(self, decks: Sequence[Sequence[str]] = ()) -> None:
        super().__init__(7)
        self.decks = [tuple(d) for d in decks]

    def shuffle(self, x: list[Any]) -> None:  # type: ignore[override]
        if self.decks:
            x[:] = self.decks.pop(0)
        else:
            super().shuffle(x)


def stack(holes: Sequence[str], board: str = "") -> tuple[str, ...]:
    """A deck that deals `holes` (one "AsKd" per player, small blind first; "AsKdQhJc"
    at Omaha) and `board`, one card at a time around the table.

    The board's five cards land after their burns; the rest fills up in order.
    """
    n = len(holes)
    want = [h[2 * k : 2 * k + 2] for k in range(len(holes[0]) // 2) for h in holes]
    cards = [board[i : i + 2] for i in range(0, len(board), 2)]
    rest = [c for c in FULL_DECK if c not in want and c not in cards]
    deck = list(want)
    # burn, flop x3, burn, turn, burn, river
    for i, card in enumerate(cards):
        if i in (0, 3, 4):
            deck.append(rest.pop())
        deck.append(card)
    deck += rest
    assert len(deck) == 52 and len(set(deck)) == 52, (n, deck)
    return tuple(deck)


def stack_twice(holes: list[str], first: str, second: str) -> tuple[str, ...]:
    """A deck dealing `holes` (in the hand's order), then `first`'s five cards after their
    burns, then `second`'s (the second run's, from where the first ended)."""
    want = [h[:2] for h in holes] + [h[2:] for h in holes]
    boards = [first[i : i + 2] for i in range(0, 10, 2)] + [
        second[i : i + 2] for i in range(0, 10, 2)
    ]
    rest = [c for c in FULL_DECK if c not in want and c not in boards]
    deck = list(want)
    for i, card in enumerate(boards):
        if i % 5 in (0, 3, 4):
            deck.append(rest.pop())  # a burn before the flop, the turn and the river
        deck.append(card)
    return tuple(deck + rest)


class Game:
    """A table with a clock, driven the way the server drives it."""

    def __init__(self, table: Table, now: float = T0) -> None:
        self.table = table
        self.now = now
        self.log: list[ev.Event] = []

    def do(self, command: cmd.Command, wait: float = 0.0) -> list[ev.Event]:
        self.now += wait
        events = decide.handle(self.table, command, self.now)
        self.log += events
        return events

    def tick(self, wait: float) -> list[ev.Event]:
        return self.do(cmd.Tick(), wait)

    def act(self, seat: int, action: Action | str, amount: int | None = None) -> list[ev.Event]:
        member = self.table.seats[seat].member_id
        return self.do(cmd.Act(member, Action(action), self.table.hand_no, amount))

    def stacks(self) -> dict[int, int]:
        return {n: self.table.live_stack(n) for n in sorted(self.table.seats)}

    def kinds(self, events: list[ev.Event] | None = None) -> list[str]:
        return [e.kind for e in (self.log if events is None else events)]


def refused(game: Game, command: cmd.Command, code: str) -> None:
    """The command is refused with `code` and a message, and the table is as it was."""
    before = snapshot.to_dict(game.table)
    with pytest.raises(CommandError) as error:
        game.do(command)
    assert error.value.code == code and error.value.message
    assert snapshot.to_dict(game.table) == before


def seated(
    stacks: dict[int, int],
    decks: Sequence[Sequence[str]] = (),
    start: bool = True,
    **settings: Any,
) -> Game:
    """The host (member 1) in the first seat, then one guest per seat, in seat order.

    With `start`, the clock moves on until the first hand is dealt.
    """
    options: dict[str, Any] = {
        "seats": 10,
        "small_blind": 1,
        "big_blind": 2,
        "min_buy_in": 10,
        "max_buy_in": 1000,
        "auto_approve": True,
        **settings,
    }
    table, first = decide.create(
        "t", TableSettings("Test", **options), "Host", T0, StackedDeck(decks)
    )
    game = Game(table)
    game.log += first
    for i, (seat, chips) in enumerate(sorted(stacks.items())):
        member = 1
        if i:
            game.do(cmd.RequestJoin(f"P{seat}"))
            member = table.next_member_id - 1
            if not table.settings.auto_approve:
                game.do(cmd.Approve(1, member))
        game.do(cmd.Sit(member, seat, chips))
    if start:
        game.tick(table.settings.between_hands_seconds)
        assert table.hand is not None
    return game


def fold_all(table: Table, now: float) -> None:
    """Everyone folds to the blind: the hand in play is over."""
    for _ in range(20):
        if table.actor_seat is None:
            return
        member = table.seats[table.actor_seat].member_id
        legal = table.hand.legal() if table.hand else None
        action = Action.FOLD if legal is not None and legal.can_fold else Action.CHECK
        decide.handle(table, cmd.Act(member, action, table.hand_no), now)
