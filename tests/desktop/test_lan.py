"""Tables on your network, as a person meets them: a friend's host on the same network
(here: on loopback, where the multicast stays) lists its table, the app shows it on the
start screen with its stakes and seats as they change, and one click on Join seats the
player's app at it, the host checked by the listing's pin. A listing that points at a
host with another key is refused in plain words; the app never lists its own tables
to itself, nor a Play now table to anyone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from zeroconf.asyncio import AsyncServiceInfo, AsyncZeroconf

from desktop.client.session import KEY_CHANGED
from desktop.hosting.embedded import EmbeddedHost
from desktop.hosting.local_state import HOST_FORM, table_settings
from desktop.ui.lan_tables import NONE_YET
from host_server.host.core import HOST_MEMBER
from host_server.net.lan import SERVICE, properties, service_name
from host_server.table import commands as cmd
from tests.support.person import LEFT, app, in_front, until

LOOPBACK = "127.0.0.1"


def rows(felt: Any) -> list[str]:
    listed = felt.start.lan.list
    return [listed.item(i).text() for i in range(listed.count())]


async def friend_hosting(folder: Path, **form: Any) -> tuple[EmbeddedHost, str]:
    """A friend's app hosting "Friday" (listed, as the host form's box is by default)."""
    host = EmbeddedHost(folder, bot_delay=0.05)
    folder.mkdir()
    await host.start(0)
    values = {**HOST_FORM, "name": "Friday", "auto_approve": True, **form}
    table_id, _ = host.create_table(table_settings(values), "Sam", sit_with=200)
    host.list_on_network([LOOPBACK])
    return host, table_id


async def test_a_table_on_the_network_is_listed_live_and_joined_with_one_click(
    qtbot, data_home, tmp_path
):
    host, table_id = await friend_hosting(tmp_path / "friend")
    host.create_table(table_settings({**HOST_FORM, "name": "Hidden", "announce": False}), "Sam")
    try:
        async with app(qtbot, data_home, lan=LOOPBACK) as felt:
            felt.start.name.setText("Dana")
            await until(lambda: rows(felt)[0].startswith("Friday"))
            assert rows(felt) == [
                "Friday   ·   1/2   ·   1 of 6 seated   ·   hosted by Sam"
            ]  # (not "Hidden")

            # A bot sits at the friend's table: the list says so, the row still chosen.
            assert host.server is not None
            host.server.run_commands(table_id, [cmd.AddBot(HOST_MEMBER, 2, "easy")])
            await until(
                lambda: rows(felt) == ["Friday   ·   1/2   ·   2 of 6 seated   ·   hosted by Sam"]
            )

            lan = felt.start.lan
            row = lan.list.visualItemRect(lan.list.item(0)).center()
            qtbot.mouseClick(lan.list.viewport(), LEFT, pos=row)
            qtbot.mouseClick(lan.button, LEFT)
            await until(lambda: felt.screen is not None and felt.screen.model.name == "Friday")
            assert felt.screen.connection.pin == host.pin  # the listing's pin, checked
            await until(lambda: felt.window.pages.currentWidget() is felt.screen)
    finally:
        await host.stop()


async def test_a_table_leaves_the_list_when_its_host_stops(qtbot, data_home, tmp_path):
    host, _ = await friend_hosting(tmp_path / "friend")
    try:
        async with app(qtbot, data_home, lan=LOOPBACK) as felt:
            await until(lambda: rows(felt)[0].startswith("Friday"))
            assert felt.start.lan.button.isEnabled()
            await host.stop()  # (its goodbye)
            await until(lambda: rows(felt) == [NONE_YET])
            assert not felt.start.lan.button.isEnabled()
    finally:
        await host.stop()


async def test_a_listing_whose_host_shows_another_key_is_refused(qtbot, data_home, tmp_path):
    """Anyone on the network can announce a table: one that names a real host but not
    its pin is not joined (nothing of ours is sent), and the start screen says why."""
    host, table_id = await friend_hosting(tmp_path / "friend", announce=False)
    zc = AsyncZeroconf(interfaces=[LOOPBACK])
    try:
        assert host.server is not None and host.server.core is not None
        [summary] = host.server.core.lobby()
        forged = AsyncServiceInfo(
            SERVICE, service_name(table_id), port=host.port,
            properties=properties({**summary, "name": "Forged", "host": "Sam"}, "A" * 43),
            parsed_addresses=[LOOPBACK], server="forger.local.",
        )  # fmt: skip
        await (await zc.async_register_service(forged))
        async with app(qtbot, data_home, lan=LOOPBACK) as felt:
            await until(lambda: rows(felt)[0].startswith("Forged"))
            felt.start.lan.list.setCurrentRow(0)
            felt.start.lan.list.setFocus()
            await in_front(felt.window)
            qtbot.keyClick(felt.start.lan.list, Qt.Key.Key_Return)
            await until(lambda: felt.start.notice.text() == KEY_CHANGED)
            assert felt.screen is None
    finally:
        await zc.async_close()
        await host.stop()


async def test_the_app_lists_its_hosted_table_to_others_never_to_itself_and_never_play_now(
    qtbot, data_home, tmp_path
):
    async with app(qtbot, data_home, lan=LOOPBACK) as felt:
        await felt.play()
        await until(lambda: felt.screen is not None and felt.screen.model.seq > 0)
        await felt.start_hosting({**HOST_FORM, "name": "Our game"})
        await until(lambda: felt.screen is not None and felt.screen.model.name == "Our game")
        browser = felt.neighbours.browser
        assert browser is not None
        await until(lambda: [t.name for t in browser.found.values()] == ["Our game"])
        assert rows(felt) == [NONE_YET]
