"""Take the screenshots in docs/screenshots: the real app on a real X display with a
window manager, the whole screen grabbed as a person would see it.

    X=../shared/tools/xdesk
    $X start 1280x800
    $X run shots env QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/take.py

(2560x1440 likewise: the shots go to docs/screenshots/2560x1440/.) It hosts a table
from the Host dialog (refused once, then fixed), buys in, adds bots and plays along,
then opens every dialog the table has (its port mapped on a router the script stands
up on 127.0.0.1, which then refuses, then sits behind carrier-grade NAT), the invite's
menu, and makes a new host key; sits out and comes back, resumes the table
from "Your tables", loses the host for a moment, asks to quit, runs it twice against a
scripted friend at a table of its own, plays a hand of Pot-Limit Omaha to the showdown
against that friend, fails to join a host
that is not there, and finds its port taken; then sees a friend's tables on the
network (listed on loopback), and as that friend's guest is warned about an invite
without a pin and told when that host's key changed.
"""

from __future__ import annotations

import asyncio
import socket
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402
import qasync  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QFileDialog,
    QMessageBox,
    QToolTip,
    QWidget,
)

from desktop.app import Felt  # noqa: E402
from desktop.hosting.embedded import EmbeddedHost  # noqa: E402
from desktop.hosting.local_state import HOST_FORM, load_recent, table_settings  # noqa: E402
from desktop.ui import language  # noqa: E402
from desktop.ui.dialogs import BuyInDialog, TopUpDialog  # noqa: E402
from desktop.ui.host_dialog import HostDialog  # noqa: E402
from desktop.ui.join_dialog import JoinDialog  # noqa: E402
from desktop.ui.records import HandsDialog, LedgerDialog, documents  # noqa: E402
from desktop.ui.table_screen import TableScreen  # noqa: E402
from host_server.net.certificate import KEY  # noqa: E402
from host_server.rules.moves import Action  # noqa: E402
from tests.support.memory_keyring import MemoryKeyring  # noqa: E402
from tests.support.person import calls_every_turn, heads_up  # noqa: E402
from tests.support.router import TestRouter  # noqa: E402

HERE = Path(__file__).resolve().parent


async def wait(check: Callable[[], object], seconds: float = 30) -> None:
    for _ in range(int(seconds / 0.05)):
        if check():
            return
        await asyncio.sleep(0.05)
    raise TimeoutError(check)


class Camera:
    def __init__(self) -> None:
        screen = QGuiApplication.primaryScreen()
        size = screen.size()
        self.out = HERE if size.width() <= 1280 else HERE / f"{size.width()}x{size.height()}"
        self.out.mkdir(exist_ok=True)

    async def shot(self, name: str) -> None:
        await asyncio.sleep(0.6)  # the window manager places and draws what just opened
        picture = QGuiApplication.primaryScreen().grabWindow(0)
        picture.save(str(self.out / f"{name}.png"), "PNG", 0)
        print("saved", self.out / f"{name}.png", flush=True)


def found(parent: QWidget, kind: type[QWidget]) -> QWidget | None:
    return next((w for w in parent.findChildren(kind) if w.isVisible()), None)


async def answer(felt: Felt, camera: Camera, shot: str, words: str) -> None:
    """The question the app asks now: photographed, then answered by its `words` button."""
    await wait(lambda: found(felt.window, QMessageBox) is not None)
    await camera.shot(shot)
    box = found(felt.window, QMessageBox)
    assert isinstance(box, QMessageBox)
    next(b for b in box.buttons() if b.text().startswith(words)).click()
    await asyncio.sleep(0.2)


async def play_along(screen: TableScreen, done: Callable[[], bool], seconds: float = 90) -> None:
    """Check or call whenever it is our turn, until `done`; back in (a rebuy when
    busted) whenever the bar offers it."""
    bar = screen.action_bar
    for _ in range(int(seconds / 0.05)):
        if done():
            return
        rebuy = found(screen, TopUpDialog)
        if rebuy is not None:
            assert isinstance(rebuy, TopUpDialog)
            rebuy.accept()
        elif screen.offer.isVisible():  # (busted in a sit-and-go's rebuys: rebuy)
            screen.offer.rebuy.click()
        elif screen.model.my_turn and bar.call.isEnabled():
            bar.call.click()
        elif bar.back.isVisible():
            bar.back.click()
        await asyncio.sleep(0.05)
    raise TimeoutError(done)


