"""Run it twice over the wire, through a real `felt-host serve`: two players all in are
asked, one answers (a second answer is refused), the host is killed with SIGKILL while
the question is open, and after the restart the question is still there, with the
answer given; the second yes deals the rest of the board twice."""

from __future__ import annotations

import asyncio
import json
import signal
from typing import Any

from host_server.errors import Code
from tests.support.net import Client
from tests.support.processes import felt_host, free_port, start_host

TABLE = ("--name", "Twice", "--auto-approve", "--run-it-twice", "--action-seconds", "60")


def my_turn(message: dict[str, Any]) -> bool:
    return message["type"] == "turn" and message.get("legal") is not None


async def shove(client: Client) -> None:
    """All in at this player's one turn of the hand (the first shoves, the second calls)."""
    turn = await client.latest(my_turn)
    await client.send("act", action="all_in", hand_no=turn["hand_no"], decision=turn["decision"])


def asked(message: dict[str, Any]) -> bool:
    return message.get("kind") == "run_twice_offered"


async def test_a_question_open_when_the_host_is_killed_is_there_after_the_restart(tmp_path):
    db = tmp_path / "host.db"
    made = json.loads(felt_host("new-table", "--db", str(db), *TABLE).stdout)
    port = free_port()
    host = await start_host(db, port)
    try:
        ann = await Client.connect(port, "ann")
        await ann.resume(made["table_id"], made["host_token"], 0)
        bob = await Client.connect(port, "bob")
        await bob.hello(made["table_id"], "Bob")
        for client, seat in ((ann, 1), (bob, 2)):
            assert (await client.answer(await client.send("sit", seat=seat, buy_in=200)))[
                "type"
            ] == "ack"
        await asyncio.gather(shove(ann), shove(bob))
        offer = await ann.until(asked)
        assert sorted(offer["seats"]) == [1, 2]
        assert (await ann.answer(await ann.send("run_twice", yes=True)))["type"] == "ack"
        again = await ann.answer(await ann.send("run_twice", yes=False))
        assert again.get("code") == Code.ALREADY_ANSWERED  # one answer each
        await bob.until(lambda m: m.get("kind") == "run_twice_answered")
        bob_token = bob.token
        assert bob_token is not None
    finally:
        host.send_signal(signal.SIGKILL)
        host.wait(timeout=10)

    host = await start_host(db, port)
    try:
        ann = await Client.connect(port, "ann")
        await ann.resume(made["table_id"], made["host_token"], 0)
        hand = (await ann.until(lambda m: m["type"] == "snapshot"))["table"]["hand"]
        question = hand["run_twice"]
        assert sorted(question["seats"]) == [1, 2] and question["answers"] == {"1": True}
        bob = await Client.connect(port, "bob")
        await bob.resume(made["table_id"], bob_token, 0)  # (his seat, by his token)
        assert (await bob.answer(await bob.send("run_twice", yes=True)))["type"] == "ack"
        await ann.until(lambda m: m.get("kind") == "hand_ended")
        chosen = [m["count"] for m in ann.events("runs_chosen")]
        runs = [(m["street"], m["run"]) for m in ann.events("board_dealt")]
        assert chosen == [2] and runs == [
            ("flop", 1), ("turn", 1), ("river", 1), ("flop", 2), ("turn", 2), ("river", 2),
        ]  # fmt: skip
    finally:
        host.send_signal(signal.SIGKILL)
        host.wait(timeout=10)
