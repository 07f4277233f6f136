"""Every documented error code, met the way a client meets it: on a real socket (or over
plain HTTP), by a frame as docs/protocol.md spells it. Each refusal changes nothing."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest

from host_server.errors import Code
from host_server.net.server import Server
from host_server.table.settings import TableSettings
from tests.support.net import Client, http

# Met elsewhere, in the set-up they need: the test that shows each.
ELSEWHERE = {
    Code.STORAGE_UNAVAILABLE: "test_server.py: a database that cannot be written",
    Code.INTERNAL_ERROR: "never, by design: test_host.py fuzzes for it",
    Code.TABLE_FULL: "test_table.py: room for two hundred members",
    Code.NO_CHIPS: "test_ledger.py: sit_in on an empty stack",
    **dict.fromkeys(
        (Code.TOO_MANY_HELLOS, Code.TOO_MANY_CONNECTIONS, Code.TOO_MANY_WAITING),
        "test_limits.py: limits made small, loopback held to them",
    ),
    Code.CHAT_TOO_FAST: "test_limits.py: chat lines past the rate",
    Code.BANNED: "test_limits.py: a banned member, by name and address",
    Code.ALREADY_ANSWERED: "system/test_run_twice.py: two players all in, asked",
    Code.TABLE_MOVED: "system/test_community_host.py: a worker asked for another's table",
    **dict.fromkeys(
        (Code.TOO_FEW_PLAYERS, Code.TOURNAMENT_STARTED, Code.REBUYS_CLOSED, Code.STACK_TOO_BIG),
        "table/test_tournament.py, system/test_sit_and_go.py: a sit-and-go's table",
    ),
}


@pytest.fixture
async def server(tmp_path) -> AsyncIterator[Server]:
    srv = Server(tmp_path / "host.db", "127.0.0.1", 0, bot_delay=0)
    await srv.start()
    yield srv
    await srv.stop()


class Seen:
    """Every code met; and that the table's log did not grow with a refusal."""

    def __init__(self, server: Server, table_id: str) -> None:
        self.sessions, self.table_id = server.core.sessions, table_id
        self.codes: set[str] = set()

    async def refused(self, client: Client, code: Code, kind: str, **fields: Any) -> None:
        before = self.sessions[self.table_id].table.seq
        answer = await client.answer(await client.send(kind, **fields))
        assert (answer["type"], answer.get("code")) == ("error", code), (kind, fields, answer)
        assert answer["message"]
        assert self.sessions[self.table_id].table.seq == before, (kind, fields)
        self.codes.add(answer["code"])

    async def raw(self, client: Client, text: str | bytes, code: Code) -> None:
        await client.ws.send(text)
        answer = await client.until(lambda m: m["type"] == "error")
        assert answer["code"] == code, (text, answer)
        self.codes.add(answer["code"])


def hello(table_id: str, name: str, **more: Any) -> dict[str, Any]:
    return {"protocol": 1, "table_id": table_id, "name": name, **more}