async def buying_in(felt: Felt, table: str, seat: int) -> tuple[TableScreen, BuyInDialog]:
    """Once the table named `table` shows: the buy-in dialog for `seat`, open."""
    await wait(lambda: felt.screen is not None and felt.screen.model.name == table)
    screen = felt.screen
    assert screen is not None
    screen.ask_buy_in(seat)
    buy_in = found(screen, BuyInDialog)
    assert isinstance(buy_in, BuyInDialog)
    return screen, buy_in


async def host_and_play(felt: Felt, camera: Camera) -> TableScreen:
    felt.start.name.setText("Alex")
    await camera.shot("start")
    felt.start.ask_host()
    dialog = found(felt.start, HostDialog)
    assert isinstance(dialog, HostDialog)
    dialog.name.setText("Friday game")
    dialog.small.setValue(50)
    dialog.min_buy.setValue(500)
    dialog.max_buy.setValue(100)
    dialog.auto.setChecked(True)
    dialog._check()
    await camera.shot("host-dialog-refused")
    dialog.small.setValue(1)
    dialog.min_buy.setValue(40)
    dialog.max_buy.setValue(200)
    dialog.bomb.setValue(10)  # the host calls them; and the 7-2 game
    dialog.seven_deuce.setValue(5)
    dialog._check()
    screen, buy_in = await buying_in(felt, "Friday game", 1)
    buy_in.amount.setValue(120)
    await camera.shot("buy-in")
    buy_in.accept()
    await wait(lambda: screen.model.my_seat == 1)
    for level in ("standard", "easy", "strong"):
        screen.host_controls.add_bot(level)
        await asyncio.sleep(0.3)
    model = screen.model
    after_the_flop = lambda: model.my_turn and model.street != "preflop"  # noqa: E731
    await play_along(screen, lambda: after_the_flop() and model.hand_no > 1)
    await camera.shot("table")
    return screen


async def table_dialogs(felt: Felt, screen: TableScreen, camera: Camera) -> None:
    model = screen.model
    await play_along(screen, lambda: model.top_up_room is not None and model.street is None)
    screen.ask_top_up()
    top_up = found(screen, TopUpDialog)
    assert isinstance(top_up, TopUpDialog)
    await camera.shot("top-up")
    top_up.reject()
    bar = screen.action_bar
    await play_along(screen, lambda: model.in_hand)
    bar.sit_out_next.click()
    await play_along(screen, bar.back.isVisible)
    await camera.shot("sit-in")
    bar.back.click()
    screen.show_hands()
    hands = found(screen, HandsDialog)
    assert isinstance(hands, HandsDialog)
    await wait(lambda: hands.hands.count() >= 1)
    hands.hands.setCurrentRow(0)
    await wait(lambda: bool(hands.moments))
    hands.go(len(hands.moments) - 2)  # the last step before the pot is pushed
    await camera.shot("hand-history")
    where = Path(documents("hand-1.txt"))  # (as the app's own save opens)
    save = QFileDialog(hands, "Save the hand", str(where.parent))
    save.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    save.selectFile(where.name)
    save.open()
    await camera.shot("save-dialog")
    save.reject()
    hands.close()
    screen.host_controls.bomb.click()  # a bomb pot next hand: everyone in, on the flop
    await play_along(screen, lambda: model.my_turn and "Bomb pot" in " ".join(model.log[-8:]))
    await camera.shot("bomb-pot")
    screen.show_ledger()
    ledger = found(screen, LedgerDialog)
    assert isinstance(ledger, LedgerDialog)
    await wait(lambda: ledger.grid.rowCount() == 4)
    await camera.shot("ledger")
    ledger.close()


async def resume_and_lose_the_host(felt: Felt, camera: Camera) -> None:
    await felt.back_to_lobby()
    await camera.shot("your-tables")
    await felt.resume(load_recent(felt.folder)[0])
    await wait(lambda: felt.screen is not None and felt.screen.model.name == "Friday game")
    screen = felt.screen
    assert screen is not None  # (sat out by the clock while away: back in)
    await play_along(screen, lambda: screen.model.in_hand and screen.model.street != "preflop")
    await camera.shot("resumed")
    port = felt.host.port
    await felt.host.stop()
    await wait(lambda: screen.view.offline)
    await camera.shot("reconnecting")
    await felt.host.start(port)
    await wait(lambda: not screen.view.offline)
    await play_along(screen, lambda: screen.model.in_hand)
    asking = asyncio.ensure_future(felt.ask_to_quit())
    await answer(felt, camera, "quit-mid-hand", "Go anyway")
    await answer(felt, camera, "quit-hosting", "Cancel")
    await asking


