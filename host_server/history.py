"""Hand histories: a finished hand as PHH text (pokerkit's notation), for the archive."""

from __future__ import annotations

from pokerkit import HandHistory

from host_server.events import HandStarted
from host_server.rules import Hand


def phh_text(start: HandStarted, hand: Hand, names: list[str], table_name: str) -> str:
    """The PHH of a finished hand; pokerkit reads it back with `HandHistory.loads`."""
    history = HandHistory.from_game_state(
        hand.game,
        hand.state,
        players=names,
        hand=start.hand_no,
        event=table_name,
    )
    return history.dumps()
