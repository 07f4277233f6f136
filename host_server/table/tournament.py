"""A sit-and-go's structure (blind levels by minutes or by hands, breaks, late
registration, buy-in, starting stack, payouts) and where it stands (the level clock,
a break, who finished where): plain data, no events.

The level clock is table state like the action clock: `level_started` (and a break's
end) moves on by every pause and every host downtime, so a level resumes where it stood.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from host_server.errors import SettingsError

MAX_LEVELS = 60
MAX_PLAYERS = 10


@dataclass(frozen=True)
class Level:
    small_blind: int
    big_blind: int
    ante: int
    minutes: float


# Blinds as multiples of the first small blind; antes (a tenth of the big blind, at
# least one chip) from a chosen level on (the presets: level 5).
_STEPS = (1, 2, 3, 5, 8, 10, 15, 20, 30, 40, 60, 80, 100, 150, 200, 300, 400, 600, 800, 1000)
PRESETS: dict[str, tuple[float, int]] = {
    "turbo": (5.0, 50),  # minutes per level, starting stack in first big blinds
    "regular": (10.0, 75),
    "deep": (15.0, 150),
}


def preset_levels(preset: str, small_blind: int = 10, ante_from: int = 5) -> tuple[Level, ...]:
    minutes, _ = PRESETS[preset]
    smalls = [step * small_blind for step in _STEPS]
    return tuple(
        Level(small, 2 * small, _ante(n, ante_from, small), minutes)
        for n, small in enumerate(smalls, start=1)
    )


def _ante(level: int, ante_from: int, small_blind: int) -> int:
    return max(1, 2 * small_blind // 10) if 0 < ante_from <= level else 0


def parse_levels(text: str, minutes: float) -> tuple[Level, ...]:
    """A structure as a host types it, a level a line: "10/20", or "50/100/10" with an
    ante; each lasts `minutes`. A `SettingsError` names the line at fault."""
    levels = []
    for n, line in enumerate((t for t in text.splitlines() if t.strip()), start=1):
        try:
            numbers = [int(part) for part in line.replace(" ", "").split("/")]
        except ValueError:
            numbers = []
        if len(numbers) not in (2, 3):
            raise SettingsError(
                f"Level {n}: small blind/big blind, or small/big/ante (as 50/100/10).",
                field="levels",
            )
        levels.append(
            Level(numbers[0], numbers[1], numbers[2] if len(numbers) == 3 else 0, minutes)
        )
    return tuple(levels)


def levels_text(levels: tuple[Level, ...]) -> str:
    """`parse_levels`'s text for a structure (what the host form shows to edit)."""
    return "\n".join(
        f"{v.small_blind}/{v.big_blind}" + (f"/{v.ante}" if v.ante else "") for v in levels
    )


