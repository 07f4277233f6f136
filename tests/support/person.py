"""A person at the app: keys and clicks sent to the focused widget, questions answered
by clicking their buttons, a scripted friend at the other seat, and time bounded.

Every wait here polls with asyncio.sleep (a blocking qtbot.waitUntil inside a
coroutine would hang the app's own loop) and gives up after a bounded time.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QMessageBox, QWidget
from websockets.exceptions import ConnectionClosed

from desktop.app import Felt
from desktop.hosting.local_state import HOST_FORM
from desktop.ui.host_dialog import HostDialog
from desktop.ui.table_screen import TableScreen
from tests.support.net import Client
from tests.support.router import NO_ROUTER

LEFT = Qt.MouseButton.LeftButton
SPEEDY = {"between_hands_seconds": 0.3}


async def until(check: Callable[[], object], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.02)


async def no_wait(_: float) -> None:
    """Between tries to reach a host: no time passes (the tries are what is tested)."""
    await asyncio.sleep(0)


@contextlib.asynccontextmanager
async def app(
    qtbot: Any,
    folder: Path,
    *,
    any_port: bool = True,
    link: str | None = None,
    router: str = NO_ROUTER,
    lan: str = "off",
    **options: Any,
) -> AsyncIterator[Felt]:
    """The app living its life (`Felt.run`: the window shown, hosted tables back up; opened
    with a felt:// `link`, if given), its window in front; hosting on any free port
    unless told to keep its own. Its router is `router` ("ADDRESS:PORT"), else none:
    a closed port on loopback (tests never ask the real one). It lists and looks for
    tables on the network only when told `lan="127.0.0.1"` (never another network)."""
    felt = Felt(folder, sounds=False, bot_delay=0.05, play_now=SPEEDY, **options)
    felt.settings.router, felt.settings.lan = router, lan
    if any_port:
        felt.settings.host_port = 0
    qtbot.addWidget(felt.window)
    life = asyncio.ensure_future(felt.run(link))
    await until(felt.window.isVisible)
    await in_front(felt.window)
    try:
        yield felt
    finally:
        felt.finished.set()  # (a no-op when the player quit)
        await life


async def in_front(window: QWidget) -> None:
    """The window active, as a window manager makes it when it opens or when a dialog
    over it closes (Qt's offscreen platform leaves no window active then)."""
    window.activateWindow()
    await until(window.isActiveWindow)


def question(parent: QWidget) -> QMessageBox | None:
    """The question the app is asking now, if any."""
    boxes = [b for b in parent.findChildren(QMessageBox) if b.isVisible()]
    return boxes[0] if boxes else None


async def answer(qtbot: Any, parent: QWidget, words: str) -> str:
    """Wait for a question, click its button that says `words`; the question's text."""
    await until(lambda: question(parent) is not None)
    box = question(parent)
    assert box is not None
    buttons: list[QAbstractButton] = box.buttons()
    button = next((b for b in buttons if b.text() == words), None)
    assert button is not None, [b.text() for b in buttons]
    text = box.text()
    qtbot.mouseClick(button, LEFT)
    await until(lambda: question(parent) is None)
    return text


def type_into(qtbot: Any, widget: QWidget, text: str) -> None:
    """Click into a field, select what is there, type over it (as a person would)."""
    qtbot.mouseClick(widget, LEFT)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


async def host_form(qtbot: Any, felt: Felt) -> HostDialog:
    """Host a table… by its keys (Ctrl+Shift+N): the host form, in front."""
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(felt.window, Qt.Key.Key_N, ctrl_shift)  # Host a table…
    await until(lambda: [d for d in felt.start.findChildren(HostDialog) if d.isVisible()])
    [dialog] = [d for d in felt.start.findChildren(HostDialog) if d.isVisible()]
    await in_front(dialog)
    assert isinstance(dialog, HostDialog)
    return dialog


async def heads_up(felt: Felt, **settings: Any) -> tuple[TableScreen, Client]:
    """The app hosts a table and sits in seat 1; a scripted friend sits in seat 2."""
    form = {**HOST_FORM, **SPEEDY, "name": "Paths", "auto_approve": True, **settings}
    await felt.start_hosting(form, sit=True)
    screen = felt.screen
    assert screen is not None
    await until(lambda: screen.model.my_seat == 1)
    friend = await Client.connect(felt.host.port, "friend", tls=True)
    await friend.hello(screen.model.table_id, "Friend")
    await friend.answer(await friend.send("sit", seat=2, buy_in=200))
    return screen, friend


async def calls_every_turn(friend: Client, turns: int = 10_000) -> None:
    """The friend checks or calls whenever it is their turn (until cancelled)."""
    waiting = [m for m in friend.messages if m["type"] == "turn"][-1:]  # came while sitting
    for _ in range(turns):
        message = waiting.pop() if waiting else await friend.recv(60)
        if message["type"] == "turn" and message.get("legal"):
            action = "call" if message["legal"]["call"] else "check"
            await friend.send(
                "act", action=action, hand_no=message["hand_no"], decision=message["decision"]
            )


@contextlib.asynccontextmanager
async def playing(friend: Client) -> AsyncIterator[None]:
    task = asyncio.ensure_future(calls_every_turn(friend))
    try:
        yield
    finally:
        await friend.close()  # its reading ends with the connection (ConnectionClosed)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, ConnectionClosed):
            await task


@contextlib.asynccontextmanager
async def autoplay(qtbot: Any, screen: TableScreen) -> AsyncIterator[None]:
    """Check or call through the buttons whenever our turn comes, while inside."""

    async def play() -> None:
        for _ in range(100_000):
            if screen.model.my_turn and screen.action_bar.call.isEnabled():
                qtbot.mouseClick(screen.action_bar.call, LEFT)
            await asyncio.sleep(0.02)

    task = asyncio.ensure_future(play())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def click_menu(qtbot: Any, felt: Felt, menu_title: str, item: str) -> None:
    """The menu bar's `menu_title` clicked open, then its `item` clicked."""
    bar = felt.window.menuBar()
    [menu] = [m for m in bar.findChildren(QMenu) if m.title().replace("&", "") == menu_title]
    qtbot.mouseClick(bar, LEFT, pos=bar.actionGeometry(menu.menuAction()).center())
    await until(menu.isVisible)
    [action] = [a for a in menu.actions() if a.text().replace("&", "") == item]
    qtbot.mouseClick(menu, LEFT, pos=menu.actionGeometry(action).center())
