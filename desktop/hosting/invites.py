"""Invites: the `felt://HOST:PORT/TABLE?v=1&pin=PIN&key=KEY&also=HOST,HOST:PORT` a host
shares, read back by a guest (alone, or anywhere in a pasted chat message), and the
addresses of this machine that friends may reach (a laptop on Wi-Fi and a VPN has
several, IPv6 ones too, and the router's external address where it maps the port).

`v` is the invite's version: one from a newer Felt is refused with a word to update
(`too_new`). `key`, where the host turned it on, lets its holder in without waiting
for approval; the host voids it by making a new one.

An invite names every address: the one the host chose first (the network most of
their friends are on), the others in `also`, each with its own port where it is
not the first one's (a router may open the internet's on another); the guest's app
tries them side by side (`client.reach`). The pin is the host's certificate (`protocol.pins`): the
guest's app refuses a host that shows another. An invite from before pins
(`felt://HOST:PORT/TABLE`) still joins, trusting the first certificate it meets,
and the join dialog says so.
"""

from __future__ import annotations

import ipaddress
import re
from typing import NamedTuple
from urllib.parse import parse_qs

from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QNetworkInterface

from host_server.protocol.pins import is_pin

INVITE = re.compile(
    r"^(?:felt://)?(?P<host>\[[0-9a-fA-F:.]+\]|[\w.\-]+):(?P<port>\d{1,5})/(?P<table>[\w\-]+)/?"
    r"(?:\?(?P<query>[\w=&,.\-\[\]:%]*))?$",
    re.IGNORECASE,
)
# A name, IPv4, or [IPv6]; in `also`, with its own port after it where it has one.
HOST = re.compile(r"^(?P<host>\[[0-9a-fA-F:.]+\]|[\w.\-]+)(?::(?P<port>\d{1,5}))?$")
LINK = re.compile(r"felt://\S+", re.IGNORECASE)  # an invite inside a chat message
KEY = re.compile(r"[A-Za-z0-9_\-]{16,64}")
VERSION = 1


class Target(NamedTuple):
    hosts: tuple[str, ...]  # where the host may be reached: the invite's own first
    port: int
    table: str
    pin: str | None  # None: an invite from before pins
    key: str | None = None  # the join key: in without waiting for approval
    ports: tuple[tuple[str, int], ...] = ()  # hosts reached on a port of their own

    def places(self) -> list[tuple[str, int]]:
        """Each host with the port it is reached on."""
        own = dict(self.ports)
        return [(host, own.get(host, self.port)) for host in self.hosts]


def _query(text: str) -> tuple[re.Match[str], dict[str, str]] | None:
    """The invite in `text` (the whole, else the first felt:// link in words around it)
    and its query. A text that starts as an invite must be one whole: a space in it is
    a mistake, not the end of the link."""
    match = INVITE.match(text.strip())
    if match is None and not text.strip().lower().startswith("felt://"):
        found = LINK.search(text)
        match = INVITE.match(found[0].rstrip(".,;:!?)>\"'")) if found else None
    if match is None or not 0 < int(match["port"]) < 65536:
        return None
    try:
        query = parse_qs(match["query"] or "", strict_parsing=bool(match["query"]))
    except ValueError:
        return None
    if any(len(v) != 1 for v in query.values()):
        return None
    return match, {k: v[0] for k, v in query.items()}


def too_new(text: str) -> bool:
    """An invite of a version this Felt does not know: made by a newer one."""
    read = _query(text)
    return read is not None and read[1].get("v", str(VERSION)) != str(VERSION)


def parse_invite(text: str) -> Target | None:
    """`felt://HOST:PORT/TABLE?v=1&pin=PIN&key=KEY&also=HOST,HOST:PORT` (the scheme
    and all the query may be left out); IPv6 addresses are in brackets, as in URLs."""
    read = _query(text)
    if read is None:
        return None
    match, query = read
    if set(query) - {"v", "pin", "key", "also"} or query.get("v", str(VERSION)) != str(VERSION):
        return None
    pin, key = query.get("pin"), query.get("key")
    also = [HOST.match(h) for h in query.get("also", "").split(",") if h]
    if (pin is not None and not is_pin(pin)) or not all(also):
        return None
    if key is not None and not KEY.fullmatch(key):
        return None
    port = int(match["port"])
    places = {match["host"].strip("[]"): port}
    for found in also:
        assert found is not None
        own = int(found["port"] or port)
        if not 0 < own < 65536:
            return None
        places.setdefault(found["host"].strip("[]"), own)
    ports = tuple((host, own) for host, own in places.items() if own != port)
    return Target(tuple(places), port, match["table"], pin, key, ports)


def in_url(host: str) -> str:
    """A host as a URL spells it: an IPv6 address in brackets."""
    return f"[{host}]" if ":" in host else host


class Invite(NamedTuple):
    address: str  # this machine, as the network it is for reaches it
    network: str  # that network's name, as the system calls it ("wlan0", "Wi-Fi")
    code: str  # felt://ADDRESS:PORT/TABLE?v=1&pin=PIN&key=KEY&also=THE,OTHERS:PORT


def lan_addresses() -> list[tuple[str, str]]:
    """(address, network name) of each address of this machine's networks that are up
    (IPv4, then IPv6 ones other machines can reach: not link-local), then 127.0.0.1
    ("this machine only"): what an invite may name."""
    found: list[tuple[str, str]] = []
    up = QNetworkInterface.InterfaceFlag.IsUp
    for interface in QNetworkInterface.allInterfaces():
        if not interface.flags() & up:
            continue
        for entry in interface.addressEntries():
            address = entry.ip()
            if address.isLoopback() or address == QHostAddress.SpecialAddress.Null:
                continue
            ipv4 = address.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol
            text = address.toString().split("%")[0]  # (no zone: those are link-local)
            if ipv4 or not ipaddress.IPv6Address(text).is_link_local:
                found.append((text, interface.humanReadableName()))
    found.sort(key=lambda entry: ":" in entry[0])  # IPv4 first: most home networks
    return [*found, ("127.0.0.1", "this machine only")]


def invites(
    port: int,
    table_id: str,
    preferred: str | None = None,
    addresses: list[tuple[str, str]] | None = None,
    *,
    pin: str,
    internet: tuple[str, int] | None = None,
    key: str | None = None,
) -> list[Invite]:
    """An invite for each of this machine's `addresses` (its networks' by default, and
    the router's `internet` (address, port) where it maps our `port` there),
    each naming its own address first and the others after (never this machine's
    loopback, which would be the guest's own); the `preferred` address's first (the
    one the host chose last), else its first network's."""
    listed = [(a, n, port) for a, n in (lan_addresses() if addresses is None else addresses)]
    if internet is not None:  # after the LAN's: a guest at home tries those first
        listed = [*listed[:-1], (internet[0], "the internet", internet[1]), *listed[-1:]]
    reachable = [(a, p) for a, _, p in listed if not ipaddress.ip_address(a).is_loopback]

    def code(address: str, first: int) -> str:
        also = ",".join(
            in_url(a) + (f":{p}" if p != first else "") for a, p in reachable if a != address
        )
        tail = (f"&key={key}" if key else "") + (f"&also={also}" if also else "")
        return f"felt://{in_url(address)}:{first}/{table_id}?v={VERSION}&pin={pin}{tail}"

    made = [Invite(address, network, code(address, own)) for address, network, own in listed]
    return sorted(made, key=lambda invite: invite.address != preferred)  # (a stable sort)
