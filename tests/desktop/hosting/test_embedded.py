"""The embedded host: one server however many ask for it at once, a taken port said as
such (with a free one to offer), and its TLS key kept (a new one said as such)."""

from __future__ import annotations

import asyncio
import socket

import pytest

from desktop.hosting.embedded import EmbeddedHost, PortTaken
from host_server.net.certificate import KEY
from host_server.table.settings import TableSettings


async def test_starting_twice_at_once_starts_one_server(tmp_path):
    host = EmbeddedHost(tmp_path)
    try:
        ports = await asyncio.gather(host.start(0), host.start(0))  # launch and a click
        assert ports[0] == ports[1] == host.port
        server = host.server
        assert await host.start(0) == host.port and host.server is server
    finally:
        await host.stop()
    assert not host.running


async def test_a_port_held_by_another_program_is_named_with_a_free_one(tmp_path):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        busy = squatter.getsockname()[1]
        host = EmbeddedHost(tmp_path)
        with pytest.raises(PortTaken) as taken:
            await host.start(busy)
        assert taken.value.port == busy and taken.value.free not in (0, busy)
        assert not host.running
        assert await host.start(taken.value.free) == taken.value.free
        await host.stop()


async def test_the_host_keeps_its_key_and_says_when_it_had_to_make_a_new_one(tmp_path):
    first = EmbeddedHost(tmp_path)
    await first.start(0)
    assert not first.key_changed  # the first key of a new host voids nothing
    first.create_table(TableSettings("Kept"), "Hostess")
    await first.stop()
    again = EmbeddedHost(tmp_path)
    await again.start(0)
    await again.stop()
    assert again.pin == first.pin and not again.key_changed
    (tmp_path / KEY).unlink()  # lost: its invites name a key this host no longer has
    renewed = EmbeddedHost(tmp_path)
    await renewed.start(0)
    try:
        assert renewed.pin != first.pin and renewed.key_changed
        assert all(f"&pin={renewed.pin}" in i.code for i in renewed.invites("t"))
    finally:
        await renewed.stop()
