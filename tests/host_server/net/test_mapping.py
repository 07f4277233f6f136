"""The host's port on the router: a real router on 127.0.0.1 (`tests.support.router`)
that speaks NAT-PMP and UPnP IGD, told to grant, refuse or keep silent. Mapping by
either protocol, the lease renewed at half its term (time passed in), removal at stop,
and each way it can fail, as the host will read it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from host_server.net import gateway, natpmp
from host_server.net.certificate import identity, server_context
from host_server.net.gateway import Router, named
from host_server.net.mapping import PortMapping, Reachability, Status, behind

WAIT = 10.0  # seconds, at most, for any one thing the router or the mapping does


class Clock:
    """The mapping's sleeps: each waits until the test lets time pass."""

    def __init__(self) -> None:
        self.asked: list[float] = []
        self._passed = asyncio.Event()
        self._asleep = asyncio.Event()

    async def sleep(self, seconds: float) -> None:
        self.asked.append(seconds)
        self._asleep.set()
        await self._passed.wait()
        self._passed.clear()

    async def asleep(self) -> float:
        """How long the mapping sleeps now (once it does)."""
        await asyncio.wait_for(self._asleep.wait(), WAIT)
        self._asleep.clear()
        return self.asked[-1]

    def pass_time(self) -> None:
        self._passed.set()


class Watched:
    """A mapping and every `Reachability` it told."""

    def __init__(self, mapping: PortMapping, told: list[Reachability]) -> None:
        self.mapping, self.told = mapping, told

    async def until(self, status: Status, since: int = 0, **also: object) -> Reachability:
        """The first told with `status` (and `also`), among those from `since` on."""

        async def seen() -> Reachability:
            while True:
                for reach in self.told[since:]:
                    if reach.status is status and all(
                        getattr(reach, k) == v for k, v in also.items()
                    ):
                        return reach
                await asyncio.sleep(0.01)

        return await asyncio.wait_for(seen(), WAIT)


