"""Test-wide settings: hypothesis profiles (CI runs the same tests, with fewer examples), and
no test passes while the host logs a bug of its own."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator

import pytest
from hypothesis import HealthCheck, settings

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