async def run_it_twice(felt: Felt, camera: Camera) -> None:
    """All in against a friend (a scripted client) at a table that runs it twice (and
    offers a straddle: its box under the action bar): the question above the action
    bar, then the two boards."""
    screen, friend = await heads_up(
        felt, run_it_twice=True, straddle="optional", announce=False, between_hands_seconds=20
    )
    model = screen.model
    await wait(lambda: model.my_turn and model.legal is not None)
    screen.act(Action.ALL_IN, None)
    turn = await friend.until(lambda m: m["type"] == "turn" and m.get("legal") is not None)
    await friend.send("act", action="call", hand_no=turn["hand_no"], decision=turn["decision"])
    await wait(screen.run_twice.isVisible)
    await camera.shot("run-twice-question")
    screen.run_twice.twice.click()
    await friend.send("run_twice", yes=True)
    await wait(lambda: len(model.second_board) == 5)
    await camera.shot("run-twice")
    await friend.close()


async def omaha(felt: Felt, camera: Camera) -> None:
    """Pot-Limit Omaha against a friend who calls: four cards each, and the showdown."""
    screen, friend = await heads_up(
        felt, variant="plo", announce=False, between_hands_seconds=20, name="Omaha night"
    )
    calling = asyncio.ensure_future(calls_every_turn(friend))
    try:
        await play_along(screen, lambda: bool(screen.model.winners))
        await camera.shot("omaha")
    finally:
        await friend.close()
        calling.cancel()
        await asyncio.gather(calling, return_exceptions=True)


async def lobby_troubles(felt: Felt, camera: Camera) -> None:
    await felt.back_to_lobby()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead = probe.getsockname()[1]
    felt.start.ask_join()
    join = found(felt.start, JoinDialog)
    assert isinstance(join, JoinDialog)
    join.invite.setText(f"felt://127.0.0.1:{dead}/3f9a1c2b7e4d?pin={felt.host.pin}")
    await camera.shot("join-dialog")
    join._check()
    await wait(lambda: felt.start.cancel.isVisible())
    await camera.shot("joining")
    await wait(lambda: "tries" in felt.start.notice.text())
    await camera.shot("failed-join")
    port = felt.host.port
    await felt.host.stop()
    with socket.socket() as squatter:  # another program takes the host's port
        squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # (past TIME_WAIT)
        squatter.bind(("0.0.0.0", port))
        squatter.listen()
        hosting = asyncio.ensure_future(felt.play())
        await answer(felt, camera, "port-taken", "Cancel")
        await hosting


async def another_hosts_key(felt: Felt, camera: Camera) -> None:
    """A friend's host (in this process, on its own folder): joined first by an invite
    from before pins, then that host comes back with a new key."""
    folder = Path(tempfile.mkdtemp(prefix="felt-friend-"))
    friend = EmbeddedHost(folder, bot_delay=0.4)
    await friend.start(0)
    settings = table_settings({**HOST_FORM, "name": "Sam's game", "auto_approve": True})
    table_id, _ = friend.create_table(settings, "Sam", sit_with=200, bots=["standard"])
    port = friend.port
    felt.start.ask_join()
    join = found(felt.start, JoinDialog)
    assert isinstance(join, JoinDialog)
    join.invite.setText(f"felt://127.0.0.1:{port}/{table_id}")
    join._check()
    await camera.shot("unpinned-invite")
    join._check()  # OK again: join anyway
    screen, buy_in = await buying_in(felt, "Sam's game", 4)
    buy_in.accept()
    await wait(lambda: screen.model.my_seat == 4)
    await friend.stop()
    (folder / KEY).unlink()  # lost: Sam's Felt makes a new one
    friend = EmbeddedHost(folder, bot_delay=0.4)
    await friend.start(port)
    await wait(lambda: screen.connection.state == "closed")
    await camera.shot("key-changed")
    await friend.stop()


