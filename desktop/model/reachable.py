"""What the router said, as the host reads it on the table's bar: a line, and the
longer words of its tooltip (what it means, and what to do about it)."""

from __future__ import annotations

from typing import NamedTuple

from host_server.net.mapping import Reachability, Status

VPN = "a VPN every player joins (Tailscale or ZeroTier, say)"


class Said(NamedTuple):
    line: str
    more: str
    good: bool | None  # True: reachable; False: not; None: still asking


def said(reach: Reachability) -> Said:
    port, external = reach.port, reach.external or "?"
    forward = f"forward TCP port {port} to this machine there by hand"
    if reach.status is Status.ASKING:
        return Said("Internet: asking your router for the port…", "", None)
    if reach.status is Status.MAPPED:
        at = f"{external}:{reach.external_port}"
        opened = f"Your router opened the port ({reach.via}). "
        if reach.answered:
            return Said(
                f"Reachable from the internet at {at}",
                opened + "This machine reached itself there, with its own key.",
                True,
            )
        return Said(
            f"Reachable from the internet at {at} (not checked)",
            opened + "Felt could not check it from here: many routers cannot loop back "
            "to their own address. A friend outside your network will know.",
            True,
        )
    if reach.status is Status.CARRIER_NAT:
        return Said(
            "Not reachable from the internet: your provider shares its address (CGNAT)",
            f"Your router's own address, {external}, is in 100.64.0.0/10: your internet "
            "provider puts many homes behind one address, and nothing your router maps "
            f"can reach you. What works: {VPN}, hosting from a machine with a public "
            "address, or asking your provider for a public IPv4 address.",
            False,
        )
    if reach.status is Status.PRIVATE:
        return Said(
            "Not reachable from the internet: your router is behind another router",
            f"Your router's own address, {external}, is a private one: another router "
            f"(often the provider's box) stands between it and the internet. Forward TCP "
            f"port {port} on that one to your router, put it in bridge mode, or use {VPN}.",
            False,
        )
    if reach.status is Status.REFUSED:
        return Said(
            "Not reachable from the internet: your router refused the port",
            f"{reach.why.capitalize()}. Turn on UPnP or NAT-PMP in the router's settings, "
            f"or {forward}. Friends on your network can join already.",
            False,
        )
    return Said(
        "Not reachable from the internet: no router answered",
        "Neither NAT-PMP nor UPnP answered. Turn on UPnP in your router's settings, or "
        f"{forward}. Friends on your network can join already.",
        False,
    )
