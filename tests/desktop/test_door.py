"""The host keeps the door as a host would: right-click a guest's seat, Ban (the guest
is gone, their name is refused from then on, their address too off this machine);
the invite's menu turns the join key on (its holders come straight in), renews it
(old invites wait again) and copies a line for a chat. Guests join with a keyed
invite without waiting. Real hosts, the app, scripted guests."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu

from desktop.hosting.invites import parse_invite
from desktop.hosting.local_state import HOST_FORM
from host_server.errors import Code
from host_server.host.core import HOST_MEMBER
from host_server.table.commands import SetJoinKey
from host_server.table.members import Role
from tests.desktop.test_internet import hosting, join_by_dialog
from tests.support.net import Client
from tests.support.person import app, heads_up, until


async def test_a_guest_banned_from_their_seat_is_gone_and_their_name_refused(qtbot, data_home):
    async with app(qtbot, data_home) as felt:
        screen, friend = await heads_up(felt)
        screen.view.grab()
        seat_two = screen.view._seat_rects[2].center().toPoint()
        qtbot.mouseClick(screen.view, Qt.MouseButton.RightButton, pos=seat_two)

        def menus() -> list[QMenu]:
            shown = QApplication.topLevelWidgets()
            return [m for m in shown if isinstance(m, QMenu) and m.isVisible()]

        await until(menus)
        [menu] = menus()
        words = [action.text() for action in menu.actions()]
        assert words == ["Remove Friend from the table", "Ban Friend from this table"]
        qtbot.keyClick(menu, Qt.Key.Key_Down)
        qtbot.keyClick(menu, Qt.Key.Key_Down)
        qtbot.keyClick(menu, Qt.Key.Key_Return)
        await until(lambda: "Friend is banned from this table" in screen.model.log)
        await friend.until(lambda m: m.get("kind") == "member_left")
        await until(lambda: 2 not in screen.model.seats)

        again = await Client.connect(felt.host.port, "again", tls=True)
        answer = await again.hello(screen.model.table_id, "friend")
        assert (answer["type"], answer["code"]) == ("error", Code.BANNED)
        assert (await again.hello(screen.model.table_id, "Someone else"))["type"] == "welcome"
        await again.close()
        await friend.close()


def menu_entries(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


async def choose(qtbot, menu: QMenu, words: str) -> None:
    """Open `menu` and pick the entry that says `words` with the arrow keys and Return."""
    menu.popup(menu.parentWidget().mapToGlobal(menu.parentWidget().rect().bottomLeft()))
    await until(menu.isVisible)
    enabled = [a for a in menu.actions() if not a.isSeparator() and a.isEnabled()]
    for _ in range([a.text() for a in enabled].index(words) + 1):
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    await until(lambda: not menu.isVisible())


async def test_the_join_key_lets_its_invites_holder_straight_in_until_the_host_renews_it(
    qtbot, data_home
):
    async with app(qtbot, data_home) as felt:
        await felt.start_hosting({**HOST_FORM, "name": "Keyed door"}, sit=True)
        screen = felt.screen
        await until(lambda: screen.model.my_seat == 1)
        button = screen.invite
        assert parse_invite(button.code).key is None  # approval, to begin with
        entries = menu_entries(button.menu())
        assert entries[-3:] == [
            "Copy as a message for a chat",
            "Invites let their holders in without asking",
            "New invite key (invites sent before then wait for you)",
        ]
        await choose(qtbot, button.menu(), "Invites let their holders in without asking")
        await until(lambda: parse_invite(button.code).key is not None)
        first = parse_invite(button.code)
        assert "Your invites let their holders in without asking" in screen.model.log

        keyed = await Client.connect(felt.host.port, "keyed", tls=True)
        await keyed.send("hello", protocol=1, table_id=first.table, name="Keyed", key=first.key)
        welcome = await keyed.until(lambda m: m["type"] in ("welcome", "error"))
        assert welcome["role"] == "spectator"  # in, without asking
        await keyed.latest(lambda m: m["type"] == "snapshot")
        assert first.key not in json.dumps(keyed.messages)  # (the host's to hand out)

        await choose(qtbot, button.menu(), "New invite key (invites sent before then wait for you)")
        await until(lambda: parse_invite(button.code).key not in (None, first.key))
        late = await Client.connect(felt.host.port, "late", tls=True)
        await late.send("hello", protocol=1, table_id=first.table, name="Late", key=first.key)
        assert (await late.until(lambda m: m["type"] == "welcome"))["role"] == "pending"
        await until(lambda: screen.requests.text() == "Requests (1)")

        QGuiApplication.clipboard().clear()
        await choose(qtbot, button.menu(), "Copy as a message for a chat")
        pasted = QGuiApplication.clipboard().text()
        assert pasted.startswith("Join my Felt table “Keyed door” (1/2): felt://")
        assert parse_invite(pasted) == parse_invite(button.code)
        for guest in (keyed, late):
            await guest.close()


async def test_a_guest_with_a_keyed_invite_sits_down_without_waiting(qtbot, data_home, tmp_path):
    host, table_id = await hosting(tmp_path / "host", auto_approve=False)
    try:
        assert host.server is not None
        host.server.run_commands(table_id, [SetJoinKey(HOST_MEMBER, "k" * 22)])
        [invite] = [i for i in host.invites(table_id, key="k" * 22) if i.address == "127.0.0.1"]
        async with app(qtbot, data_home) as felt:
            felt.start.name.setText("Welcome")
            await join_by_dialog(qtbot, felt, invite.code)
            await until(
                lambda: felt.screen is not None and felt.screen.model.role is Role.SPECTATOR
            )
            assert felt.screen.status.text() == "Watching: click an empty seat to sit down"
    finally:
        await host.stop()
