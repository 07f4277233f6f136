"""Desktop tests: Qt offscreen, qasync's loop, an in-memory keyring, a fresh data folder."""

from __future__ import annotations

import asyncio
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import pytest
import qasync
from PySide6.QtWidgets import QApplication

from desktop.ui import language
from tests.support.memory_keyring import MemoryKeyring


def _qt_loop() -> asyncio.AbstractEventLoop:
    """The app's own loop: asyncio inside Qt's event loop, as qasync runs it."""
    app = QApplication.instance() or QApplication([])
    QApplication.setQuitOnLastWindowClosed(False)  # as in the app: its controller says when it ends
    loop: asyncio.AbstractEventLoop = qasync.QEventLoop(app)
    return loop


def pytest_asyncio_loop_factories(config: pytest.Config, item: pytest.Item) -> dict[str, object]:
    """Every async desktop test runs on qasync's loop (the hook applies to this folder)."""
    return {"qt": _qt_loop}


@pytest.fixture(scope="session", autouse=True)
def system_language() -> None:
    """The language the app installs before its first window (here the test machine's,
    which Felt has no file for but English's plural forms): a test of another installs
    it over this one and takes it out again."""
    QApplication.instance() or QApplication([])
    language.install("")


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture(autouse=True)
def data_home(tmp_path, monkeypatch):
    """The app's per-user data directory, fresh for each test."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "Felt"
