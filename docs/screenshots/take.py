"""Take the README's screenshots of the real window, offscreen.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take.py
    xvfb-run -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb python docs/screenshots/take.py

Plays "Play now" (the app hosts; five bots play) and saves the start screen, a
table mid-hand as a player and as a spectator, a hand replayed in the hand
history, and the table while reconnecting. Under Xvfb (QT_QPA_PLATFORM=xcb) it
shows the real window with a window system.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402
import qasync  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.app import Felt  # noqa: E402
from desktop.client.connection import Connection  # noqa: E402
from desktop.ui.records import HandsDialog  # noqa: E402
from desktop.ui.table_screen import TableScreen  # noqa: E402
from tests.support.memory_keyring import MemoryKeyring  # noqa: E402

OUT = Path(__file__).resolve().parent


async def wait(check, seconds: float = 15) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(seconds / 0.05)):
        if check():
            return
        await asyncio.sleep(0.05)
    raise TimeoutError


async def scenes(felt: Felt) -> None:
    felt.start.name.setText("Alex")
    await asyncio.sleep(0.3)
    felt.window.grab().save(str(OUT / "start.png"))
    await felt.play()  # Alex in seat 1, five bots around
    screen = felt.screen
    assert screen is not None
    await wait(lambda: screen.model.my_seat is not None)
    port, table_id = felt.host.port, screen.model.table_id
    rail = Connection(f"ws://127.0.0.1:{port}/ws", table_id, name="Rail")
    watching = TableScreen(rail)
    watching.resize(1280, 800)
    watching.show()
    rail.start()
    for _ in range(1200):  # play along (calling) until Alex's turn on a flop, hand 2 or later
        model = screen.model
        if model.my_turn and model.street == "flop" and model.hand_no >= 2:
            break
        if model.my_turn:
            screen.action_bar.press_call()
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.6)
    felt.window.grab().save(str(OUT / "table-player.png"))
    watching.grab().save(str(OUT / "table-spectator.png"))
    await rail.stop()
    watching.close()
    hands = HandsDialog(screen, screen.ask, screen.model.name)
    hands.show()
    await wait(lambda: hands.hands.count() >= 1)
    hands.hands.setCurrentRow(0)
    await wait(lambda: bool(hands.moments))
    hands.go(len(hands.moments) - 2)  # the last step before the pot is pushed
    await asyncio.sleep(0.3)
    hands.grab().save(str(OUT / "hand-history.png"))
    hands.close()
    await felt.host.stop()
    await wait(lambda: screen.view.offline)
    await asyncio.sleep(0.3)
    felt.window.grab().save(str(OUT / "reconnecting.png"))
    felt.finished.set()


def main() -> None:
    keyring.set_keyring(MemoryKeyring())
    app = QApplication(sys.argv)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    felt = Felt(Path(tempfile.mkdtemp()), sounds=False, bot_delay=0.2)
    felt.window.resize(1280, 800)

    async def run() -> None:
        scenario = asyncio.ensure_future(scenes(felt))
        await felt.run()
        await scenario

    with loop:
        loop.run_until_complete(run())
    print("saved", ", ".join(sorted(p.name for p in OUT.glob("*.png"))))


if __name__ == "__main__":
    main()
