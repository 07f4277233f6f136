"""Real processes for tests: `felt-host` commands and a `felt-host serve` on a loopback port."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def felt_host(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run `felt-host` as a host would, in a real process."""
    return subprocess.run(
        [sys.executable, "-m", "host_server.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=check,
    )


async def start_host(
    db: Path | str, port: int, *extra: str, tls: bool = False
) -> subprocess.Popen[str]:
    """`felt-host serve` on 127.0.0.1:`port`, ready; plain ws:// unless `tls`. `db`: a
    SQLite file, or a PostgreSQL server's URL."""
    where = ["--store", db] if str(db).startswith("postgresql://") else ["--db", str(db)]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "host_server.cli",
            "serve",
            *where,
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            *([] if tls else ["--no-tls"]),
            *extra,
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # ready when it accepts connections
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.close()
            return process
        except OSError:
            await asyncio.sleep(0.05)
    process.kill()
    raise AssertionError("felt-host serve did not start")
