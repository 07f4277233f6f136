"""Test-wide settings: hypothesis profiles (CI runs the same tests, with fewer examples), and
no test passes while the host logs a bug of its own."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from host_server.store.log import LogStore
from host_server.store.postgres import PostgresStore
from host_server.store.sqlite import Store
from tests.support.postgres import PostgresServer, postgres_server
from tests.support.router import TestRouter

settings.register_profile(
    "default",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("ci", parent=settings.get_profile("default"), max_examples=60)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture(autouse=True)
def no_internal_error(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """The host answers a bug of its own with `internal_error` and carries on: in a test,
    that answer is a failure of the test, whoever triggered it."""
    yield
    bugs = [r for r in caplog.get_records("call") if r.getMessage().startswith("internal error")]
    assert not bugs, "\n".join(caplog.text.splitlines()[-40:])


@pytest.fixture
async def router() -> AsyncIterator[TestRouter]:
    """A home router on 127.0.0.1 that grants the port (`tests.support.router`)."""
    device = TestRouter()
    await device.start()
    yield device
    await device.stop()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A real PostgreSQL server the tests start (`tests.support.postgres`)."""
    with postgres_server() as server:
        if server is None:
            pytest.skip("PostgreSQL is not installed (packaging/system-deps.sh --test installs it)")
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def opener(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], LogStore]]:
    """Opens one store, again and again (a new connection each time, each closed at the
    end): a SQLite file, or a PostgreSQL database of its own on the tests' server."""
    opened: list[LogStore] = []
    if request.param == "sqlite":
        path = tmp_path / "felt.db"
        make: Callable[[], LogStore] = lambda: Store(path)  # noqa: E731
    else:
        dsn = request.getfixturevalue("postgres").database()
        make = lambda: PostgresStore(dsn)  # noqa: E731

    def open_one() -> LogStore:
        opened.append(make())
        return opened[-1]

    yield open_one
    for store in opened:
        store.close()