@pytest.fixture
async def felt_port(tmp_path: Path) -> AsyncIterator[tuple[int, str]]:
    """A TLS listener with a host's certificate, as the hairpin check meets it."""
    found = identity(tmp_path)

    async def hang_up(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.close()

    server = await asyncio.start_server(hang_up, "127.0.0.1", 0, ssl=server_context(found))
    async with server:
        yield server.sockets[0].getsockname()[1], found.pin


def watch(port: int, router: Router, **options: object) -> Watched:
    told: list[Reachability] = []
    mapping = PortMapping(port, router, told.append, dial=lambda _: "127.0.0.1", **options)
    mapping.start()
    return Watched(mapping, told)


async def test_nat_pmp_maps_the_port_and_the_external_address_answers_with_our_pin(
    router, felt_port
):
    port, pin = felt_port
    watched = watch(port, named(router.address), pin=pin)
    assert watched.told[0].status is Status.ASKING
    reach = await watched.until(Status.MAPPED, answered=True)
    assert (reach.via, reach.external, reach.external_port) == ("NAT-PMP", router.external, port)
    assert router.mappings == {port: "NAT-PMP"}
    await watched.mapping.stop()
    assert router.mappings == {}
    assert router.log[-1] == ("NAT-PMP", "unmap", port, 0)


async def test_upnp_maps_the_port_when_nat_pmp_is_silent(router, felt_port):
    port, pin = felt_port
    router.natpmp = "silent"
    watched = watch(port, named(router.address), pin=pin)
    reach = await watched.until(Status.MAPPED, answered=True)
    assert reach.via == "UPnP" and router.mappings == {port: "UPnP"}
    assert [entry[:2] for entry in router.log] == [("UPnP", "map")]
    await watched.mapping.stop()
    assert router.mappings == {} and router.log[-1][:2] == ("UPnP", "unmap")


async def test_the_lease_is_renewed_at_half_its_term_until_the_host_stops(router, felt_port):
    port, pin = felt_port
    router.lifetime = 120  # (less than asked: the router's word is the lease)
    clock = Clock()
    watched = watch(port, named(router.address), pin=pin, sleep=clock.sleep)
    await watched.until(Status.MAPPED)
    assert await clock.asleep() == 60.0
    maps = [entry for entry in router.log if entry[1] == "map"]
    clock.pass_time()
    assert await clock.asleep() == 60.0
    assert [entry for entry in router.log if entry[1] == "map"] == [*maps, maps[0]]
    await watched.mapping.stop()
    assert router.mappings == {}


async def test_a_router_that_stops_granting_is_said_and_asked_again_later(router, felt_port):
    port, pin = felt_port
    clock = Clock()
    watched = watch(port, named(router.address), pin=pin, sleep=clock.sleep)
    await watched.until(Status.MAPPED)
    await clock.asleep()
    router.natpmp, router.upnp = "refuse", "refuse"
    clock.pass_time()
    lost = await watched.until(Status.REFUSED)
    assert "refused" in lost.why
    assert await clock.asleep() == 60.0  # RETRY: then from the start
    router.natpmp, since = "grant", len(watched.told)
    clock.pass_time()
    assert (await watched.until(Status.MAPPED, since, answered=True)).via == "NAT-PMP"
    await watched.mapping.stop()
    assert router.mappings == {}


async def test_a_router_granting_only_permanent_leases_gets_one_that_stop_removes(
    router, felt_port
):
    port, pin = felt_port
    router.natpmp, router.upnp = "silent", "permanent"
    clock = Clock()
    watched = watch(port, named(router.address), pin=pin, sleep=clock.sleep)
    await watched.until(Status.MAPPED, answered=True)
    assert [entry[1:] for entry in router.log] == [("map", port, 0)]
    assert clock.asked == []  # nothing to renew
    await watched.mapping.stop()
    assert router.mappings == {}


async def test_refusals_are_said_in_the_routers_words(router, felt_port):
    port, _ = felt_port
    router.natpmp, router.upnp = "refuse", "refuse"
    watched = watch(port, named(router.address))
    reach = await watched.until(Status.REFUSED)
    assert reach.why == natpmp.RESULTS[2] and router.mappings == {}
    await watched.mapping.stop()


async def test_no_router_at_all_is_said(router, felt_port):
    port, _ = felt_port
    router.natpmp, router.upnp = "silent", "silent"
    watched = watch(port, named(router.address))
    assert (await watched.until(Status.NO_ROUTER)).external is None
    await watched.mapping.stop()
    assert router.log == []


@pytest.mark.parametrize(
    ("external", "status"),
    [("100.72.9.1", Status.CARRIER_NAT), ("192.168.0.3", Status.PRIVATE)],
)
async def test_a_router_whose_own_address_is_not_public_says_so(
    router, felt_port, external, status
):
    port, pin = felt_port
    router.external = external
    watched = watch(port, named(router.address), pin=pin)
    reach = await watched.until(status)
    assert reach.external == external and reach.answered is None
    router.natpmp = router.upnp = "refuse"  # refused, yet the address is the reason
    again = watch(port + 1, named(router.address))
    assert (await again.until(status)).why == natpmp.RESULTS[2]
    await watched.mapping.stop()
    await again.mapping.stop()


async def test_an_external_address_that_does_not_answer_is_not_checked(router, tmp_path):
    watched = watch(9, named(router.address), pin=identity(tmp_path).pin)  # (nothing on 9)
    await watched.until(Status.MAPPED, answered=None)
    await watched.mapping.stop()
    assert [reach.answered for reach in watched.told] == [None, None, None]


def test_what_an_external_address_says_of_the_network():
    assert behind("81.2.69.142") is None
    assert behind("100.64.0.1") is Status.CARRIER_NAT
    assert behind("100.127.255.254") is Status.CARRIER_NAT
    assert behind("100.128.0.1") is None
    assert behind("10.1.2.3") is Status.PRIVATE
    assert behind("0.0.0.0") is Status.PRIVATE


def test_the_default_gateway_is_read_as_each_system_shows_it():
    linux = (
        "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\n"
        "eth0\t0002A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\n"
        "eth0\t00000000\t0102A8C0\t0003\t0\t0\t0\t00000000\n"
    )
    assert gateway.from_proc_route(linux) == "192.168.2.1"
    assert gateway.from_proc_route(linux.splitlines()[0]) is None
    mac = "   route to: default\ndestination: default\n    gateway: 10.0.0.138\n"
    assert gateway.from_route_get(mac) == "10.0.0.138"
    windows = (
        "Network Destination        Netmask          Gateway       Interface  Metric\n"
        "          0.0.0.0          0.0.0.0      192.168.1.254    192.168.1.20     25\n"
    )
    assert gateway.from_route_print(windows) == "192.168.1.254"
    assert gateway.from_route_print("no routes") is None


def test_a_named_router_is_an_address_and_maybe_a_port():
    assert named("192.168.1.1") == Router(("192.168.1.1", 5351), ("192.168.1.1", 1900))
    assert named("127.0.0.1:4000") == Router(("127.0.0.1", 4000), ("127.0.0.1", 4000))
    for wrong in ("router.local", "1.2.3.4:0", "1.2.3.4:x", "::1"):
        with pytest.raises(ValueError):
            named(wrong)


def test_a_nat_pmp_answer_that_makes_no_sense_is_refused():
    with pytest.raises(natpmp.Refused, match="no sense"):
        natpmp.map_answer(b"\x00\x82\x00\x00")
    with pytest.raises(natpmp.Refused, match="no sense"):
        natpmp.external_answer(b"\x01\x80\x00\x00" + bytes(8))
    with pytest.raises(natpmp.Refused, match="result 9"):
        natpmp.external_answer(b"\x00\x80\x00\x09" + bytes(8))
