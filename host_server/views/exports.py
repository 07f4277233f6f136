"""A hand view as text: PHH (pokerkit's notation) and PokerStars-style hand histories,
which hand trackers and HUDs import. Both are written from a view, so they hold
exactly the hole cards that view holds (others are `????` in PHH, absent in text).
"""

from __future__ import annotations

import time
import zlib
from typing import Any

from pokerkit import HandHistory

from host_server.rules.names import describe
from host_server.views.replay import Chips


def phh_of_view(view: dict[str, Any]) -> str:
    players = view["players"]
    index = {p["seat"]: i + 1 for i, p in enumerate(players)}
    actions = [
        f"d dh p{i + 1} {''.join(p['cards']) if p['cards'] else '????'}"
        for i, p in enumerate(players)
    ]
    for step in view["steps"]:
        who = f"p{index.get(step.get('seat'), 0)}"
        if step["kind"] == "player_acted":
            code = {"fold": "f", "check": "cc", "call": "cc"}.get(step["action"])
            actions.append(f"{who} {code}" if code else f"{who} cbr {step['amount']}")
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


def pokerstars_file(views: list[dict[str, Any]], seats: int) -> str:
    """Many hands as one file, the way PokerStars writes them (a blank line between)."""
    return "\n\n".join(pokerstars_text(v, seats) for v in views)


def pokerstars_text(view: dict[str, Any], seats: int) -> str:
    """The hand as PokerStars writes its hand histories."""
    players = view["players"]
    by_seat = {p["seat"]: p for p in players}
    name = {p["seat"]: p["name"] for p in players}
    when = time.strftime("%Y/%m/%d %H:%M:%S", time.gmtime(view["ended_at"]))
    number = zlib.crc32(view["table_id"].encode()) % 100_000 * 100_000 + view["hand_no"]
    lines = [
        f"PokerStars Hand #{number}: Hold'em No Limit "
        f"({view['small_blind']}/{view['big_blind']}) - {when} UTC",
        f"Table '{view['table_name']}' {seats}-max Seat #{view['button']} is the button",
        *(
            f"Seat {p['seat']}: {p['name']} ({p['stack']} in chips)"
            for p in sorted(players, key=lambda p: p["seat"])
        ),
    ]
    chips = Chips(view)
    blind_words = {"ante": "the ante", "small": "small blind", "big": "big blind"}
    for seat, kind, amount in chips.posted:
        lines.append(f"{name[seat]}: posts {blind_words[kind]} {amount}")
    lines.append("*** HOLE CARDS ***")
    for p in players:  # a card first seen at the showdown is told there, not here
        if p["cards"] and (p["member_id"] == view["viewer"] or not p["shown"]):
            lines.append(f"Dealt to {p['name']} [{' '.join(p['cards'])}]")
    board: list[str] = []
    folded: dict[int, str] = {}
    street = "Preflop"

    def collect() -> None:
        returned = chips.collect()
        if returned is not None:
            lines.append(f"Uncalled bet ({returned[1]}) returned to {name[returned[0]]}")

    showdown = False
    for step in view["steps"]:
        kind, seat = step["kind"], step.get("seat")
        if kind == "player_acted":
            action, top = step["action"], max(chips.bets.values())
            put = chips.act(step)
            all_in = " and is all-in" if chips.stacks[seat] == 0 else ""
            if action == "fold":
                folded[seat] = street
            words = {
                "fold": "folds",
                "check": "checks",
                "call": f"calls {put}{all_in}",
                "bet": f"bets {step['amount']}{all_in}",
                "raise": f"raises {step['amount'] - top} to {step['amount']}{all_in}",
            }[action]
            lines.append(f"{name[seat]}: {words}")
        elif kind == "board_dealt":
            collect()
            street = step["street"].capitalize()
            before = f" [{' '.join(board)}]" if board else ""
            board += step["cards"]
            lines.append(f"*** {street.upper()} ***{before} [{' '.join(step['cards'])}]")
        elif kind in ("hand_shown", "hand_mucked"):
            if not showdown:
                collect()
                lines.append("*** SHOW DOWN ***")
                showdown = True
            if kind == "hand_shown":
                label = describe(step["cards"], board) or "hole cards"
                lines.append(f"{name[seat]}: shows [{' '.join(step['cards'])}] ({label})")
            else:
                lines.append(f"{name[seat]}: mucks hand")
    if not showdown:
        collect()
    won = {}
    for seat in chips.order:
        collected = by_seat[seat]["final_stack"] - chips.stacks[seat]
        if collected > 0:
            won[seat] = collected
            lines.append(f"{name[seat]} collected {collected} from pot")
    lines += ["*** SUMMARY ***", f"Total pot {chips.pot} | Rake 0"]
    if board:
        lines.append(f"Board [{' '.join(board)}]")
    small, big = chips.blind_seats
    for seat in sorted(chips.order):
        tags = " (button)" if seat == view["button"] else ""
        tags += " (small blind)" if seat == small else " (big blind)" if seat == big else ""
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
