"""Bots at a served table: added over the protocol, acting by themselves, surviving a restart."""

from __future__ import annotations

import asyncio
from typing import Any

from host_server.net.server import Server
from host_server.table.settings import TableSettings
from tests.support.net import Client, guest, host_client, play


async def test_bots_play_with_a_human_and_carry_on_after_the_host_restarts(tmp_path):
    db = tmp_path / "host.db"
    server = Server(db, "127.0.0.1", 0, bot_delay=0)
    await server.start()
    settings = TableSettings("Bots", seats=4, auto_approve=True, between_hands_seconds=0.05)
    table_id, token = server.create_table(settings, "Host")
    host = await host_client(server, table_id, token)
    for seat, level in ((2, "easy"), (3, "strong")):
        answer = await host.answer(await host.send("add_bot", seat=seat, level=level))
        assert answer["type"] == "ack", answer
    refused = await host.answer(await host.send("add_bot", seat=3, level="easy"))
    assert refused["code"] == "seat_taken"
    ann = await guest(server, table_id, "Ann")
    refused = await ann.answer(await ann.send("remove_bot", seat=2))
    assert refused["code"] == "not_host"
    assert (await ann.answer(await ann.send("sit", seat=1, buy_in=200)))["type"] == "ack"
    # Two hands: the bots act on their own, Ann calls along, the host watches.
    await play(ann, 1)
    await play(ann, 2)
    acted = {m["seat"] for m in ann.events("player_acted")}
    assert {2, 3} <= acted  # every hand reaches both bots: Ann only ever calls
    assert [b["level"] for b in host.events("bot_added")] == ["easy", "strong"]
    seats = (await host_snapshot(server, table_id))["seats"]
    assert [(s["seat"], s["bot"]) for s in seats] == [(1, None), (2, "easy"), (3, "strong")]
    ann.assert_no_leaks()
    host.assert_no_leaks()

    # The host goes away mid-hand and comes back: the bots pick up where they were.
    await ann.until(lambda m: m.get("kind") == "hand_started" and m["hand_no"] == 3)
    await server.stop()
    server = Server(db, "127.0.0.1", 0, bot_delay=0)
    await server.start()
    try:
        back = await Client.connect(server.port, "Ann")
        back.seq = ann.seq
        back.messages = list(ann.messages)  # (the same player: her cards of hand 3 are hers)
        welcome = await back.resume(table_id, ann.token)
        assert welcome["type"] == "welcome"
        await asyncio.wait_for(play(back, 3), 20)
        await asyncio.wait_for(play(back, 4), 20)
        back.assert_no_leaks()
        await back.close()
    finally:
        await host.close()
        await ann.close()
        await server.stop()


async def host_snapshot(server: Server, table_id: str) -> dict[str, Any]:
    watcher = await Client.connect(server.port, "Rail")
    try:
        await watcher.hello(table_id, "Rail")
        snapshot = await watcher.until(lambda m: m["type"] == "snapshot")
        table: dict[str, Any] = snapshot["table"]
        return table
    finally:
        await watcher.close()
