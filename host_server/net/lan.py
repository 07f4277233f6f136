"""Tables on the local network, by multicast DNS (DNS-SD, `_felt._tcp`): a host lists
the tables it chose to (`TableSettings.announce`), a guest's app browses for them and
joins one with a click.

Anyone on a network can announce anything, so a listing is only a pointer: the join
that follows checks the host by the pin the listing carries, as it does an invite's.
One service per table, named by its id (a table's name may hold anything); its TXT
record holds the name, the stakes, the seats taken and the pin, and is updated as
players sit and leave. Records live two minutes (`TTL`): a host that was killed, and
so never said goodbye, drops from the guests' lists by then.

`interfaces`: every network of this machine by default; tests name 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import ifaddr
from zeroconf import InterfaceChoice, IPVersion, ServiceStateChange, Zeroconf
from zeroconf.asyncio import AsyncServiceBrowser, AsyncServiceInfo, AsyncZeroconf

from host_server.protocol.pins import is_pin

log = logging.getLogger(__name__)

SERVICE = "_felt._tcp.local."
VERSION = "1"
TTL = 120  # seconds a record is believed without being heard again
REFRESH = 2.0  # seconds between looks at what the host lists (seats change)
RESOLVE_MS = 3000


@dataclass(frozen=True)
class LanTable:
    """A table a host on this network lists."""

    table_id: str
    name: str
    host: str  # the host's name at the table
    hosts: tuple[str, ...]  # its host's addresses, IPv4 first
    port: int
    pin: str
    small_blind: int
    big_blind: int
    ante: int
    seats: int
    seats_taken: int
    variant: str = "nlhe"  # the game ("plo": Pot-Limit Omaha); a record without it, Hold'em

    @property
    def stakes(self) -> str:
        tail = f" ante {self.ante}" if self.ante else ""
        game = "PLO " if self.variant == "plo" else ""
        return f"{game}{self.small_blind}/{self.big_blind}{tail}"


def _zeroconf(interfaces: Sequence[str] | None) -> AsyncZeroconf:
    chosen: Any = list(interfaces) if interfaces is not None else InterfaceChoice.All
    return AsyncZeroconf(interfaces=chosen, ip_version=IPVersion.All)


def this_machine(interfaces: Sequence[str] | None) -> list[str]:
    """The addresses a listing names: `interfaces`' own, else every address of this
    machine other machines can reach (not loopback, not link-local), IPv4 first."""
    if interfaces is not None:
        return list(interfaces)
    found = []
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            address = ipaddress.ip_address(ip.ip if isinstance(ip.ip, str) else ip.ip[0])
            if not (address.is_loopback or address.is_link_local):
                found.append(str(address))
    return sorted(found, key=lambda a: ":" in a)


def service_name(table_id: str) -> str:
    return f"Felt {table_id}.{SERVICE}"


def properties(summary: dict[str, Any], pin: str) -> dict[str, str]:
    """A table's TXT record, from its public summary (`views.live.summary`) and its
    host's name."""
    keys = ("name", "host", "small_blind", "big_blind", "ante", "seats", "seats_taken", "variant")
    return {"v": VERSION, "t": summary["table_id"], "pin": pin} | {
        key: str(summary[key]) for key in keys
    }


def read(info: AsyncServiceInfo) -> LanTable | None:
    """The table a resolved service lists; None for one that is not a Felt table's (or
    a newer Felt's, or garbled)."""
    txt = {k.decode(): (v or b"").decode(errors="replace") for k, v in info.properties.items()}
    hosts = sorted(info.parsed_scoped_addresses(IPVersion.All), key=lambda a: ":" in a)
    try:
        small, big, ante, seats, taken = (
            int(txt[k]) for k in ("small_blind", "big_blind", "ante", "seats", "seats_taken")
        )
        table = LanTable(
            txt["t"],
            txt["name"],
            txt["host"],
            tuple(h for h in hosts if "%" not in h),  # (scoped: link-local, not dialled)
            int(info.port or 0),
            txt["pin"],
            *(small, big, ante, seats, taken),
            txt.get("variant", "nlhe"),
        )
    except (KeyError, ValueError):
        return None
    ok = txt.get("v") == VERSION and is_pin(table.pin) and table.hosts and 0 < table.port < 65536
    return table if ok else None


