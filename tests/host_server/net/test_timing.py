"""The host's own account of each frame, for the benchmarks: a real server with
`timing` on, two players playing a hand to its end, and the file it writes when it
stops (every command timed from its read to its write, the hand's end told apart)."""

from __future__ import annotations

import asyncio
import json
import time

from host_server.net.server import Server
from host_server.net.timing import FrameTimes
from host_server.table.settings import TableSettings
from tests.support.net import guest, host_client, play


async def test_each_frame_is_timed_from_its_read_to_its_write_and_saved_at_the_stop(tmp_path):
    path = tmp_path / "timing.json"
    server = Server(tmp_path / "host.db", "127.0.0.1", 0, timing=FrameTimes(path))
    await server.start()
    began = time.monotonic()
    try:
        settings = TableSettings("Timed", between_hands_seconds=0.1, auto_approve=True)
        table_id, token = server.create_table(settings, "Host")
        host = await host_client(server, table_id, token)
        ann = await guest(server, table_id, "Ann")
        for client, seat in ((host, 1), (ann, 2)):
            assert (await client.answer(await client.send("sit", seat=seat, buy_in=100)))[
                "type"
            ] == "ack"
        await asyncio.gather(play(host, 1), play(ann, 1))
    finally:
        await server.stop()
    saved = json.loads(path.read_text())
    assert saved["latencies"] and saved["cpu"]
    assert all(
        began <= read_at <= time.monotonic() and 0 <= s < 5 for read_at, s in saved["latencies"]
    )
    assert [ended for *_, ended in saved["cpu"]].count(True) == 1  # (the one hand's last act)
