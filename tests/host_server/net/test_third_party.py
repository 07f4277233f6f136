"""What a third-party client, written from docs/protocol.md alone, can and cannot do.

Each test speaks to a real host on a real socket (127.0.0.1), with frames exactly as
the docs spell them: the holes found by such a client stay closed.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from websockets.exceptions import ConnectionClosed

from host_server.host.brake import Brake
from host_server.net.server import Server
from host_server.table.settings import TableSettings
from tests.support.net import Client, http


@pytest.fixture
async def server(tmp_path) -> AsyncIterator[Server]:
    srv = Server(tmp_path / "host.db", "127.0.0.1", 0, bot_delay=0)
    await srv.start()
    yield srv
    await srv.stop()


def new_table(srv: Server, **settings: Any) -> tuple[str, str]:
    options = {"between_hands_seconds": 0.0, "auto_approve": True, **settings}
    return srv.create_table(TableSettings("Docs", **options), "Host")


def hello(table_id: str, name: str, id: str = "f3c1-1", **more: Any) -> dict[str, Any]:
    return {"type": "hello", "id": id, "protocol": 1, "table_id": table_id, "name": name, **more}


async def send_raw(client: Client, frame: dict[str, Any] | str) -> dict[str, Any]:
    """Send a frame as it is; the first answer that is not an event or a turn."""
    await client.ws.send(frame if isinstance(frame, str) else json.dumps(frame))
    return await client.until(lambda m: m["type"] not in ("event", "turn", "snapshot"))


async def joined(srv: Server, frame: dict[str, Any]) -> tuple[Client, dict[str, Any]]:
    client = await Client.connect(srv.port, frame["name"])
    return client, await send_raw(client, frame)


async def closed_with(client: Client, timeout: float = 5.0) -> int | None:
    with pytest.raises(ConnectionClosed) as closed:
        await client.until(lambda m: False, timeout=timeout)
    return closed.value.rcvd.code if closed.value.rcvd else None


async def still_open(client: Client) -> None:
    answer = await client.answer(await client.send("chat", text="still here"))
    assert answer["type"] == "ack", answer


# --- 1. a hello id is nobody's key -------------------------------------------------


async def test_reusing_another_guests_hello_id_takes_nothing_of_theirs(server):
    table_id, _ = new_table(server)
    ann, welcome = await joined(server, hello(table_id, "Ann"))
    assert welcome["type"] == "welcome"
    assert (await ann.answer(await ann.send("sit", seat=2, buy_in=40)))["type"] == "ack"
    _mallory, answer = await joined(server, hello(table_id, "Mallory"))
    assert answer["type"] == "welcome" and answer["member_id"] != welcome["member_id"]
    assert answer["role"] == "spectator"
    await still_open(ann)  # Ann was not replaced (4001)
    again = await Client.connect(server.port, "ann-again")
    back = await again.resume(table_id, welcome["token"], 0)
    assert back["type"] == "welcome" and back["member_id"] == welcome["member_id"]
    assert back["role"] == "player"


async def test_reusing_a_hello_id_over_http_takes_nothing(server):
    table_id, _ = new_table(server)
    path = f"/tables/{table_id}/commands"
    status, first = await http(server.port, "POST", path, hello(table_id, "Ann"))
    assert status == 200 and first["messages"][0]["type"] == "welcome"
    status, second = await http(server.port, "POST", path, hello(table_id, "Mallory"))
    assert status == 200
    ann, mallory = first["messages"][0], second["messages"][0]
    assert mallory["type"] == "welcome" and mallory["member_id"] != ann["member_id"]
    status, body = await http(server.port, "GET", f"/tables/{table_id}/events", None, ann["token"])
    assert status == 200 and body["messages"][0]["type"] == "snapshot"


async def test_two_clients_that_number_their_first_message_1_both_join(server):
    table_id, _ = new_table(server)
    one, first = await joined(server, hello(table_id, "One", id="1"))
    two, second = await joined(server, hello(table_id, "Two", id="1"))
    assert {first["type"], second["type"]} == {"welcome"}
    assert first["member_id"] != second["member_id"]
    await still_open(one)
    await still_open(two)


async def test_a_hello_retried_with_its_secret_is_the_same_client(server):
    table_id, _ = new_table(server)
    secret = "ann-only-knows-this-1234"
    first, welcome = await joined(server, hello(table_id, "Ann", secret=secret))
    retry, again = await joined(server, hello(table_id, "Ann", secret=secret))
    assert again["type"] == "welcome" and again["member_id"] == welcome["member_id"]
    assert again["token"] != welcome["token"]  # rotated: the old one is void
    assert await closed_with(first) == 4001
    stale = await Client.connect(server.port, "stale")
    assert (await stale.resume(table_id, welcome["token"], 0))["code"] == "invalid_token"
    # Somebody with the id but another secret is a new guest, not Ann.
    _other, answer = await joined(server, hello(table_id, "Eve", secret="eve-guessed-this-12"))
    assert answer["type"] == "welcome" and answer["member_id"] != welcome["member_id"]
    # The same id and secret saying something else is refused, not taken for a retry.
    changed = await Client.connect(server.port, "changed")
    refused = await send_raw(changed, hello(table_id, "Anna", secret=secret))
    assert refused["code"] == "duplicate_id"
    await still_open(retry)


# --- 2. an id is applied once for the table's life -----------------------------------


async def play_hands(clients: list[Client], hands: int) -> None:
    """Check or call until `hands` more hands have ended (bounded in time)."""
    start = max((m["hand_no"] for m in clients[0].events("hand_ended")), default=0)

    async def player(client: Client) -> None:
        acted: set[tuple[int, int]] = set()
        while True:
            ended = [m["hand_no"] for m in client.events("hand_ended")]
            if ended and ended[-1] >= start + hands:
                return
            message = await client.recv(15)
            decision = (message.get("hand_no"), message.get("decision", message.get("seq")))
            if message["type"] == "turn" and message.get("legal") and decision not in acted:
                acted.add(decision)
                action = "call" if message["legal"]["call"] else "check"
                await client.send("act", action=action, hand_no=message["hand_no"])

    await asyncio.wait_for(asyncio.gather(*(player(c) for c in clients)), 60)


async def test_money_sent_again_hands_later_is_not_applied_again(server, tmp_path):
    table_id, token = new_table(server, min_buy_in=20, max_buy_in=100)
    host = await Client.connect(server.port, "host")
    await host.resume(table_id, token, 0)
    ann, _ = await joined(server, hello(table_id, "Ann"))
    assert (await host.answer(await host.send("sit", seat=1, buy_in=50)))["type"] == "ack"
    assert (await ann.answer(await ann.send("sit", seat=2, buy_in=50)))["type"] == "ack"
    top_up = {"type": "top_up", "id": "tu-1", "amount": 5}
    chat = {"type": "chat", "id": "c-1", "text": "gl"}
    first_top_up = await send_raw(ann, top_up)
    first_chat = await send_raw(ann, chat)
    assert first_top_up["type"] == first_chat["type"] == "ack"
    await play_hands([host, ann], 3)  # compaction keeps two snapshots: older events go
    assert await send_raw(ann, top_up) == first_top_up
    assert await send_raw(ann, chat) == first_chat
    # ...and after the host restarts.
    await server.stop()
    await server.start()
    back = await Client.connect(server.port, "ann-back")
    await back.resume(table_id, ann.token, 0)
    assert await send_raw(back, top_up) == first_top_up
    assert await send_raw(back, chat) == first_chat
    ledger = await back.answer(await back.send("ledger"))
    row = next(r for r in ledger["rows"] if r["name"] == "Ann")
    assert row["top_ups"] == 5
    assert len([m for m in back.messages if m.get("kind") == "chat_posted"]) <= 1
    assert sum(m.get("kind") == "chat_posted" for m in host.messages) == 1


async def test_an_id_used_again_for_another_message_is_refused_as_a_duplicate(server):
    table_id, _ = new_table(server)
    ann, _ = await joined(server, hello(table_id, "Ann"))
    assert (await send_raw(ann, {"type": "chat", "id": "x", "text": "one"}))["type"] == "ack"
    refused = await send_raw(ann, {"type": "chat", "id": "x", "text": "two"})
    assert refused["code"] == "duplicate_id" and refused["id"] == "x"
    refusal = await send_raw(ann, {"type": "stand", "id": "y"})
    assert refusal["code"] == "not_seated"
    assert await send_raw(ann, {"type": "stand", "id": "y"}) == refusal
    assert (await send_raw(ann, {"type": "sit_in", "id": "y"}))["code"] == "duplicate_id"


# --- 3. no input reaches an internal error --------------------------------------------


async def test_a_lone_surrogate_is_refused_and_the_connection_stays(server):
    table_id, _ = new_table(server)
    ann, _ = await joined(server, hello(table_id, "Ann"))
    for text in (
        '{"type":"chat","id":"\\ud800","text":"hi"}',
        '{"type":"chat","id":"c-9","text":"\\udfff"}',
        '{"type":"hello","id":"h","protocol":1,"table_id":"\\ud800","name":"A"}',
    ):
        answer = await send_raw(ann, text)
        assert answer["type"] == "error" and answer["code"] == "bad_message", answer
    await still_open(ann)
    status, body = await http(
        server.port,
        "POST",
        f"/tables/{table_id}/commands",
        b'{"type":"chat","id":"\\ud800","text":"hi"}',
        ann.token,
    )
    assert status == 400 and body["error"]["code"] == "bad_message"
    resume = '{"type":"resume","id":"r","table_id":"t","token":"\\ud800","last_seq":0}'
    stranger = await Client.connect(server.port, "stranger")
    assert (await send_raw(stranger, resume))["code"] == "bad_message"


# --- 4. the brake on token guessing ---------------------------------------------------


async def test_a_good_resume_neither_resets_the_brake_nor_waits_for_it(tmp_path):
    brake = Brake(free=2, base=0.2, cap=0.2, window=600)
    srv = Server(tmp_path / "host.db", "127.0.0.1", 0, brake=brake)
    await srv.start()
    try:
        table_id, token = new_table(srv)
        order: list[str] = []

        async def answered(client: Client, who: str) -> None:
            message = await client.until(lambda m: m["type"] in ("welcome", "error"), 10)
            assert (message["type"] == "welcome") == (who == "honest"), message
            order.append(who)

        async def guess(tag: str) -> asyncio.Task[None]:
            client = await Client.connect(srv.port, tag)
            await client.send("resume", table_id=table_id, token=f"guess-{tag}", last_seq=0)
            return asyncio.create_task(answered(client, "guess"))

        async def honest() -> asyncio.Task[None]:
            client = await Client.connect(srv.port, "honest")
            await client.send("resume", table_id=table_id, token=token, last_seq=0)
            return asyncio.create_task(answered(client, "honest"))

        # Round one: two free guesses are answered at once; two more are held back.
        guesses = [await guess(f"a{i}") for i in range(4)]
        await asyncio.wait(guesses, return_when=asyncio.FIRST_COMPLETED)
        while len(order) < 2:
            await asyncio.wait(
                [g for g in guesses if not g.done()], return_when=asyncio.FIRST_COMPLETED
            )
        good = await honest()
        await asyncio.gather(good, *guesses)
        assert order == ["guess", "guess", "honest", "guess", "guess"]
        # Round two: the good resume reset nothing, so every guess now waits; the honest
        # resume sent after them is still answered first.
        order.clear()
        guesses = [await guess(f"b{i}") for i in range(4)]
        good = await honest()
        await asyncio.gather(good, *guesses)
        assert order == ["honest", "guess", "guess", "guess", "guess"]
        assert brake.recent("127.0.0.1", time.time()) == 8
    finally:
        await srv.stop()


# --- where the docs and the host once disagreed ---------------------------------------


async def test_a_command_before_joining_is_not_joined_whatever_its_fields(server):
    stranger = await Client.connect(server.port, "stranger")
    for frame in (
        {"type": "sit", "id": 1},
        {"type": "sit", "id": 2, "seat": "x", "buy_in": 1},
        {"type": "act", "id": 3, "action": "fly"},
    ):
        assert (await send_raw(stranger, frame))["code"] == "not_joined"


async def test_names_with_tabs_or_line_breaks_are_refused_and_spaces_folded(server):
    table_id, _ = new_table(server)
    for name in ("Ann\tB", "Ann\nB", "\u2028Ann"):
        client = await Client.connect(server.port, "n")
        assert (await send_raw(client, hello(table_id, name)))["code"] == "invalid_name"
    client, _welcome = await joined(server, hello(table_id, "  Ann   Lee "))
    snapshot = await client.until(lambda m: m["type"] == "snapshot")
    assert snapshot["table"]["you"]["name"] == "Ann Lee"


async def test_a_resume_ahead_of_the_table_is_refused_with_a_word(server):
    table_id, token = new_table(server)
    client = await Client.connect(server.port, "host")
    answer = await client.resume(table_id, token, 10_000)
    assert answer["type"] == "error" and answer["code"] == "invalid_seq"
    assert "resume with 0" in answer["message"]
    assert (await client.resume(table_id, token, 0))["type"] == "welcome"


async def test_http_errors_of_the_request_have_the_documented_shape(server):
    table_id, _ = new_table(server)
    path = f"/tables/{table_id}/commands"
    for token in ("wrong", None):
        status, body = await http(server.port, "POST", path, {"type": "stand", "id": 1}, token)
        assert status == 401 and body == {
            "error": {"code": "invalid_token", "message": "That token is not valid here."}
        }
    status, body = await http(server.port, "POST", path, b"{nope")
    assert status == 400 and body["error"]["code"] == "invalid_json"
    other = hello("another-table", "Ann")
    status, body = await http(server.port, "POST", path, other)
    assert status == 400 and body["error"]["code"] == "bad_message"


async def test_polling_replaces_a_members_websocket_as_a_second_socket_would(server):
    table_id, token = new_table(server)
    socket = await Client.connect(server.port, "host")
    await socket.resume(table_id, token, 0)
    status, _ = await http(server.port, "GET", f"/tables/{table_id}/events?after=0", None, token)
    assert status == 200
    assert await closed_with(socket) == 4001


async def test_a_decision_sent_again_keeps_its_number_and_a_stale_act_is_refused(server):
    table_id, token = new_table(server)
    host = await Client.connect(server.port, "host")
    await host.resume(table_id, token, 0)
    ann, _ = await joined(server, hello(table_id, "Ann"))
    await host.answer(await host.send("sit", seat=1, buy_in=40))
    await ann.answer(await ann.send("sit", seat=2, buy_in=40))
    host_turn = await host.until(lambda m: m["type"] == "turn")  # the deal's turn
    ann_turn = next(m for m in ann.messages if m["type"] == "turn")  # came before her ack
    assert host_turn["decision"] == ann_turn["decision"] == 0
    actor, other = (host, ann) if host_turn.get("legal") else (ann, host)
    turn, seen = (host_turn, ann_turn) if actor is host else (ann_turn, host_turn)
    assert turn["legal"] and "legal" not in seen  # absent, not null, for the others
    await other.answer(await other.send("chat", text="hurry"))
    repeat = await actor.until(lambda m: m["type"] == "turn")
    assert repeat["decision"] == turn["decision"] and repeat["seq"] > turn["seq"]
    stale = await actor.answer(
        await actor.send("act", action="call", hand_no=turn["hand_no"], decision=-1)
    )
    assert stale["code"] == "stale_decision"
    done = await actor.answer(
        await actor.send("act", action="call", hand_no=turn["hand_no"], decision=turn["decision"])
    )
    assert done["type"] == "ack"
