"""Running the host's bots: a client of the host core, like any other.

The shell asks `bot_turn` whenever a table changed; the policy decides off the event
loop; `bot_act` plays the decision, unless the table moved on while the bot thought.
"""

from __future__ import annotations

import logging

from host_server.bots.situation import Decision
from host_server.bots.turns import BotTurn, bot_turn as _bot_turn, turn_key
from host_server.errors import CommandError
from host_server.host.core import HostCore
from host_server.host.peers import Outbox
from host_server.table import commands as cmd

log = logging.getLogger("felt.bots")


def bot_turn(core: HostCore, table_id: str) -> BotTurn | None:
    """The bot to act at this table now, if the player to act is one."""
    session = core.sessions.get(table_id)
    return _bot_turn(session.table) if session is not None else None


def moment(core: HostCore, table_id: str) -> tuple[int, int] | None:
    """The decision a bot at this table would be deciding for now."""
    session = core.sessions.get(table_id)
    return turn_key(session.table) if session is not None else None


def bot_act(core: HostCore, turn: BotTurn, decision: Decision, now: float) -> Outbox:
    """Play a bot's decision, unless the table moved on while it thought."""
    if moment(core, turn.table_id) != turn.key:
        return Outbox()
    act = cmd.Act(turn.member_id, decision.action, turn.key[0], decision.amount)
    try:
        return core.run_command(turn.table_id, act, now)
    except CommandError as error:  # a policy bug must not stall the table
        log.error("table %s: bot %d: %s", turn.table_id, turn.member_id, error)
        fallback = turn.situation.give_up()
        give_up = cmd.Act(turn.member_id, fallback.action, turn.key[0])
        return core.run_command(turn.table_id, give_up, now)