async def test_every_documented_error_code_is_met_and_changes_nothing(server):
    settings = TableSettings(
        "Codes", seats=3, small_blind=1, big_blind=2, min_buy_in=20, max_buy_in=100,
        approve_top_ups=True, guest_chat=False, between_hands_seconds=0, bomb_pot=4,
    )  # fmt: skip
    table_id, token = server.create_table(settings, "Host")
    seen = Seen(server, table_id)
    host = await Client.connect(server.port, "host")
    await host.resume(table_id, token, 0)

    # --- the message itself
    await seen.raw(host, "{", Code.INVALID_JSON)
    await seen.raw(host, "[]", Code.BAD_MESSAGE)
    await seen.raw(host, json.dumps({"type": "dance", "id": 1}), Code.UNKNOWN_TYPE)
    await seen.refused(host, Code.MISSING_FIELD, "sit", seat=1)
    await seen.refused(host, Code.WRONG_TYPE, "sit", seat="one", buy_in=50)
    await seen.refused(host, Code.AMOUNT_OUT_OF_RANGE, "sit", seat=1, buy_in=10**13)
    await host.answer(await host.send("chat", id="once", text="hello"))
    await seen.refused(host, Code.DUPLICATE_ID, "chat", id="once", text="something else")

    # --- joining
    stranger = await Client.connect(server.port, "stranger")
    await seen.refused(stranger, Code.NOT_JOINED, "sit", seat=1, buy_in=50)
    await seen.refused(
        stranger, Code.PROTOCOL_MISMATCH, "hello", **hello(table_id, "X", protocol=2)
    )
    await seen.refused(stranger, Code.UNKNOWN_TABLE, "hello", **hello("nope", "X"))
    await seen.refused(stranger, Code.INVALID_NAME, "hello", **hello(table_id, "\t"))
    await seen.refused(stranger, Code.NAME_TAKEN, "hello", **hello(table_id, "host"))
    await seen.refused(
        stranger, Code.INVALID_TOKEN, "resume", table_id=table_id, token="no", last_seq=0
    )
    await seen.refused(
        stranger, Code.INVALID_SEQ, "resume", table_id=table_id, token=token, last_seq=10**6
    )
    await seen.refused(host, Code.ALREADY_JOINED, "hello", **hello(table_id, "Again"))

    # --- members and seats (approval needed at this table)
    ann = await Client.connect(server.port, "ann")
    assert (await ann.hello(table_id, "Ann"))["role"] == "pending"
    await seen.refused(ann, Code.NOT_APPROVED, "sit", seat=2, buy_in=50)
    await seen.refused(ann, Code.CHAT_NOT_ALLOWED, "chat", text="let me in")
    await seen.refused(ann, Code.NOT_HOST, "approve", member_id=ann.member_id)
    await seen.refused(host, Code.NOT_PENDING, "approve", member_id=1)
    await seen.refused(host, Code.UNKNOWN_MEMBER, "kick", member_id=99)
    await host.answer(await host.send("approve", member_id=ann.member_id))
    await seen.refused(ann, Code.NOT_SEATED, "stand")
    await seen.refused(ann, Code.SEAT_OUT_OF_RANGE, "sit", seat=9, buy_in=50)
    await host.answer(await host.send("sit", seat=1, buy_in=50))
    await seen.refused(ann, Code.SEAT_TAKEN, "sit", seat=1, buy_in=50)
    await seen.refused(host, Code.ALREADY_SEATED, "sit", seat=2, buy_in=50)
    await seen.refused(host, Code.HOST_CANNOT_LEAVE, "leave")
    await seen.refused(host, Code.CANNOT_KICK_HOST, "kick", member_id=1)
    await seen.refused(host, Code.NOT_SITTING_OUT, "sit_in")
    await seen.refused(host, Code.NO_HAND, "act", action="check", hand_no=1)
    await seen.refused(host, Code.INVALID_BLINDS, "set_blinds", small_blind=5, big_blind=2)
    await seen.refused(host, Code.NO_BOMB_POTS, "bomb_pot", on=False)  # (none called)
    await seen.refused(host, Code.NOT_ASKED, "run_twice", yes=True)
    await seen.refused(host, Code.NO_STRADDLE, "straddle", on=True)
    await seen.refused(host, Code.BAD_ENTROPY, "entropy", hand_no=1, value="not hex")
    await host.answer(await host.send("bomb_pot"))
    await seen.refused(host, Code.BOMB_POT_CALLED, "bomb_pot")
    await host.answer(await host.send("bomb_pot", on=False))  # (the hand below has blinds)
    await seen.refused(host, Code.INVALID_LEVEL, "add_bot", seat=3, level="genius")
    await seen.refused(host, Code.NOT_A_BOT, "remove_bot", seat=1)
    await seen.refused(host, Code.NOT_A_TOURNAMENT, "start_tournament")
    await seen.refused(host, Code.NO_TOP_UP, "approve_top_up", member_id=ann.member_id)
    await seen.refused(host, Code.UNKNOWN_HAND, "hand", hand_no=1)
    await seen.refused(host, Code.NOT_PAUSED, "unpause")
    await seen.refused(host, Code.INVALID_CHAT, "chat", text=" ")
    await host.answer(await host.send("sit_out"))
    await seen.refused(host, Code.ALREADY_SITTING_OUT, "sit_out")
    await host.answer(await host.send("sit_in"))

    # --- a hand: Ann sits, and the deal comes
    await ann.answer(await ann.send("sit", seat=2, buy_in=50))
    await ann.answer(await ann.send("top_up", amount=5))  # waits for the host's yes
    await seen.refused(ann, Code.TOP_UP_PENDING, "top_up", amount=5)
    turn = await host.latest(lambda m: m["type"] == "turn")
    actor, other = (host, ann) if turn["seat"] == 1 else (ann, host)
    hand_no, decision = turn["hand_no"], turn["decision"]
    await seen.refused(other, Code.NOT_YOUR_TURN, "act", action="call", hand_no=hand_no)
    await seen.refused(actor, Code.STALE_HAND, "act", action="call", hand_no=hand_no + 5)
    await seen.refused(
        actor, Code.STALE_DECISION, "act", action="call", hand_no=hand_no, decision=decision + 1
    )
    await seen.refused(actor, Code.ILLEGAL_ACTION, "act", action="bet", amount=4, hand_no=hand_no)
    await seen.refused(host, Code.HAND_IN_PROGRESS, "close")
    await other.answer(await other.send("stand"))  # after this hand
    await seen.refused(other, Code.ALREADY_LEAVING, "stand")
    await host.answer(await host.send("pause", immediate=True))
    await seen.refused(host, Code.ALREADY_PAUSED, "pause")
    await seen.refused(actor, Code.PAUSED, "act", action="call", hand_no=hand_no)
    await host.answer(await host.send("unpause"))

    # --- the table closes: whoever is left hears it, and nothing more is taken
    assert (await host.answer(await host.send("pause")))["type"] == "ack"  # after this hand
    await host.answer(await host.send("reject_top_up", member_id=ann.member_id))
    folded = await actor.answer(await actor.send("act", action="fold", hand_no=hand_no))
    assert folded["type"] == "ack"
    await host.latest(lambda m: m.get("kind") == "hand_ended")
    assert (await host.answer(await host.send("close")))["type"] == "ack"
    late = await Client.connect(server.port, "late")
    await seen.refused(late, Code.TABLE_CLOSED, "hello", **hello(table_id, "Late"))

    # --- plain HTTP
    status, body = await http(server.port, "GET", "/nowhere")
    assert status == 404
    seen.codes.add(body["error"]["code"])
    status, body = await http(server.port, "GET", f"/tables/{table_id}/commands")
    assert status == 405
    seen.codes.add(body["error"]["code"])
    status, body = await http(server.port, "POST", "/tables/x/commands", b"x" * 70_000)
    assert status == 413
    seen.codes.add(body["error"]["code"])
    flood = await Client.connect(server.port, "flood")
    for n in range(70):
        await flood.ws.send(json.dumps({"type": "stand", "id": n}))
    await flood.until(lambda m: m.get("code") == "rate_limited")
    seen.codes.add(Code.RATE_LIMITED)

    assert seen.codes | set(ELSEWHERE) == set(Code), set(Code) - seen.codes - set(ELSEWHERE)
