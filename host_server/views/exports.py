"""A hand view as text: PHH (pokerkit's notation) and PokerStars-style hand histories,
which hand trackers and HUDs import. Both are written from a view, so they hold
exactly the hole cards that view holds (others are `????` in PHH, absent in text).
"""

from __future__ import annotations

import time
import zlib
from typing import Any

from pokerkit import HandHistory

from host_server.rules.deck import HOLE_CARDS
from host_server.rules.names import describe
from host_server.views.replay import Chips


def phh_of_view(view: dict[str, Any]) -> str:
    players = view["players"]
    index = {p["seat"]: i + 1 for i, p in enumerate(players)}
    unknown = "??" * HOLE_CARDS[view.get("variant", "nlhe")]
    actions = [
        f"d dh p{i + 1} {''.join(p['cards']) if p['cards'] else unknown}"
        for i, p in enumerate(players)
    ]
    bomb = view.get("bomb", 0)
    if bomb:  # no preflop betting: those with chips behind check (pokerkit has them act)
        behind = [i for i, p in enumerate(players) if p["stack"] > bomb]
        actions += [f"p{i + 1} cc" for i in behind] if len(behind) > 1 else []
    bounty, runs = [0] * len(players), 1
    for step in view["steps"]:
        who = f"p{index.get(step.get('seat'), 0)}"
        if step["kind"] == "player_acted":
            code = {"fold": "f", "check": "cc", "call": "cc"}.get(step["action"])
            actions.append(f"{who} {code}" if code else f"{who} cbr {step['amount']}")
        elif step["kind"] == "runs_chosen":
            runs = step["count"]
        elif step["kind"] == "board_dealt" and step.get("run", 1) == 2:
            # pokerkit 0.7's PHH has no action for the number of runs: the second run's
            # cards are a commentary, and `_runs` says how many (see docs/protocol.md).
            actions.append(f"# second run: d db {''.join(step['cards'])}")
        elif step["kind"] == "board_dealt":
            actions.append(f"d db {''.join(step['cards'])}")
        elif step["kind"] == "hand_shown":
            actions.append(f"{who} sm {''.join(step['cards'])}")
        elif step["kind"] == "hand_mucked":
            actions.append(f"{who} sm")
        elif step["kind"] == "seven_deuce_paid":
            bounty = [b + c for b, c in zip(bounty, step["amounts"], strict=True)]
    n = len(players)
    history = HandHistory(
        variant=_PHH_VARIANT[view.get("variant", "nlhe")],
        antes=[bomb or view["ante"]] * n,
        blinds_or_straddles=_blinds(view),
        min_bet=view["big_blind"],
        starting_stacks=[p["stack"] for p in players],
        actions=actions,
        players=[p["name"] for p in players],
        hand=view["hand_no"],
        event=view["table_name"],
        finishing_stacks=[p["final_stack"] - b for p, b in zip(players, bounty, strict=True)],
    )
    fields: dict[str, object] = {"_runs": runs} if runs > 1 else {}
    if any(bounty):  # the 7-2 game's bounty, paid after the pot (not in the stacks above)
        fields["_seven_deuce"] = bounty
    if fields:
        history.user_defined_fields = fields
    if view.get("level") is not None:  # a sit-and-go: its level, its number and buy-in
        history.level = view["level"]
        history.user_defined_fields = {
            "_tournament": tournament_number(view["table_id"]), "_buy_in": view["buy_in"],
        }  # fmt: skip
    return history.dumps()


_PHH_VARIANT = {"nlhe": "NT", "plo": "PO"}  # PHH's: no-limit Hold'em, pot-limit Omaha
_STARS_GAME = {"nlhe": "Hold'em No Limit", "plo": "Omaha Pot Limit"}


