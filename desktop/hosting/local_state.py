"""What the app remembers between runs: settings, and the tables you host or sat at."""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from platformdirs import user_data_path

from host_server.errors import SettingsError
from host_server.table.settings import TableSettings
from host_server.table.tournament import Tournament


def data_folder() -> Path:
    return user_data_path("Felt", appauthor=False, ensure_exists=True)


HOST_FORM = {
    "name": "Home game",
    "seats": 6,
    "small_blind": 1,
    "big_blind": 2,
    "ante": 0,
    "min_buy_in": 40,
    "max_buy_in": 200,
    "action_seconds": 30.0,
    "auto_approve": False,
    "allow_spectators": True,
    "approve_top_ups": False,
    "reveal_hands_to_host": False,
    "variant": "nlhe",  # or "plo": Pot-Limit Omaha (cash games and sit-and-goes)
    "straddle": "off",  # or "mandatory" (cash games)
    "bomb_pot": 0,  # each player's chips for a bomb pot (0: none; cash games)
    "bomb_pot_every": 0,  # one every this many hands (0: when the host calls one)
    "seven_deuce": 0,  # the 7-2 game's bounty (0: not played; cash games)
    "run_it_twice": False,  # all in before the river, the players may run it twice
    "internet": True,  # not a table setting: ask the router for the port while hosting
    "announce": True,  # listed to players on this network
    "game": "cash",  # or "sit_and_go", from the fields below
    "preset": "turbo",
    "buy_in": 100,  # in the ledger's units
    "first_small_blind": 10,
    "starting_stack": 1000,
    "level_minutes": 5.0,
    "hands_per_level": 0,  # 0: levels by the clock
    "break_every": 0,  # levels between breaks; 0: none
    "break_minutes": 5.0,
    "late_until": 0,  # seats may be taken until this level; 0: not after the start
    "ante_from": 5,  # the level antes start at; 0: none
    "rebuy_until": 0,  # rebuys until this level; 0: none
    "add_on": 0,  # the add-on's chips, in the last level of rebuys; 0: none
    "levels": "",  # a level a line, "10/20" or "50/100/10"; "": the preset's
    "payouts": "",  # "50, 30, 20"; "": by the number of entrants
}
_RULES = ("hands_per_level", "break_every", "break_minutes", "late_until", "rebuy_until", "add_on")
_SIT_AND_GO_SETS = {
    "small_blind", "big_blind", "ante", "min_buy_in", "max_buy_in", "tournament", "straddle",
    "bomb_pot", "bomb_pot_every", "seven_deuce", "run_it_twice",
}  # fmt: skip


def table_settings(values: dict[str, Any]) -> TableSettings:
    """The table settings among `values`; a `SettingsError` when they cannot make a table."""
    known = {f.name for f in fields(TableSettings)} - {"tournament"}
    plain = {k: v for k, v in values.items() if k in known}
    if values.get("game") != "sit_and_go":
        return TableSettings(**plain)
    structure = Tournament.preset(
        str(values["preset"]), buy_in=int(values["buy_in"]),
        small_blind=int(values["first_small_blind"]), starting_stack=int(values["starting_stack"]),
        minutes=float(values["level_minutes"]), payouts=str(values["payouts"]),
        levels=str(values.get("levels", "")), ante_from=values.get("ante_from", 5),
        **{k: values[k] for k in _RULES if k in values},
    )  # fmt: skip
    others = {k: v for k, v in plain.items() if k not in _SIT_AND_GO_SETS | {"name"}}
    return TableSettings.sit_and_go(str(values["name"]), structure, **others)


@dataclass
class Settings:
    name: str = "Player"
    four_colour_deck: bool = False
    sounds: bool = True
    language: str = ""  # "": the system's; else a code of ui.language.LANGUAGES
    host_port: int = 8765  # where this machine hosts: invites name it
    invite_address: str | None = None  # the address the host chose for invites, if any
    router: str = ""  # the router to ask for the port ("": the default gateway's, or SSDP's)
    # Where tables are listed and looked for: "" every network, "off" none, else the
    # address of one (tests: 127.0.0.1).
    lan: str = ""
    table: dict[str, Any] = field(default_factory=lambda: dict(HOST_FORM))  # the host form's

    @property
    def lan_interfaces(self) -> list[str] | None:
        """The networks `net.lan` listens on (None: all of them); see `lan`."""
        return [self.lan] if self.lan else None

    @classmethod
    def load(cls, folder: Path) -> Settings:
        try:
            data = json.loads((folder / "settings.json").read_text())
        except (OSError, ValueError):
            return cls()
        known = {f.name for f in fields(cls)}
        settings = cls(**{k: v for k, v in data.items() if k in known})
        table = {**HOST_FORM, **{k: v for k, v in settings.table.items() if k in HOST_FORM}}
        try:
            table_settings(table)
        except (SettingsError, TypeError):
            table = dict(HOST_FORM)  # never keep what cannot make a table
        settings.table = table
        return settings

    def save(self, folder: Path) -> None:
        _write_json(folder / "settings.json", asdict(self))


@dataclass
class Recent:
    """A table this user hosts or sat at: enough to go back without typing anything."""

    address: str  # host:port as this machine reaches it
    table_id: str
    member_id: int
    table_name: str
    hosted: bool
    last_used: float = field(default_factory=time.time)
    pin: str | None = None  # the host's certificate, as first invited (hosted: our own)

    @property
    def key(self) -> tuple[str, str]:
        return self.address, self.table_id


def load_recent(folder: Path) -> list[Recent]:
    try:
        rows = json.loads((folder / "recent.json").read_text())
        return sorted((Recent(**row) for row in rows), key=lambda r: -r.last_used)
    except (OSError, ValueError, TypeError):
        return []


def remember(folder: Path, entry: Recent) -> None:
    rows = [r for r in load_recent(folder) if r.key != entry.key]
    _write_json(folder / "recent.json", [asdict(r) for r in [entry, *rows][:30]])


def forget(folder: Path, table_ids: set[str], *, hosted: bool) -> None:
    """Tables that are no more (closed, or gone from their host) leave "Your tables"."""
    rows = [r for r in load_recent(folder) if not (r.table_id in table_ids and r.hosted == hosted)]
    _write_json(folder / "recent.json", [asdict(r) for r in rows])


def rehome(folder: Path, address: str) -> None:
    """The tables this machine hosts are served at `address` now (its port changed)."""
    rows = [replace(r, address=address) if r.hosted else r for r in load_recent(folder)]
    _write_json(folder / "recent.json", [asdict(r) for r in rows])


def _write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, indent=2))
    temporary.replace(path)
