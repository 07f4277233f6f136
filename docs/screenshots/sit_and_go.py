"""Take the sit-and-go's screenshots in docs/screenshots: the host form in tournament
mode, the level clock in the table's top bar (with its Rebuy and Add-on), a break
counting down, and the standings window the end opens; then, heads-up against a bot,
the strip a busted player's rebuy offer shows. The real app on a real X display, as
take.py:

    X=../shared/tools/xdesk
    $X start 1280x800
    $X run sng env QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/sit_and_go.py

(`sit_and_go.py offer` takes the last one alone.)
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from take import ROOT, Camera, buying_in, found, launch, play_along, wait  # (this folder's)

sys.path.insert(0, str(ROOT))

from desktop.app import Felt
from desktop.hosting.local_state import HOST_FORM
from desktop.ui.host_dialog import SIT_AND_GO, HostDialog
from desktop.ui.table_screen import TableScreen
from desktop.ui.tournament import StandingsDialog
from host_server.rules.moves import Action


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
    form.rebuy_until.setValue(2)
    form.add_on.setValue(500)
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
    on_view = lambda: t.level == 1 and screen.model.street == "flop"  # noqa: E731
    await play_along(screen, lambda: on_view() and screen.rebuys.add_on.isVisible(), 120)
    await camera.shot("sit-and-go-clock")  # (level 2: the last of rebuys, with its add-on)
    await play_along(screen, lambda: t.on_break, 240)
    await camera.shot("sit-and-go-break")
    standings = lambda: found(screen, StandingsDialog) is not None  # noqa: E731
    await play_along(screen, standings, 900)
    await camera.shot("sit-and-go-standings")


async def fold_to_the_offer(screen: TableScreen, seconds: float = 300) -> None:
    """Fold whenever folding is allowed (else check or call) until the blinds have the
    stack and the rebuy offer shows."""
    for _ in range(int(seconds / 0.05)):
        if screen.offer.isVisible():
            return
        legal = screen.model.legal
        if screen.model.my_turn and legal is not None:
            screen.act(
                Action.FOLD if legal.fold else Action.CHECK if legal.check else Action.CALL, None
            )
        await asyncio.sleep(0.05)
    raise TimeoutError("never busted")


async def offer(felt: Felt, camera: Camera) -> None:
    """Heads-up against a bot on 200 chips, rebuys all along: out of chips, the offer."""
    form = {**HOST_FORM, "name": "Rebuy sit-and-go", "game": SIT_AND_GO, "buy_in": 20,
            "starting_stack": 200, "hands_per_level": 3, "rebuy_until": 20,
            "auto_approve": True, "internet": False}  # fmt: skip
    await felt.start_hosting(form, sit=True, bots=["standard"])
    await wait(lambda: felt.screen is not None and len(felt.screen.model.seats) == 2)
    screen = felt.screen
    assert screen is not None
    screen.host_controls.start.click()
    await fold_to_the_offer(screen)
    await asyncio.sleep(2)  # (a few seconds gone from the offer's clock)
    await camera.shot("sit-and-go-rebuy-offer")


async def scenes(felt: Felt, which: list[str]) -> None:
    try:
        await wait(felt.window.isVisible)
        felt.window.showMaximized()
        camera = Camera()
        if "tournament" in which:
            await sit_and_go(felt, camera)
            found(felt.window, StandingsDialog).close()  # type: ignore[union-attr]
            await felt.back_to_lobby()
        if "offer" in which:
            await offer(felt, camera)
    finally:
        felt.finished.set()


def main() -> None:
    which = sys.argv[1:] or ["tournament", "offer"]

    def make(home: Path) -> Felt:
        felt = Felt(home, sounds=False, bot_delay=0.15)
        felt.settings.host_port, felt.settings.lan = 0, "off"
        felt.settings.table = {**felt.settings.table, "internet": False}
        return felt

    launch(make, lambda felt: scenes(felt, which))


if __name__ == "__main__":
    main()
