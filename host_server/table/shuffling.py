"""The dealer's side of the shuffle players can check (`shuffle`): a commitment to the
next hand's deck, and at a hand's end the deck revealed, each card to whoever saw it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from host_server.rules.deck import HOLE_CARDS, commitment, leaves, salts, shuffled_deck, unmixed
from host_server.table.events import Emit
from host_server.table.home_game import SevenDeucePaid
from host_server.table.shuffle import ShuffleCommitted, ShuffleRevealed

if TYPE_CHECKING:
    from host_server.table.state import Table


def drawn(table: Table) -> ShuffleCommitted:
    """A deck for the next hand, and the commitment to it."""
    deck = shuffled_deck(table.rng)
    secret = f"{table.rng.getrandbits(128):032x}"
    hidden = leaves(deck, salts(secret))
    return ShuffleCommitted(table.hand_no + 1, commitment(hidden), deck, secret)


def commit(table: Table, emit: Emit) -> None:
    """Commit to the next hand's deck (its players may add to it until it is dealt)."""
    emit(drawn(table))


def revealed(table: Table) -> ShuffleRevealed:
    """Every card's leaf, and where the cards everyone saw were dealt (the board, both
    runs', and every hand shown or turned up)."""
    hand, start = table.hand, table.hand_start
    assert hand is not None and start is not None
    public = [*hand.board, *hand.second_board, *(c for cs in table.shown.values() for c in cs)]
    public += [c for e in table.hand_log if isinstance(e, SevenDeucePaid) for c in e.cards]
    seen = tuple(sorted({start.deck.index(card) for card in public}))
    committed = unmixed(start.deck, start.commitment, start.entropy)
    hidden = leaves(committed, salts(start.secret))
    return ShuffleRevealed(
        hidden, committed=committed, deck=start.deck, secret=start.secret,
        members=start.members, seen=seen, holes=HOLE_CARDS[start.variant],
    )  # fmt: skip
