"""Idle: what T tables of six connected, seated players who do not act cost in memory
(6,000 connections at 1,000 tables), Felt beside its floor in the same invocation.

Run: python benchmarks/idle.py [--tables 1000] [--settle 3] [--record]

For each store (`durable`: Felt on its SQLite file; `bare`: the floor, benchmarks/bare.py)
it starts the host, seats six players per table from one driver process (players who
never act: each table's first hand waits on its first player, as a table does while
someone thinks), waits --settle seconds, and reads the host's resident memory.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rig import (
    ROOT,
    SEATS,
    BareProcess,
    HostProcess,
    free_port,
    machine,
    make_tables,
    raise_open_files,
    record,
)

NEVER = 1e9  # seconds a player thinks before acting


def measure(tables: int, mode: str, settle: float) -> dict[str, Any]:
    raise_open_files(tables * SEATS * 2 + 1000)
    with tempfile.TemporaryDirectory(prefix="felt-idle-") as folder:
        db = Path(folder) / "host.db"
        ids = make_tables(db, tables)
        host = (BareProcess if mode == "bare" else HostProcess)(db, free_port())
        host.start()
        started = host.memory()["rss_mib"]
        driver = [sys.executable, str(ROOT / "benchmarks" / "players.py")]
        players = subprocess.Popen(
            [*driver, "--port", str(host.port), "--think", str(NEVER), *ids],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert players.stdout is not None
            seated = int(players.stdout.readline().split()[1])
            time.sleep(settle)
            memory = host.memory()
        finally:
            players.kill()
            players.wait(10)
            host.stop()
    return {"tables": tables, "mode": mode, "seated": seated, "started": started, **memory}


HEAD = (
    "| tables | connections | store | host RSS at start MiB | host RSS idle MiB | peak MiB |"
    "\n|---|---|---|---|---|---|"
)


def row(r: dict[str, Any]) -> str:
    return (
        f"| {r['tables']} | {r['seated']} | {r['mode']} | {r['started']:.0f}"
        f" | {r['rss_mib']:.0f} | {r['peak_mib']:.0f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=1000)
    parser.add_argument("--settle", type=float, default=3.0, help="seconds after all sat")
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    print(HEAD)
    results = {}
    for mode in ("durable", "bare"):
        results[mode] = r = measure(args.tables, mode, args.settle)
        print(row(r), flush=True)
        if r["seated"] != args.tables * SEATS:
            print(f"  seated {r['seated']} of {args.tables * SEATS}", flush=True)
    felt, bare = results["durable"], results["bare"]
    line = f"felt/bare: {felt['rss_mib'] / bare['rss_mib']:.2f}x resident memory when idle"
    print(line)
    if args.record:
        record(
            f"## Idle — {machine()}\n\n`python benchmarks/idle.py --tables {args.tables}"
            f" --settle {args.settle:g}`: six seated players per table who do not act.\n\n"
            + HEAD
            + "\n"
            + "\n".join(row(r) for r in results.values())
            + f"\n\n{line}"
        )


if __name__ == "__main__":
    main()
