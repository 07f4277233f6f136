"""A bot that plays through the public protocol, with Felt's own policies.

    python docs/examples/bot.py wss://127.0.0.1:8765/ws TABLE_ID --pin PIN --level strong

It is `check_call.py` with a brain: it keeps the events of the current hand as
they arrive (its own cards come in `hand_started`), and on each `turn` builds
the same `Situation` the host builds for its own bots and asks the same policy.
It sees nothing a player in its seat would not.
"""

from __future__ import annotations

import argparse
import asyncio
import random
from typing import Any

from check_call import CheckCaller

from host_server.bots.policies import decide
from host_server.bots.situation import Situation
from host_server.table.members import BotLevel


class PolicyBot(CheckCaller):
    def __init__(
        self, url: str, table_id: str, name: str, hands: int, level: BotLevel, pin: str | None
    ) -> None:
        super().__init__(url, table_id, name, hands, pin)
        self.level = level
        self.rng = random.Random()
        self.hand: list[dict[str, Any]] = []  # this hand's events, from hand_started on
        self.hole: list[str] = []

    def seen(self, event: dict[str, Any]) -> None:
        if event["kind"] == "hand_started":
            self.hand, self.hole = [], event.get("your_cards", [])
        self.hand.append(event)

    def choose(self, turn: dict[str, Any]) -> dict[str, Any]:
        if self.seat is None or not self.hole:  # joined mid-hand: play it safe
            return super().choose(turn)
        situation = Situation.from_messages(turn, self.hole, self.hand, self.seat)
        decision = decide(self.level, situation, self.rng)
        fields: dict[str, Any] = {"action": decision.action.value}
        if decision.amount is not None:
            fields["amount"] = decision.amount
        return fields


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("table_id")
    parser.add_argument("--name", default="Robo")
    parser.add_argument("--level", choices=[b.value for b in BotLevel], default="standard")
    parser.add_argument("--hands", type=int, default=5, help="leave after this many hands")
    parser.add_argument("--pin", help="the host's pin, from its invite (for wss://)")
    args = parser.parse_args()
    level = BotLevel(args.level)
    bot = PolicyBot(args.url, args.table_id, args.name, args.hands, level, args.pin)
    asyncio.run(bot.run())
    print(f"{args.name} played {bot.finished} hands")


if __name__ == "__main__":
    main()
