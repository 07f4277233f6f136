"""The hand type pokerkit judges showdowns with: its standard high hand, ranked by
phevaluator (a C evaluator, about a hundred times faster here than pokerkit's
lookup; tests/host_server/rules/test_high_hand.py checks it orders every hand as
pokerkit does), each player's best hand formed once per deal. pokerkit's own five
cards and entry are worked out only when something asks for them (a hand's name)."""

from __future__ import annotations

import functools
from typing import ClassVar

from phevaluator.card import Card as Id
from phevaluator.evaluator import evaluate_cards  # (the package itself imports lazily)
from pokerkit import Card, CardsLike, Deck, Entry, Hand, StandardHighHand

_KEPT = 4096  # best hands remembered: a few hands' showdowns at every table
Game = tuple[tuple[Card, ...], tuple[Card, ...]]  # hole cards, board cards
_ID = {card: Id.to_id(repr(card)) for card in Deck.STANDARD}  # phevaluator's numbers


def _cards(values: CardsLike) -> tuple[Card, ...]:
    """`Card.clean`, quicker for what pokerkit hands us (lists, tuples and filters of cards),
    since a showdown asks for each best hand dozens of times."""
    if isinstance(values, (str, Card)):
        return Card.clean(values)
    return tuple(values)


class HighHand(StandardHighHand):
    """Stronger is greater, as pokerkit's; ties are equal. pokerkit asks who can win,
    and compares hands, many times per showdown: here each is one integer."""

    _best: ClassVar[dict[Game, HighHand]] = {}
    _rank: int  # phevaluator's: 1 is a royal flush, 7462 the worst high card
    _game: Game

    @classmethod
    def from_game(cls, hole_cards: CardsLike, board_cards: CardsLike = ()) -> HighHand:
        game = (_cards(hole_cards), _cards(board_cards))
        best = cls._best.get(game)
        if best is None:
            cards = game[0] + game[1]
            if not 5 <= len(cards) <= 7:  # (pokerkit's from_game_or_none expects this)
                raise ValueError(f"A hold'em hand is five to seven cards, not {len(cards)}.")
            if len(cls._best) >= _KEPT:
                cls._best.clear()
            best = cls._best[game] = cls.__new__(cls)
            best._rank, best._game = evaluate_cards(*(_ID[c] for c in cards)), game
        return best

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, HighHand):
            return NotImplemented
        return self._rank > other._rank

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, HighHand):
            return NotImplemented
        return self._rank == other._rank

    def __hash__(self) -> int:
        return hash(self._rank)

    @functools.cached_property
    def _pokerkits(self) -> Hand:
        return StandardHighHand.from_game(*self._game)

    @property
    def cards(self) -> tuple[Card, ...]:
        return self._pokerkits.cards

    @property
    def entry(self) -> Entry:
        return self._pokerkits.entry
