"""A home router on 127.0.0.1, for the port-mapping tests: a device outside Felt,
stood up by the test. It speaks NAT-PMP (RFC 6886) and SSDP on one UDP port (told
apart by their first byte), and UPnP IGD's description and SOAP control over HTTP.

Each protocol is told how to behave: "grant", "refuse" or "silent" (and UPnP also
"permanent": a router that grants only permanent leases, error 725). What it was
asked is kept in `log`, and `mappings` holds what is mapped now.
"""

from __future__ import annotations

import asyncio
import re
import struct
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import cast

from aiohttp import web

NO_ROUTER = "127.0.0.1:9"  # a router named where none is: the discard port, closed here

DESCRIPTION = """<?xml version="1.0"?>
<root xmlns="urn:schemas-upnp-org:device-1-0">
 <specVersion><major>1</major><minor>0</minor></specVersion>
 <device>
  <deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType>
  <friendlyName>Test router</friendlyName><manufacturer>Felt tests</manufacturer>
  <modelName>Loopback</modelName><UDN>uuid:0e0f0e0f-0000-4000-8000-00000000f017</UDN>
  <deviceList><device>
   <deviceType>urn:schemas-upnp-org:device:WANDevice:1</deviceType>
   <friendlyName>WAN</friendlyName><manufacturer>Felt tests</manufacturer>
   <modelName>Loopback</modelName><UDN>uuid:0e0f0e0f-0000-4000-8000-00000000f018</UDN>
   <deviceList><device>
    <deviceType>urn:schemas-upnp-org:device:WANConnectionDevice:1</deviceType>
    <friendlyName>WAN connection</friendlyName><manufacturer>Felt tests</manufacturer>
    <modelName>Loopback</modelName><UDN>uuid:0e0f0e0f-0000-4000-8000-00000000f019</UDN>
    <serviceList><service>
     <serviceType>urn:schemas-upnp-org:service:WANIPConnection:1</serviceType>
     <serviceId>urn:upnp-org:serviceId:WANIPConn1</serviceId>
     <SCPDURL>/wanip.xml</SCPDURL><controlURL>/control</controlURL>
     <eventSubURL>/events</eventSubURL>
    </service></serviceList>
   </device></deviceList>
  </device></deviceList>
 </device>
</root>"""


def _argument(name: str, direction: str, variable: str) -> str:
    return (
        f"<argument><name>{name}</name><direction>{direction}</direction>"
        f"<relatedStateVariable>{variable}</relatedStateVariable></argument>"
    )


MAPPING_IN = [
    ("NewRemoteHost", "RemoteHost"),
    ("NewExternalPort", "ExternalPort"),
    ("NewProtocol", "PortMappingProtocol"),
]
ACTIONS = {
    "GetExternalIPAddress": [("NewExternalIPAddress", "out", "ExternalIPAddress")],
    "AddPortMapping": [(n, "in", v) for n, v in MAPPING_IN]
    + [
        ("NewInternalPort", "in", "InternalPort"),
        ("NewInternalClient", "in", "InternalClient"),
        ("NewEnabled", "in", "PortMappingEnabled"),
        ("NewPortMappingDescription", "in", "PortMappingDescription"),
        ("NewLeaseDuration", "in", "PortMappingLeaseDuration"),
    ],
    "DeletePortMapping": [(n, "in", v) for n, v in MAPPING_IN],
}
VARIABLES = {
    "ExternalIPAddress": "string", "RemoteHost": "string", "ExternalPort": "ui2",
    "PortMappingProtocol": "string", "InternalPort": "ui2", "InternalClient": "string",
    "PortMappingEnabled": "boolean", "PortMappingDescription": "string",
    "PortMappingLeaseDuration": "ui4",
}  # fmt: skip
SCPD = (
    '<?xml version="1.0"?><scpd xmlns="urn:schemas-upnp-org:service-1-0">'
    "<specVersion><major>1</major><minor>0</minor></specVersion><actionList>"
    + "".join(
        f"<action><name>{action}</name><argumentList>"
        + "".join(_argument(*a) for a in arguments)
        + "</argumentList></action>"
        for action, arguments in ACTIONS.items()
    )
    + "</actionList><serviceStateTable>"
    + "".join(
        f'<stateVariable sendEvents="no"><name>{name}</name><dataType>{kind}</dataType>'
        "</stateVariable>"
        for name, kind in VARIABLES.items()
    )
    + "</serviceStateTable></scpd>"
)
SERVICE = "urn:schemas-upnp-org:service:WANIPConnection:1"


def _soap(body: str) -> str:
    return (
        '<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"'
        ' s:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><s:Body>'
        f"{body}</s:Body></s:Envelope>"
    )


def _fault(code: int, words: str) -> str:
    return _soap(
        "<s:Fault><faultcode>s:Client</faultcode><faultstring>UPnPError</faultstring>"
        '<detail><UPnPError xmlns="urn:schemas-upnp-org:control-1-0">'
        f"<errorCode>{code}</errorCode><errorDescription>{words}</errorDescription>"
        "</UPnPError></detail></s:Fault>"
    )


