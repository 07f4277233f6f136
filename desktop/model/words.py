"""The hand log in words, as a dealer would say it: pure functions of what happened."""

from __future__ import annotations

SUITS = {"s": "♠", "h": "♥", "d": "♦", "c": "♣"}
ACTED = {"fold": "folds", "check": "checks", "call": "calls", "bet": "bets", "raise": "raises to"}
SAT_OUT = {"timeouts": " (timed out)", "disconnected": " (disconnected)", "busted": " (no chips)"}
STOOD = {"freed": " (away too long)", "kick": " (removed)"}


def pretty(card: str) -> str:
    rank = "10" if card[0] == "T" else card[0]
    return rank + SUITS[card[1]]


def pretty_cards(cards: list[str] | tuple[str, ...]) -> str:
    return " ".join(pretty(c) for c in cards)


def acted(name: str, action: str, amount: int, timed_out: bool) -> str:
    words = ACTED[action] + (f" {amount}" if action in ("call", "bet", "raise") else "")
    return f"{name} {words}" + (" (out of time)" if timed_out else "")


def sat_out(name: str, reason: str) -> str:
    return f"{name} sits out{SAT_OUT.get(reason, '')}"


def stood_up(name: str, stack: int, reason: str) -> str:
    return f"{name} stands up with {stack}{STOOD.get(reason, '')}"


def left(name: str, reason: str) -> str:
    return f"{name} was removed by the host" if reason in ("kick", "removed") else f"{name} left"


def blinds(small: int, big: int, ante: int) -> str:
    with_ante = f", ante {ante}" if ante else ""
    return f"Blinds go to {small}/{big}{with_ante} from the next hand"


def won(name: str, net: int, hand_name: str | None) -> str:
    return f"{name} wins" + (f" with {hand_name}" if hand_name else "") + f" (+{net})"


def split(names: list[str]) -> str:
    """A chopped pot: each of them got their own chips back."""
    return " and ".join(names) + " split the pot" if names else "The pot is split"


def top_up_refused(name: str, reason: str) -> str:
    why = "the host said no" if reason == "host" else "the stack is at the maximum"
    return f"No more chips for {name}: {why}"
