"""What a player may do in a hand: the actions, the legal choices of the one to act, and a
decision once checked (`Hand.verify`), in pokerkit's player indices."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Action(StrEnum):
    """What a player may do when it is their turn."""

    FOLD = "fold"
    """Give up the hand; only allowed when there is something to call."""
    CHECK = "check"
    """Pass when nothing is owed."""
    CALL = "call"
    """Match the current bet (or go all-in for less)."""
    BET = "bet"
    """Open the betting on a street; `amount` is the total bet."""
    RAISE = "raise"
    """Raise the current bet; `amount` is the total to raise *to*."""
    ALL_IN = "all_in"
    """Put every chip in: a raise to the maximum, or a call for less."""


@dataclass(frozen=True)
class Legal:
    """The choices of the player to act; `min_to`/`max_to` are raise-to amounts."""

    player: int
    can_fold: bool
    can_check: bool
    call_amount: int
    can_raise: bool
    is_bet: bool
    min_to: int
    max_to: int

    @property
    def can_call(self) -> bool:
        return self.call_amount > 0


@dataclass(frozen=True)
class Move:
    """A validated decision, normalised: `amount` is chips put in to (bet/raise) or called."""

    player: int
    action: Action
    amount: int
