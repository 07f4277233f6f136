"""Abuse from the internet, met on a real socket: a flood of hellos, of connections, of
waiting guests and of chat lines is held at the door with its own code (and changes
nothing), and a banned member stays out. The limits are made small here, and loopback
is held to them (a host spares it by default: it is this machine)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, strategies as st
from websockets.exceptions import ConnectionClosed

from host_server.errors import Code
from host_server.host.limits import Limits, Window
from host_server.net.server import Server
from host_server.table.settings import TableSettings
from tests.support.net import Client

SMALL = Limits(
    connections_per_address=3, hellos_per_minute=4, chat_lines=2, chat_seconds=60.0,
    exempt_loopback=False,
)  # fmt: skip


@pytest.fixture
async def server(tmp_path, request) -> AsyncIterator[Server]:
    """A host under SMALL limits (a test marked `crowd` allows 16 connections)."""
    crowd = request.node.get_closest_marker("crowd") is not None
    limits = replace(SMALL, connections_per_address=16) if crowd else SMALL
    srv = Server(tmp_path / "host.db", "127.0.0.1", 0, bot_delay=0, limits=limits)
    await srv.start()
    yield srv
    await srv.stop()


async def refused(server: Server, table_id: str, client: Client, code: Code, **hello: Any) -> None:
    """`client`'s hello is refused with `code`, and the table did not change."""
    before = server.core.sessions[table_id].table.seq
    answer = await client.hello(table_id, **hello)
    assert (answer["type"], answer.get("code")) == ("error", code), answer
    assert server.core.sessions[table_id].table.seq == before


async def test_a_flood_of_hellos_from_one_address_waits_a_minute(server):
    table_id, _ = server.create_table(TableSettings("Door", auto_approve=True), "Host")
    guests = []
    for n in range(SMALL.hellos_per_minute):
        guest = await Client.connect(server.port, f"g{n}")
        assert (await guest.hello(table_id, f"Guest {n}"))["type"] == "welcome"
        await guest.close()  # (one connection at a time: this is about hellos)
        guests.append(guest)
    late = await Client.connect(server.port, "late")
    await refused(server, table_id, late, Code.TOO_MANY_HELLOS, name="Late")


async def test_one_connection_too_many_is_told_and_closed_and_a_freed_one_counts(server):
    table_id, _ = server.create_table(TableSettings("Door", auto_approve=True), "Host")
    open_ = [await Client.connect(server.port, f"c{n}") for n in range(3)]
    extra = await Client.connect(server.port, "extra")
    await extra.send("hello", protocol=1, table_id=table_id, name="Extra")
    answer = await extra.until(lambda m: m["type"] == "error")
    assert answer["code"] == Code.TOO_MANY_CONNECTIONS
    with pytest.raises(ConnectionClosed):
        await extra.recv()
    assert extra.ws.close_code == 1008
    await open_[0].close()
    await extra.ws.wait_closed()
    again = await Client.connect(server.port, "again")
    assert (await again.hello(table_id, "Again"))["type"] == "welcome"


@pytest.mark.crowd
async def test_guests_waiting_at_the_door_are_capped_so_the_badge_is_not_buried(server):
    settings = TableSettings("Door", max_pending=2)
    table_id, token = server.create_table(settings, "Host")
    host = await Client.connect(server.port, "host")
    await host.resume(table_id, token, 0)
    waiting = [await Client.connect(server.port, f"w{n}") for n in range(2)]
    for n, guest in enumerate(waiting):
        assert (await guest.hello(table_id, f"W{n}"))["role"] == "pending"
    third = await Client.connect(server.port, "third")
    await refused(server, table_id, third, Code.TOO_MANY_WAITING, name="Third")
    await host.answer(await host.send("approve", member_id=waiting[0].member_id))
    assert (await third.hello(table_id, "Third"))["role"] == "pending"  # room again


async def test_chat_lines_past_the_rate_are_refused_and_change_nothing(server):
    table_id, token = server.create_table(TableSettings("Door"), "Host")
    host = await Client.connect(server.port, "host")
    await host.resume(table_id, token, 0)
    for n in range(SMALL.chat_lines):
        assert (await host.answer(await host.send("chat", text=f"line {n}")))["type"] == "ack"
    before = server.core.sessions[table_id].table.seq
    answer = await host.answer(await host.send("chat", text="one too many"))
    assert answer["code"] == Code.CHAT_TOO_FAST and "wait a moment" in answer["message"]
    assert server.core.sessions[table_id].table.seq == before


async def ban_a_guest(server: Server, name: str) -> tuple[str, Client, Client]:
    """A table whose host bans the guest `name` once in: the table, its host, the guest
    (gone: their `member_left` has come)."""
    table_id, token = server.create_table(TableSettings("Door", auto_approve=True), "Host")
    host = await Client.connect(server.port, "host")
    await host.resume(table_id, token, 0)
    guest = await Client.connect(server.port, name)
    await guest.hello(table_id, name)
    await host.answer(await host.send("kick", member_id=guest.member_id, ban=True))
    await host.latest(lambda m: m.get("kind") == "member_left")
    return table_id, host, guest


@pytest.mark.crowd
async def test_a_banned_member_is_kicked_and_refused_by_name_and_address(server, tmp_path):
    table_id, host, ann = await ban_a_guest(server, "Ann")
    banned = await host.latest(lambda m: m.get("kind") == "member_banned")
    assert banned["member_id"] == ann.member_id
    again = await Client.connect(server.port, "again")
    await refused(server, table_id, again, Code.BANNED, name="Not Ann")  # (her address)

    # A host that spares loopback (the default) still refuses her name.
    spared = Server(tmp_path / "spared.db", "127.0.0.1", 0, bot_delay=0)
    await spared.start()
    try:
        other, _, _ = await ban_a_guest(spared, "Bea")
        back = await Client.connect(spared.port, "back")
        await refused(spared, other, back, Code.BANNED, name="BEA")
        assert (await back.hello(other, "Cy"))["type"] == "welcome"
    finally:
        await spared.stop()


@given(st.lists(st.floats(0, 300), max_size=60), st.integers(1, 6), st.floats(0.5, 90))
def test_a_window_allows_at_most_its_count_in_any_span_and_refuses_only_then(
    moments, count, seconds
):
    window, allowed = Window(count, seconds), list[float]()
    for now in sorted(moments):
        recent = [t for t in allowed if now - t < seconds]
        assert window.allow("address", now) == (len(recent) < count)
        if len(recent) < count:
            allowed.append(now)
    window.sweep(max(moments, default=0) + seconds + 1)  # (past every window: all forgotten)
    assert window.seen == {}


def test_loopback_is_spared_unless_the_host_says_otherwise():
    assert not Limits().applies_to("127.0.0.1") and not Limits().applies_to("::1")
    assert Limits().applies_to("81.2.69.142") and Limits().applies_to("not an address")
    assert SMALL.applies_to("127.0.0.1")
