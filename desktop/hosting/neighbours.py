"""The app on its local network (`net.lan`): the tables others list there, found while
the app runs (but our own, in "Your tables" already), and ours listed while we host.
Neither where the settings say "off" (`Settings.lan`)."""

from __future__ import annotations

from collections.abc import Callable

from desktop.hosting.embedded import EmbeddedHost
from desktop.hosting.local_state import Settings
from host_server.net.lan import Browser, LanTable


class Neighbours:
    def __init__(self, settings: Settings, shown: Callable[[list[LanTable]], None]) -> None:
        self.settings, self.shown = settings, shown
        self.browser: Browser | None = None
        self.ours: str | None = None  # our host's pin, once it runs

    @property
    def on(self) -> bool:
        return self.settings.lan != "off"

    def start(self) -> None:
        if self.on and self.browser is None:
            self.browser = Browser(self._found, self.settings.lan_interfaces)
            self.browser.start()

    def hosting(self, host: EmbeddedHost) -> None:
        """Our host runs: its listed tables shown to the network, and left out of ours."""
        self.ours = host.pin
        if self.on:
            host.list_on_network(self.settings.lan_interfaces)
        if self.browser is not None:
            self._found(list(self.browser.found.values()))

    def _found(self, tables: list[LanTable]) -> None:
        ordered = sorted(tables, key=lambda t: (t.name.lower(), t.table_id))
        self.shown([t for t in ordered if t.pin != self.ours])

    async def stop(self) -> None:
        if self.browser is not None:
            await self.browser.stop()
            self.browser = None
