"""The host's port on the router, for guests on the internet: asked for by NAT-PMP
first, then UPnP IGD; renewed at half its lease while hosting; removed at `stop`.

What came of it is a `Reachability`, told to `on_change` each time it changes: mapped
(and whether the host's own external address answered with its pin: a hairpin check,
which many routers cannot do, so a failure says "not checked", never "unreachable"),
or why not. A router whose own external address is private, or in 100.64.0.0/10
(carrier-grade NAT), cannot be reached from the internet whatever it maps: said so.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any, Protocol
from urllib.parse import urlsplit

from host_server.net import natpmp, upnp
from host_server.net.gateway import Router
from host_server.net.knock import pin_at

LEASE = 3600  # seconds asked for; renewed at half of what the router grants
RETRY = 60.0  # seconds before asking again, after the router said no or went away
UNDO_SECONDS = 3.0  # at most, to remove the mapping when the host stops
CARRIER_NAT = ipaddress.ip_network("100.64.0.0/10")


class Status(StrEnum):
    ASKING = "asking"
    MAPPED = "mapped"
    NO_ROUTER = "no_router"  # neither NAT-PMP nor UPnP answered
    REFUSED = "refused"
    CARRIER_NAT = "carrier_nat"  # the router's external address is in 100.64.0.0/10
    PRIVATE = "private"  # ...or private: a router behind another router


@dataclass(frozen=True)
class Reachability:
    status: Status
    port: int  # the host's own
    external: str | None = None  # the router's external address, when it told
    external_port: int | None = None
    via: str | None = None  # "NAT-PMP" or "UPnP"
    why: str = ""  # the router's refusal, in words
    answered: bool | None = None  # the external address showed our pin (None: not checked)


def behind(external: str) -> Status | None:
    """What an external address says of the network: CARRIER_NAT, PRIVATE or None
    (a public address)."""
    try:
        address = ipaddress.IPv4Address(external)
    except ValueError:
        return Status.PRIVATE
    if address in CARRIER_NAT:
        return Status.CARRIER_NAT
    return None if address.is_global else Status.PRIVATE


def local_address(toward: str) -> str:
    """This machine's address on the way to `toward` (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect((toward, 9))
        return str(probe.getsockname()[0])


class _Lease(Protocol):
    """One mapping held on one router, by one protocol."""

    via: str
    external_port: int

    async def renew(self) -> int: ...  # the lease granted, in seconds (0: permanent)

    async def undo(self) -> None: ...


class _NatPmpLease:
    via = "NAT-PMP"

    def __init__(self, router: tuple[str, int], port: int, lease: int) -> None:
        self.router, self.port, self.lease = router, port, lease
        self.external_port = port

    async def renew(self) -> int:
        mapped = await natpmp.map_port(self.router, self.port, self.lease)
        self.external_port = mapped.external_port
        return mapped.lifetime

    async def undo(self) -> None:
        await natpmp.unmap_port(self.router, self.port)


class _UpnpLease:
    via = "UPnP"

    def __init__(self, router: Any, here: str, port: int, lease: int) -> None:
        self.router, self.here, self.port, self.lease = router, here, port, lease
        self.external_port = port

    async def renew(self) -> int:
        return await upnp.map_port(self.router, self.here, self.port, self.lease)

    async def undo(self) -> None:
        await upnp.unmap_port(self.router, self.port)


class PortMapping:
    """Keeps `port` mapped on `router` until `stop`. `dial` names where to knock for
    the external address (the address itself; a test's router loops back)."""

    def __init__(
        self,
        port: int,
        router: Router,
        on_change: Callable[[Reachability], None],
        *,
        pin: str | None = None,
        lease: int = LEASE,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        dial: Callable[[str], str] = lambda external: external,
    ) -> None:
        self.port, self.router, self.on_change = port, router, on_change
        self.pin, self.lease, self.sleep, self.dial = pin, lease, sleep, dial
        self.reach = Reachability(Status.ASKING, port)
        self._held: _Lease | None = None
        self._external: str | None = None  # what the router said its address is, if it did
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._tell(self.reach)
        self._task = asyncio.ensure_future(self._keep())

    async def stop(self) -> None:
        """The mapping removed (at most `UNDO_SECONDS` spent on a silent router)."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        held, self._held = self._held, None
        if held is not None:
            with contextlib.suppress(natpmp.NoAnswer, natpmp.Refused, OSError, TimeoutError):
                await asyncio.wait_for(held.undo(), UNDO_SECONDS)

    def _tell(self, reach: Reachability) -> None:
        self.reach = reach
        self.on_change(reach)

    async def _keep(self) -> None:
        while True:
            granted = await self._map()
            while granted is not None and granted > 0:  # (0: a permanent one; None: lost)
                await self.sleep(granted / 2)
                granted = await self._renewed()
            if granted == 0:
                return
            await self.sleep(RETRY)

    async def _renewed(self) -> int | None:
        assert self._held is not None
        try:
            return await self._held.renew()
        except (natpmp.NoAnswer, upnp.NoRouter, OSError, TimeoutError):
            self._tell(replace(self.reach, status=Status.NO_ROUTER, answered=None))
        except (natpmp.Refused, upnp.Refused) as refused:
            self._tell(replace(self.reach, status=Status.REFUSED, why=str(refused)))
        self._held = None
        return None

    async def _map(self) -> int | None:
        """Map by NAT-PMP, else UPnP; the lease granted (None: neither would)."""
        refusals: list[str] = []
        for attempt in (self._by_natpmp, self._by_upnp):
            try:
                granted, external = await attempt()
            except (natpmp.NoAnswer, upnp.NoRouter, OSError, TimeoutError):
                continue
            except (natpmp.Refused, upnp.Refused) as refused:
                refusals.append(str(refused))
                continue
            await self._report(external)
            return granted
        status = Status.REFUSED if refusals else Status.NO_ROUTER
        why = refusals[0] if refusals else ""
        seen = behind(self._external) if self._external else None  # (the reason, then)
        self._tell(Reachability(seen or status, self.port, self._external, why=why))
        return None

    async def _by_natpmp(self) -> tuple[int, str | None]:
        if self.router.natpmp is None:
            raise natpmp.NoAnswer
        external = self._external = await natpmp.external_address(self.router.natpmp)
        self._held = _NatPmpLease(self.router.natpmp, self.port, self.lease)
        return await self._first(), external

    async def _by_upnp(self) -> tuple[int, str | None]:
        router = await upnp.find(self.router.ssdp)
        external = await upnp.external_address(router)
        self._external = external
        here = local_address(urlsplit(router.device.device_url).hostname or "")
        self._held = _UpnpLease(router, here, self.port, self.lease)
        return await self._first(), external

    async def _first(self) -> int:
        """The held lease's first term. It is held from the moment it is asked for, so
        that a stop meanwhile removes what the router may have made of it."""
        assert self._held is not None
        try:
            return await self._held.renew()
        except (natpmp.NoAnswer, natpmp.Refused, upnp.Refused, OSError, TimeoutError):
            self._held = None
            raise

    async def _report(self, external: str | None) -> None:
        held = self._held
        assert held is not None
        port = held.external_port
        reach = Reachability(Status.MAPPED, self.port, external, port, held.via)
        seen = behind(external) if external else None
        if seen is not None:
            self._tell(replace(reach, status=seen))
            return
        self._tell(reach)
        if external is not None and self.pin is not None:
            try:
                answered = await pin_at(self.dial(external), port) == self.pin
            except (OSError, TimeoutError):
                answered = False
            self._tell(replace(reach, answered=True if answered else None))
