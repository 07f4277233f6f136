"""A real Secret Service for a test: a private D-Bus session bus and
gnome-keyring-daemon on it, its login keyring made and unlocked with a password of the
test's own. Nothing of the machine's own session is touched."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

from keyring.backends.SecretService import Keyring as SecretServiceKeyring

PASSWORD = "felt-test"
READY_SECONDS = 10.0


def available() -> bool:
    return all(shutil.which(tool) for tool in ("dbus-daemon", "gnome-keyring-daemon"))


@contextlib.contextmanager
def secret_service(folder: Path) -> Iterator[dict[str, str]]:
    """The environment (a bus address, a runtime dir, a home) under which keyring's
    Secret Service backend reaches this service; the service gone on leaving."""
    runtime, home = folder / "run", folder / "home"
    runtime.mkdir(mode=0o700, parents=True)
    home.mkdir(parents=True)
    env = {"HOME": str(home), "XDG_RUNTIME_DIR": str(runtime),
           "XDG_DATA_HOME": str(home / ".local" / "share")}  # fmt: skip
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1",
         f"--address=unix:path={runtime / 'bus'}"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env={**os.environ, **env}, text=True,
    )  # fmt: skip
    keyring_daemon: subprocess.Popen[str] | None = None
    try:
        assert bus.stdout is not None
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        keyring_daemon = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--components=secrets", "--unlock"],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, **env}, text=True,
        )  # fmt: skip
        assert keyring_daemon.stdin is not None
        keyring_daemon.stdin.write(PASSWORD)
        keyring_daemon.stdin.close()
        _until_it_answers(env)
        yield env
    finally:
        for process in (keyring_daemon, bus):
            if process is not None:
                process.kill()
                process.wait(10)
        if bus.stdout is not None:
            bus.stdout.close()


def _until_it_answers(env: dict[str, str]) -> None:
    """The daemon takes its name on the bus a moment after it starts (bounded)."""
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    try:
        deadline = time.monotonic() + READY_SECONDS
        while True:
            try:
                SecretServiceKeyring().get_password("felt-test", "ready")
                return
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
