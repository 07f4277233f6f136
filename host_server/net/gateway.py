"""Where the router is: the default route's gateway (NAT-PMP asks it by address), or
the router a host names ("192.168.1.1", or "ADDRESS:PORT" where a router answers
NAT-PMP and SSDP on a port of its own; a test's router does).

UPnP needs no address: its search goes to the SSDP multicast group.
"""

from __future__ import annotations

import ipaddress
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from host_server.net import natpmp

SSDP_PORT = 1900


@dataclass(frozen=True)
class Router:
    natpmp: tuple[str, int] | None  # where to ask by NAT-PMP (None: no gateway known)
    ssdp: tuple[str, int] | None  # where to search by SSDP (None: the multicast group)

    @property
    def on_this_machine(self) -> bool:
        return self.natpmp is not None and ipaddress.ip_address(self.natpmp[0]).is_loopback


def named(text: str) -> Router:
    """The router a host names: "ADDRESS" or "ADDRESS:PORT"; ValueError if neither."""
    address, _, port = text.strip().rpartition(":") if ":" in text else (text.strip(), "", "")
    ipaddress.IPv4Address(address)
    if port:
        number = int(port)
        if not 0 < number < 65536:
            raise ValueError(f"no such port: {port}")
        return Router((address, number), (address, number))
    return Router((address, natpmp.PORT), (address, SSDP_PORT))


def from_proc_route(text: str) -> str | None:
    """Linux's /proc/net/route: the gateway of the default route (hex, little-endian)."""
    for line in text.splitlines()[1:]:
        fields = line.split()
        if len(fields) > 3 and fields[1] == "00000000" and int(fields[3], 16) & 0x2:
            return str(ipaddress.IPv4Address(bytes.fromhex(fields[2])[::-1]))
    return None


def from_route_get(text: str) -> str | None:
    """macOS's and the BSDs' `route -n get default`: its "gateway:" line."""
    for line in text.splitlines():
        key, _, value = line.strip().partition(":")
        if key == "gateway" and _is_ipv4(value.strip()):
            return value.strip()
    return None


def from_route_print(text: str) -> str | None:
    """Windows's `route print -4 0.0.0.0`: the first route to 0.0.0.0/0's gateway."""
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 5 and fields[:2] == ["0.0.0.0", "0.0.0.0"] and _is_ipv4(fields[2]):
            return fields[2]
    return None


def _is_ipv4(text: str) -> bool:
    try:
        ipaddress.IPv4Address(text)
    except ValueError:
        return False
    return True


def default_gateway() -> str | None:
    """This machine's default gateway, read as its system shows it (None: not found)."""
    system = sys.platform  # (a name, not the check: every branch is type-checked)
    try:
        if system.startswith("linux"):
            return from_proc_route(Path("/proc/net/route").read_text())
        command, parse = (
            (["route", "print", "-4", "0.0.0.0"], from_route_print)
            if system == "win32"
            else (["route", "-n", "get", "default"], from_route_get)
        )
        shown = subprocess.run(command, capture_output=True, text=True, timeout=3, check=False)
        return parse(shown.stdout)
    except (OSError, subprocess.SubprocessError):
        return None


def router(text: str = "") -> Router:
    """The router `text` names, else the default gateway (for NAT-PMP) and multicast."""
    if text.strip():
        return named(text)
    gateway = default_gateway()
    return Router((gateway, natpmp.PORT) if gateway else None, None)
