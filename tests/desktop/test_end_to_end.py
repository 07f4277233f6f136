"""The app end to end, in one process on qasync's loop: host, approve, sit, play a hand
through the buttons, then stop the embedded host, start it again, and both sides resume."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop.app import Felt
from desktop.ui.dialogs import BuyInDialog
from tests.support.net import Client


async def until(check: Callable[[], object], timeout: float = 15.0) -> None:
    """Poll with asyncio.sleep: blocking qtbot.waitUntil inside a coroutine would hang."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.02)


async def guest_plays(guest: Client, hand_no: int) -> None:
    while not any(m.get("kind") == "hand_ended" for m in guest.messages):
        message = await guest.recv(15)
        if message["type"] == "turn" and message.get("legal") and message["hand_no"] == hand_no:
            action = "call" if message["legal"]["call"] else "check"
            await guest.send("act", action=action, hand_no=hand_no)


async def test_host_approve_sit_play_restart_and_resume(qtbot, data_home):
    felt = Felt(data_home, sounds=False)
    felt.settings.host_port = 0  # any free port
    qtbot.addWidget(felt.window)
    felt.window.show()
    await felt.start_hosting(
        {
            "name": "Friday",
            "seats": 6,
            "small_blind": 1,
            "big_blind": 2,
            "min_buy_in": 40,
            "max_buy_in": 200,
            "auto_approve": False,
            "between_hands_seconds": 2,
        }
    )
    screen = felt.screen
    assert screen is not None
    qtbot.mouseClick(screen.invite, Qt.MouseButton.LeftButton)  # "Copy invite"
    assert QGuiApplication.clipboard().text().startswith("felt://")
    assert screen.invite.text() == "Copied ✓"
    await until(lambda: screen.model.role == "host" and screen.model.name == "Friday")
    port, table_id = felt.host.port, screen.model.table_id

    guest = await Client.connect(port, "guest", tls=True)
    await guest.hello(table_id, "Guest")
    await until(lambda: screen.model.pending)
    assert screen.requests.text() == "Requests (1)"  # the badge
    screen.requests.menu().actions()[0].trigger()  # "Let Guest in"
    await guest.until(lambda m: m.get("kind") == "member_approved")
    await guest.answer(await guest.send("sit", seat=2, buy_in=100))

    # The host takes seat 1 by clicking it, and confirms the buy-in.
    screen.view.resize(1000, 680)
    screen.view.grab()
    qtbot.mouseClick(
        screen.view, Qt.MouseButton.LeftButton, pos=screen.view._seat_rects[1].center().toPoint()
    )
    dialog = screen.findChild(BuyInDialog)
    assert dialog is not None and dialog.amount.value() == 200
    dialog.accept()
    await until(lambda: screen.model.my_seat == 1 and screen.model.street == "preflop")

    # The hand is played to showdown through the app's buttons.
    playing = asyncio.ensure_future(guest_plays(guest, 1))
    while not playing.done():
        if screen.model.my_turn:
            qtbot.mouseClick(screen.action_bar.call, Qt.MouseButton.LeftButton)
        await asyncio.sleep(0.02)
    await playing
    await until(lambda: any(w in line for line in screen.model.log for w in ("wins", "split")))
    assert screen.model.street is None and sum(s.stack for s in screen.model.seats.values()) == 300

    # The embedded host stops and starts again from its database; both sides resume.
    seq = screen.model.seq
    await felt.host.stop()
    await until(lambda: screen.view.offline)  # greyed, "Reconnecting..."
    await felt.host.start(port)
    await until(lambda: screen.connection.state == "online" and not screen.view.offline)
    again = await Client.connect(port, "guest-again", tls=True)
    again.seq, again.member_id = guest.seq, guest.member_id
    assert guest.token is not None
    welcome = await again.resume(table_id, guest.token)
    assert welcome["type"] == "welcome"
    await again.until(lambda m: m.get("kind") == "host_restarted")
    await until(
        lambda: screen.model.seq > seq and any("restarted" in line for line in screen.model.log)
    )
    assert screen.model.my_seat == 1 and screen.model.seats[2].name == "Guest"
    await again.close()
    await guest.close()
    await felt.shutdown()


async def test_the_app_runs_on_qasyncs_loop():
    assert isinstance(asyncio.get_running_loop(), qasync.QEventLoop)
