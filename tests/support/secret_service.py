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

import secretstorage
from jeepney.wrappers import DBusErrorResponse as JeepneyError
from secretstorage.exceptions import SecretStorageException

PASSWORD = "felt-test"
# A session bus that starts no service on demand: asked for the Secret Service before
# our daemon holds its name, the machine's session bus would start another
# gnome-keyring-daemon (one without our password, which would take the name for good).
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""
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
    config = folder / "bus.conf"
    config.write_text(BUS_CONFIG)
    bus = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1",
         f"--address=unix:path={runtime / 'bus'}"],  # (in place of the config's listen)
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
    """The daemon takes its name on the bus, and makes the login keyring from the
    password on its stdin, a moment after it starts (bounded). Until that keyring is
    the default collection, nothing may ask for one: asked, the daemon would prompt to
    make a keyring of its own, and with no display the prompt is dismissed."""
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    try:
        deadline = time.monotonic() + READY_SECONDS
        while not _default_collection_unlocked():
            assert time.monotonic() < deadline, "gnome-keyring-daemon made no login keyring"
            time.sleep(0.05)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _default_collection_unlocked() -> bool:
    """Asked without making anything (a read of the alias), on a connection closed after."""
    try:
        connection = secretstorage.dbus_init()
    except SecretStorageException:
        return False  # (the bus not up yet)
    try:
        collection = secretstorage.get_collection_by_alias(connection, "default")
        return not collection.is_locked()
    except (SecretStorageException, JeepneyError):
        return False  # (the daemon not on the bus yet, or its keyring not made yet)
    finally:
        connection.close()
