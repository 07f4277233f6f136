"""What a bot knows when it must act: built only from the protocol's messages for its seat.

The host builds it from `views` for the bot's member, an external bot from the
frames it received; both go through `Situation.from_messages`, so a policy can
never read the deck or anyone else's hole cards.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from host_server.rules.moves import Action
from host_server.table.state import Table
from host_server.views import live as views


@dataclass(frozen=True)
class Step:
    """One public action of the hand so far."""

    street: str
    seat: int
    action: str
    amount: int


@dataclass(frozen=True)
class Decision:
    action: Action
    amount: int | None = None


@dataclass(frozen=True)
class Situation:
    hand_no: int
    seat: int
    hole: tuple[str, ...]
    board: tuple[str, ...]
    street: str
    big_blind: int
    order: tuple[int, ...]  # seats in the hand: small blind first, button last
    stacks: dict[int, int]
    bets: dict[int, int]
    statuses: dict[int, str]
    pot: int  # everything in the middle, this street's bets included
    legal: dict[str, Any]
    history: tuple[Step, ...]
    variant: str = "nlhe"  # "plo": four hole cards, two of them played (`bots.omaha`)

    @classmethod
    def from_messages(
        cls,
        turn: dict[str, Any],
        hole: Iterable[str],
        hand_events: Iterable[dict[str, Any]],
        seat: int,
    ) -> Situation:
        """From a `turn` message (with `legal`), the seat's own cards and the hand's
        events as the seat received them, from its `hand_started` on."""
        street, history, big_blind, variant = "preflop", [], 0, "nlhe"
        for event in hand_events:
            if event.get("kind") == "hand_started":
                big_blind, variant = event["big_blind"], event.get("variant", "nlhe")
            elif event.get("kind") == "board_dealt":
                street = event["street"]
            elif event.get("kind") == "player_acted":
                history.append(Step(street, event["seat"], event["action"], event["amount"]))
        seats = turn["seats"]
        bets = {s["seat"]: s["bet"] for s in seats}
        return cls(
            hand_no=turn["hand_no"],
            seat=seat,
            hole=tuple(hole),
            board=tuple(turn["board"]),
            street=turn["street"],
            big_blind=big_blind,
            order=tuple(s["seat"] for s in seats),
            stacks={s["seat"]: s["stack"] for s in seats},
            bets=bets,
            statuses={s["seat"]: s["status"] for s in seats},
            pot=sum(p["amount"] for p in turn["pots"]) + sum(bets.values()),
            legal=turn["legal"],
            history=tuple(history),
            variant=variant,
        )

    # --- what policies ask ----------------------------------------------------

    @property
    def to_call(self) -> int:
        return int(self.legal.get("call") or 0)

    @property
    def raise_range(self) -> tuple[int, int] | None:
        """(min, max) to bet or raise to, or None when raising is closed."""
        limits = self.legal.get("bet") or self.legal.get("raise")
        return (limits["min"], limits["max"]) if limits else None

    @property
    def stack(self) -> int:
        return self.stacks[self.seat]

    @property
    def pot_odds(self) -> float:
        """The share of the final pot a call puts in: call when equity beats it."""
        return self.to_call / (self.pot + self.to_call) if self.to_call else 0.0

    @property
    def opponents(self) -> list[int]:
        """Seats still contesting the pot besides this one."""
        return [
            s
            for s in self.order
            if s != self.seat and self.statuses.get(s) in ("playing", "acting", "all_in")
        ]

    @property
    def position(self) -> float:
        """0.0 acts first after the flop (small blind) .. 1.0 the button."""
        if len(self.order) < 2 or self.seat not in self.order:
            return 0.0
        return self.order.index(self.seat) / (len(self.order) - 1)

    @property
    def in_blinds(self) -> bool:
        # Heads-up the button is the small blind and index 0 the big blind.
        index = self.order.index(self.seat)
        return index == 0 or (len(self.order) > 2 and index == 1)

    def raises(self, street: str | None = None) -> int:
        """Bets and raises so far on `street` (default: this one)."""
        street = street or self.street
        return sum(1 for s in self.history if s.street == street and s.action in ("bet", "raise"))

    def aggressor(self, street: str) -> int | None:
        """Who bet or raised last on `street`."""
        for step in reversed(self.history):
            if step.street == street and step.action in ("bet", "raise"):
                return step.seat
        return None

    def acted(self, seat: int, street: str) -> list[str]:
        return [s.action for s in self.history if s.street == street and s.seat == seat]

    # --- turning intentions into legal moves ------------------------------------

    def passive(self) -> Decision:
        """Check if free, else call."""
        return Decision(Action.CHECK) if self.legal.get("check") else Decision(Action.CALL)

    def give_up(self) -> Decision:
        """Check if free, else fold."""
        return Decision(Action.CHECK) if self.legal.get("check") else Decision(Action.FOLD)

    def bet_to(self, total: float) -> Decision:
        """Bet or raise to about `total`, within the limits; call or check when closed."""
        limits = self.raise_range
        if limits is None:
            return self.passive()
        low, high = limits
        total = max(low, min(high, int(total)))
        if total >= high * 0.85:  # nearly everything: put it all in
            return Decision(Action.ALL_IN)
        return Decision(Action.BET if self.legal.get("bet") else Action.RAISE, total)


def situation_for(table: Table, member_id: int) -> Situation | None:
    """The bot's situation when it is its turn, read through the views like any client."""
    turn = views.turn(table, member_id)
    if turn is None or turn.get("legal") is None or turn["seat"] is None:
        return None
    seen = views.snapshot(table, member_id)
    seat = seen["you"]["seat"]
    hole: list[str] = next((s.get("cards", []) for s in seen["seats"] if s["seat"] == seat), [])
    assert table.hand_start is not None
    events = [views.project(table, e, member_id) for e in (table.hand_start, *table.hand_log)]
    return Situation.from_messages(turn, hole, [e for e in events if e], seat)
