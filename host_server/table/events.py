"""Table events: the facts a table is folded from, stored as they are and projected by the views.

Each event is a frozen dataclass with a stable `kind`; fields are plain JSON
values (tuples are stored as lists). Never rename a kind or a field: the
database holds them for as long as a table lives. (The home-game options' own
events live with their fold, in `home_game`.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, dataclass, fields
from enum import StrEnum
from typing import Any, ClassVar

from host_server.errors import FeltError
from host_server.table.members import Departure, SitOutReason, TopUpRefusal

EVENT_TYPES: dict[str, type[Event]] = {}


@dataclass(frozen=True)
class Event:
    kind: ClassVar[str] = ""

    def __init_subclass__(cls, kind: str = "", **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.kind = kind
        EVENT_TYPES[kind] = cls

    def to_dict(self) -> dict[str, Any]:
        # Shallow on purpose: fields hold plain values and tuples (asdict's deep copy
        # was a tenth of the host's time per action).
        return {"kind": self.kind, **{name: getattr(self, name) for name in _names(type(self))}}


_NAMES: dict[type[Event], tuple[str, ...]] = {}


def _names(cls: type[Event]) -> tuple[str, ...]:
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def event_from_dict(data: dict[str, Any]) -> Event:
    """Read back a stored event; a `FeltError` if it is not one we know."""
    kind = data.get("kind")
    cls = EVENT_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise FeltError(f"unknown event kind {kind!r}", code="bad_event")
    payload = {k: _tuples(v) for k, v in data.items() if k != "kind"}
    # Fields added since (with their defaults) may be missing from events stored before.
    names = {f.name for f in fields(cls)}
    needed = {f.name for f in fields(cls) if f.default is MISSING}
    if not needed <= set(payload) <= names:
        raise FeltError(f"event {kind!r} has fields {sorted(payload)}", code="bad_event")
    if "reason" in payload:  # the one field that is an enum, stored as its value
        payload["reason"] = _REASONS[cls](payload["reason"])
    return cls(**payload)


# --- the table and its members ------------------------------------------------


@dataclass(frozen=True)
class TableCreated(Event, kind="table_created"):
    """The first event of every table; member 1 is the host."""

    table_id: str
    settings: dict[str, Any]
    host_name: str


@dataclass(frozen=True)
class JoinRequested(Event, kind="join_requested"):
    member_id: int
    name: str


@dataclass(frozen=True)
class BotAdded(Event, kind="bot_added"):
    """The host added a bot (run by the host itself, so always connected)."""

    member_id: int
    name: str
    level: str


@dataclass(frozen=True)
class MemberApproved(Event, kind="member_approved"):
    member_id: int


@dataclass(frozen=True)
class MemberRejected(Event, kind="member_rejected"):
    member_id: int


@dataclass(frozen=True)
class JoinKeyChanged(Event, kind="join_key_changed"):
    """The join key the host's invites carry (None: none; invites need approval)."""

    key: str | None


@dataclass(frozen=True)
class MemberBanned(Event, kind="member_banned"):
    """Their name is refused at this table from now on (their kick follows)."""

    member_id: int


@dataclass(frozen=True)
class MemberLeft(Event, kind="member_left"):
    """Left or kicked: the balance is cashed out and the member is gone."""

    member_id: int
    reason: Departure  # leave, kick, removed or closed
    cashed_out: int


@dataclass(frozen=True)
class Connected(Event, kind="connected"):
    member_id: int


@dataclass(frozen=True)
class Disconnected(Event, kind="disconnected"):
    member_id: int


@dataclass(frozen=True)
class SeatTaken(Event, kind="seat_taken"):
    """`from_balance` chips came back from the member's balance; the rest is a new buy-in."""

    member_id: int
    seat: int
    stack: int
    from_balance: int


@dataclass(frozen=True)
class SeatLeft(Event, kind="seat_left"):
    """The stack goes to the member's balance."""

    member_id: int
    seat: int
    stack: int
    reason: Departure


@dataclass(frozen=True)
class TopUpRequested(Event, kind="top_up_requested"):
    """A rebuy or top-up that waits for the host (tables that approve them)."""

    member_id: int
    amount: int


@dataclass(frozen=True)
class TopUpApproved(Event, kind="top_up_approved"):
    """The chips arrive now, or when the member's current hand ends."""

    member_id: int
    amount: int


@dataclass(frozen=True)
class TopUpRejected(Event, kind="top_up_rejected"):
    member_id: int
    reason: TopUpRefusal


@dataclass(frozen=True)
class ToppedUp(Event, kind="topped_up"):
    """New chips on the seat's stack: a rebuy or a top-up."""

    member_id: int
    seat: int
    amount: int


@dataclass(frozen=True)
class ExitScheduled(Event, kind="exit_scheduled"):
    """Stand, leave or kick asked for mid-hand: done when the hand ends."""

    member_id: int
    reason: Departure


@dataclass(frozen=True)
class SatOut(Event, kind="sat_out"):
    seat: int
    reason: SitOutReason


@dataclass(frozen=True)
class SatIn(Event, kind="sat_in"):
    seat: int


@dataclass(frozen=True)
class Paused(Event, kind="paused"):
    """The game and its clocks stop now."""


