"""Whose turn it is, when it is a bot's: the moment a bot decides for, and what it sees."""

from __future__ import annotations

from dataclasses import dataclass

from host_server.bots.situation import Situation, situation_for
from host_server.table.members import BotLevel
from host_server.table.state import Table


@dataclass(frozen=True)
class BotTurn:
    """A bot's turn to act, with everything its policy may read."""

    table_id: str
    member_id: int
    level: BotLevel
    key: tuple[int, int]  # (hand, steps so far): the decision is for this moment only
    situation: Situation


def turn_key(table: Table) -> tuple[int, int] | None:
    """The moment a decision is for: the hand and its decision (as a `turn` names it)."""
    if table.paused or table.hand is None:
        return None
    return (table.hand_no, table.decision)


def bot_turn(table: Table) -> BotTurn | None:
    """The bot to act now, if the player to act is one (built only from the views)."""
    if table.closed or table.paused or table.actor_seat is None:
        return None
    member = table.members[table.seats[table.actor_seat].member_id]
    if member.bot is None or member.exit is not None:
        return None
    situation = situation_for(table, member.id)
    key = turn_key(table)
    if situation is None or key is None:
        return None
    return BotTurn(table.table_id, member.id, BotLevel(member.bot), key, situation)