def _blinds(view: dict[str, Any]) -> list[int]:
    """PHH's blinds by player (a dead small blind: the big blind first, as dealt)."""
    n = len(view["players"])
    if view.get("bomb"):
        return [0] * n
    if view.get("dead_small_blind") is not None:
        return [view["big_blind"], *[0] * (n - 1)]
    straddle = [view["straddle"]] if view.get("straddle") else []
    return [view["small_blind"], view["big_blind"], *straddle, *[0] * (n - 2 - len(straddle))]


def tournament_number(table_id: str) -> int:
    """A sit-and-go's number in hand histories: its table's, as digits."""
    return zlib.crc32(table_id.encode()) % 1_000_000_000


def roman(n: int) -> str:
    """Levels as PokerStars numbers them (I, II, ... up to 60: LX)."""
    out = ""
    for value, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV")):
        while n >= value:
            out, n = out + letters, n - value
    return out + "I" * n


def phhs_text(views: list[dict[str, Any]]) -> str:
    """Many hands as one PHHS file (pokerkit's `HandHistory.loads_all` reads it)."""
    return "\n\n".join(f"[{v['hand_no']}]\n{phh_of_view(v)}" for v in views)


def pokerstars_file(views: list[dict[str, Any]], seats: int) -> str:
    """Many hands as one file, the way PokerStars writes them (a blank line between)."""
    return "\n\n".join(pokerstars_text(v, seats) for v in views)


def pokerstars_text(view: dict[str, Any], seats: int) -> str:
    """The hand as PokerStars writes its hand histories."""
    return _Stars(view, seats).text()


_BLINDS = {"ante": "the ante", "small": "small blind", "big": "big blind", "straddle": "straddle"}


