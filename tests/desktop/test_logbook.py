"""Felt's log file and the errors nobody caught: logged with their traceback, told in a
window that does not stop the game, and the table (hosted here) plays on."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6 import QtCore
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox
from websockets.exceptions import ConnectionClosedError

from desktop import logbook
from desktop.ui.trouble import OPEN_LOGS, WHAT, ErrorReport
from tests.support.person import LEFT, app, autoplay, until


@pytest.fixture
def logging_to(tmp_path: Path) -> Iterator[Path]:
    """The log started in a data folder, as `felt` starts it; its file."""
    handler = logbook.start(tmp_path / "home")
    try:
        yield logbook.log_file(tmp_path / "home")
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
        QtCore.qInstallMessageHandler(None)


def test_the_log_rotates_keeping_three_old_files(logging_to):
    """Four megabytes logged: the file never passes its limit, and three older ones stay
    beside it (an evening's worth, not a month's)."""
    line = "x" * 999
    for _ in range(4_200):
        logging.getLogger("felt.test").info(line)
    folder = logging_to.parent
    assert sorted(p.name for p in folder.iterdir()) == [
        "felt.log", "felt.log.1", "felt.log.2", "felt.log.3"
    ]  # fmt: skip
    assert all(p.stat().st_size <= logbook.LOG_BYTES for p in folder.iterdir())


async def test_a_dropped_connection_is_logged_and_not_told(logging_to):
    """The network's weather (a connection dropped, refused) goes to the log only; a
    bug in Felt is told too."""
    told: list[str] = []
    loop = asyncio.get_running_loop()
    restore = logbook.catch(loop, lambda summary, _: told.append(summary))
    try:
        for error in (ConnectionClosedError(None, None), ConnectionRefusedError("refused")):
            loop.call_exception_handler({"message": "x", "exception": error})
        assert told == []
        loop.call_exception_handler({"message": "x", "exception": KeyError("seat")})
        assert told == ["KeyError: 'seat'"]
    finally:
        restore()
    text = logging_to.read_text()
    assert "ConnectionRefusedError: refused" in text and "KeyError: 'seat'" in text


class Opened(QObject):
    """Where the desktop was asked to open a file: Qt's own URL handler hook."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def report(felt_window: object) -> ErrorReport | None:
    boxes = [b for b in felt_window.findChildren(ErrorReport) if b.isVisible()]  # type: ignore[attr-defined]
    return boxes[0] if boxes else None


async def test_an_error_nobody_caught_is_told_and_the_table_plays_on(qtbot, tmp_path, logging_to):
    """Mid-game, a slot raises (the hand histories' key pressed, in this test a broken
    one) and then a loop callback: one window tells what happened and where the log is,
    without blocking the table: the player keeps playing through the buttons, the bots
    too. Its button opens the log's folder; the tracebacks are in the log."""

    def broken() -> None:
        raise RuntimeError("the histories fell over")

    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    async with app(qtbot, tmp_path / "home") as felt:
        restore = felt.watch_errors(asyncio.get_running_loop())
        try:
            await felt.play()
            screen = felt.screen
            assert screen is not None
            await until(felt.window.table_menu.isEnabled)
            felt.window.hands.connect(broken)
            qtbot.keyClick(felt.window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
            await until(lambda: report(felt.window) is not None)
            box = report(felt.window)
            assert box is not None and box.text() == WHAT
            assert box.informativeText().startswith("RuntimeError: the histories fell over")
            assert str(logging_to) in box.informativeText()
            assert "broken" in box.detailedText()
            assert box.windowModality() is Qt.WindowModality.NonModal

            hand = screen.model.hand_no
            async with autoplay(qtbot, screen):
                await until(lambda: screen.model.hand_no >= hand + 2, timeout=60)
            asyncio.get_running_loop().call_soon(broken)
            await until(lambda: "(and 1 more error since)" in box.informativeText())
            assert [b for b in felt.window.findChildren(ErrorReport) if b.isVisible()] == [box]

            [logs] = [b for b in box.buttons() if b.text() == OPEN_LOGS]
            qtbot.mouseClick(logs, LEFT)
            assert opened.urls == [QUrl.fromLocalFile(str(logging_to.parent))]
            assert box.isVisible()
            qtbot.mouseClick(box.button(QMessageBox.StandardButton.Close), LEFT)
            await until(lambda: not box.isVisible())
        finally:
            restore()
            QDesktopServices.unsetUrlHandler("file")
    log = logging_to.read_text()
    assert log.count("RuntimeError: the histories fell over") == 2
    assert "Traceback" in log


def test_qt_s_own_messages_land_in_the_log(logging_to):
    """Qt's warnings (a missing plugin, an audio server not found) are in the file that
    a player of the installed app can send, not on a terminal they do not have."""
    QtCore.qWarning("the audio server went away")
    assert "WARNING qt.default: the audio server went away" in logging_to.read_text()
