"""Take the README's screenshots of the real window, offscreen.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take.py

Plays a short game on this machine (the app hosts; three protocol clients play
check/call from the example client's logic) and saves the start screen, a table
mid-hand as a player and as a spectator, and the table while reconnecting.
"""

from __future__ import annotations

import asyncio
import contextlib
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
from desktop.connection import Connection  # noqa: E402
from desktop.table_screen import TableScreen  # noqa: E402
from tests.desktop.memory_keyring import MemoryKeyring  # noqa: E402
from tests.host_server.net import Client  # noqa: E402

OUT = Path(__file__).resolve().parent


async def wait(check, seconds: float = 15) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(seconds / 0.05)):
        if check():
            return
        await asyncio.sleep(0.05)
    raise TimeoutError


async def check_call(client: Client) -> None:
    with contextlib.suppress(Exception):
        while True:
            message = await client.recv(60)
            if message["type"] == "turn" and message.get("legal"):
                action = "call" if message["legal"]["call"] else "check"
                await client.send("act", action=action, hand_no=message["hand_no"])


async def scenes(felt: Felt) -> None:
    felt.start.name.setText("Alex")
    await asyncio.sleep(0.3)
    felt.window.grab().save(str(OUT / "start.png"))
    await felt.play()
    screen = felt.screen
    assert screen is not None
    await wait(lambda: screen.model.my_seat is not None)
    port, table_id = felt.host.port, screen.model.table_id
    players = []
    for name, seat in (("Bea", 3), ("Carl", 4), ("Dana", 6)):
        client = await Client.connect(port, name)
        await client.hello(table_id, name)
        await client.until(lambda m: m["type"] == "snapshot")
        await client.send("sit", seat=seat, buy_in=150)
        players.append(client)
    tasks = [asyncio.ensure_future(check_call(c)) for c in players]
    rail = Connection(f"ws://127.0.0.1:{port}/ws", table_id, name="Rail")
    watching = TableScreen(rail)
    watching.resize(1280, 800)
    watching.show()
    rail.start()
    for _ in range(400):  # play along until the flop, when it is Alex's turn
        if screen.model.my_turn and screen.model.street == "flop":
            break
        if screen.model.my_turn:
            screen.action_bar.press_call()
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.6)
    felt.window.grab().save(str(OUT / "table-player.png"))
    watching.grab().save(str(OUT / "table-spectator.png"))
    await rail.stop()
    watching.close()
    await felt.host.stop()
    await wait(lambda: screen.view.offline)
    await asyncio.sleep(0.3)
    felt.window.grab().save(str(OUT / "reconnecting.png"))
    for task in tasks:
        task.cancel()
    for client in players:
        with contextlib.suppress(Exception):
            await client.close()
    felt.finished.set()


def main() -> None:
    keyring.set_keyring(MemoryKeyring())
    app = QApplication(sys.argv)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    felt = Felt(Path(tempfile.mkdtemp()), sounds=False)
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
