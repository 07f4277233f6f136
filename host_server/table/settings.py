"""A table's settings: stakes, limits and every duration, checked once at creation."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from host_server.errors import SettingsError
from host_server.rules.deck import HOLE_CARDS
from host_server.table.tournament import Tournament

MIN_SEATS, MAX_SEATS = 2, 10
STRADDLES = ("off", "optional", "mandatory")
VARIANTS = tuple(HOLE_CARDS)  # "nlhe" No-Limit Hold'em, "plo" Pot-Limit Omaha


@dataclass(frozen=True)
class TableSettings:
    """What the host chose; durations are seconds."""

    name: str
    seats: int = 9
    small_blind: int = 1
    big_blind: int = 2
    ante: int = 0
    min_buy_in: int = 0  # 0: 20 big blinds
    max_buy_in: int = 0  # 0: 100 big blinds
    auto_approve: bool = False
    allow_spectators: bool = True
    guest_chat: bool = True  # spectators and pending guests may chat
    approve_top_ups: bool = False  # rebuys and top-ups wait for the host's yes
    reveal_hands_to_host: bool = False  # the host's hand histories show every hole card
    announce: bool = False  # listed to players on the host's network (net.lan)
    max_pending: int = 10  # guests waiting for approval at once: more are told to try later
    action_seconds: float = 30.0
    time_bank_seconds: float = 60.0
    timeouts_before_sit_out: int = 2
    disconnect_grace_seconds: float = 300.0
    seat_free_seconds: float = 600.0
    between_hands_seconds: float = 3.0
    straddle: str = "off"  # "mandatory": the seat after the big blind posts twice it blind;
    # "optional": it does when that player chose to (a standing choice, `Straddle`)
    bomb_pot: int = 0  # a bomb pot's chips from each player (0: none); the host calls one
    bomb_pot_every: int = 0  # and every this many hands one is dealt (0: only when called)
    seven_deuce: int = 0  # the 7-2 game: a pot won with 7-2 collects this from each other player
    run_it_twice: bool = False  # all in before the river, the players may run the board twice
    variant: str = "nlhe"  # the game: "nlhe" No-Limit Hold'em, "plo" Pot-Limit Omaha
    tournament: Tournament | None = None  # a sit-and-go: its structure; None for a cash game

    def __post_init__(self) -> None:
        # Fill the buy-in defaults from the blinds, then check the whole.
        if not self.min_buy_in:
            object.__setattr__(self, "min_buy_in", 20 * self.big_blind)
        if not self.max_buy_in:
            object.__setattr__(self, "max_buy_in", max(100 * self.big_blind, self.min_buy_in))
        _check(self)

    @classmethod
    def sit_and_go(cls, name: str, tournament: Tournament, **others: Any) -> TableSettings:
        """A tournament table: the first level's blinds, everyone on the starting stack."""
        first = tournament.levels[0] if tournament.levels else None
        blinds = (first.small_blind, first.big_blind, first.ante) if first else (1, 2, 0)
        stack = tournament.starting_stack
        return cls(
            name, small_blind=blinds[0], big_blind=blinds[1], ante=blinds[2],
            min_buy_in=stack, max_buy_in=stack, tournament=tournament, **others,
        )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}  # (plain values)
        data["tournament"] = self.tournament.to_dict() if self.tournament else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TableSettings:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise SettingsError(f"unknown settings: {', '.join(sorted(unknown))}")
        found = data.get("tournament")
        tournament = Tournament.from_dict(found) if found is not None else None
        return cls(**{**data, "tournament": tournament})

    def with_blinds(self, small_blind: int, big_blind: int, ante: int) -> TableSettings:
        """The same table at new stakes; buy-in limits stay as the host set them."""
        return replace(self, small_blind=small_blind, big_blind=big_blind, ante=ante)


