"""What the load, restart and soak benchmarks share: tables made ahead, a real
`felt-host serve` process, its CPU and memory from /proc, and RESULTS.md."""

from __future__ import annotations

import datetime
import os
import platform
import resource
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from host_server.store.sqlite import Store  # noqa: E402
from host_server.table.settings import TableSettings  # noqa: E402
from tests.support import sessions  # noqa: E402

SEATS = 6
RESULTS = Path(__file__).with_name("RESULTS.md")


def make_tables(db: Path, count: int, **settings: Any) -> list[str]:
    """`count` six-seat tables that seat whoever asks and deal back to back."""
    defaults: dict[str, Any] = {
        "seats": SEATS,
        "auto_approve": True,
        "between_hands_seconds": 0.0,
        "action_seconds": 60.0,
    }
    with Store(db) as store:
        now = time.time()
        return [
            sessions.create(
                store, TableSettings(f"Bench {i + 1}", **{**defaults, **settings}), "Host", now
            )[0].table.table_id
            for i in range(count)
        ]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def raise_open_files(wanted: int) -> int:
    """Raise this process's open-file limit towards `wanted` (children inherit it)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = min(max(soft, wanted), hard)
    if target > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return target


def pin(pid: int, cores: set[int]) -> None:
    """Every thread of process `pid` on `cores` only (`taskset -a`)."""
    for task in os.listdir(f"/proc/{pid}/task"):
        os.sched_setaffinity(int(task), cores)


def pinned_cores() -> tuple[set[int], set[int]]:
    """The host's core (the last) and the driver's (the others): a run that says which
    of the two is the limit without either taking the other's core."""
    cores = sorted(os.sched_getaffinity(0))
    if len(cores) < 2:
        raise SystemExit("--pin needs two cores at least")
    return {cores[-1]}, set(cores[:-1])


class HostProcess:
    """`felt-host serve` on 127.0.0.1 in its own process."""

    def __init__(self, db: Path, port: int, *extra: str) -> None:
        self.db, self.port, self.extra = db, port, extra
        self.process: subprocess.Popen[bytes] | None = None
        self.started_at = 0.0

    def command(self) -> list[str]:
        return [
            sys.executable, "-m", "host_server.cli", "serve", "--db", str(self.db),
            "--bind", "127.0.0.1", "--port", str(self.port), "--log-level", "warning",
            "--bot-delay", "0",
            "--no-tls",  # (the host's work is measured; TLS is the players' machines')
            *self.extra,
        ]  # fmt: skip

    def start(self, timeout: float = 60.0) -> float:
        """Start it; returns the seconds until it accepted a connection."""
        self.started_at = time.monotonic()
        self.process = subprocess.Popen(
            self.command(),
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
        )
        deadline = self.started_at + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.command()[1:4]} exited with {self.process.returncode}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return time.monotonic() - self.started_at
            except OSError:
                time.sleep(0.01)
        self.kill()
        raise RuntimeError(f"{self.command()[1:4]} did not start in time")

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def memory(self) -> dict[str, float]:
        """Resident and peak resident memory, MiB."""
        status = Path(f"/proc/{self.pid}/status").read_text().splitlines()
        kb = {line.split(":")[0]: int(line.split()[1]) for line in status if "kB" in line}
        return {"rss_mib": kb["VmRSS"] / 1024, "peak_mib": kb["VmHWM"] / 1024}

    def kill(self) -> None:
        """SIGKILL: no goodbye, no flush."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()


class BareProcess(HostProcess):
    """benchmarks/bare.py, the floor, on the same tables' ids and port."""

    def command(self) -> list[str]:
        bare = ROOT / "benchmarks" / "bare.py"
        return [
            sys.executable,
            str(bare),
            "--db",
            str(self.db),
            "--port",
            str(self.port),
            *self.extra,
        ]


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def machine() -> str:
    return (
        f"{datetime.date.today().isoformat()}, {platform.machine()}, {os.cpu_count()} cores,"
        f" Python {platform.python_version()}"
    )


def record(text: str) -> None:
    with RESULTS.open("a") as out:
        out.write("\n" + text.rstrip() + "\n")
