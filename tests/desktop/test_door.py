"""The host keeps the door as a host would: right-click a guest's seat, Ban; the guest
is gone, their name is refused from then on (their address too, off this machine),
and the hand log says so. A real host (the app's own) and a scripted guest."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from host_server.errors import Code
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
