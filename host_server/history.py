"""Hand histories: each finished hand as a record (enough to replay it), and the ways
it leaves the host: as a member may see it, as PHH (pokerkit's notation) and as
PokerStars-style text, which hand trackers import.

A record holds the deck, so it never leaves as is: `hand_view` decides whose
hole cards a viewer gets (their own, shown ones, or all of them for a host at a
table that reveals hands to its host), and both text formats are written from
that view only.
"""

from __future__ import annotations

import json
import time
import zlib
from dataclasses import dataclass
from typing import Any

from pokerkit import HandHistory

from host_server import events as ev
from host_server.rules import Hand, deal_holes, describe


def phh_text(start: ev.HandStarted, hand: Hand, names: list[str], table_name: str) -> str:
    """The full PHH of a finished hand (every hole card): the host's archive."""
    history = HandHistory.from_game_state(
        hand.game, hand.state, players=names, hand=start.hand_no, event=table_name
    )
    return history.dumps()


@dataclass(frozen=True)
class HandRecord:
    """A finished hand as archived: its start (with the deck), steps, end and names."""

    table_id: str
    table_name: str
    ended_at: float
    start: ev.HandStarted
    steps: tuple[ev.Event, ...]
    end: ev.HandEnded
    names: tuple[str, ...]

    def to_json(self) -> str:
        return json.dumps(
            {
                "table_id": self.table_id,
                "table_name": self.table_name,
                "ended_at": self.ended_at,
                "start": self.start.to_dict(),
                "steps": [e.to_dict() for e in self.steps],
                "end": self.end.to_dict(),
                "names": list(self.names),
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> HandRecord:
        data = json.loads(text)
        start, end = ev.event_from_dict(data["start"]), ev.event_from_dict(data["end"])
        assert isinstance(start, ev.HandStarted) and isinstance(end, ev.HandEnded)
        return cls(
            data["table_id"],
            data["table_name"],
            data["ended_at"],
            start,
            tuple(ev.event_from_dict(e) for e in data["steps"]),
            end,
            tuple(data["names"]),
        )

    def dealt_in(self, member_id: int) -> bool:
        return member_id in self.start.members


def hand_view(
    record: HandRecord, viewer: int | None, *, every_card: bool = False
) -> dict[str, Any]:
    """The hand as `viewer` may see it: their own cards, shown cards, or (every_card) all."""
    start, end = record.start, record.end
    holes = deal_holes(start.deck, len(start.seats))
    shown = {e.seat: e.cards for e in record.steps if isinstance(e, ev.HandShown)}
    players = []
    for i, seat in enumerate(start.seats):
        member = start.members[i]
        cards = holes[i] if every_card or member == viewer else shown.get(seat)
        players.append(
            {
                "seat": seat,
                "member_id": member,
                "name": record.names[i],
                "stack": start.stacks[i],
                "cards": list(cards) if cards else None,
                "shown": seat in shown,
                "final_stack": end.stacks[i],
                "net": end.net[i],
            }
        )
    return {
        "table_id": record.table_id,
        "table_name": record.table_name,
        "hand_no": start.hand_no,
        "ended_at": record.ended_at,
        "button": start.button,
        "small_blind": start.small_blind,
        "big_blind": start.big_blind,
        "ante": start.ante,
        "viewer": viewer,
        "players": players,  # pokerkit's order: small blind first, button last
        "steps": [e.to_dict() for e in record.steps],
    }


def summary_line(record: HandRecord, viewer: int | None) -> dict[str, Any]:
    """One line of a hand list: who played, the pot, and the viewer's result."""
    mine = None
    if viewer in record.start.members:
        mine = record.end.net[record.start.members.index(viewer)]
    return {
        "hand_no": record.start.hand_no,
        "ended_at": record.ended_at,
        "players": list(record.names),
        "pot": sum(n for n in record.end.net if n > 0),
        "net": mine,
    }


# --- PHH ----------------------------------------------------------------------------


def phh_of_view(view: dict[str, Any]) -> str:
    """PHH of a hand view; hole cards the view does not hold are written `????`."""
    players = view["players"]
    index = {p["seat"]: i + 1 for i, p in enumerate(players)}
    actions = [
        f"d dh p{i + 1} {''.join(p['cards']) if p['cards'] else '????'}"
        for i, p in enumerate(players)
    ]
    for step in view["steps"]:
        who = f"p{index.get(step.get('seat'), 0)}"
        if step["kind"] == "player_acted":
            if step["action"] == "fold":
                actions.append(f"{who} f")
            elif step["action"] in ("check", "call"):
                actions.append(f"{who} cc")
            else:
                actions.append(f"{who} cbr {step['amount']}")
        elif step["kind"] == "board_dealt":
            actions.append(f"d db {''.join(step['cards'])}")
        elif step["kind"] == "hand_shown":
            actions.append(f"{who} sm {''.join(step['cards'])}")
        elif step["kind"] == "hand_mucked":
            actions.append(f"{who} sm")
    n = len(players)
    history = HandHistory(
        variant="NT",
        antes=[view["ante"]] * n,
        blinds_or_straddles=[view["small_blind"], view["big_blind"], *[0] * (n - 2)],
        min_bet=view["big_blind"],
        starting_stacks=[p["stack"] for p in players],
        actions=actions,
        players=[p["name"] for p in players],
        hand=view["hand_no"],
        event=view["table_name"],
        finishing_stacks=[p["final_stack"] for p in players],
    )
    return history.dumps()


def phhs_text(views: list[dict[str, Any]]) -> str:
    """Many hands as one PHHS file (pokerkit's `HandHistory.loads_all` reads it)."""
    return "\n\n".join(f"[{v['hand_no']}]\n{phh_of_view(v)}" for v in views)


# --- PokerStars-style text ------------------------------------------------------------


def pokerstars_text(view: dict[str, Any], seats: int) -> str:
    """The hand as PokerStars writes its hand histories, for trackers and HUDs."""
    players = view["players"]
    n = len(players)
    by_seat = {p["seat"]: p for p in players}
    name = {p["seat"]: p["name"] for p in players}
    stacks = {p["seat"]: p["stack"] for p in players}
    when = time.strftime("%Y/%m/%d %H:%M:%S", time.gmtime(view["ended_at"]))
    number = zlib.crc32(view["table_id"].encode()) % 100_000 * 100_000 + view["hand_no"]
    sb, bb = view["small_blind"], view["big_blind"]
    lines = [
        f"PokerStars Hand #{number}: Hold'em No Limit ({sb}/{bb}) - {when} UTC",
        f"Table '{view['table_name']}' {seats}-max Seat #{view['button']} is the button",
    ]
    for p in sorted(players, key=lambda p: p["seat"]):
        lines.append(f"Seat {p['seat']}: {p['name']} ({p['stack']} in chips)")
    bets = {p["seat"]: 0 for p in players}
    order = [p["seat"] for p in players]

    def put(seat: int, chips: int) -> int:
        chips = min(chips, stacks[seat])
        stacks[seat] -= chips
        bets[seat] += chips
        return chips

    if view["ante"]:
        for seat in order:
            lines.append(f"{name[seat]}: posts the ante {put(seat, view['ante'])}")
        bets = dict.fromkeys(bets, 0)
    blinds = (order[1], order[0]) if n == 2 else (order[0], order[1])
    lines.append(f"{name[blinds[0]]}: posts small blind {put(blinds[0], sb)}")
    lines.append(f"{name[blinds[1]]}: posts big blind {put(blinds[1], bb)}")
    lines.append("*** HOLE CARDS ***")
    for p in players:  # a card first seen at the showdown is told there, not here
        if p["cards"] and (p["member_id"] == view["viewer"] or not p["shown"]):
            lines.append(f"Dealt to {p['name']} [{' '.join(p['cards'])}]")
    board: list[str] = []
    folded: dict[int, str] = {}
    street = "Preflop"

    def close_street() -> None:
        """Give back a bet nobody matched, then start the next street's bets."""
        nonlocal bets
        ranked = sorted(bets.items(), key=lambda kv: kv[1], reverse=True)
        if len(ranked) > 1 and ranked[0][1] > ranked[1][1]:
            seat, extra = ranked[0][0], ranked[0][1] - ranked[1][1]
            stacks[seat] += extra
            lines.append(f"Uncalled bet ({extra}) returned to {name[seat]}")
        bets = dict.fromkeys(bets, 0)

    showdown = False
    for step in view["steps"]:
        kind, seat = step["kind"], step.get("seat")
        if kind == "player_acted":
            who, action, amount = name[seat], step["action"], step["amount"]
            top = max(bets.values())
            if action == "fold":
                folded[seat] = street
                lines.append(f"{who}: folds")
            elif action == "check":
                lines.append(f"{who}: checks")
            elif action == "call":
                lines.append(f"{who}: calls {put(seat, amount)}" + _all_in(stacks[seat]))
            elif action == "bet":
                put(seat, amount - bets[seat])
                lines.append(f"{who}: bets {amount}" + _all_in(stacks[seat]))
            else:
                put(seat, amount - bets[seat])
                lines.append(f"{who}: raises {amount - top} to {amount}" + _all_in(stacks[seat]))
        elif kind == "board_dealt":
            close_street()
            street = step["street"].capitalize()
            before = f" [{' '.join(board)}]" if board else ""
            board += step["cards"]
            lines.append(f"*** {street.upper()} ***{before} [{' '.join(step['cards'])}]")
        elif kind in ("hand_shown", "hand_mucked"):
            if not showdown:
                close_street()
                lines.append("*** SHOW DOWN ***")
                showdown = True
            if kind == "hand_shown":
                label = describe(step["cards"], board) or "hole cards"
                lines.append(f"{name[seat]}: shows [{' '.join(step['cards'])}] ({label})")
            else:
                lines.append(f"{name[seat]}: mucks hand")
    if not showdown:
        close_street()
    pot = sum(p["stack"] for p in players) - sum(stacks.values())
    won = {}
    for seat in order:
        collected = by_seat[seat]["final_stack"] - stacks[seat]
        if collected > 0:
            won[seat] = collected
            lines.append(f"{name[seat]} collected {collected} from pot")
    lines.append("*** SUMMARY ***")
    lines.append(f"Total pot {pot} | Rake 0")
    if board:
        lines.append(f"Board [{' '.join(board)}]")
    for seat in sorted(order):
        tags = " (button)" if seat == view["button"] else ""
        tags += (
            " (small blind)" if seat == blinds[0] else " (big blind)" if seat == blinds[1] else ""
        )
        p = by_seat[seat]
        if seat in folded:
            where = "before Flop" if folded[seat] == "Preflop" else f"on the {folded[seat]}"
            outcome = f"folded {where}"
        elif seat in won:
            outcome = f"collected ({won[seat]})"
        elif p["shown"]:
            outcome = f"showed [{' '.join(p['cards'])}] and lost"
        else:
            outcome = "mucked"
        lines.append(f"Seat {seat}: {p['name']}{tags} {outcome}")
    return "\n".join(lines) + "\n"


def _all_in(stack: int) -> str:
    return " and is all-in" if stack == 0 else ""
