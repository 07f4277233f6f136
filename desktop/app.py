"""`felt`: the desktop app. One window, one asyncio loop (qasync) shared by the
network client and the embedded host server.

`Felt` is the controller: it owns the settings, the keyring, the embedded host
and the current table, and wires the start screen and the table screen.
Quitting awaits the clean-up (connections, then the host) before the loop stops.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QStackedWidget

from desktop.client.connection import Connection
from desktop.hosting.credentials import Credentials
from desktop.hosting.embedded import EmbeddedHost
from desktop.hosting.local_state import Recent, Settings, data_folder, load_recent, remember
from desktop.ui.sounds import Sounds
from desktop.ui.start_screen import StartScreen
from desktop.ui.table_screen import TableScreen
from host_server.errors import FeltError
from host_server.host.core import HOST_MEMBER
from host_server.table.settings import TableSettings

PLAY_NOW_BOTS = ("easy", "standard", "strong", "standard", "easy")


class MainWindow(QMainWindow):
    close_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Felt")
        self.resize(1280, 800)
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self.may_close = False

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.may_close:
            event.accept()
        else:  # the controller decides, and cleans up before the window goes
            event.ignore()
            self.close_requested.emit()


class Felt(QObject):
    def __init__(self, folder: Path, *, sounds: bool | None = None, bot_delay: float = 1.0) -> None:
        super().__init__()
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.settings = Settings.load(folder)
        self.credentials = Credentials(folder)
        self.host = EmbeddedHost(folder, bot_delay=bot_delay)
        enabled = self.settings.sounds if sounds is None else sounds
        self.sounds = Sounds(folder / "sounds", enabled)
        self.window = MainWindow()
        self.start = StartScreen(self.settings)
        self.window.pages.addWidget(self.start)
        self.screen: TableScreen | None = None
        self.connection: Connection | None = None
        self.finished = asyncio.Event()
        self.start.play_now.connect(self.play_now)
        self.start.host_table.connect(self.host_table)
        self.start.join_table.connect(self.join_table)
        self.start.resume_table.connect(self.resume_table)
        self.start.name_changed.connect(self._rename)
        self.start.options_changed.connect(self._save_options)
        self.window.close_requested.connect(self.ask_to_quit)

    # --- life -----------------------------------------------------------------

    async def run(self) -> None:
        """The app's life: restore hosted tables, show the window, wait, clean up."""
        if self.host.has_tables():
            await self.host.start(int(self.settings.table["port"]))
        self.show_start()
        self.window.show()
        await self.finished.wait()
        await self.shutdown()

    async def shutdown(self) -> None:
        await self._drop_table()
        await self.host.stop()
        self.settings.save(self.folder)
        self.window.may_close = True
        self.window.close()

    def show_start(self) -> None:
        self.start.show_recent(load_recent(self.folder))
        self.start.notice.setText(self.credentials.notice or "")
        self.window.pages.setCurrentWidget(self.start)

    def ask_to_quit(self) -> None:
        if not self.host.running:
            self.finished.set()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Quit Felt",
            "You are hosting. Keep your tables for next time (they resume "
            "where they are when you start Felt again), or close them for good?",
            parent=self.window,
        )
        keep = box.addButton("Keep and quit", QMessageBox.ButtonRole.AcceptRole)
        close = box.addButton("Close tables and quit", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)

        def chosen() -> None:
            if box.clickedButton() is close:
                self.host.close_tables()
            if box.clickedButton() in (keep, close):
                self.finished.set()

        box.finished.connect(chosen)
        box.open()

    # --- choosing a table -------------------------------------------------------

    def _rename(self, name: str) -> None:
        self.settings.name = name
        self.settings.save(self.folder)

    def _save_options(self) -> None:
        self.sounds.enabled = self.settings.sounds
        self.settings.save(self.folder)

    # Slots stay thin (qasync runs them as tasks); the coroutines do the work.
    @qasync.asyncSlot()
    async def play_now(self) -> None:
        await self.play()

    @qasync.asyncSlot(dict)
    async def host_table(self, values: dict[str, Any]) -> None:
        self.settings.table = {**self.settings.table, **values}  # next time's defaults
        self.settings.save(self.folder)
        await self.start_hosting(values)

    @qasync.asyncSlot(str, int, str)
    async def join_table(self, host: str, port: int, table_id: str) -> None:
        await self.open_table(f"{host}:{port}", table_id, name=self.start.player_name())

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
        values = {
            **self.settings.table,
            "name": f"{name}'s table",
            "seats": 6,
            "auto_approve": True,
        }
        await self.start_hosting(values, sit=True, bots=PLAY_NOW_BOTS)

    async def start_hosting(
        self, values: dict[str, Any], sit: bool = False, bots: Sequence[str] = ()
    ) -> None:
        port = await self.host.start(int(values.get("port", 8765)))
        known = {f.name for f in fields(TableSettings)}
        try:
            settings = TableSettings(**{k: v for k, v in values.items() if k in known})
        except FeltError as error:
            self.start.notice.setText(error.message)
            return
        table_id, token = self.host.create_table(
            settings,
            self.start.player_name(),
            sit_with=settings.max_buy_in if sit else None,
            bots=bots,
        )
        address = f"127.0.0.1:{port}"
        self.credentials.save(address, table_id, HOST_MEMBER, token)
        remember(self.folder, Recent(address, table_id, HOST_MEMBER, settings.name, hosted=True))
        await self.open_table(address, table_id, token=token, invite=self.host.invite(table_id))

    async def resume(self, recent: Recent) -> None:
        if recent.hosted:
            await self.host.start(int(recent.address.rsplit(":", 1)[1]))
        token = self.credentials.load(recent.address, recent.table_id, recent.member_id)
        if token is None:
            self.start.notice.setText("This machine has no saved seat for that table any more.")
            return
        invite = self.host.invite(recent.table_id) if recent.hosted and self.host.running else None
        await self.open_table(recent.address, recent.table_id, token=token, invite=invite)

    async def open_table(
        self,
        address: str,
        table_id: str,
        *,
        token: str | None = None,
        name: str | None = None,
        invite: str | None = None,
    ) -> None:
        await self._drop_table()
        connection = Connection(f"ws://{address}/ws", table_id, token=token, name=name)
        screen = TableScreen(
            connection,
            invite=invite,
            sounds=self.sounds,
            four_colour=self.settings.four_colour_deck,
        )
        screen.leave_requested.connect(self.back_to_lobby)

        def remember_seat(new_token: str) -> None:
            assert connection.member_id is not None
            self.credentials.save(address, table_id, connection.member_id, new_token)
            remember(
                self.folder,
                Recent(
                    address,
                    table_id,
                    connection.member_id,
                    screen.model.name or table_id,
                    hosted=False,
                ),
            )

        connection.token_issued.connect(remember_seat)
        self.connection, self.screen = connection, screen
        self.window.pages.addWidget(screen)
        self.window.pages.setCurrentWidget(screen)
        connection.start()

    async def _drop_table(self) -> None:
        if self.connection is not None:
            await self.connection.stop()
        if self.screen is not None:
            self.window.pages.removeWidget(self.screen)
            self.screen.deleteLater()
        self.connection, self.screen = None, None


def main(argv: Sequence[str] | None = None) -> int:
    app = QApplication([sys.argv[0], *(argv or [])])
    app.setApplicationName("Felt")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    felt = Felt(data_folder())
    with loop, contextlib.suppress(asyncio.CancelledError):
        loop.run_until_complete(felt.run())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
