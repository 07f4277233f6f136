"""The embedded host: one server however many ask for it at once, and a taken port
said as such (with a free one to offer)."""

from __future__ import annotations

import asyncio
import socket

import pytest

from desktop.hosting.embedded import EmbeddedHost, PortTaken


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