async def router_answers(
    felt: Felt, screen: TableScreen, camera: Camera, router: TestRouter
) -> None:
    """The host's bar as a router that refuses, then one behind carrier-grade NAT, leave
    it (the host asks again: as at the next launch), each with its tooltip showing."""
    for name, natpmp, external in (
        ("router-refused", "refuse", "81.2.69.142"),
        ("router-cgnat", "grant", "100.72.9.1"),
    ):
        assert felt.host.mapping is not None
        await felt.host.mapping.stop()
        felt.host.mapping = None
        router.natpmp = router.upnp = natpmp
        router.external = external
        felt.open_to_internet(True)
        await wait(lambda: "Not reachable" in screen.reach.text(), 10)
        label = screen.reach
        QToolTip.showText(label.mapToGlobal(label.rect().bottomLeft()), label.toolTip(), label)
        await camera.shot(name)
        QToolTip.hideText()


async def invite_menu_and_a_new_key(felt: Felt, screen: TableScreen, camera: Camera) -> None:
    button = screen.invite
    menu = button.menu()
    assert menu is not None
    menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
    await camera.shot("invite-menu")
    shown = button.menu()  # (the menu is made anew as the router's answers come)
    if shown is not None:
        shown.hide()
    asked = asyncio.ensure_future(felt.new_host_key())
    await answer(felt, camera, "new-key-question", "Make a new key")
    await asked
    await wait(lambda: any("host key is new" in line for line in screen.model.log))
    await camera.shot("new-key")


async def tables_on_the_network(felt: Felt, camera: Camera) -> EmbeddedHost:
    """A friend's host (in this process, on its own folder) lists two tables."""
    folder = Path(tempfile.mkdtemp(prefix="felt-neighbour-"))
    friend = EmbeddedHost(folder, bot_delay=0.4)
    await friend.start(0)
    for name, blinds, bots in (("Thursday regulars", (5, 10), 4), ("Kitchen table", (1, 2), 2)):
        small, big = blinds
        values = {**HOST_FORM, "name": name, "small_blind": small, "big_blind": big,
                  "min_buy_in": 20 * big, "max_buy_in": 100 * big}  # fmt: skip
        friend.create_table(table_settings(values), "Robin", bots=["standard"] * bots)
    friend.list_on_network(["127.0.0.1"])
    await wait(lambda: felt.start.lan.list.count() == 2 and felt.start.lan.chosen() is not None)
    await camera.shot("tables-on-your-network")
    return friend


async def scenes(felt: Felt, router: TestRouter) -> None:
    camera = Camera()
    try:
        await wait(felt.window.isVisible)
        felt.window.showMaximized()
        screen = await host_and_play(felt, camera)
        await table_dialogs(felt, screen, camera)
        await router_answers(felt, screen, camera, router)
        await invite_menu_and_a_new_key(felt, screen, camera)
        await resume_and_lose_the_host(felt, camera)
        await run_it_twice(felt, camera)
        await omaha(felt, camera)
        await lobby_troubles(felt, camera)
        neighbour = await tables_on_the_network(felt, camera)
        await another_hosts_key(felt, camera)
        await neighbour.stop()
    finally:
        felt.finished.set()  # (a scene that fails ends the app, and says why)


def launch(make: Callable[[Path], Felt], scenes: Callable[[Felt], Awaitable[None]]) -> None:
    """The app as the screenshots run it: keys in memory, a fresh data folder, `scenes`
    played on its loop while it runs (they end it with `felt.finished`)."""
    keyring.set_keyring(MemoryKeyring())
    app = QApplication(sys.argv)
    language.install("")  # (as desktop.main does: English's counted strings too)
    QApplication.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    felt = make(Path(tempfile.mkdtemp(prefix="felt-shots-")))

    async def run() -> None:
        scenario = asyncio.ensure_future(scenes(felt))
        await felt.run()
        await scenario

    with loop:
        loop.run_until_complete(run())


async def with_router(felt: Felt) -> None:
    router = TestRouter()  # a router on 127.0.0.1 that grants the port, at first
    await router.start()
    felt.settings.router = router.address  # (before anything is hosted)
    try:
        await scenes(felt, router)
    finally:
        await router.stop()


def main() -> None:
    def make(home: Path) -> Felt:
        felt = Felt(home, sounds=False, bot_delay=0.4, play_now={"between_hands_seconds": 1.5})
        felt.settings.host_port, felt.settings.lan = 0, "127.0.0.1"  # (tables: on loopback)
        return felt

    launch(make, with_router)


if __name__ == "__main__":
    main()