class Announcer:
    """Lists a host's tables while it runs: every `REFRESH` seconds it asks `listed`
    (the public summaries of the tables to show) and adds, updates or withdraws
    services to match; `stop` withdraws them all (the goodbye guests hear)."""

    def __init__(
        self,
        listed: Callable[[], list[dict[str, Any]]],
        port: int,
        pin: str,
        interfaces: Sequence[str] | None = None,
    ) -> None:
        self.listed, self.port, self.pin = listed, port, pin
        self.interfaces = interfaces
        self.shown: dict[str, AsyncServiceInfo] = {}  # table id: its service
        self._zc: AsyncZeroconf | None = None
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        while True:  # (until stopped)
            try:
                await self.refresh()
            except (OSError, ValueError) as error:  # a network gone: next time, maybe
                log.warning("listing tables on the network: %s", error)
            await asyncio.sleep(REFRESH)

    async def refresh(self) -> None:
        wanted = {s["table_id"]: properties(s, self.pin) for s in self.listed()}
        if not wanted and self._zc is None:
            return  # (nothing to list: not a packet on the network)
        if self._zc is None:
            self._zc = _zeroconf(self.interfaces)
        zc, addresses = self._zc, this_machine(self.interfaces)
        told = [
            await zc.async_unregister_service(self.shown.pop(table_id))
            for table_id in set(self.shown) - set(wanted)
        ]
        for table_id, txt in wanted.items():
            info = AsyncServiceInfo(
                SERVICE,
                service_name(table_id),
                port=self.port,
                properties=txt,
                parsed_addresses=addresses,
                server=f"felt-{table_id}.local.",
                host_ttl=TTL,
                other_ttl=TTL,
            )
            old = self.shown.get(table_id)
            if old is None:
                told.append(await zc.async_register_service(info))
            elif old.properties != info.properties or old.addresses != info.addresses:
                told.append(await zc.async_update_service(info))
            else:
                continue
            self.shown[table_id] = info
        await asyncio.gather(*told)  # (side by side: each new name is probed for ~1.5 s)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._zc is not None:
            await self._zc.async_unregister_all_services()
            await self._zc.async_close()
            self._zc, self.shown = None, {}


class Browser:
    """Finds the tables listed on this machine's networks while it runs; `changed` is
    told the whole list whenever a table comes, changes or goes."""

    def __init__(
        self,
        changed: Callable[[list[LanTable]], None],
        interfaces: Sequence[str] | None = None,
    ) -> None:
        self.changed, self.interfaces = changed, interfaces
        self.found: dict[str, LanTable] = {}  # service name: its table
        self._zc: AsyncZeroconf | None = None
        self._browser: AsyncServiceBrowser | None = None
        self._resolving: set[asyncio.Task[None]] = set()

    def start(self) -> None:
        if self._zc is None:
            self._zc = _zeroconf(self.interfaces)
            self._browser = AsyncServiceBrowser(self._zc.zeroconf, SERVICE, handlers=[self._saw])

    def _saw(
        self, zeroconf: Zeroconf, service_type: str, name: str, state_change: ServiceStateChange
    ) -> None:
        """(zeroconf calls it in the loop's thread.)"""
        if state_change is ServiceStateChange.Removed:
            if self.found.pop(name, None) is not None:
                self._tell()
            return
        task = asyncio.get_running_loop().create_task(self._resolve(zeroconf, name))
        self._resolving.add(task)
        task.add_done_callback(self._resolving.discard)

    async def _resolve(self, zeroconf: Zeroconf, name: str) -> None:
        info = AsyncServiceInfo(SERVICE, name)
        table = read(info) if await info.async_request(zeroconf, RESOLVE_MS) else None
        if table is not None and self.found.get(name) != table:
            self.found[name] = table
            self._tell()

    def _tell(self) -> None:
        self.changed(list(self.found.values()))

    async def stop(self) -> None:
        for task in list(self._resolving):
            task.cancel()
        await asyncio.gather(*self._resolving, return_exceptions=True)
        if self._browser is not None:
            await self._browser.async_cancel()
        if self._zc is not None:
            await self._zc.async_close()
        self._zc = self._browser = None
