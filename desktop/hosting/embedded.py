"""Hosting from the app: the same host server as `felt-host serve`, in this process and loop.

The host keeps its port: invites name it, and "Your tables" resumes there. When
another program holds it, `start` says so (`PortTaken`, with a free port to offer)
rather than moving somewhere its guests would never find it.

It serves wss:// with a certificate made once in the app's data folder; invites
carry its pin. A certificate made anew while tables were kept (its files deleted or
damaged) voids every invite sent before: `key_changed` says so, for the app to tell.

Opened to the internet, it asks the router for its port while it runs (`net.mapping`),
and invites name the router's external address too. Listed on the network, players
there see the tables whose hosts chose so (`net.lan`).
"""

from __future__ import annotations

import asyncio
import errno
import socket
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.hosting.invites import Invite, invites
from host_server.host.core import HOST_MEMBER
from host_server.net import gateway
from host_server.net.certificate import Identity, identity, renew, server_context
from host_server.net.lan import Announcer
from host_server.net.mapping import PortMapping, Reachability, Status
from host_server.net.server import Server
from host_server.store.sqlite import Store
from host_server.table.commands import AddBot, Command, Sit
from host_server.table.settings import TableSettings


class PortTaken(Exception):
    """Another program listens on `port`; `free` is one that was free a moment ago."""

    def __init__(self, port: int, free: int) -> None:
        super().__init__(f"port {port} is in use by another program")
        self.port, self.free = port, free


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("0.0.0.0", 0))
        return int(probe.getsockname()[1])


class EmbeddedHost:
    def __init__(self, folder: Path, *, bot_delay: float = 1.0) -> None:
        self.folder, self.db = folder, folder / "host.db"
        self.bot_delay = bot_delay
        self.server: Server | None = None
        self.identity: Identity | None = None
        self.key_changed = False  # a new certificate, and tables whose invites named the old
        self.mapping: PortMapping | None = None
        self.announcer: Announcer | None = None
        self._starting = asyncio.Lock()

    @property
    def pin(self) -> str:
        """The pin guests check this host by (its certificate's: `protocol.pins`)."""
        assert self.identity is not None
        return self.identity.pin

    @property
    def running(self) -> bool:
        return self.server is not None

    @property
    def port(self) -> int:
        assert self.server is not None
        return self.server.port

    def has_tables(self) -> bool:
        if not self.db.exists():
            return False
        with Store(self.db) as store:
            return any(row["finished_at"] is None for row in store.table_rows())

    async def start(self, port: int) -> int:
        """Serve every table in the database (restored where they were) on `port` (0: any
        free one); the port in use. `PortTaken` when another program holds it."""
        async with self._starting:  # restoring at launch and a click may both start it
            if self.server is None:
                if self.identity is None:
                    had_tables = self.db.exists()
                    self.identity = identity(self.folder)
                    self.key_changed = self.identity.made and had_tables
                tls = server_context(self.identity)
                server = Server(self.db, "0.0.0.0", port, bot_delay=self.bot_delay, tls=tls)
                try:
                    await server.start()
                except OSError as error:
                    if error.errno != errno.EADDRINUSE:
                        raise
                    raise PortTaken(port, free_port()) from None
                self.server = server
        return self.port

    def create_table(
        self,
        settings: TableSettings,
        host_name: str,
        *,
        sit_with: int | None = None,
        bots: Sequence[str] = (),
    ) -> tuple[str, str]:
        """A new table; the host sits in seat 1 (`sit_with` chips) and bots fill the next
        seats, all before anyone connects, so the first hand deals them all in."""
        assert self.server is not None
        table_id, token = self.server.create_table(settings, host_name)
        commands: list[Command] = []
        if sit_with is not None:
            commands.append(Sit(HOST_MEMBER, 1, sit_with))
        commands += [AddBot(HOST_MEMBER, seat, level) for seat, level in enumerate(bots, start=2)]
        self.server.run_commands(table_id, commands)
        return table_id, token

    def close_tables(self) -> list[str]:
        """Close every hosted table between hands; those mid-hand resume next time."""
        return self.server.close_tables() if self.server is not None else []

    def open_to_internet(self, router: str, told: Callable[[Reachability], None]) -> None:
        """Ask `router` (its address; "": the default gateway, and SSDP's multicast) for
        our port, until `stop`; each answer is `told`. Once: a second call changes nothing."""
        if self.mapping is None and self.server is not None:
            found = gateway.router(router)
            # (A router on this machine (a test's) cannot loop back: no check, then.)
            pin = None if found.on_this_machine else self.pin
            self.mapping = PortMapping(self.port, found, told, pin=pin)
            self.mapping.start()

    def new_key(self) -> str:
        """A new host key, served from the next connection on; those open now are told
        its pin (`Server.rekey`), and the network's listing and invites name it. Its pin."""
        self.identity = renew(self.folder)
        if self.server is not None:
            self.server.rekey(self.identity)
        if self.announcer is not None:
            self.announcer.pin = self.identity.pin
        if self.mapping is not None and self.mapping.pin is not None:  # (a hairpin check)
            self.mapping.pin = self.identity.pin
        return self.identity.pin

    def list_on_network(self, interfaces: Sequence[str] | None) -> None:
        """List the tables made to be (`TableSettings.announce`) on `interfaces` (None:
        every network of this machine) until `stop`. Once, as `open_to_internet`."""
        if self.announcer is None and self.server is not None:
            self.announcer = Announcer(self.server.listed, self.port, self.pin, interfaces)
            self.announcer.start()

    @property
    def reach(self) -> Reachability | None:
        return self.mapping.reach if self.mapping is not None else None

    def invites(
        self, table_id: str, preferred: str | None = None, key: str | None = None
    ) -> list[Invite]:
        """The table's invite for each address of this machine, `preferred` first (and
        for the router's external address and port, where it opened ours there),
        carrying the table's join `key` where the host turned it on."""
        reach, internet = self.reach, None
        if reach is not None and reach.status is Status.MAPPED and reach.external is not None:
            internet = (reach.external, reach.external_port or self.port)
        return invites(self.port, table_id, preferred, pin=self.pin, internet=internet, key=key)

    async def stop(self) -> None:
        if self.announcer is not None:
            await self.announcer.stop()
            self.announcer = None
        if self.mapping is not None:
            await self.mapping.stop()
            self.mapping = None
        if self.server is not None:
            await self.server.stop()
            self.server = None