class _Stars:
    """One hand written out, section by section, following its chips as it goes."""

    def __init__(self, view: dict[str, Any], seats: int) -> None:
        self.view, self.seats = view, seats
        self.players = view["players"]
        self.by_seat = {p["seat"]: p for p in self.players}
        self.name = {p["seat"]: p["name"] for p in self.players}
        self.chips = Chips(view)
        self.lines: list[str] = []
        self.board: list[str] = []
        self.folded: dict[int, str] = {}
        self.bounty = dict.fromkeys(self.chips.order, 0)  # the 7-2 game's, not the pot's
        self.second: list[str] | None = None  # run twice: the second run's board
        self.street = "Preflop"
        self.showdown = False

    def text(self) -> str:
        self._head()
        for step in self.view["steps"]:
            self._step(step)
        if not self.showdown:
            self._collect()
        self._summary(self._pushed())
        return "\n".join(self.lines) + "\n"

    def _head(self) -> None:
        view, lines = self.view, self.lines
        when = time.strftime("%Y/%m/%d %H:%M:%S", time.gmtime(view["started_at"]))  # its deal
        number = zlib.crc32(view["table_id"].encode()) % 100_000 * 100_000 + view["hand_no"]
        blinds = f"({view['small_blind']}/{view['big_blind']})"
        game = _STARS_GAME[view.get("variant", "nlhe")]
        if view.get("level") is not None:  # PokerStars' tournament heading
            lines.append(
                f"PokerStars Hand #{number}: Tournament #{tournament_number(view['table_id'])}, "
                f"{view['buy_in']}+0 {game} - Level {roman(view['level'])} {blinds}"
                f" - {when} UTC"
            )
        else:
            lines.append(f"PokerStars Hand #{number}: {game} {blinds} - {when} UTC")
        lines.append(
            f"Table '{view['table_name']}' {self.seats}-max Seat #{view['button']} is the button"
        )
        for p in sorted(self.players, key=lambda p: p["seat"]):
            lines.append(f"Seat {p['seat']}: {p['name']} ({p['stack']} in chips)")
        for seat, kind, amount in self.chips.posted:
            lines.append(f"{self.name[seat]}: posts {_BLINDS[kind]} {amount}")
        lines.append("*** HOLE CARDS ***")
        for p in self.players:  # a card first seen at the showdown is told there, not here
            if p["cards"] and (p["member_id"] == view["viewer"] or not p["shown"]):
                lines.append(f"Dealt to {p['name']} [{' '.join(p['cards'])}]")

    def _collect(self) -> None:
        returned = self.chips.collect()
        if returned is not None:
            self.lines.append(f"Uncalled bet ({returned[1]}) returned to {self.name[returned[0]]}")

    def _step(self, step: dict[str, Any]) -> None:
        kind, seat = step["kind"], step.get("seat")
        if kind == "player_acted":
            self._acted(step)
        elif kind == "runs_chosen" and step["count"] == 2:
            self.second = list(self.board)
        elif kind == "board_dealt":
            self._collect()
            self.street = step["street"].capitalize()
            run = self.second if step.get("run", 1) == 2 else self.board
            before = f" [{' '.join(run)}]" if run else ""
            run += step["cards"]
            label = self.street.upper()
            if self.second is not None:  # PokerStars' sections of a board run twice
                label = ("SECOND " if run is self.second else "FIRST ") + label
            self.lines.append(f"*** {label} ***{before} [{' '.join(step['cards'])}]")
        elif kind in ("hand_shown", "hand_mucked"):
            if not self.showdown:
                self._collect()
                self.lines.append("*** SHOW DOWN ***")
                self.showdown = True
            if kind == "hand_shown":
                label = describe(step["cards"], self.board) or "hole cards"
                self.lines.append(f"{self.name[seat]}: shows [{' '.join(step['cards'])}] ({label})")
            else:
                self.lines.append(f"{self.name[seat]}: mucks hand")
        elif kind == "seven_deuce_paid":
            for paid, change in zip(self.chips.order, step["amounts"], strict=True):
                self.bounty[paid] += change

    def _acted(self, step: dict[str, Any]) -> None:
        seat, action, top = step["seat"], step["action"], max(self.chips.bets.values())
        put = self.chips.act(step)
        all_in = " and is all-in" if self.chips.stacks[seat] == 0 else ""
        if action == "fold":
            self.folded[seat] = self.street
        words = {
            "fold": "folds",
            "check": "checks",
            "call": f"calls {put}{all_in}",
            "bet": f"bets {step['amount']}{all_in}",
            "raise": f"raises {step['amount'] - top} to {step['amount']}{all_in}",
        }[action]
        self.lines.append(f"{self.name[seat]}: {words}")

    def _pushed(self) -> dict[int, int]:
        """Who collected what from the pot (their final stack less what was behind)."""
        won = {}
        for seat in self.chips.order:
            final = self.by_seat[seat]["final_stack"] - self.bounty[seat]
            collected = final - self.chips.stacks[seat]
            if collected > 0:
                won[seat] = collected
                self.lines.append(f"{self.name[seat]} collected {collected} from pot")
        return won

    def _summary(self, won: dict[int, int]) -> None:
        lines = self.lines
        lines += ["*** SUMMARY ***", f"Total pot {self.chips.pot} | Rake 0"]
        if self.second is not None:
            lines.append("Hand was run twice")
            lines.append(f"FIRST Board [{' '.join(self.board)}]")
            lines.append(f"SECOND Board [{' '.join(self.second)}]")
        elif self.board:
            lines.append(f"Board [{' '.join(self.board)}]")
        small, big = self.chips.blind_seats
        for seat in sorted(self.chips.order):
            tags = " (button)" if seat == self.view["button"] else ""
            tags += " (small blind)" if seat == small else " (big blind)" if seat == big else ""
            p = self.by_seat[seat]
            if seat in self.folded:
                street = self.folded[seat]
                where = "before Flop" if street == "Preflop" else f"on the {street}"
                outcome = f"folded {where}"
            elif seat in won:
                outcome = f"collected ({won[seat]})"
            elif p["shown"]:
                outcome = f"showed [{' '.join(p['cards'])}] and lost"
            else:
                outcome = "mucked"
            lines.append(f"Seat {seat}: {p['name']}{tags} {outcome}")
