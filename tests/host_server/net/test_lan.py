"""Tables on the network (`net.lan`): a real host's tables announced by multicast DNS
and found by a browser, both on 127.0.0.1 (loopback only: the multicast never leaves
this machine). What is listed, what a listing says, how it follows the table, and
what a browser makes of a service that is not a Felt table's."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import pytest
from zeroconf.asyncio import AsyncServiceInfo, AsyncZeroconf

from host_server.host.core import HOST_MEMBER
from host_server.net.lan import SERVICE, Announcer, Browser, LanTable, read, service_name
from host_server.net.server import Server
from host_server.table import commands as cmd
from host_server.table.settings import TableSettings

LOOPBACK = ["127.0.0.1"]
PIN = "A" * 43
WAIT = 10.0  # seconds, at most, for the network to carry one change


class Seen:
    """What a browser on loopback was told, as it was told it."""

    def __init__(self) -> None:
        self.lists: list[list[LanTable]] = []
        self.browser = Browser(self.lists.append, LOOPBACK)

    def now(self, table_id: str) -> LanTable | None:
        latest = self.lists[-1] if self.lists else []
        return next((t for t in latest if t.table_id == table_id), None)

    async def until(self, check: Callable[[], bool]) -> None:
        async def seen() -> None:
            while not check():
                await asyncio.sleep(0.02)

        await asyncio.wait_for(seen(), WAIT)


@pytest.fixture
async def server(tmp_path) -> AsyncIterator[Server]:
    srv = Server(tmp_path / "host.db", "127.0.0.1", 0)
    await srv.start()
    yield srv
    await srv.stop()


@pytest.fixture
async def seen() -> AsyncIterator[Seen]:
    watcher = Seen()
    watcher.browser.start()
    yield watcher
    await watcher.browser.stop()


async def test_a_listed_table_is_found_with_its_stakes_seats_and_pin_and_follows_the_table(
    server, seen
):
    friday = TableSettings("Friday", seats=6, ante=1, announce=True, variant="plo")
    listed, _ = server.create_table(friday, "Sam")
    unlisted, _ = server.create_table(TableSettings("Just us"), "Sam")
    announcer = Announcer(server.listed, server.port, PIN, LOOPBACK)
    try:
        await announcer.refresh()
        await seen.until(lambda: seen.now(listed) is not None)
        table = seen.now(listed)
        assert table is not None
        said = (table.name, table.host, table.stakes, table.seats, table.seats_taken)
        assert said == ("Friday", "Sam", "PLO 1/2 ante 1", 6, 0)
        assert (table.hosts, table.port, table.pin) == (("127.0.0.1",), server.port, PIN)
        ours = [t for t in seen.lists[-1] if t.port == server.port]  # (not another test's)
        assert seen.now(unlisted) is None and len(ours) == 1

        # A player sits: the listing says so at the next look.
        sit = [cmd.Sit(HOST_MEMBER, 1, 100), cmd.AddBot(HOST_MEMBER, 2, "easy")]
        server.run_commands(listed, sit)
        await announcer.refresh()
        await seen.until(lambda: getattr(seen.now(listed), "seats_taken", 0) == 2)

        # Closed, it is withdrawn, and browsers hear so.
        server.run_commands(listed, [cmd.Close(HOST_MEMBER)])
        await announcer.refresh()
        await seen.until(lambda: seen.now(listed) is None)
        assert announcer.shown == {}
    finally:
        await announcer.stop()


async def test_a_host_that_stops_says_goodbye_and_its_tables_leave_the_list(server, seen):
    table_id, _ = server.create_table(TableSettings("Gone soon", announce=True), "Sam")
    announcer = Announcer(server.listed, server.port, PIN, LOOPBACK)
    await announcer.refresh()
    await seen.until(lambda: seen.now(table_id) is not None)
    await announcer.stop()
    await seen.until(lambda: seen.now(table_id) is None)


async def test_a_host_that_lists_nothing_sends_nothing(server):
    server.create_table(TableSettings("Private"), "Sam")
    announcer = Announcer(server.listed, server.port, PIN, LOOPBACK)
    await announcer.refresh()
    assert announcer._zc is None and announcer.shown == {}  # (no socket was even opened)
    await announcer.stop()


GOOD = {"v": "1", "t": "abc123", "pin": PIN, "name": "Good", "host": "Sam", "small_blind": "1",
        "big_blind": "2", "ante": "0", "seats": "6", "seats_taken": "1"}  # fmt: skip
BAD = {
    "newer": {**GOOD, "t": "n1", "v": "2"},
    "no pin": {**GOOD, "t": "n2", "pin": "not a pin"},
    "garbled": {**GOOD, "t": "n3", "seats": "six"},
    "missing": {k: v for k, v in GOOD.items() if k != "name"} | {"t": "n4"},
}


def service(txt: dict[str, str], addresses: list[str], port: int = 8765) -> AsyncServiceInfo:
    return AsyncServiceInfo(
        SERVICE, service_name(txt["t"]), port=port, properties=txt,
        parsed_addresses=addresses, server=f"other-{txt['t']}.local.",
    )  # fmt: skip


@pytest.mark.parametrize("why", sorted(BAD))
def test_a_service_that_is_not_a_felt_table_is_read_as_none(why):
    assert read(service(BAD[why], ["127.0.0.1"])) is None


def test_a_listing_names_ipv4_first_and_never_a_scoped_or_missing_address():
    table = read(service(GOOD, ["fd00::2", "192.0.2.2"]))
    assert table is not None and table.hosts == ("192.0.2.2", "fd00::2")
    assert read(service(GOOD, [])) is None and read(service(GOOD, ["192.0.2.2"], 0)) is None


async def test_only_felt_tables_reach_the_list(seen):
    """Another program's services of our type, a newer Felt's and garbled ones, announced
    beside a good one: the list holds the good one alone."""
    zc = AsyncZeroconf(interfaces=LOOPBACK)
    try:
        infos = [service(txt, ["127.0.0.1"]) for txt in [*BAD.values(), GOOD]]
        await asyncio.gather(*[await zc.async_register_service(info) for info in infos])
        await seen.until(lambda: seen.now("abc123") is not None)
        assert [t.table_id for t in seen.lists[-1]] == ["abc123"]
    finally:
        await zc.async_close()
