"""`felt`: the desktop app. One window, one asyncio loop (qasync) shared by the
network client and the embedded host server.

`Felt` is the controller: it owns the settings, the keyring, the embedded host
and the current table, and wires the start screen, the table screen and the
menus. A table is joined from the start screen, which shows the progress (and a
clear error, if it comes to that) until the table's first snapshot arrives.
Quitting awaits the clean-up (connections, then the host) before the loop stops.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import QCoreApplication, QObject

from desktop import joining, licences, logbook
from desktop.client.connection import Connection
from desktop.client.session import State
from desktop.hosting.credentials import Credentials
from desktop.hosting.embedded import EmbeddedHost, PortTaken
from desktop.hosting.invites import Target
from desktop.hosting.local_state import (
    Recent,
    Settings,
    forget,
    load_recent,
    rehome,
    remember,
    table_settings,
)
from desktop.hosting.neighbours import Neighbours
from desktop.ui import questions, style
from desktop.ui.about import AboutDialog
from desktop.ui.dialogs import open_once
from desktop.ui.main_window import MainWindow
from desktop.ui.sounds import Sounds
from desktop.ui.start_screen import StartScreen
from desktop.ui.table_screen import REKEYED, TableScreen
from desktop.ui.trouble import ErrorReport
from host_server.errors import Code, FeltError
from host_server.host.core import HOST_MEMBER
from host_server.net.mapping import Reachability
from host_server.protocol import host

PLAY_NOW_BOTS = ("easy", "standard", "strong", "standard", "easy")
PLAY_NOW = {  # Play now's own table: whatever the host form last said
    "seats": 6, "small_blind": 1, "big_blind": 2, "ante": 0, "min_buy_in": 40,
    "max_buy_in": 200, "auto_approve": True, "between_hands_seconds": 3.0,
    "announce": False,  # (bots' table, anyone let in: never listed on the network)
}  # fmt: skip
GONE = {Code.UNKNOWN_TABLE, Code.TABLE_CLOSED, Code.INVALID_TOKEN}  # the table is no more
THIS_MACHINE = "this machine"  # where the host's own tokens are kept, whatever its port


class Felt(QObject):
    def __init__(
        self,
        folder: Path,
        *,
        sounds: bool | None = None,
        bot_delay: float = 1.0,
        play_now: dict[str, Any] | None = None,
        sleep: Callable[[float], Awaitable[Any]] | None = None,
    ) -> None:
        super().__init__()
        self.folder = folder
        self.sleep = sleep  # between tries to reach a host (tests pass time in)
        folder.mkdir(parents=True, exist_ok=True)
        self.settings = Settings.load(folder)
        self.credentials = Credentials(folder)
        self.host = EmbeddedHost(folder, bot_delay=bot_delay)
        self.play_now_table = {**PLAY_NOW, **(play_now or {})}
        enabled = self.settings.sounds if sounds is None else sounds
        self.sounds = Sounds(enabled)
        style.apply()
        self.window = MainWindow()
        self.start = StartScreen(self.settings)
        self.neighbours = Neighbours(self.settings, self.start.lan.show_tables)
        self.window.pages.addWidget(self.start)
        self.screen: TableScreen | None = None
        self.connection: Connection | None = None
        self.recent: Recent | None = None  # the entry the current table came from
        self.finished = asyncio.Event()
        self._hosting = asyncio.Lock()
        self._wire()

    def _wire(self) -> None:
        start, window = self.start, self.window
        start.play_now.connect(self.play_now)
        start.host_table.connect(self.host_table)
        start.join_table.connect(self.join_table)
        start.resume_table.connect(self.resume_table)
        start.cancel_join.connect(self.back_to_lobby)
        start.name_changed.connect(self._rename)
        start.options_changed.connect(self._save_options)
        window.close_requested.connect(self.ask_to_quit)
        window.play_now.connect(self.play_now)
        window.host_table.connect(start.ask_host)
        window.join_table.connect(start.ask_join)
        window.lobby.connect(self.back_to_lobby)
        window.new_key.connect(self.new_host_key)
        window.about.connect(self.show_about)
        window.hands.connect(lambda: self.screen.show_hands() if self.screen else None)
        window.ledger.connect(lambda: self.screen.show_ledger() if self.screen else None)
        window.stand_up.connect(lambda: self.screen.stand_up() if self.screen else None)
        window.sit_out.connect(lambda: self.screen.toggle_sit_out() if self.screen else None)

    # --- life -----------------------------------------------------------------

    async def run(self, link: str | None = None) -> None:
        """The app's life: restore hosted tables, show the window (with the join dialog
        for the felt:// `link` it was opened with), wait, clean up."""
        self.show_start()
        self.window.show()
        self.neighbours.start()
        if self.host.has_tables() and await self._host_up():
            self.open_to_internet(self.settings.table.get("internet", False))
        if link is not None:
            self.start.ask_join(link)
        await self.finished.wait()
        await self.shutdown()

    async def shutdown(self) -> None:
        await self.neighbours.stop()
        await self._drop_table()
        await self.host.stop()
        self.settings.save(self.folder)
        self.window.may_close = True
        self.window.close()

    def show_start(self, error: str | None = None) -> None:
        self.start.show_recent(load_recent(self.folder))
        self.start.show_notice(error or self.credentials.notice or "", error=error is not None)
        self.window.pages.setCurrentWidget(self.start)
        self.window.table_menu.setEnabled(False)

    def show_about(self) -> None:
        log, parts = logbook.log_file(self.folder), licences.parts()
        open_once(AboutDialog(self.window, logbook.version(), self.folder, log, parts))

    def watch_errors(self, loop: asyncio.AbstractEventLoop) -> Callable[[], None]:
        """Errors nobody caught, logged and told in a window (`logbook.catch`)."""
        return logbook.catch(loop, ErrorReport(self.window, logbook.log_file(self.folder)).tell)

    @qasync.asyncSlot()
    async def ask_to_quit(self) -> None:
        screen = self.screen
        playing = screen is not None and screen.model.in_hand and not screen.model.closed
        if playing and not await questions.leave_mid_hand(self.window):
            return
        if self.host.running:
            chosen = await questions.quit_while_hosting(self.window)
            if chosen is questions.Quit.STAY:
                return
            if chosen is questions.Quit.CLOSE:
                hosted = {r.table_id for r in load_recent(self.folder) if r.hosted}
                kept = set(self.host.close_tables())
                forget(self.folder, hosted - kept, hosted=True)
        self.finished.set()

    # --- choosing a table -------------------------------------------------------
    def _rename(self, name: str) -> None:
        self.settings.name = name
        self.settings.save(self.folder)

    def _save_options(self) -> None:
        self.sounds.enabled = self.settings.sounds
        self.settings.save(self.folder)
        if self.screen is not None:
            self.screen.view.four_colour = self.settings.four_colour_deck

    # Slots stay thin (qasync runs them as tasks); the coroutines do the work.
    @qasync.asyncSlot()
    async def play_now(self) -> None:
        await self.play()

    @qasync.asyncSlot(dict)
    async def host_table(self, values: dict[str, Any]) -> None:
        self.settings.table = {**self.settings.table, **values}  # checked by the form
        self.settings.save(self.folder)
        await self.start_hosting(values)
        self.open_to_internet(values.get("internet", False))

    @qasync.asyncSlot(object)
    async def join_table(self, target: Target) -> None:
        await joining.join(self, target)

    @qasync.asyncSlot(object)
    async def resume_table(self, recent: Recent) -> None:
        await self.resume(recent)

    @qasync.asyncSlot()
    async def back_to_lobby(self) -> None:
        await self._drop_table()
        self.show_start()

    async def play(self) -> None:
        """One click: a six-seat table on this machine, the player in seat 1, bots around."""
        name = self.start.player_name()
        values = {**self.play_now_table, "name": self.tr("{}'s table").format(name)}
        await self.start_hosting(values, sit=True, bots=PLAY_NOW_BOTS)

    async def start_hosting(
        self, values: dict[str, Any], sit: bool = False, bots: Sequence[str] = ()
    ) -> None:
        try:
            settings = table_settings(values)
        except FeltError as error:  # the host form checks first: this is a last word
            self.show_start(error.message)
            return
        if not await self._host_up():
            return
        table_id, token = self.host.create_table(
            settings,
            self.start.player_name(),
            sit_with=settings.max_buy_in if sit else None,
            bots=bots,
        )
        address = f"127.0.0.1:{self.host.port}"
        self.credentials.save(THIS_MACHINE, table_id, HOST_MEMBER, token)  # whatever its port
        entry = Recent(address, table_id, HOST_MEMBER, settings.name, hosted=True)
        remember(self.folder, entry)
        await self.open_table(address, table_id, token=token, recent=entry)

    async def _host_up(self) -> bool:
        """The embedded host serving on its port (asking for another when it is taken)."""
        async with self._hosting:  # (restoring at launch, and a click meanwhile: one asks)
            return await self._host_up_once()

    async def _host_up_once(self) -> bool:
        port = self.settings.host_port
        while not self.host.running:
            try:
                await self.host.start(port)
            except PortTaken as taken:
                chosen = await questions.another_port(self.window, taken.port, taken.free)
                if chosen is None:
                    self.show_start(self.tr("Not hosting: port {} is in use.").format(taken.port))
                    return False
                port = chosen
        if self.host.key_changed:
            self.host.key_changed = False  # (said once)
            await questions.new_host_key(self.window)
        if self.settings.host_port != self.host.port:  # 0 (any), or a new one: keep it
            self.settings.host_port = self.host.port
            self.settings.save(self.folder)
        rehome(self.folder, f"127.0.0.1:{self.host.port}")
        self.neighbours.hosting(self.host)
        return True

    @qasync.asyncSlot()
    async def new_host_key(self) -> None:
        """Asked first; the table here (if ours) says so, and its invites name the key."""
        if not await questions.make_new_key(self.window):
            return
        self.host.new_key()
        if self.screen is not None and self.screen.hosting:
            self.screen.invite.rebuild()  # (the host's connection is told: its panel says so)
        else:
            self.start.show_notice(QCoreApplication.translate("TableScreen", REKEYED))

    def open_to_internet(self, wanted: bool) -> None:
        """The router asked for our port (once: the mapping lives while the host does)."""
        if wanted and self.host.running:
            self.host.open_to_internet(self.settings.router, self._reach_changed)

    def _reach_changed(self, reach: Reachability) -> None:
        screen, recent = self.screen, self.recent
        if screen is not None and recent is not None and recent.hosted:
            screen.reach.show_reach(reach)
            screen.invite.rebuild()  # (its invites name the internet address now)

    async def resume(self, recent: Recent) -> None:
        if recent.hosted:
            if not await self._host_up():
                return
            self.open_to_internet(self.settings.table.get("internet", False))
            recent = replace(recent, address=f"127.0.0.1:{self.host.port}")  # (where it is now)
        kept_as = THIS_MACHINE if recent.hosted else recent.address
        token = self.credentials.load(kept_as, recent.table_id, recent.member_id)
        if token is None:
            self.show_start(self.tr("This machine has no saved seat for that table any more."))
            return
        await self.open_table(
            recent.address, recent.table_id, token=token, recent=recent, pin=recent.pin
        )

    async def open_table(
        self,
        address: str,
        table_id: str,
        *,
        token: str | None = None,
        name: str | None = None,
        recent: Recent | None = None,
        pin: str | None = None,
        key: str | None = None,
    ) -> None:
        """Join (or resume) a table; its screen shows once its first snapshot is here.
        Over TLS always, the host checked by `pin` (our own host's, for a hosted table;
        None: trust the first certificate met, an invite from before pins). `key`: the
        invite's join key (in without waiting for the host)."""
        await self._drop_table()
        hosted = recent is not None and recent.hosted
        connection = Connection(
            f"wss://{address}/ws",
            table_id,
            token=token,
            name=name,
            sleep=self.sleep,
            pin=self.host.pin if hosted else pin,
            join_key=key,
        )
        preferred = self.settings.invite_address
        invites_for = (lambda k: self.host.invites(table_id, preferred, k)) if hosted else None
        screen = TableScreen(
            connection,
            invites_for=invites_for,
            sounds=self.sounds,
            four_colour=self.settings.four_colour_deck,
        )
        screen.reach.show_reach(self.host.reach if hosted else None)
        screen.leave_requested.connect(self.back_to_lobby)
        screen.invite_chosen.connect(self._invite_chosen)
        self.connection, self.screen, self.recent = connection, screen, recent
        self.window.pages.addWidget(screen)
        label = recent.table_name if recent is not None else f"{table_id} at {address}"
        self.start.show_joining(self.tr("Joining {}…").format(label))
        connection.token_issued.connect(lambda new: self._seat_kept(address, table_id, new))
        connection.rekeyed.connect(self._rekeyed)
        connection.snapshot_received.connect(self._arrived)
        connection.problem.connect(self._refused)
        connection.state_changed.connect(lambda state: self._state(connection, state))
        connection.start()

    def _invite_chosen(self, address: str) -> None:
        self.settings.invite_address = address  # invites name it from now on
        self.settings.save(self.folder)

    def _seat_kept(self, address: str, table_id: str, token: str) -> None:
        assert self.connection is not None and self.connection.member_id is not None
        member = self.connection.member_id
        self.credentials.save(address, table_id, member, token)
        self.recent = Recent(address, table_id, member, table_id, hosted=False)
        self.recent.pin = self.connection.pin  # (an unpinned invite's: the host first met)
        remember(self.folder, self.recent)

    def _rekeyed(self, pin: str) -> None:
        """The host made a new key: our seat there is checked by it from now on."""
        if self.recent is not None and not self.recent.hosted:
            self.recent = replace(self.recent, pin=pin)
            remember(self.folder, self.recent)

    def _arrived(self, snapshot: host.Snapshot) -> None:
        """The table is here: show it (the first time), and name it in "Your tables"."""
        if self.screen is None:
            return
        if self.window.pages.currentWidget() is not self.screen:
            self.window.pages.setCurrentWidget(self.screen)
            self.window.table_menu.setEnabled(True)
            self.screen.view.setFocus()
        recent, connection = self.recent, self.connection
        if recent is None or connection is None:
            return
        shown = None if recent.hosted else connection.pin  # (kept once the host showed it)
        kept = replace(recent, table_name=snapshot.table.summary.name, pin=shown or recent.pin)
        if kept != recent:
            self.recent = kept
            remember(self.folder, kept)

    def _refused(self, error: host.Error) -> None:
        if self.recent is not None and error.code in GONE:
            forget(self.folder, {self.recent.table_id}, hosted=self.recent.hosted)

    @qasync.asyncSlot(object, object)
    async def _state(self, connection: Connection, state: State) -> None:
        """Closed before its table ever showed (not one left): back to the start, saying why."""
        screen = self.screen
        if state is not State.CLOSED or screen is None or connection is not self.connection:
            return
        if self.window.pages.currentWidget() is screen:
            return  # a table that was here says so on its own screen
        reason = connection.closed_reason or self.tr("The table could not be reached.")
        await self._drop_table()
        self.show_start(reason)

    async def _drop_table(self) -> None:
        connection, screen = self.connection, self.screen
        self.connection, self.screen, self.recent = None, None, None
        if connection is not None:
            await connection.stop()
        if screen is not None:
            self.window.pages.removeWidget(screen)
            screen.deleteLater()
