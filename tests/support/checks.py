"""Invariant checks shared by the property, store and crash tests."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from host_server.rules.deck import HOLE_CARDS, deal_holes
from host_server.store.sqlite import Store
from host_server.table import events as ev
from host_server.table.home_game import SevenDeucePaid
from host_server.table.state import Table
from host_server.views import live as views

CARD = re.compile(r"^[2-9TJQKA][cdhs]$")


def cards_in(value: Any) -> set[str]:
    """Every string anywhere in a message that looks like a card."""
    if isinstance(value, str):
        return {value} if CARD.match(value) else set()
    if isinstance(value, dict):
        return set().union(*(cards_in(v) for v in value.values())) if value else set()
    if isinstance(value, (list, tuple)):
        return set().union(*(cards_in(v) for v in value)) if value else set()
    return set()


def assert_conserved(table: Table) -> None:
    brought, held = table.chips_accounted()
    assert brought == held, f"chips: {brought} brought in, {held} accounted for"


class LeakWatch:
    """Follows a table's events and knows which cards each member may have seen."""

    def __init__(self) -> None:
        self.holes: dict[int, tuple[str, ...]] = {}
        self.public: set[str] = set()

    @classmethod
    def of(cls, table: Table) -> LeakWatch:
        """A watch that starts where `table` is (mid-hand: its deal, board and shown hands)."""
        watch = cls()
        start, hand = table.hand_start, table.hand
        if start is not None and hand is not None:
            holes = deal_holes(start.deck, len(start.seats), HOLE_CARDS[start.variant])
            watch.holes = dict(zip(start.members, holes, strict=True))
            watch.public = {*hand.board, *hand.second_board}
            watch.public |= {c for cards in table.shown.values() for c in cards}
        return watch

    def allowed(self, viewer: int | None) -> set[str]:
        own = set(self.holes.get(viewer, ())) if viewer is not None else set()
        return self.public | own

    def follow(self, table: Table, events: Iterable[ev.Event]) -> None:
        """Check the projection of each event to every member, as it is sent."""
        viewers: list[int | None] = [*table.members, None]
        for event in events:
            if isinstance(event, ev.HandStarted):
                holes = deal_holes(event.deck, len(event.seats), HOLE_CARDS[event.variant])
                self.holes = dict(zip(event.members, holes, strict=True))
                self.public = set()
            elif isinstance(event, (ev.BoardDealt, ev.HandShown, SevenDeucePaid)):
                self.public |= set(event.cards)  # (a 7-2 that collects is turned up)
            for viewer in viewers:
                seen = cards_in(views.project(table, event, viewer))
                leaked = seen - self.allowed(viewer)
                assert not leaked, f"{event.kind} shows {leaked} to member {viewer}"

    def check_snapshots(self, table: Table) -> None:
        for viewer in [*table.members, None]:
            seen = cards_in(views.snapshot(table, viewer))
            leaked = seen - self.allowed(viewer)
            assert not leaked, f"snapshot shows {leaked} to member {viewer}"


def archived_hands(store: Store, table_id: str) -> list[dict[str, Any]]:
    """The archive's rows of a table, oldest first (what the host keeps: decks included)."""
    rows = store.db.execute(
        "SELECT hand_no, ended_at, deck, record FROM hands WHERE table_id = ? ORDER BY hand_no",
        [table_id],
    )
    return [{"hand_no": r[0], "ended_at": r[1], "deck": r[2], "record": r[3]} for r in rows]
