"""An invite's addresses tried side by side, on loopback addresses of this machine: a
host that never answers does not hold up one that does, a refusing port and a host
with another key are each said as such, and none answering says why for each."""

from __future__ import annotations

import asyncio
import socket

from desktop.client.reach import first_to_answer
from host_server.net.certificate import identity, server_context


async def test_the_first_address_to_show_the_pin_wins_and_the_others_say_why(tmp_path):
    real, impostor = identity(tmp_path / "real"), identity(tmp_path / "impostor")

    async def hang_up(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.close()

    host = await asyncio.start_server(hang_up, "127.0.0.1", 0, ssl=server_context(real))
    port = host.sockets[0].getsockname()[1]
    fake = await asyncio.start_server(hang_up, "127.0.0.4", port, ssl=server_context(impostor))
    with socket.socket() as silent:  # accepts (the kernel does) and never says a word
        silent.bind(("127.0.0.2", port))
        silent.listen()
        async with host, fake:
            hosts = ["127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.1"]
            places = [(host, port) for host in hosts]
            won, why = await first_to_answer(places, real.pin, stagger=0.05)
            assert won == ("127.0.0.1", port)
            assert why["127.0.0.3"].startswith("nothing answers on that port")
            assert why["127.0.0.4"] == "a host with another key answered there"
            assert "127.0.0.2" not in why  # still waiting (not timed out) when the host won

            others = [("127.0.0.3", port), ("127.0.0.4", port)]
            none, why = await first_to_answer(others, real.pin)
            assert none is None and set(why) == {"127.0.0.3", "127.0.0.4"}
