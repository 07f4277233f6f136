"""UPnP IGD (`async-upnp-client`): find the router by SSDP, then ask it for a TCP port.

The search goes to the SSDP multicast group, or to one router's address when the
host names it. A router that only grants permanent mappings (error 725) gets one,
which `unmap_port` removes as any other.
"""

from __future__ import annotations

import asyncio
import contextlib
from datetime import timedelta
from ipaddress import IPv4Address

from async_upnp_client.aiohttp import AiohttpRequester
from async_upnp_client.client_factory import UpnpFactory
from async_upnp_client.exceptions import UpnpActionError, UpnpError
from async_upnp_client.profiles.igd import IgdDevice
from async_upnp_client.search import SsdpSearchListener
from async_upnp_client.ssdp import SSDP_IP_V4, SSDP_PORT
from async_upnp_client.utils import CaseInsensitiveDict

SEARCH_SECONDS = 2
TARGET = "urn:schemas-upnp-org:device:InternetGatewayDevice:1"
ANY_HOST = IPv4Address("0.0.0.0")  # (the "remote host" of a mapping: anyone)
ONLY_PERMANENT = 725
REFUSALS = {
    606: "the router refused: UPnP is locked there",
    718: "the router gives that port to another machine already",
    724: "the router wants the same port inside and out, and refused",
    727: "the router refused that port (it keeps the low ports to itself)",
    728: "the router has no room for another mapping",
}


class NoRouter(Exception):
    """No UPnP router answered the search."""


class Refused(Exception):
    """The router answered no; `str()` says why, in words."""


def refusal(error: UpnpError) -> Refused:
    code = getattr(error, "error_code", None)
    if code in REFUSALS:
        return Refused(REFUSALS[code])
    if isinstance(error, UpnpActionError):
        return Refused(f"the router refused (UPnP error {code})")
    return Refused("the router stopped answering")


async def find(router: tuple[str, int] | None = None) -> IgdDevice:
    """The internet gateway that answers first (`NoRouter` after `SEARCH_SECONDS`)."""
    loop = asyncio.get_running_loop()
    found: asyncio.Future[str] = loop.create_future()

    def heard(headers: CaseInsensitiveDict) -> None:
        if not found.done() and headers.get_lower("location"):
            found.set_result(headers.get_lower("location"))

    listener = SsdpSearchListener(
        callback=heard,
        target=router or (SSDP_IP_V4, SSDP_PORT),
        timeout=SEARCH_SECONDS,
        search_target=TARGET,
    )
    try:
        await listener.async_start()
        listener.async_search()
        location = await asyncio.wait_for(found, SEARCH_SECONDS)
    except (OSError, TimeoutError):
        raise NoRouter from None
    finally:
        listener.async_stop()
    try:
        device = await UpnpFactory(AiohttpRequester()).async_create_device(location)
    except UpnpError:
        raise NoRouter from None
    return IgdDevice(device, None)


async def external_address(router: IgdDevice) -> str | None:
    try:
        return await router.async_get_external_ip_address()
    except UpnpError as error:
        raise refusal(error) from None


async def map_port(router: IgdDevice, here: str, port: int, lifetime: int) -> int:
    """TCP `port` on the router to `port` at `here`; the lease granted (0: permanent)."""

    async def add(lease: int) -> None:
        await router.async_add_port_mapping(
            ANY_HOST, port, "TCP", port, IPv4Address(here), True, "Felt", timedelta(seconds=lease)
        )

    try:
        try:
            await add(lifetime)
        except UpnpActionError as error:
            if error.error_code != ONLY_PERMANENT:
                raise
            await add(0)
            return 0
    except UpnpError as error:
        raise refusal(error) from None
    return lifetime


async def unmap_port(router: IgdDevice, port: int) -> None:
    with contextlib.suppress(UpnpError):  # (gone already, or the router is: nothing to undo)
        await router.async_delete_port_mapping(ANY_HOST, port, "TCP")