@dataclass(frozen=True)
class PauseScheduled(Event, kind="pause_scheduled"):
    """The game stops when the current hand ends."""


@dataclass(frozen=True)
class Unpaused(Event, kind="unpaused"):
    """Clocks restart where they stood."""


@dataclass(frozen=True)
class BlindsChanged(Event, kind="blinds_changed"):
    """Takes effect from the next hand."""

    small_blind: int
    big_blind: int
    ante: int


@dataclass(frozen=True)
class ChatPosted(Event, kind="chat_posted"):
    member_id: int
    text: str


@dataclass(frozen=True)
class HostRestarted(Event, kind="host_restarted"):
    """The host came back after `downtime` seconds: every clock moves on by that much
    (nobody is timed out for the host's absence) and everyone is disconnected until
    they resume."""

    downtime: float


@dataclass(frozen=True)
class TableClosed(Event, kind="table_closed"):
    """Every stack was cashed out; nothing more happens at this table."""


# --- a hand -------------------------------------------------------------------


@dataclass(frozen=True)
class HandStarted(Event, kind="hand_started"):
    """`seats` (and the `members` in them) are in pokerkit's order: small blind
    first, button last. `deck` is secret: only the host's store ever holds it.

    A sit-and-go's dead button: `button` may be a seat nobody holds any more, and
    with `dead_small_blind` (the small blind's seat, emptied) nobody posts the small
    blind and `seats` start with the big blind."""

    hand_no: int
    button: int
    seats: tuple[int, ...]
    members: tuple[int, ...]
    stacks: tuple[int, ...]
    small_blind: int
    big_blind: int
    ante: int
    deck: tuple[str, ...]
    dead_small_blind: int | None = None
    straddle: int = 0  # chips posted blind by the seat after the big blind (`seats[2]`)
    bomb: int = 0  # a bomb pot: each player's chips in (no blinds, ante or preflop betting)
    commitment: str = ""  # the shuffle: the host's commitment, and the players' values
    entropy: tuple[str, ...] = ()  # mixed into the committed deck (`rules.deck.mixed`)
    secret: str = ""  # its salts' secret: as secret as `deck` is
    variant: str = "nlhe"  # the game (`rules.deck.HOLE_CARDS`: how many hole cards each)


@dataclass(frozen=True)
class PlayerActed(Event, kind="player_acted"):
    """`amount` is the total bet or raise *to*, or the chips called."""

    seat: int
    action: str
    amount: int
    timed_out: bool


@dataclass(frozen=True)
class BoardDealt(Event, kind="board_dealt"):
    street: str
    cards: tuple[str, ...]
    run: int = 1  # 2: the second run of a board run twice


@dataclass(frozen=True)
class HandShown(Event, kind="hand_shown"):
    seat: int
    cards: tuple[str, ...]


@dataclass(frozen=True)
class HandMucked(Event, kind="hand_mucked"):
    seat: int


@dataclass(frozen=True)
class HandEnded(Event, kind="hand_ended"):
    """Per seat of the hand, in the hand's order: the final stack and the net result."""

    hand_no: int
    seats: tuple[int, ...]
    stacks: tuple[int, ...]
    net: tuple[int, ...]


# --- a sit-and-go ---------------------------------------------------------------


@dataclass(frozen=True)
class TournamentStarted(Event, kind="tournament_started"):
    """Registration is over: each entrant's seat, drawn at random, and the seat the
    button moves on from (the first hand's button is the next seat after it)."""

    members: tuple[int, ...]
    seats: tuple[int, ...]
    button_before: int


@dataclass(frozen=True)
class LevelUp(Event, kind="level_up"):
    """The next blind level, from the next hand on; `started` is when it began by the
    clock (a level that ends during a hand is not lengthened by it)."""

    level: int
    small_blind: int
    big_blind: int
    ante: int
    started: float


@dataclass(frozen=True)
class BreakStarted(Event, kind="break_started"):
    """A level ended and a break is due: no hand is dealt until `ends` (by the level
    clock); the next level starts then."""

    ends: float


@dataclass(frozen=True)
class RebuyOffered(Event, kind="rebuy_offered"):
    """Busted while rebuys are open: the player may rebuy until `until` (the action
    clock); no hand is dealt meanwhile, and after it, they finish."""

    member_id: int
    until: float


@dataclass(frozen=True)
class RebuyDeclined(Event, kind="rebuy_declined"):
    """The player offered a rebuy said no: the offer ends now (and they finish)."""

    member_id: int


@dataclass(frozen=True)
class Rebought(Event, kind="rebought"):
    """A rebuy (or the add-on) paid for with a buy-in: `chips` land on the stack now, or
    when the player's hand ends (`ToppedUp`)."""

    member_id: int
    chips: int
    add_on: bool = False


@dataclass(frozen=True)
class PlayerFinished(Event, kind="player_finished"):
    """Out of chips (or the last one left, in first place); `prize` in the buy-in's units."""

    member_id: int
    place: int
    prize: int


Emit = Callable[[Event], None]  # how a decision or the dealer adds an event

_REASONS: dict[type[Event], type[StrEnum]] = {
    MemberLeft: Departure,
    SeatLeft: Departure,
    ExitScheduled: Departure,
    TopUpRejected: TopUpRefusal,
    SatOut: SitOutReason,
}
