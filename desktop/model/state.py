"""What the table window shows, as data: the seats, the members, the hand, the log;
and what can be read off them. `table.TableModel` applies messages to it."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from desktop.model import words
from desktop.model.sit_and_go import SitAndGo
from desktop.model.speech import translate
from host_server.protocol.shapes import Legal, Pot
from host_server.rules.names import best
from host_server.table.home_game import Question
from host_server.table.members import Role

LIVE = ("playing", "acting", "all_in")  # seat statuses of a hand still held


@dataclass
class SeatView:
    seat: int
    member_id: int
    name: str
    stack: int
    bet: int = 0
    status: str = "waiting"
    cards: list[str] = field(default_factory=list)  # face up
    hidden: int = 0  # face down
    connected: bool = True
    hand_name: str | None = None
    time_bank: float = 0.0
    bot: str | None = None  # a bot's level
    sitting_out: bool = False  # not dealt the next hand (mid-hand: plays this one out)

    @property
    def away(self) -> bool:
        """Sat out, or gone from the table: the seat wears a badge."""
        return self.sitting_out or not self.connected


@dataclass
class MemberView:
    member_id: int
    name: str
    role: Role
    connected: bool = False
    bot: str | None = None
    top_up_asked: int = 0  # chips asked for, waiting for the host


@dataclass
class TableState:
    table_id: str = ""
    name: str = ""
    seats_count: int = 9
    small_blind: int = 0
    big_blind: int = 0
    ante: int = 0
    min_buy_in: int = 0
    max_buy_in: int = 0
    seq: int = 0
    me: int | None = None
    role: Role = Role.PENDING
    balance: int = 0
    members: dict[int, MemberView] = field(default_factory=dict)
    seats: dict[int, SeatView] = field(default_factory=dict)
    button: int | None = None
    hand_no: int = 0
    decision: int = 0
    street: str | None = None
    board: list[str] = field(default_factory=list)
    pots: list[Pot] = field(default_factory=list)
    actor: int | None = None
    deadline: float | None = None
    legal: Legal | None = None
    paused: bool = False
    closed: bool = False
    top_up_waiting: bool = False  # my top-up is on its way (or waits for the host)
    approve_top_ups: bool = False
    reveal_hands_to_host: bool = False
    variant: str = "nlhe"  # the game: "nlhe" No-Limit Hold'em, "plo" Pot-Limit Omaha
    straddle: str = "off"  # "mandatory": the seat after the big blind posts twice it
    straddles: bool = False  # "optional": this player straddles whenever under the gun
    bomb_pot: int = 0  # each player's chips for a bomb pot (0: the table has none)
    bomb_pot_every: int = 0  # one every this many hands (0: when the host calls one)
    bomb_next: bool = False  # the host called one for the next hand
    seven_deuce: int = 0  # the 7-2 game's bounty (0: not played)
    run_it_twice: bool = False  # all in before the river, the players may run it twice
    second_board: list[str] = field(default_factory=list)  # the second run's, when run twice
    run_twice: Question | None = None  # the open run-it-twice question, asked of `seats`
    commitment: str = ""  # the hand's shuffle: the host's commitment, the values mixed in
    entropy: tuple[str, ...] = ()
    given: dict[int, str] = field(default_factory=dict)  # my values, by hand number
    taken: int | None = None  # the hand whose deck the host took my value for
    action_seconds: float = 30.0
    join_key: str | None = None  # the host's: what its invites carry (None: approval)
    log: list[str] = field(default_factory=list)
    chat: list[tuple[str, str]] = field(default_factory=list)
    winners: dict[int, int] = field(default_factory=dict)  # seat -> chips won, last hand
    tournament: SitAndGo | None = None  # a sit-and-go's clock and standings

    # --- reading --------------------------------------------------------------

    @property
    def is_host(self) -> bool:
        return self.role is Role.HOST

    @property
    def my_seat(self) -> int | None:
        for number, seat in self.seats.items():
            if seat.member_id == self.me:
                return number
        return None

    @property
    def mine(self) -> SeatView | None:
        return self.seats.get(self.my_seat) if self.my_seat is not None else None

    @property
    def in_hand(self) -> bool:
        """Dealt into the hand being played, and not folded."""
        seat = self.mine
        return self.street is not None and seat is not None and seat.status in LIVE

    @property
    def made_hand(self) -> str | None:
        """My best hand in words, once there are five cards to speak of."""
        seat = self.mine
        if seat is None or not seat.cards or self.street is None or seat.status == "folded":
            return None
        return words.hand(best(seat.cards, self.board))

    @property
    def my_turn(self) -> bool:
        return self.legal is not None and self.actor is not None and self.actor == self.my_seat

    @property
    def pending(self) -> list[MemberView]:
        return [m for m in self.members.values() if m.role is Role.PENDING]

    @property
    def top_up_requests(self) -> list[MemberView]:
        return [m for m in self.members.values() if m.top_up_asked]

    @property
    def seats_open(self) -> bool:
        """Whether a seat may be taken: always at a cash game; a sit-and-go's until it
        starts, then while late registration lasts."""
        t = self.tournament
        return t is None or t.stage == "registering" or t.late_registration

    @property
    def free_seats(self) -> list[int]:
        return [n for n in range(1, self.seats_count + 1) if n not in self.seats]

    @property
    def top_up_room(self) -> tuple[int, int] | None:
        """(least, most) chips this player may add now; None when not seated or full."""
        seat = self.seats.get(self.my_seat) if self.my_seat is not None else None
        if seat is None or self.top_up_waiting:
            return None
        most = self.max_buy_in - seat.stack
        return (max(1, self.min_buy_in - seat.stack), most) if most >= 1 else None

    @property
    def pot_total(self) -> int:
        """Everything in the middle: collected pots plus the bets in front of the seats."""
        return sum(p.amount for p in self.pots) + sum(s.bet for s in self.seats.values())

    def name_of(self, member_id: int) -> str:
        member = self.members.get(member_id)
        return member.name if member else translate("HandLog", "member {}").format(member_id)

    def seat_name(self, seat: int) -> str:
        view = self.seats.get(seat)
        return view.name if view else translate("HandLog", "seat {}").format(seat)

    def say(self, line: str) -> None:
        self.log.append(line)

    def to_give(self, hand_no: int) -> str | None:
        """A value of mine for the shuffle of `hand_no`, when I am seated to be dealt it."""
        if self.my_seat is None or hand_no in self.given:
            return None
        self.given = {hand_no: secrets.token_hex(16)}  # (only the next hand's is kept)
        return self.given[hand_no]

    def between_hands(self) -> None:
        self.street, self.actor, self.deadline, self.legal = None, None, None, None
        self.pots = []
