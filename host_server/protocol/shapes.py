"""The shapes inside host messages: a table as a member sees it, a turn, the choices.

The host's views build these as plain JSON data (and encode it once for everyone who
sees the same); a client reads them into these types. A test holds the two together.
"""

from __future__ import annotations

from typing import Any, Literal

import msgspec

from host_server.table.members import Role

Street = Literal["preflop", "flop", "turn", "river", "showdown"]
Stage = Literal["registering", "running", "over"]
SeatStatus = Literal[
    "acting", "folded", "all_in", "sitting_out", "disconnected", "leaving", "playing", "waiting"
]


class Shape(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    pass


class Sizing(Shape, frozen=True):
    min: int
    max: int


class Legal(Shape, frozen=True):
    """The choices of the player to act: `call` is the chips to call (0: nothing);
    `raise` (or `bet` when nobody has bet this street) the allowed *to* amounts."""

    fold: bool
    check: bool
    call: int
    raise_: Sizing | None = msgspec.field(default=None, name="raise")
    bet: Sizing | None = None

    @property
    def sizing(self) -> Sizing | None:
        return self.raise_ or self.bet


class Pot(Shape, frozen=True):
    amount: int
    seats: list[int]


class Summary(Shape, frozen=True):
    table_id: str
    name: str
    small_blind: int
    big_blind: int
    ante: int
    min_buy_in: int
    max_buy_in: int
    seats: int
    seats_taken: int
    spectators: int
    closed: bool
    tournament: Stage | None = None  # a sit-and-go's stage; None for a cash game
    variant: str = "nlhe"  # the game: "nlhe" No-Limit Hold'em, "plo" Pot-Limit Omaha
    straddle: str = "off"  # "mandatory": the seat after the big blind straddles
    bomb_pot: int = 0  # a bomb pot's chips from each player; 0: no bomb pots
    bomb_pot_every: int = 0  # one every this many hands; 0: when the host calls one
    bomb_next: bool = False  # the host called one for the next hand
    seven_deuce: int = 0  # the 7-2 game's bounty from each player; 0: not played
    run_it_twice: bool = False  # all in before the river, the players may run it twice


class PublicSettings(Shape, frozen=True):
    name: str
    seats: int
    small_blind: int
    big_blind: int
    ante: int
    min_buy_in: int
    max_buy_in: int
    auto_approve: bool
    allow_spectators: bool
    action_seconds: float
    time_bank_seconds: float
    approve_top_ups: bool
    reveal_hands_to_host: bool
    variant: str = "nlhe"
    straddle: str = "off"
    bomb_pot: int = 0
    bomb_pot_every: int = 0
    seven_deuce: int = 0
    run_it_twice: bool = False


class MemberEntry(Shape, frozen=True):
    member_id: int
    name: str
    role: Role
    connected: bool
    bot: str | None
    top_up_asked: int


class SeatEntry(Shape, frozen=True):
    seat: int
    member_id: int
    name: str
    bot: str | None
    stack: int
    bet: int
    status: SeatStatus
    sitting_out: bool  # not dealt the next hand (mid-hand, the status is the hand's)
    time_bank: float
    cards: list[str] = []  # face up: one's own, or shown
    hidden_cards: int = 0  # face down


class RunTwiceQuestion(Shape, frozen=True):
    seats: list[int]  # the players asked
    until: float
    answers: dict[str, bool] = {}  # by seat (as text, as JSON keys are)


class HandState(Shape, frozen=True):
    hand_no: int
    street: Street
    board: list[str]
    pots: list[Pot]
    actor: int | None
    deadline: float | None
    steps: list[dict[str, Any]] = []  # the hand so far, each step as an event's fields
    run_twice: RunTwiceQuestion | None = None  # all in, asked whether to run it twice


class You(Shape, frozen=True):
    member_id: int
    name: str
    role: Role
    seat: int | None
    balance: int
    leaving: str | None
    top_up: int  # approved, arriving when your hand ends
    top_up_asked: int  # waiting for the host
    legal: Legal | None = None  # only when it is your turn
    straddles: bool = False  # an optional straddle: posted whenever under the gun


class LevelEntry(Shape, frozen=True):
    small_blind: int
    big_blind: int
    ante: int
    minutes: float


class Finisher(Shape, frozen=True):
    member_id: int
    name: str
    place: int
    prize: int  # in the buy-in's units


class RebuyOffer(Shape, frozen=True):
    member_id: int
    until: float  # by the host's clock
    left: float | None  # seconds left, while the table is paused (`until` then moves on)


class TournamentView(Shape, frozen=True):
    """A sit-and-go: its structure, its clock (`level_ends` by the host's clock, or
    `level_left` seconds while paused; both None at the last level) and its standings."""

    buy_in: int
    starting_stack: int
    levels: list[LevelEntry]
    payouts: list[int]  # percentages for 1st, 2nd, ...; empty: by the number of entrants
    prizes: list[int]  # for 1st, 2nd, ...: by the entrants so far until the start
    stage: Stage
    entrants: int
    hands_per_level: int  # 0: levels by minutes
    break_every: int  # a break after every this many levels; 0: none
    break_minutes: float
    late_until: int  # seats may be taken until this level ends, while nobody is out
    rebuy_until: int  # rebuys until this level ends; 0: none
    add_on: int  # the add-on's chips (in the last level of rebuys); 0: none
    rebuys: int  # taken so far, by everyone
    add_ons: list[int]  # who took the add-on
    offers: list[RebuyOffer]  # busted players who may still rebuy, and until when
    pool: int  # every buy-in paid (entries, rebuys, add-ons)
    level: int
    level_hands: int  # hands dealt at this level
    on_break: bool  # then `level_ends` is when the break ends
    level_ends: float | None
    level_left: float | None
    finished: list[Finisher]  # in the order they finished


class TableView(Shape, frozen=True):
    """The whole table as one member may see it; a pending guest gets `summary` and `you`."""

    summary: Summary
    you: You | None
    settings: PublicSettings | None = None
    seq: int | None = None
    members: list[MemberEntry] = []
    seats: list[SeatEntry] = []
    button: int | None = None
    paused: bool = False
    pause_pending: bool = False
    hand: HandState | None = None
    join_key: str | None = None  # the host's alone: what its invites carry
    tournament: TournamentView | None = None


class TurnSeat(Shape, frozen=True):
    seat: int
    stack: int
    bet: int
    status: SeatStatus
    time_bank: float