@dataclass(frozen=True)
class Tournament:
    """A sit-and-go as the host set it up. `payouts`: percentages for 1st, 2nd, ...; empty
    for the default by the number of entrants (`default_payouts`)."""

    buy_in: int  # in the ledger's units, not chips
    starting_stack: int
    levels: tuple[Level, ...]
    payouts: tuple[int, ...] = ()
    hands_per_level: int = 0  # levels by hands dealt; 0: by each level's minutes
    break_every: int = 0  # a break after every this many levels; 0: none
    break_minutes: float = 5.0
    late_until: int = 0  # seats may be taken until this level ends (or someone is out)
    rebuy_until: int = 0  # rebuys (a buy-in for a starting stack) until this level ends
    add_on: int = 0  # chips of the one add-on in the last rebuy level; 0: none

    @classmethod
    def preset(
        cls,
        name: str,
        *,
        buy_in: int = 100,
        small_blind: int = 10,
        starting_stack: int | None = None,
        minutes: float | None = None,
        payouts: str = "",
        levels: str = "",
        ante_from: int = 5,
        **rules: Any,
    ) -> Tournament:
        """A preset's structure from `small_blind` up, with what the host changed: the
        stack, the minutes per level, the payouts as typed ("50, 30, 20"; "": default),
        its own levels as typed (`parse_levels`; "": the preset's), antes from a level
        (0: none), and `rules` (hands per level, breaks, late registration). Checked."""
        if name not in PRESETS:
            raise SettingsError(
                f"Tournament presets are {', '.join(PRESETS)}, not {name!r}.", field="preset"
            )
        if not whole(small_blind) or small_blind < 1:
            raise SettingsError("The first small blind is a whole number from 1.", field="levels")
        if not whole(ante_from) or ante_from < 0:
            raise SettingsError("Antes start at a level from 1 (0: none).", field="ante_from")
        chosen = preset_levels(name, small_blind, ante_from)
        if minutes is not None:
            chosen = tuple(replace(v, minutes=minutes) for v in chosen)
        if levels.strip():
            chosen = parse_levels(levels, minutes if minutes is not None else PRESETS[name][0])
        stack = starting_stack if starting_stack is not None else PRESETS[name][1] * 2 * small_blind
        try:
            shares = tuple(int(p) for p in payouts.replace(",", " ").split())
        except ValueError:
            raise SettingsError(
                "Payouts are whole percentages, as 50, 30, 20.", field="payouts"
            ) from None
        try:
            made = cls(buy_in, stack, chosen, shares, **rules)
        except TypeError as error:
            raise SettingsError(f"tournament: {error}", field="tournament") from None
        made.check()
        return made

    def to_dict(self) -> dict[str, Any]:
        return {
            "buy_in": self.buy_in,
            "starting_stack": self.starting_stack,
            "levels": [[v.small_blind, v.big_blind, v.ante, v.minutes] for v in self.levels],
            "payouts": list(self.payouts),
            "hands_per_level": self.hands_per_level,
            "break_every": self.break_every,
            "break_minutes": self.break_minutes,
            "late_until": self.late_until,
            "rebuy_until": self.rebuy_until,
            "add_on": self.add_on,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Tournament:
        try:
            levels = tuple(Level(*level) for level in data["levels"])
            rules = {k: data[k] for k in _RULES if k in data}  # (older tables: none)
            made = cls(
                data["buy_in"], data["starting_stack"], levels, tuple(data["payouts"]), **rules
            )
        except (KeyError, TypeError) as error:
            raise SettingsError(f"tournament: {error}", field="tournament") from None
        made.check()
        return made

    def check(self) -> None:
        """Every field, each with its own message."""
        if not whole(self.buy_in) or not 0 <= self.buy_in <= 10**9:
            raise SettingsError("The buy-in is a whole number from 0.", field="buy_in")
        if not self.levels or len(self.levels) > MAX_LEVELS:
            raise SettingsError(f"A structure has 1 to {MAX_LEVELS} levels.", field="levels")
        before = 0
        for n, level in enumerate(self.levels, start=1):
            if not all(whole(v) for v in (level.small_blind, level.big_blind, level.ante)):
                raise SettingsError(f"Level {n}: blinds are whole numbers.", field="levels")
            if not 0 < level.small_blind <= level.big_blind or not level.ante >= 0:
                raise SettingsError(
                    f"Level {n}: a small blind from 1 up to the big blind.", field="levels"
                )
            if level.big_blind <= before:
                raise SettingsError(
                    f"Level {n}: the big blind must be above level {n - 1}'s.", field="levels"
                )
            if not isinstance(level.minutes, (int, float)) or not 0.1 <= level.minutes <= 240:
                raise SettingsError(f"Level {n}: 0.1 to 240 minutes.", field="levels")
            before = level.big_blind
        first = self.levels[0].big_blind
        if not whole(self.starting_stack) or not 10 * first <= self.starting_stack <= 10**12:
            raise SettingsError(
                f"The starting stack is at least 10 big blinds of the first level ({10 * first}).",
                field="starting_stack",
            )
        if self.payouts and (
            not all(whole(p) and p > 0 for p in self.payouts)
            or sum(self.payouts) != 100
            or list(self.payouts) != sorted(self.payouts, reverse=True)
            or len(self.payouts) > MAX_PLAYERS
        ):
            raise SettingsError(
                "Payouts are whole percentages, largest first, that sum to 100.", field="payouts"
            )
        self._check_rules()

    def _check_rules(self) -> None:
        if not whole(self.hands_per_level) or not 0 <= self.hands_per_level <= 1000:
            raise SettingsError("Hands per level: 0 (by minutes) to 1000.", field="hands_per_level")
        if not whole(self.break_every) or not 0 <= self.break_every <= MAX_LEVELS:
            raise SettingsError(
                f"A break every 0 (never) to {MAX_LEVELS} levels.", field="break_every"
            )
        minutes = self.break_minutes
        if not isinstance(minutes, (int, float)) or not 0.1 <= minutes <= 120:
            raise SettingsError("A break lasts 0.1 to 120 minutes.", field="break_minutes")
        if not whole(self.late_until) or not 0 <= self.late_until <= len(self.levels):
            raise SettingsError(
                f"Late registration until level 0 (none) to {len(self.levels)}.",
                field="late_until",
            )
        if not whole(self.rebuy_until) or not 0 <= self.rebuy_until <= len(self.levels):
            raise SettingsError(
                f"Rebuys until level 0 (none) to {len(self.levels)}.", field="rebuy_until"
            )
        if not whole(self.add_on) or not 0 <= self.add_on <= 10**12:
            raise SettingsError("An add-on is a whole number of chips (0: none).", field="add_on")
        if self.add_on and not self.rebuy_until:
            raise SettingsError(
                "The add-on comes at the end of the rebuys: set rebuys first.", field="add_on"
            )


_RULES = ("hands_per_level", "break_every", "break_minutes", "late_until", "rebuy_until", "add_on")


def whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def default_payouts(entrants: int) -> tuple[int, ...]:
    """Winner takes all up to 4 entrants, 65/35 up to 6, 50/30/20 beyond."""
    if entrants <= 4:
        return (100,)
    if entrants <= 6:
        return (65, 35)
    return (50, 30, 20)


def prizes(pool: int, payouts: tuple[int, ...], entrants: int) -> tuple[int, ...]:
    """Each paid place's prize, rounded down to the chip; what is left (and the shares of
    places nobody could reach, with fewer entrants than places) goes to first."""
    paid = [pool * p // 100 for p in payouts[:entrants]]
    if paid:
        paid[0] += pool - sum(paid)
    return tuple(paid)


@dataclass
class Standing:
    member_id: int
    place: int
    prize: int


@dataclass
class TournamentState:
    """Where a sit-and-go stands: not yet started, running (a level and its clock), or
    over (everyone's place)."""

    started: bool = False
    entrants: tuple[int, ...] = ()  # member ids, as seated at the start
    level: int = 0  # index into the structure's levels
    level_started: float = 0.0
    finished: list[Standing] = field(default_factory=list)  # in the order they finished
    break_until: float | None = None  # on a break until then (the next level after it)
    level_hands: int = 0  # hands dealt at this level (for levels by hands)
    rebuys: dict[int, int] = field(default_factory=dict)  # member id: rebuys taken
    add_ons: tuple[int, ...] = ()  # who took the add-on
    offers: dict[int, float] = field(default_factory=dict)  # busted: may rebuy until then
    # The last hand's small blind's seat (held or not) and big blind's: the dead button
    # moves each one seat on from there.
    blinds_at: tuple[int, int] | None = None

    @property
    def over(self) -> bool:
        return self.started and any(s.place == 1 for s in self.finished)

    @property
    def running(self) -> bool:
        return self.started and not self.over

    def pool(self, structure: Tournament) -> int:
        """Every buy-in paid: the entries, the rebuys and the add-ons."""
        paid = len(self.entrants) + sum(self.rebuys.values()) + len(self.add_ons)
        return structure.buy_in * paid

    def prize(self, structure: Tournament, place: int) -> int:
        """A place's prize from the pool as it stands; first takes what the others did
        not (so the prizes always sum to the pool, rebuys paid after a place included)."""
        if place == 1:
            return self.pool(structure) - sum(s.prize for s in self.finished)
        entrants = len(self.entrants)
        payouts = structure.payouts or default_payouts(entrants)
        paid = prizes(self.pool(structure), payouts, entrants)
        return paid[place - 1] if place <= len(paid) else 0

    def rebuys_open(self, structure: Tournament) -> bool:
        return self.running and self.level < structure.rebuy_until

    def add_on_open(self, structure: Tournament) -> bool:
        """In the last level of rebuys (and the break after it, if one comes)."""
        return self.running and bool(structure.add_on) and self.level == structure.rebuy_until - 1

    def level_ends(self, structure: Tournament) -> float | None:
        """When the level in play (or the break) ends by the clock; None at the last level
        (it lasts), and for levels by hands."""
        if self.break_until is not None:
            return self.break_until
        if self.level + 1 >= len(structure.levels) or structure.hands_per_level:
            return None
        return self.level_started + 60.0 * structure.levels[self.level].minutes

    def registering(self, structure: Tournament) -> bool:
        """Seats may be taken: before the start, or late, until the level set (and
        only while nobody is out: a place once given is never changed)."""
        if not self.started:
            return True
        late = self.running and self.level < structure.late_until
        return late and not self.finished

    def to_dict(self) -> dict[str, Any]:
        return {
            "started": self.started,
            "entrants": list(self.entrants),
            "level": self.level,
            "level_started": self.level_started,
            "finished": [[s.member_id, s.place, s.prize] for s in self.finished],
            "break_until": self.break_until,
            "level_hands": self.level_hands,
            "rebuys": [[member, n] for member, n in self.rebuys.items()],
            "add_ons": list(self.add_ons),
            "offers": [[member, until] for member, until in self.offers.items()],
            "blinds_at": list(self.blinds_at) if self.blinds_at else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TournamentState:
        return cls(
            data["started"],
            tuple(data["entrants"]),
            data["level"],
            data["level_started"],
            [Standing(*s) for s in data["finished"]],
            data.get("break_until"),
            data.get("level_hands", 0),
            {member: n for member, n in data.get("rebuys", [])},
            tuple(data.get("add_ons", [])),
            {member: until for member, until in data.get("offers", [])},
            _pair(data.get("blinds_at")),
        )


def _pair(value: list[int] | None) -> tuple[int, int] | None:
    return (value[0], value[1]) if value else None
