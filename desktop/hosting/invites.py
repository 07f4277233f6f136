"""Invites: the `felt://HOST:PORT/TABLE` a host shares, read back by a guest, and the
addresses of this machine that friends on the network may reach (a laptop on Wi-Fi
and a VPN has several: the host chooses which one the invite names)."""

from __future__ import annotations

import re
from typing import NamedTuple

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


class Invite(NamedTuple):
    address: str  # this machine, as the network it is for reaches it
    network: str  # that network's name, as the system calls it ("wlan0", "Wi-Fi")
    code: str  # felt://ADDRESS:PORT/TABLE


def lan_addresses() -> list[tuple[str, str]]:
    """(address, network name) of each IPv4 address of this machine's networks that are
    up, then 127.0.0.1 ("this machine only"): what an invite may name."""
    found: list[tuple[str, str]] = []
    up = QNetworkInterface.InterfaceFlag.IsUp
    for interface in QNetworkInterface.allInterfaces():
        if not interface.flags() & up:
            continue
        for entry in interface.addressEntries():
            address = entry.ip()
            if (
                address.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol
                and not address.isLoopback()
                and address != QHostAddress.SpecialAddress.Null
            ):
                found.append((address.toString(), interface.humanReadableName()))
    return [*found, ("127.0.0.1", "this machine only")]


def invites(
    port: int,
    table_id: str,
    preferred: str | None = None,
    addresses: list[tuple[str, str]] | None = None,
) -> list[Invite]:
    """An invite for each of this machine's `addresses` (its networks' by default), the
    `preferred` address first (the one the host chose last), else its first network's."""
    made = [
        Invite(address, network, f"felt://{address}:{port}/{table_id}")
        for address, network in (lan_addresses() if addresses is None else addresses)
    ]
    return sorted(made, key=lambda invite: invite.address != preferred)  # (a stable sort)
