"""The host on real sockets (127.0.0.1, ephemeral ports): joining, playing, bad input, tokens."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from hypothesis import given, strategies as st
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.protocol import State
from websockets.server import ServerProtocol

from host_server.host.peers import Outbox
from host_server.net.server import Server
from host_server.net.websocket import MAX_BUFFER, text_frame
from host_server.rules.deck import deal_holes
from host_server.store.writes import Recorded, TableWrite
from host_server.table import commands as cmd, events as ev
from host_server.table.settings import TableSettings
from tests.support.checks import archived_hands
from tests.support.net import Client, guest, host_client, http, play


@pytest.fixture
async def server(tmp_path) -> AsyncIterator[Server]:
    srv = Server(tmp_path / "host.db", "127.0.0.1", 0)
    await srv.start()
    yield srv
    await srv.stop()


def new_table(srv: Server, **settings: Any) -> tuple[str, str]:
    options = {"between_hands_seconds": 0.1, "auto_approve": True, **settings}
    return srv.create_table(TableSettings("Net", **options), "Host")


async def test_a_full_hand_among_three_players_and_a_spectator_leaks_nothing(server):
    table_id, token = new_table(server)
    host = await host_client(server, table_id, token)
    ann, bob = await guest(server, table_id, "Ann"), await guest(server, table_id, "Bob")
    rail = await guest(server, table_id, "Rail")  # watches
    for client, seat in ((host, 1), (ann, 2), (bob, 3)):
        answer = await client.answer(await client.send("sit", seat=seat, buy_in=100))
        assert answer["type"] == "ack"
    players = [host, ann, bob]
    await asyncio.gather(
        *(play(c, 1) for c in players), rail.until(lambda m: m.get("kind") == "hand_ended")
    )
    for client in [*players, rail]:
        client.assert_no_leaks()
    # Each player was told exactly the cards the deck dealt them.
    assert server.store is not None
    (hand,) = archived_hands(server.store, table_id)
    deck = tuple(hand["deck"][i : i + 2] for i in range(0, 104, 2))
    start = ann.events("hand_started")[0]
    truth = dict(zip(start["members"], deal_holes(deck, len(start["seats"])), strict=True))
    for client in players:
        mine = client.events("hand_started")[0]["your_cards"]
        assert tuple(mine) == truth[client.member_id]
    assert "your_cards" not in rail.events("hand_started")[0]
    # Everyone saw the same events in the same order.
    seqs = [[m["seq"] for m in c.events()] for c in players]
    assert all(s[-1] == seqs[0][-1] for s in seqs)


async def test_join_approve_sit_play_reject_kick_pause_and_host_only_commands(server):
    table_id, token = new_table(server, auto_approve=False)
    host = await host_client(server, table_id, token)
    ann = await guest(server, table_id, "Ann")
    assert ann.messages[0]["role"] == "pending"
    request = await host.until(lambda m: m.get("kind") == "join_requested")
    refused = await ann.answer(await ann.send("sit", seat=2, buy_in=100))
    assert refused["code"] == "not_approved"
    not_host = await ann.answer(await ann.send("approve", member_id=ann.member_id))
    assert not_host["code"] == "not_host"
    await host.answer(await host.send("approve", member_id=request["member_id"]))
    await ann.until(lambda m: m.get("kind") == "member_approved")
    assert (await ann.answer(await ann.send("sit", seat=2, buy_in=100)))["type"] == "ack"

    spam = await guest(server, table_id, "Spam")
    joined = await host.until(
        lambda m: m.get("kind") == "join_requested" and m["member_id"] == spam.member_id
    )
    await host.answer(await host.send("reject", member_id=joined["member_id"]))
    rejected = await spam.until(lambda m: m.get("kind") == "member_rejected")
    assert rejected["member_id"] == spam.member_id

    for kind in ("pause", "kick", "set_blinds", "close"):
        fields = {"kick": {"member_id": 1}, "set_blinds": {"small_blind": 2, "big_blind": 4}}
        answer = await ann.answer(await ann.send(kind, **fields.get(kind, {})))
        assert answer["code"] == "not_host", kind

    await host.answer(await host.send("pause"))
    await ann.until(lambda m: m.get("kind") == "paused")
    await host.answer(await host.send("sit", seat=1, buy_in=100))
    assert server.core is not None
    assert server.core.next_deadline(table_id) is None  # paused: no deal is even due
    assert not host.events("hand_started")
    await host.answer(await host.send("unpause"))
    await asyncio.gather(play(host, 1), play(ann, 1))

    await host.answer(await host.send("kick", member_id=ann.member_id))
    left = await ann.until(lambda m: m.get("kind") == "member_left")
    assert left["reason"] == "kick"
    with pytest.raises(ConnectionClosed) as closed:
        await ann.until(lambda m: False)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4003


async def test_a_retried_act_is_applied_once(server):
    table_id, token = new_table(server)
    host = await host_client(server, table_id, token)
    ann = await guest(server, table_id, "Ann")
    await host.answer(await host.send("sit", seat=1, buy_in=100))
    await ann.answer(await ann.send("sit", seat=2, buy_in=100))
    turn = await host.until(lambda m: m["type"] == "turn" and bool(m.get("legal")))
    # Send the call, then cut the connection before reading the ack.
    await host.send("act", id="call-1", action="call", hand_no=turn["hand_no"])
    await host.ws.close()
    await ann.until(lambda m: m.get("kind") == "player_acted")
    again = await Client.connect(server.port, "host-again")
    again.seq = host.seq
    await again.resume(table_id, token)
    await again.send("act", id="call-1", action="call", hand_no=turn["hand_no"])
    answer = await again.answer("call-1")
    assert answer["type"] == "ack"
    # Events come in seq order: once Ann has a chat sent after the retry, a second call
    # (had there been one) would have reached her before it.
    marker = await again.answer(await again.send("chat", text="after the retry"))
    await ann.until(lambda m: m.get("kind") == "chat_posted" and m["seq"] == marker["seq"])
    acted = [m for m in ann.messages if m.get("kind") == "player_acted"]
    assert len(acted) == 1  # applied once
    # The missed events came in order after the resume (Client.recv checks there is no gap).
    assert again.events("player_acted")


async def test_bad_input_gets_a_clear_answer_and_changes_nothing(server):
    table_id, token = new_table(server)
    host = await host_client(server, table_id, token)
    await host.answer(await host.send("sit", seat=1, buy_in=100))
    seq = host.seq
    raw = host.ws
    cases = [
        ("{not json", "invalid_json"),
        (json.dumps([1, 2]), "bad_message"),
        (json.dumps({"type": "dance", "id": 1}), "unknown_type"),
        (json.dumps({"type": "sit", "id": 2}), "missing_field"),
        (json.dumps({"type": "sit", "id": 3, "seat": "two", "buy_in": 100}), "wrong_type"),
        (json.dumps({"type": "sit", "id": 4, "seat": 2, "buy_in": 10**30}), "amount_out_of_range"),
        (
            json.dumps({"type": "act", "id": 5, "action": "call", "hand_no": 1, "amount": -5}),
            "no_hand",
        ),
        (json.dumps({"type": "sit", "id": 6, "seat": True, "buy_in": 100}), "wrong_type"),
        (json.dumps({"type": "stand"}), "missing_field"),
        (
            json.dumps(
                {"type": "hello", "id": 7, "protocol": 1, "table_id": table_id, "name": "x"}
            ),
            "already_joined",
        ),
    ]
    for frame, code in cases:
        await raw.send(frame)
        answer = await host.until(lambda m: m["type"] == "error")
        assert answer["code"] == code, (frame, answer)
        assert answer["message"]
    await raw.send(b"\x00binary")
    assert (await host.until(lambda m: m["type"] == "error"))["code"] == "bad_message"
    assert host.seq == seq
    # A 70 KiB frame closes the connection with 1009; the server stays up.
    await raw.send("x" * 70 * 1024)
    with pytest.raises(ConnectionClosed) as closed:
        await host.until(lambda m: False, timeout=5)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009
    status, body = await http(server.port, "GET", "/health")
    assert status == 200 and body["status"] == "ok"


async def test_a_storm_of_messages_is_answered_or_cut_and_the_server_stays_up(server):
    table_id, token = new_table(server)
    host = await host_client(server, table_id, token)
    await host.until(lambda m: m.get("kind") == "connected")
    seq = host.seq
    for i in range(1000):
        await host.ws.send(json.dumps({"type": "sit_in", "id": f"s{i}"}))
    answers = 0
    try:
        while answers < 1000:
            message = await host.recv(5)
            if message["type"] == "error":
                assert message["code"] in ("not_seated", "rate_limited")
                answers += 1
    except ConnectionClosed as closed:
        assert closed.rcvd is not None and closed.rcvd.code == 1008
    assert answers > 50
    assert server.store is not None
    during = server.store.events_after(table_id, seq) or []
    assert {r.event.kind for r in during} <= {"connected", "disconnected"}  # the storm: nothing
    assert server.core is not None and server.core.sessions[table_id].table.seats == {}


async def test_wrong_and_foreign_tokens_are_refused_alike(server):
    table_id, token = new_table(server)
    other_table, other_token = new_table(server)
    answers = []
    for table, tok in (
        (table_id, token + "x"),
        (table_id, "short"),
        (table_id, other_token),
        (other_table, token),
    ):
        client = await Client.connect(server.port)
        answers.append(await client.resume(table, tok, 0))
        await client.close()
    assert {(a["type"], a["code"], a["message"]) for a in answers} == {
        ("error", "invalid_token", "That token is not valid here.")
    }


async def test_a_second_connection_takes_over_the_first(server):
    table_id, token = new_table(server)
    first = await host_client(server, table_id, token)
    second = await host_client(server, table_id, token)
    with pytest.raises(ConnectionClosed) as closed:
        await first.until(lambda m: False)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4001
    assert "replaced" in closed.value.rcvd.reason
    assert (await second.answer(await second.send("sit", seat=1, buy_in=100)))["type"] == "ack"


async def test_http_lobby_and_a_polling_client_playing_with_a_websocket_client(server):
    table_id, token = new_table(server)
    status, lobby = await http(server.port, "GET", "/tables")
    assert status == 200 and lobby["tables"][0]["table_id"] == table_id
    status, body = await http(server.port, "GET", "/nowhere")
    assert status == 404
    host = await host_client(server, table_id, token)
    path = f"/tables/{table_id}/commands"
    status, body = await http(
        server.port,
        "POST",
        path,
        {"type": "hello", "id": "h", "protocol": 1, "table_id": table_id, "name": "Poll"},
    )
    assert status == 200
    welcome = body["messages"][0]
    assert welcome["type"] == "welcome"
    poll_token = welcome["token"]
    status, body = await http(
        server.port, "POST", path, {"type": "sit", "id": "s", "seat": 2, "buy_in": 100}, poll_token
    )
    assert body["messages"][0]["type"] == "ack"
    status, body = await http(
        server.port, "GET", f"/tables/{table_id}/events?after=0", None, "wrong"
    )
    assert status == 401 and body["error"]["code"] == "invalid_token"
    await host.answer(await host.send("sit", seat=1, buy_in=100))
    after, acted, ended = 0, 0, False
    deadline = time.monotonic() + 20
    host_task = asyncio.create_task(play(host, 1))
    while not ended and time.monotonic() < deadline:
        status, body = await http(
            server.port, "GET", f"/tables/{table_id}/events?after={after}", None, poll_token
        )
        assert status == 200
        for message in body["messages"]:
            if message["type"] in ("event", "snapshot"):
                after = message["seq"]
            ended |= message.get("kind") == "hand_ended"
            if message["type"] == "turn" and message.get("legal") and not ended:
                action = "call" if message["legal"]["call"] else "check"
                status, answer = await http(
                    server.port,
                    "POST",
                    path,
                    {
                        "type": "act",
                        "id": f"a{after}",
                        "action": action,
                        "hand_no": message["hand_no"],
                    },
                    poll_token,
                )
                assert answer["messages"][0]["type"] in ("ack", "error")
                acted += answer["messages"][0]["type"] == "ack"
        await asyncio.sleep(0.05)
    await asyncio.wait_for(host_task, 10)
    assert ended and acted >= 1


async def test_websockets_live_on_ws_only(server):
    with pytest.raises(InvalidStatus) as refused:
        async with connect(f"ws://127.0.0.1:{server.port}/elsewhere", open_timeout=5):
            pass
    assert refused.value.response.status_code == 404


async def test_a_database_that_cannot_be_written_refuses_commands_until_it_can(server, tmp_path):
    table_id, token = new_table(server)
    host = await host_client(server, table_id, token)
    await host.until(lambda m: m.get("kind") == "connected")
    seq = host.seq
    blocker = sqlite3.connect(tmp_path / "host.db")
    blocker.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
    try:
        answer = await host.answer(await host.send("sit", id="sit-1", seat=1, buy_in=100))
        assert answer["code"] == "storage_unavailable" and answer["type"] == "error"
    finally:
        blocker.rollback()
        blocker.close()
    assert host.seq == seq  # nothing was sent that was not committed
    again = await host.answer(await host.send("sit", id="sit-2", seat=1, buy_in=100))
    assert again["type"] == "ack"
    assert [e["seq"] for e in host.events("seat_taken")] == [again["seq"]]  # events come first


async def test_closing_the_hosts_tables_tells_connected_members(server):
    table_id, token = new_table(server)
    host = await host_client(server, table_id, token)
    ann = await guest(server, table_id, "Ann")
    await ann.answer(await ann.send("sit", seat=2, buy_in=100))
    assert server.close_tables() == []  # nobody is mid-hand
    await ann.until(lambda m: m.get("kind") == "table_closed")
    await host.until(lambda m: m.get("kind") == "table_closed")


async def test_a_client_that_stops_reading_is_cut_before_it_grows_the_hosts_memory(server):
    async with connect(f"ws://127.0.0.1:{server.port}/ws", max_queue=1, close_timeout=1) as ws:
        for _ in range(200):  # bounded: the host registers the connection at once
            if server.links:
                break
            await asyncio.sleep(0.01)
        (link,) = server.links.values()
        frame = "x" * 16_384
        unsent = []
        socket = link.socket
        assert socket is not None
        for _ in range(4000):  # up to 64 MiB offered to a client that reads nothing
            socket.send(frame)
            await asyncio.sleep(0)  # the turn ends: what was sent is written
            unsent.append(socket.transport.get_write_buffer_size())
            if not socket.open:
                break
        assert not socket.open, "the slow client was never cut"
        assert max(unsent) <= MAX_BUFFER + 2 * len(frame)
        with pytest.raises(ConnectionClosed) as closed:
            for _ in range(10_000):  # now read: the frames, then the close
                await asyncio.wait_for(ws.recv(), 5)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 1008


@given(st.text(max_size=300) | st.sampled_from(["x" * 126, "é" * 40_000, "y" * 70_000]))
def test_a_view_framed_once_for_a_table_is_the_frame_websockets_makes_for_each(text):
    protocol = ServerProtocol(state=State.OPEN)
    protocol.send_text(text.encode())
    assert protocol.data_to_send() == [text_frame(text)]


async def test_a_batch_that_fails_to_commit_is_never_shown_and_its_tables_go_back(server):
    table_id, token = new_table(server)
    host = await host_client(server, table_id, token)
    await host.until(lambda m: m.get("kind") == "connected")
    seq = host.seq
    assert server.store is not None
    # A write that cannot be made (a table that is not there), in the same loop turn as
    # the sit: the whole batch fails at its commit, the sit included.
    poison = TableWrite("no such table", (Recorded(1, 0.0, ev.Paused()),), False, ())
    server.deliver(Outbox(writes=[poison]))
    server.run_commands(table_id, [cmd.Sit(1, 1, 100)])
    with pytest.raises(ConnectionClosed) as closed:
        await host.until(lambda m: False, timeout=5)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 1011
    assert host.seq == seq and not host.events("seat_taken")  # nothing uncommitted was seen
    assert server.core is not None and server.core.sessions[table_id].table.seats == {}
    again = await host_client(server, table_id, token)
    snapshot = await again.until(lambda m: m["type"] == "snapshot")
    assert snapshot["table"]["seats"] == []  # what it is told now is what the disk holds


async def test_a_member_whose_role_changes_is_sent_all_its_new_role_may_see(server):
    """Let in, a guest is sent the table at once (not an empty one until it restarts)."""
    table_id, token = new_table(server, auto_approve=False)
    host = await host_client(server, table_id, token)
    await host.answer(await host.send("sit", seat=1, buy_in=100))
    ann = await guest(server, table_id, "Ann")
    first = await ann.until(lambda m: m["type"] == "snapshot")
    assert "seats" not in first["table"]  # pending: the summary and herself only
    request = await host.until(lambda m: m.get("kind") == "join_requested")
    await host.answer(await host.send("approve", member_id=request["member_id"]))
    await ann.until(lambda m: m.get("kind") == "member_approved")
    view = (await ann.until(lambda m: m["type"] == "snapshot"))["table"]
    assert [s["seat"] for s in view["seats"]] == [1] and view["you"]["role"] == "spectator"
    assert {m["name"] for m in view["members"]} == {"Host", "Ann"}
    assert view["seq"] == ann.seq


async def test_at_a_table_without_spectators_a_guest_sees_the_game_once_seated(server):
    table_id, token = new_table(server, allow_spectators=False)
    host = await host_client(server, table_id, token)
    await host.answer(await host.send("sit", seat=1, buy_in=100))
    ann = await guest(server, table_id, "Ann")
    watching = await ann.until(lambda m: m["type"] == "snapshot")
    assert "seats" not in watching["table"]  # approved, but not a spectator here
    await ann.answer(await ann.send("sit", seat=2, buy_in=100))
    seated = next(m for m in reversed(ann.messages) if m["type"] == "snapshot")
    assert [s["seat"] for s in seated["table"]["seats"]] == [1, 2]


async def test_a_stopped_host_leaves_no_clock_to_fire(tmp_path):
    """Members leaving while the host stops arm their tables' clocks again; a stopped host
    cancels those too (one fired after a stop into a host with no tables left)."""
    srv = Server(tmp_path / "host.db", "127.0.0.1", 0)
    await srv.start()
    table_id, token = new_table(srv)
    host = await host_client(srv, table_id, token)
    await host.answer(await host.send("sit", seat=1, buy_in=100))
    ann = await guest(srv, table_id, "Ann")
    await ann.answer(await ann.send("sit", seat=2, buy_in=100))
    await ann.until(lambda m: m["type"] == "turn")  # a hand on, its clock armed
    await srv.stop()
    loop = asyncio.get_running_loop()
    pending = [
        handle
        for handle in getattr(loop, "_scheduled", [])  # asyncio's own timer heap
        if not handle.cancelled() and getattr(handle._callback, "__self__", None) is srv
    ]
    assert pending == []
    for client in (host, ann):
        await asyncio.wait_for(client.ws.wait_closed(), 5)
        assert client.ws.close_code == 1001  # "going away": clients come back later
