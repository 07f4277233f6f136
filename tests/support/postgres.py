"""A real PostgreSQL server for the tests, started by them: `initdb` and `pg_ctl` (Debian's
`postgresql` package, which `packaging/system-deps.sh --test` installs) in a folder of
their own, on 127.0.0.1 and a free port, stopped at the end. As root (PostgreSQL refuses
to run as root) the server runs as the `postgres` user."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

from tests.support.processes import free_port


def binaries() -> Path | None:
    """Where initdb and pg_ctl are (the newest PostgreSQL installed), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=_version)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).resolve().parent if on_path else None


def _version(path: str) -> int:
    return int(Path(path).parts[-3]) if Path(path).parts[-3].isdigit() else 0


class PostgresServer:
    """One server; each test gets a database of its own (`database`)."""

    def __init__(self, bin_dir: Path, folder: Path) -> None:
        self.bin, self.folder, self.port = bin_dir, folder, free_port()
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.databases = 0

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, timeout=60)

    def start(self) -> None:
        data = self.folder / "data"
        if self.as_user:
            user = pwd.getpwnam("postgres")
            os.chown(self.folder, user.pw_uid, user.pw_gid)
        self._run(str(self.bin / "initdb"), "-D", str(data), "-A", "trust", "-U", "felt")
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder}"
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(data), "-o", options,
            "-l", str(self.folder / "log"), "-w", "-t", "30", "start",
        )  # fmt: skip

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast", "stop")

    def dsn(self, database: str = "postgres") -> str:
        return f"postgresql://felt@127.0.0.1:{self.port}/{database}"

    def database(self) -> str:
        """A new, empty database; its DSN."""
        self.databases += 1
        name = f"felt_{self.databases}"
        with psycopg.connect(self.dsn(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.dsn(name)


@contextmanager
def postgres_server() -> Iterator[PostgresServer | None]:
    """A running server for the block, or None where PostgreSQL is not installed."""
    bin_dir = binaries()
    if bin_dir is None:
        yield None
        return
    folder = Path(tempfile.mkdtemp(prefix="felt-pg-"))
    server = PostgresServer(bin_dir, folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