def check_blinds(small_blind: int, big_blind: int, ante: int) -> None:
    if not (isinstance(small_blind, int) and isinstance(big_blind, int) and isinstance(ante, int)):
        raise SettingsError("Blinds and ante must be whole numbers of chips.")
    if not 0 < small_blind <= big_blind:
        raise SettingsError("The small blind must be positive and at most the big blind.")
    if not 0 <= ante <= big_blind:
        raise SettingsError("The ante must be between 0 and the big blind.")
    if big_blind > 10**9:
        raise SettingsError("Blinds above a billion chips are not supported.")


def _check(s: TableSettings) -> None:
    name = s.name.strip() if isinstance(s.name, str) else ""
    if not 1 <= len(name) <= 60:
        raise SettingsError("The table needs a name of 1 to 60 characters.")
    if not isinstance(s.seats, int) or not MIN_SEATS <= s.seats <= MAX_SEATS:
        raise SettingsError(f"A table has {MIN_SEATS} to {MAX_SEATS} seats.")
    check_blinds(s.small_blind, s.big_blind, s.ante)
    if not s.min_buy_in <= s.max_buy_in or (s.tournament is None and s.big_blind > s.min_buy_in):
        raise SettingsError("Buy-ins need big blind <= minimum <= maximum.")
    if s.max_buy_in > 10**12:
        raise SettingsError("Buy-ins above a trillion chips are not supported.")
    for name_, low in (
        ("action_seconds", 1.0),
        ("time_bank_seconds", 0.0),
        ("disconnect_grace_seconds", 0.0),
        ("seat_free_seconds", 0.0),
        ("between_hands_seconds", 0.0),
    ):
        value = getattr(s, name_)
        if not isinstance(value, (int, float)) or not low <= value <= 86_400:
            raise SettingsError(f"{name_} must be between {low:g} and 86400 seconds.")
    if s.seat_free_seconds < s.disconnect_grace_seconds:
        raise SettingsError("A seat is freed no sooner than its owner is sat out.")
    if not isinstance(s.max_pending, int) or not 1 <= s.max_pending <= 200:
        raise SettingsError("max_pending must be between 1 and 200.")
    if not isinstance(s.timeouts_before_sit_out, int) or not 1 <= s.timeouts_before_sit_out <= 100:
        raise SettingsError("timeouts_before_sit_out must be between 1 and 100.")
    _check_options(s)
    if s.tournament is not None:
        s.tournament.check()
        if not s.min_buy_in == s.max_buy_in == s.tournament.starting_stack:
            raise SettingsError("Everyone starts a tournament on the starting stack.")


def _check_options(s: TableSettings) -> None:
    """The game, and the home-game options: cash games only, none above the maximum buy-in."""
    if s.variant not in VARIANTS:
        raise SettingsError(f"variant is one of {', '.join(VARIANTS)}.")
    if s.seven_deuce and s.variant != "nlhe":
        raise SettingsError("The 7-2 game is played at Hold'em.")
    if s.straddle not in STRADDLES:
        raise SettingsError(f"straddle is one of {', '.join(STRADDLES)}.")
    if s.straddle != "off" and s.tournament is not None:
        raise SettingsError("Straddles are for cash games.")
    for name_ in ("bomb_pot", "seven_deuce"):
        value = getattr(s, name_)
        if not isinstance(value, int) or not 0 <= value <= s.max_buy_in:
            raise SettingsError(f"{name_} must be between 0 and the maximum buy-in.")
    if not isinstance(s.bomb_pot_every, int) or not 0 <= s.bomb_pot_every <= 1000:
        raise SettingsError("bomb_pot_every must be between 0 and 1000 hands.")
    if s.bomb_pot_every and not s.bomb_pot:
        raise SettingsError("A bomb pot every few hands needs its amount (bomb_pot).")
    if (s.bomb_pot or s.seven_deuce or s.run_it_twice) and s.tournament is not None:
        raise SettingsError("Bomb pots, the 7-2 game and running it twice are for cash games.")
