"""Deciding at the table, without widgets: bet sizes, presets, the pre-action boxes, and
the one action a key or a button becomes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from host_server.protocol.shapes import Legal
from host_server.rules.moves import Action

PRESETS = ("Min", "½ Pot", "¾ Pot", "Pot", "All-in")
_FRACTIONS = {"½ Pot": 0.5, "¾ Pot": 0.75, "Pot": 1.0}


class PreAction(StrEnum):
    """What to do the moment the turn comes, ticked before it does."""

    NONE = "none"
    CHECK_FOLD = "check_fold"
    """Check if free, else fold."""
    CALL_ANY = "call_any"
    """Call whatever it costs (check if free)."""


def limits(legal: Legal | None) -> tuple[int, int] | None:
    """The (min, max) a bet or raise may go to, or None when the player cannot raise."""
    sizing = legal.sizing if legal is not None else None
    return (sizing.min, sizing.max) if sizing is not None else None


def call_or_check(legal: Legal) -> Action:
    return Action.CALL if legal.call else Action.CHECK


def all_in(legal: Legal, amount: int, everything: int) -> bool:
    """Whether betting `amount` puts in `everything` (the stack and the bet in front): at
    no-limit the top of the range is; at pot-limit the top is the pot, often less."""
    low_high = limits(legal)
    return low_high is not None and amount >= low_high[1] >= everything


def bet_or_raise(legal: Legal, amount: int, everything: int) -> tuple[Action, int | None]:
    """The action a bet/raise click at `amount` is: all-in when it is everything."""
    low_high = limits(legal)
    assert low_high is not None
    if all_in(legal, amount, everything):
        return Action.ALL_IN, None
    amount = max(low_high[0], min(low_high[1], amount))
    return (Action.BET if legal.bet is not None else Action.RAISE), amount


def preset(label: str, legal: Legal, pot_total: int, my_bet: int) -> int:
    """A preset's amount, within the legal range. A pot-sized raise: call, then raise by
    the pot as it would be after the call."""
    low_high = limits(legal)
    assert low_high is not None
    low, high = low_high
    if label == "Min":
        value = low
    elif label == "All-in":
        value = high
    else:
        value = my_bet + legal.call + int((pot_total + legal.call) * _FRACTIONS[label])
    return max(low, min(high, value))


def pre_action(choice: PreAction, legal: Legal) -> Action | None:
    """The action a ticked box takes when the turn comes (None: nothing ticked)."""
    if choice is PreAction.CHECK_FOLD:
        return Action.CHECK if legal.check else Action.FOLD
    if choice is PreAction.CALL_ANY:
        return call_or_check(legal)
    return None


@dataclass
class Sizing:
    """The amount the player is sizing: kept while the decision and its legal range stay
    (a chat line or a reconnect during the turn must not throw it away)."""

    range: tuple[int, int] | None = None
    decision: tuple[int, int] | None = None  # (hand, decision) it was sized for
    amount: int = 0

    def follow(self, legal: Legal | None, decision: tuple[int, int]) -> tuple[int, int] | None:
        """The legal range now; the amount goes back to its minimum only when the range or
        the decision changed."""
        now = limits(legal)
        if now != self.range or decision != self.decision:
            self.range, self.decision = now, decision
            self.amount = now[0] if now is not None else 0
        return now

    def choose(self, amount: int) -> None:
        if self.range is not None:
            self.amount = max(self.range[0], min(self.range[1], amount))
