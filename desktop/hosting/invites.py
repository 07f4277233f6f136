"""Invites: the `felt://HOST:PORT/TABLE` a host shares, read back by a guest, and the
address of this machine that friends on the network reach."""

from __future__ import annotations

import re

from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QNetworkInterface

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
