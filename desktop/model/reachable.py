"""What the router said, as the host reads it on the table's bar: a line, and the
longer words of its tooltip (what it means, and what to do about it)."""

from __future__ import annotations

from typing import NamedTuple

from desktop.model.speech import translate
from host_server.net.mapping import Reachability, Status


class Said(NamedTuple):
    line: str
    more: str
    good: bool | None  # True: reachable; False: not; None: still asking


def said(reach: Reachability) -> Said:
    if reach.status is Status.ASKING:
        return Said(translate("Router", "Internet: asking your router for the port…"), "", None)
    if reach.status is Status.MAPPED:
        return _mapped(reach)
    if reach.status in (Status.CARRIER_NAT, Status.PRIVATE):
        return _behind(reach)
    forward = translate("Router", "forward TCP port {} to this machine there by hand")
    forward = forward.format(reach.port)
    if reach.status is Status.REFUSED:
        return Said(
            translate("Router", "Not reachable from the internet: your router refused the port"),
            translate(
                "Router",
                "{}. Turn on UPnP or NAT-PMP in the router's settings, or {}. Friends on "
                "your network can join already.",
            ).format(reach.why[:1].upper() + reach.why[1:], forward),  # (not capitalize: UPnP)
            False,
        )
    return Said(
        translate("Router", "Not reachable from the internet: no router answered"),
        translate(
            "Router",
            "Neither NAT-PMP nor UPnP answered. Turn on UPnP in your router's settings, or "
            "{}. Friends on your network can join already.",
        ).format(forward),
        False,
    )


def _mapped(reach: Reachability) -> Said:
    at = f"{reach.external or '?'}:{reach.external_port}"
    opened = translate("Router", "Your router opened the port ({}).").format(reach.via)
    if reach.answered:
        checked = translate("Router", "This machine reached itself there, with its own key.")
        line = translate("Router", "Reachable from the internet at {}").format(at)
        return Said(line, f"{opened} {checked}", True)
    unchecked = translate(
        "Router",
        "Felt could not check it from here: many routers cannot loop back "
        "to their own address. A friend outside your network will know.",
    )
    line = translate("Router", "Reachable from the internet at {} (not checked)").format(at)
    return Said(line, f"{opened} {unchecked}", True)


def _behind(reach: Reachability) -> Said:
    """Carrier-grade NAT, or a router behind another: no mapping of ours can help."""
    external = reach.external or "?"
    vpn = translate("Router", "a VPN every player joins (Tailscale or ZeroTier, say)")
    if reach.status is Status.CARRIER_NAT:
        return Said(
            translate(
                "Router",
                "Not reachable from the internet: your provider shares its address (CGNAT)",
            ),
            translate(
                "Router",
                "Your router's own address, {}, is in 100.64.0.0/10: your internet "
                "provider puts many homes behind one address, and nothing your router maps "
                "can reach you. What works: {}, hosting from a machine with a public "
                "address, or asking your provider for a public IPv4 address.",
            ).format(external, vpn),
            False,
        )
    return Said(
        translate(
            "Router", "Not reachable from the internet: your router is behind another router"
        ),
        translate(
            "Router",
            "Your router's own address, {}, is a private one: another router "
            "(often the provider's box) stands between it and the internet. Forward TCP "
            "port {} on that one to your router, put it in bridge mode, or use {}.",
        ).format(external, reach.port, vpn),
        False,
    )
