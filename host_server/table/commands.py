"""What members (and the host server's own clock and sockets) ask a table to do.

`by` is the member asking; the network layer fills it in from the authenticated
connection, never from the message. System commands (`Tick`, `Connect`,
`Disconnect`, `RequestJoin`) come from the server itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from host_server.rules.moves import Action


@dataclass(frozen=True)
class Command:
    pass


@dataclass(frozen=True)
class RequestJoin(Command):
    """A new guest asks to join (approved at once on an auto-approve table, or with the
    table's join key: the one the host's invites carry)."""

    name: str
    key: str | None = None


@dataclass(frozen=True)
class SetJoinKey(Command):
    """The host's invites admit their holders without approval (`key`), or no longer
    (None); a new key voids the old."""

    by: int
    key: str | None


@dataclass(frozen=True)
class Approve(Command):
    by: int
    member_id: int


@dataclass(frozen=True)
class Reject(Command):
    by: int
    member_id: int


@dataclass(frozen=True)
class Sit(Command):
    by: int
    seat: int
    buy_in: int


@dataclass(frozen=True)
class Stand(Command):
    by: int


@dataclass(frozen=True)
class SitOut(Command):
    by: int


@dataclass(frozen=True)
class SitIn(Command):
    by: int


@dataclass(frozen=True)
class TopUp(Command):
    """Add `amount` chips to one's stack (a rebuy when busted), up to the maximum buy-in."""

    by: int
    amount: int


@dataclass(frozen=True)
class ApproveTopUp(Command):
    by: int
    member_id: int


@dataclass(frozen=True)
class RejectTopUp(Command):
    by: int
    member_id: int


@dataclass(frozen=True)
class Leave(Command):
    by: int


@dataclass(frozen=True)
class Act(Command):
    """`amount` is the total to bet or raise *to*; `hand_no` (and `decision`, when given)
    guard against a click meant for an earlier hand (or turn)."""

    by: int
    action: Action
    hand_no: int
    amount: int | None = None
    decision: int | None = None


@dataclass(frozen=True)
class Pause(Command):
    """Host only: stop now (`immediate`) or when the current hand ends."""

    by: int
    immediate: bool = False


@dataclass(frozen=True)
class Unpause(Command):
    by: int


@dataclass(frozen=True)
class Kick(Command):
    by: int
    member_id: int
    ban: bool = False  # and refuse their name at this table from now on


@dataclass(frozen=True)
class SetBlinds(Command):
    by: int
    small_blind: int
    big_blind: int
    ante: int = 0


@dataclass(frozen=True)
class RunTwice(Command):
    """A player asked whether to run the rest of the board twice answers."""

    by: int
    yes: bool


@dataclass(frozen=True)
class Entropy(Command):
    """A player's value for the shuffle of `hand_no` (committed, not yet dealt)."""

    by: int
    hand_no: int
    value: str


@dataclass(frozen=True)
class Straddle(Command):
    """At a table with an optional straddle: straddle whenever under the gun (`on`), or not."""

    by: int
    on: bool


@dataclass(frozen=True)
class BombPot(Command):
    """The host: the next hand is a bomb pot (`on`), or no longer is."""

    by: int
    on: bool = True


@dataclass(frozen=True)
class Rebuy(Command):
    """A sit-and-go's rebuy: a buy-in for a starting stack, while rebuys are open and the
    stack is at most the starting stack (or when busted and offered one)."""

    by: int


@dataclass(frozen=True)
class DeclineRebuy(Command):
    """A busted player says no to the rebuy offered: they finish now, not when the
    offer runs out."""

    by: int


@dataclass(frozen=True)
class AddOn(Command):
    """A sit-and-go's one add-on per player, in the last level of rebuys."""

    by: int


@dataclass(frozen=True)
class StartTournament(Command):
    """Close registration and deal: seats drawn at random, blinds from the first level."""

    by: int


@dataclass(frozen=True)
class AddBot(Command):
    """Host only: seat a bot; `buy_in` None buys in for the table's maximum."""

    by: int
    seat: int
    level: str
    buy_in: int | None = None


@dataclass(frozen=True)
class RemoveBot(Command):
    """Host only: the bot in `seat` leaves (after the hand, if it is in one)."""

    by: int
    seat: int


@dataclass(frozen=True)
class Close(Command):
    """Host only, between hands: cash everyone out and end the table."""

    by: int


@dataclass(frozen=True)
class Chat(Command):
    by: int
    text: str


@dataclass(frozen=True)
class Restarted(Command):
    """The host process started again; `down_since` is when it was last known alive."""

    down_since: float


@dataclass(frozen=True)
class Connect(Command):
    member_id: int


@dataclass(frozen=True)
class Disconnect(Command):
    member_id: int


@dataclass(frozen=True)
class Tick(Command):
    """Time passed: run the clocks (timeouts, grace periods, the next hand)."""
