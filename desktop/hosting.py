"""Hosting from the app: the same host server as `felt-host serve`, in this process and loop."""

from __future__ import annotations

import re
import time
from pathlib import Path

from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QNetworkInterface

from host_server.server import HostServer
from host_server.settings import TableSettings
from host_server.store import Store

INVITE = re.compile(
    r"^(?:felt://)?\[?(?P<host>[\w.\-:]+?)\]?:(?P<port>\d{1,5})/(?P<table>[\w\-]+)/?$"
)


def parse_invite(text: str) -> tuple[str, int, str] | None:
    """`felt://HOST:PORT/TABLE` (or without the scheme) -> (host, port, table)."""
    match = INVITE.match(text.strip())
    if match is None or not 0 < int(match["port"]) < 65536:
        return None
    return match["host"], int(match["port"]), match["table"]


def lan_address() -> str:
    """This machine's first LAN IPv4 address, as friends on the network reach it."""
    for address in QNetworkInterface.allAddresses():
        if (
            address.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol
            and not address.isLoopback()
            and address != QHostAddress.SpecialAddress.Null
        ):
            return address.toString()
    return "127.0.0.1"


class EmbeddedHost:
    def __init__(self, folder: Path) -> None:
        self.db = folder / "host.db"
        self.server: HostServer | None = None

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
        """Serve every table in the database (restored where they were); the port in use."""
        if self.server is None:
            server = HostServer(self.db, "0.0.0.0", port)
            try:
                await server.start()
            except OSError:  # the port is taken: any free one will do, the invite says which
                await server.stop()
                server = HostServer(self.db, "0.0.0.0", 0)
                await server.start()
            self.server = server
        return self.port

    def create_table(self, settings: TableSettings, host_name: str) -> tuple[str, str]:
        assert self.server is not None and self.server.host is not None
        return self.server.host.create_table(settings, host_name, time.time())

    def close_tables(self) -> list[str]:
        """Close every hosted table between hands; those mid-hand resume next time."""
        return self.server.close_tables() if self.server is not None else []

    def invite(self, table_id: str) -> str:
        return f"felt://{lan_address()}:{self.port}/{table_id}"

    async def stop(self) -> None:
        if self.server is not None:
            await self.server.stop()
            self.server = None
