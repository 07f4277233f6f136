"""Invites: the `felt://HOST:PORT/TABLE?pin=PIN` a host shares, read back by a guest,
and the addresses of this machine that friends on the network may reach (a laptop on
Wi-Fi and a VPN has several: the host chooses which one the invite names).

The pin is the host's certificate (`protocol.pins`): the guest's app refuses a host
that shows another. An invite from before pins (`felt://HOST:PORT/TABLE`) still
joins, trusting the first certificate it meets, and the join dialog says so."""

from __future__ import annotations

import re
from typing import NamedTuple

from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QNetworkInterface

from host_server.protocol.pins import PIN

INVITE = re.compile(
    r"^(?:felt://)?\[?(?P<host>[\w.\-:]+?)\]?:(?P<port>\d{1,5})/(?P<table>[\w\-]+)/?"
    rf"(?:\?pin=(?P<pin>{PIN.pattern.strip('^$')}))?$"
)


class Target(NamedTuple):
    host: str
    port: int
    table: str
    pin: str | None  # None: an invite from before pins


def parse_invite(text: str) -> Target | None:
    """`felt://HOST:PORT/TABLE?pin=PIN` (the scheme and the pin may be left out)."""
    match = INVITE.match(text.strip())
    if match is None or not 0 < int(match["port"]) < 65536:
        return None
    return Target(match["host"], int(match["port"]), match["table"], match["pin"])


class Invite(NamedTuple):
    address: str  # this machine, as the network it is for reaches it
    network: str  # that network's name, as the system calls it ("wlan0", "Wi-Fi")
    code: str  # felt://ADDRESS:PORT/TABLE?pin=PIN


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
    *,
    pin: str,
) -> list[Invite]:
    """An invite for each of this machine's `addresses` (its networks' by default), the
    `preferred` address first (the one the host chose last), else its first network's."""
    made = [
        Invite(address, network, f"felt://{address}:{port}/{table_id}?pin={pin}")
        for address, network in (lan_addresses() if addresses is None else addresses)
    ]
    return sorted(made, key=lambda invite: invite.address != preferred)  # (a stable sort)
