"""Who is at a table: members with their roles and chips, and the seats they hold."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from host_server.errors import Code, CommandError


class Role(StrEnum):
    """A member's standing at the table."""

    HOST = "host"
    """Created the table; may also sit and play."""
    PLAYER = "player"
    """Approved and holding a seat."""
    SPECTATOR = "spectator"
    """Approved, watching without a seat."""
    PENDING = "pending"
    """Asked to join; waits for the host."""
    GONE = "gone"
    """Left, kicked or rejected; kept for the ledger, can do nothing."""


class BotLevel(StrEnum):
    """How well a bot plays (see `host_server.bots.policies`)."""

    EASY = "easy"
    STANDARD = "standard"
    STRONG = "strong"


class Departure(StrEnum):
    """Why a member leaves a seat, or the table."""

    STAND = "stand"
    """Stood up (keeping the stack as a balance)."""
    LEAVE = "leave"
    """Left the table, cashing out."""
    KICK = "kick"
    """Removed by the host."""
    REMOVED = "removed"
    """A bot the host took away."""
    FREED = "freed"
    """Disconnected longer than the table keeps a seat."""
    CLOSED = "closed"
    """The host closed the table."""
    FINISHED = "finished"
    """Out of a tournament, with a place (and perhaps a prize)."""


class SitOutReason(StrEnum):
    """Why a seat is not dealt in."""

    REQUEST = "request"
    """The player asked: they play their current hand themselves."""
    TIMEOUTS = "timeouts"
    """Timed out too many times in a row: acted for, and sat out."""
    DISCONNECTED = "disconnected"
    """Away past the grace period: acted for until back."""
    BUSTED = "busted"
    """No chips left: a rebuy sits them in."""


class TopUpRefusal(StrEnum):
    """Why a top-up was refused."""

    HOST = "host"
    """The host said no."""
    FULL = "full"
    """The stack grew to the maximum meanwhile."""


@dataclass
class Member:
    id: int
    name: str
    role: Role
    balance: int = 0  # chips off the table, for a later return
    bought_in: int = 0  # chips brought to the table, ever (top-ups included)
    topped_up: int = 0  # of which rebuys and top-ups
    cashed_out: int = 0
    top_up_asked: int = 0  # a top-up waiting for the host
    top_up: int = 0  # an approved top-up waiting for the hand to end
    connected: bool = False
    disconnected_at: float | None = None
    exit: Departure | None = None  # stand, leave, kick or removed, when the hand ends
    bot: str | None = None  # a bot's level; bots are run by the host and always connected
    prize: int = 0  # won in a tournament, in the buy-in's units
    bounties: int = 0  # the 7-2 game: bounties collected less bounties paid
    straddles: bool = False  # an optional straddle: posted whenever under the gun

    @property
    def approved(self) -> bool:
        return self.role in (Role.HOST, Role.PLAYER, Role.SPECTATOR)


@dataclass
class Seat:
    number: int
    member_id: int
    stack: int  # between hands; during a hand the hand holds the live stack
    time_bank: float
    sitting_out: bool = False
    sit_out_reason: SitOutReason | None = None
    timeouts: int = 0


MAX_NAME = 24
MAX_MEMBERS = 200


def clean_name(name: object) -> str:
    """Printable characters only (no tabs or newlines); spaces are trimmed and runs of
    them become one."""
    if not isinstance(name, str):
        raise CommandError("A name must be text.", code=Code.INVALID_NAME)
    # isprintable() refuses every whitespace but the plain space, which split() then folds.
    cleaned = " ".join(name.split()) if name.isprintable() else ""
    if not 1 <= len(cleaned) <= MAX_NAME:
        raise CommandError(
            f"Pick a name of 1 to {MAX_NAME} printable characters (no tabs or line breaks).",
            code=Code.INVALID_NAME,
        )
    return cleaned
