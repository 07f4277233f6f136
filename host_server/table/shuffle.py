"""A shuffle players can check, for `Table` (state.py): the host commits to a deck
before the deal (`ShuffleCommitted`), the players add their values to it
(`EntropyAdded`), the hand is dealt from the committed deck mixed with them
(`rules.deck.mixed`), and at its end the host reveals what it committed to
(`ShuffleRevealed`). The events and their fold; the dealer commits and reveals."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from host_server.rules.deck import salts
from host_server.table import events as ev


@dataclass(frozen=True)
class ShuffleCommitted(ev.Event, kind="shuffle_committed"):
    """The commitment to the next hand's deck. `deck` and `secret` (its cards' salts come
    from it) are secret: only the host's store holds them (the views drop them)."""

    hand_no: int
    commitment: str
    deck: tuple[str, ...] = ()  # (defaults: as a member receives it, without them)
    secret: str = ""


@dataclass(frozen=True)
class EntropyAdded(ev.Event, kind="entropy_added"):
    """A player's value, to be mixed into the deck of `hand_no`."""

    member_id: int
    hand_no: int
    value: str


@dataclass(frozen=True)
class ShuffleRevealed(ev.Event, kind="shuffle_revealed"):
    """At the hand's end, what the host committed to: every card's leaf (`rules.deck.leaves`)
    for everyone, and to each member the cards they saw opened (their own, the board's,
    those shown: `seen` are the positions dealt of the public ones, `members` the hand's
    order for each one's own `holes`), so each checks the shuffle and learns no other card."""

    leaves: tuple[str, ...]
    opened: tuple[tuple[int, str, str], ...] = ()  # a member's: (position dealt, card, salt)
    # As stored (a member receives `opened` instead): the committed and the dealt deck,
    # the salts' secret, the hand's members and the public cards.
    committed: tuple[str, ...] = ()
    deck: tuple[str, ...] = ()
    secret: str = ""
    members: tuple[int, ...] = ()
    seen: tuple[int, ...] = ()
    holes: int = 2  # hole cards each (four at Omaha)

    def opened_to(self, viewer: int | None, every_card: bool = False) -> ShuffleRevealed:
        """What `viewer` may see of it: every leaf, and the cards they saw opened."""
        n = len(self.members)
        positions = set(self.seen)
        if every_card:
            positions = set(range(len(self.deck)))
        elif viewer in self.members:
            p = self.members.index(viewer)
            positions |= {p + k * n for k in range(self.holes)}
        salt = salts(self.secret)
        opened = tuple(
            (pos, self.deck[pos], salt[self.committed.index(self.deck[pos])])
            for pos in sorted(positions)
        )
        return ShuffleRevealed(self.leaves, opened)

    def seen_by(self, viewer: int | None, every_card: bool = False) -> dict[str, Any]:
        """`opened_to` as sent (and as a hand's history keeps it for that viewer)."""
        mine = self.opened_to(viewer, every_card)
        return {"kind": self.kind, "leaves": list(mine.leaves), "opened": [*map(list, mine.opened)]}


@dataclass
class Pending:
    """The next hand's committed deck, and the values added to it so far."""

    hand_no: int
    commitment: str
    deck: tuple[str, ...]
    secret: str
    values: list[str] = field(default_factory=list)
    given: list[int] = field(default_factory=list)  # who gave them, in order

    def to_dict(self) -> dict[str, Any]:
        return {
            "hand_no": self.hand_no, "commitment": self.commitment, "deck": list(self.deck),
            "secret": self.secret, "values": self.values, "given": self.given,
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Pending:
        return cls(
            data["hand_no"], data["commitment"], tuple(data["deck"]), data["secret"],
            list(data["values"]), list(data["given"]),
        )  # fmt: skip


class ShuffleFold:
    shuffle: Pending | None

    def _shuffle_committed(self, e: ShuffleCommitted, at: float) -> None:
        self.shuffle = Pending(e.hand_no, e.commitment, e.deck, e.secret)

    def _entropy_added(self, e: EntropyAdded, at: float) -> None:
        assert self.shuffle is not None
        self.shuffle.values.append(e.value)
        self.shuffle.given.append(e.member_id)

    def _shuffle_hand(self, e: ev.HandStarted) -> None:
        self.shuffle = None  # (dealt: the next hand gets a commitment of its own)


APPLY: dict[type[ev.Event], Any] = {
    ShuffleCommitted: ShuffleFold._shuffle_committed,
    EntropyAdded: ShuffleFold._entropy_added,
}
