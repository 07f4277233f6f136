"""A hand view, step by step: stacks, bets and the pot after each public step.

The accounting both the PokerStars writer and the app's replay use: blinds and
antes as posted, calls and raises as they went in, and a bet nobody matched
given back when its street closes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class Chips:
    """Where every chip of a hand is, as its steps are applied."""

    def __init__(self, view: dict[str, Any]) -> None:
        players = view["players"]
        self.order = [p["seat"] for p in players]  # small blind first, button last
        self.stacks = {p["seat"]: p["stack"] for p in players}
        self.bets = dict.fromkeys(self.order, 0)
        self.pot = 0  # collected from the streets before this one
        self.posted: list[tuple[int, str, int]] = []  # (seat, "ante"/"small"/"big"/..., chips)
        self.bomb = bool(view.get("bomb"))
        self.dead_small_blind = view.get("dead_small_blind") is not None
        if self.bomb:  # a bomb pot: everyone's chips straight into the pot, no blinds
            for seat in self.order:
                self.posted.append((seat, "ante", self.put(seat, view["bomb"])))
            self.collect()
            return
        if view["ante"]:
            for seat in self.order:
                self.posted.append((seat, "ante", self.put(seat, view["ante"])))
            self.collect()
        sb, bb = self.blind_seats
        assert bb is not None  # (only a bomb pot has no big blind)
        if sb is not None:
            self.posted.append((sb, "small", self.put(sb, view["small_blind"])))
        self.posted.append((bb, "big", self.put(bb, view["big_blind"])))
        if view.get("straddle"):  # the player after the big blind, blind, before the cards
            self.posted.append(
                (self.order[2], "straddle", self.put(self.order[2], view["straddle"]))
            )

    @property
    def blind_seats(self) -> tuple[int | None, int | None]:
        # Heads-up the button (last) posts the small blind; a dead one nobody posts.
        order = self.order
        if self.bomb:
            return None, None
        if self.dead_small_blind:
            return None, order[0]
        return (order[1], order[0]) if len(order) == 2 else (order[0], order[1])

    def put(self, seat: int, chips: int) -> int:
        chips = min(chips, self.stacks[seat])
        self.stacks[seat] -= chips
        self.bets[seat] += chips
        return chips

    def act(self, step: dict[str, Any]) -> int:
        """Apply a `player_acted` step; the chips it put in."""
        seat, action, amount = step["seat"], step["action"], step["amount"]
        if action == "call":
            return self.put(seat, amount)
        if action in ("bet", "raise"):
            return self.put(seat, amount - self.bets[seat])
        return 0

    def collect(self) -> tuple[int, int] | None:
        """Close the street: an unmatched bet goes back, the rest to the pot.
        Returns (seat, chips) given back, if any."""
        ranked = sorted(self.bets.items(), key=lambda kv: kv[1], reverse=True)
        returned = None
        if len(ranked) > 1 and ranked[0][1] > ranked[1][1]:
            seat, extra = ranked[0][0], ranked[0][1] - ranked[1][1]
            self.stacks[seat] += extra
            self.bets[seat] -= extra
            returned = (seat, extra)
        self.pot += sum(self.bets.values())
        self.bets = dict.fromkeys(self.order, 0)
        return returned


@dataclass
class Moment:
    """The hand after one step (or at the deal, `step` None)."""

    step: dict[str, Any] | None
    street: str
    board: list[str]
    stacks: dict[int, int]
    bets: dict[int, int]
    pot: int
    folded: set[int] = field(default_factory=set)
    shown: dict[int, list[str]] = field(default_factory=dict)
    final: bool = False  # the last moment: the pot (all that went in) went to the winners
    second_board: list[str] = field(default_factory=list)  # run twice: the second run's


def replay(view: dict[str, Any]) -> list[Moment]:
    """Every moment of the hand, from the deal to the pot pushed to the winners."""
    chips = Chips(view)
    street, board, second = "preflop", list[str](), list[str]()
    folded: set[int] = set()
    shown: dict[int, list[str]] = {}

    def now(step: dict[str, Any] | None) -> Moment:
        return Moment(
            step, street, list(board), dict(chips.stacks), dict(chips.bets), chips.pot,
            set(folded), dict(shown), False, list(second),
        )  # fmt: skip

    moments = [now(None)]
    for step in view["steps"]:
        if step["kind"] == "player_acted":
            chips.act(step)
            if step["action"] == "fold":
                folded.add(step["seat"])
        elif step["kind"] == "runs_chosen" and step["count"] == 2:
            second = list(board)  # (the cards dealt before the all-in are both runs')
        elif step["kind"] == "board_dealt":
            chips.collect()
            street = step["street"]
            (second if step.get("run", 1) == 2 else board).extend(step["cards"])
        elif step["kind"] == "hand_shown":
            shown[step["seat"]] = list(step["cards"])
        moments.append(now(step))
    chips.collect()
    end = now(None)
    end.stacks = {p["seat"]: p["final_stack"] for p in view["players"]}
    end.final = True  # `pot` is what went in; the stacks already hold what came out
    moments.append(end)
    return moments