def _page(text: str) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def page(_: web.Request) -> web.Response:
        return web.Response(text=text, content_type="text/xml")

    return page


@dataclass
class TestRouter:
    external: str = "81.2.69.142"  # what it says its address on the internet is
    natpmp: str = "grant"
    upnp: str = "grant"
    lifetime: int | None = None  # the lease it grants (None: what was asked)
    moved: int = 0  # NAT-PMP opens the port this far from the one asked (0: that one)
    log: list[tuple[str, str, int, int]] = field(default_factory=list)  # via, what, port, lease
    mappings: dict[int, str] = field(default_factory=dict)  # external port: via
    port: int = 0  # its UDP port (NAT-PMP and SSDP)
    changed: Callable[[], None] = lambda: None

    __test__ = False  # (not a test class, whatever its name)

    @property
    def address(self) -> str:
        """As a host names its router: "127.0.0.1:PORT"."""
        return f"127.0.0.1:{self.port}"

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        app = web.Application()
        app.router.add_get("/desc.xml", _page(DESCRIPTION))
        app.router.add_get("/wanip.xml", _page(SCPD))
        app.router.add_post("/control", self._control)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.http_port = self._runner.addresses[0][1]
        self._udp, _ = await loop.create_datagram_endpoint(
            lambda: _Datagrams(self), local_addr=("127.0.0.1", 0)
        )
        self.port = self._udp.get_extra_info("sockname")[1]

    async def stop(self) -> None:
        self._udp.close()
        await self._runner.cleanup()

    def _heard(self, via: str, what: str, port: int, lease: int) -> None:
        self.log.append((via, what, port, lease))
        if what == "map":
            self.mappings[port] = via
        elif what == "unmap":
            self.mappings.pop(port, None)
        self.changed()

    def answer_natpmp(self, data: bytes) -> bytes | None:
        if self.natpmp == "silent" or len(data) < 2:
            return None
        opcode, code = data[1], 2 if self.natpmp == "refuse" else 0
        if opcode == 0:
            self._heard("NAT-PMP", "address", 0, 0)
            packed = bytes(int(part) for part in self.external.split("."))
            return struct.pack("!BBHI", 0, 128, code, 1000) + packed
        _, _, _, port, _, lease = struct.unpack("!BBHHHI", data[:12])
        granted = 0 if lease == 0 else (self.lifetime or lease)
        outside = port + self.moved  # (an unmap names our port: its mapping is this one)
        if not code:
            self._heard("NAT-PMP", "map" if lease else "unmap", outside, granted)
        return struct.pack("!BBHIHHI", 0, 130, code, 1000, port, outside if lease else 0, granted)

    def answer_ssdp(self) -> bytes | None:
        if self.upnp == "silent":
            return None
        return (
            "HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=120\r\n"
            f"LOCATION: http://127.0.0.1:{self.http_port}/desc.xml\r\n"
            "ST: urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\n"
            "USN: uuid:0e0f0e0f-0000-4000-8000-00000000f017::"
            "urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\nEXT:\r\n\r\n"
        ).encode()

    async def _control(self, request: web.Request) -> web.Response:
        body = await request.text()
        action = request.headers.get("SOAPACTION", "").strip('"').rpartition("#")[2]

        def value(name: str) -> str:
            found = re.search(f"<{name}>(.*?)</{name}>", body)
            return found.group(1) if found else ""

        if action == "GetExternalIPAddress":
            result = f"<NewExternalIPAddress>{self.external}</NewExternalIPAddress>"
        elif self.upnp == "refuse":
            return web.Response(status=500, text=_fault(606, "Action not authorized"))
        elif action == "AddPortMapping":
            lease = int(value("NewLeaseDuration") or 0)
            if self.upnp == "permanent" and lease:
                return web.Response(status=500, text=_fault(725, "OnlyPermanentLeasesSupported"))
            self._heard("UPnP", "map", int(value("NewExternalPort")), lease)
            result = ""
        else:
            self._heard("UPnP", "unmap", int(value("NewExternalPort")), 0)
            result = ""
        answer = f'<u:{action}Response xmlns:u="{SERVICE}">{result}</u:{action}Response>'
        return web.Response(text=_soap(answer), content_type="text/xml")


class _Datagrams(asyncio.DatagramProtocol):
    def __init__(self, router: TestRouter) -> None:
        self.router = router

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.DatagramTransport, transport)

    def datagram_received(self, data: bytes, addr: tuple[str | int, ...]) -> None:
        ssdp = data.startswith(b"M-SEARCH")
        answer = self.router.answer_ssdp() if ssdp else self.router.answer_natpmp(data)
        if answer is not None:
            self.transport.sendto(answer, addr)


@contextmanager
def router_in_thread(router: TestRouter) -> Iterator[TestRouter]:
    """`router` served from a loop of its own (for a test that drives processes)."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(router.start(), loop).result(10)
    try:
        yield router
    finally:
        asyncio.run_coroutine_threadsafe(router.stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()
