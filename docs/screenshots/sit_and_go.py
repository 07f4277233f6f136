"""Take the sit-and-go's screenshots in docs/screenshots: the host form in tournament
mode, the level clock in the table's top bar, a break counting down, and the
standings window the end opens. The real app on a real X display, as take.py:

    X=../shared/tools/xdesk
    $X start 1280x800
    $X run sng env QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/sit_and_go.py
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

import keyring
import qasync
from PySide6.QtWidgets import QApplication
from take import ROOT, Camera, buying_in, found, play_along, wait  # (this folder's)

sys.path.insert(0, str(ROOT))

from desktop.app import Felt
from desktop.ui.host_dialog import SIT_AND_GO, HostDialog
from desktop.ui.tournament import StandingsDialog
from tests.support.memory_keyring import MemoryKeyring


async def sit_and_go(felt: Felt, camera: Camera) -> None:
    felt.start.name.setText("Alex")
    felt.start.ask_host()
    dialog = found(felt.start, HostDialog)
    assert isinstance(dialog, HostDialog)
    dialog.name.setText("Sunday sit-and-go")
    dialog.game.setCurrentIndex(dialog.game.findData(SIT_AND_GO))
    form = dialog.tournament
    form.buy_in.setValue(20)
    form.stack.setValue(500)
    form.minutes.setValue(0.4)
    form.break_every.setValue(3)
    form.break_minutes.setValue(0.2)
    form.late_until.setValue(2)
    dialog.auto.setChecked(True)
    await camera.shot("host-dialog-sit-and-go")
    dialog._check()
    screen, buy_in = await buying_in(felt, "Sunday sit-and-go", 1)
    buy_in.accept()
    await wait(lambda: screen.model.my_seat is not None)
    for level in ("standard", "easy", "strong", "standard", "easy"):
        screen.host_controls.add_bot(level)
        await asyncio.sleep(0.2)
    await wait(screen.host_controls.start.isEnabled)
    screen.host_controls.start.click()
    t = screen.model.tournament
    assert t is not None
    await play_along(screen, lambda: t.level == 1 and screen.model.street == "flop", 120)
    await camera.shot("sit-and-go-clock")
    await play_along(screen, lambda: t.on_break, 240)
    await camera.shot("sit-and-go-break")
    standings = lambda: found(screen, StandingsDialog) is not None  # noqa: E731
    await play_along(screen, standings, 900)
    await camera.shot("sit-and-go-standings")


async def scenes(felt: Felt) -> None:
    try:
        await wait(felt.window.isVisible)
        felt.window.showMaximized()
        await sit_and_go(felt, Camera())
    finally:
        felt.finished.set()


def main() -> None:
    keyring.set_keyring(MemoryKeyring())
    app = QApplication(sys.argv)
    QApplication.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    felt = Felt(Path(tempfile.mkdtemp(prefix="felt-shots-")), sounds=False, bot_delay=0.15)
    felt.settings.host_port, felt.settings.lan = 0, "off"
    felt.settings.table = {**felt.settings.table, "internet": False}

    async def run() -> None:
        scenario = asyncio.ensure_future(scenes(felt))
        await felt.run()
        await scenario

    with loop:
        loop.run_until_complete(run())


if __name__ == "__main__":
    main()
