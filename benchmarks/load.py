"""Load: T six-seat tables of real WebSocket players against one `felt-host serve`.

Run: python benchmarks/load.py [--tables 10,100,1000] [--seconds 10] [--record]

For each table count, each load (`back-to-back`: players act the moment it is
their turn; `paced`: each table acts about once a second) and each store
(`durable`: the normal SQLite file, synchronous=FULL; `memory`: the same host
serving an in-memory copy; `bare`: the floor, benchmarks/bare.py, durable too), it
starts the host, seats six players per table from separate driver processes,
measures for --seconds, and prints: actions per second, action-to-update latency (a
player sends `act` -> the last member of its table has the event) p50/p99/max, the
host's CPU (in all, and per action) and memory, the driver's CPU (when it is near a
core, the driver was the limit), bytes per action on the wire and database bytes per
hand; and Felt beside its floor, as ratios. --record appends the table to RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
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
    percentile,
    pin,
    pinned_cores,
    raise_open_files,
    record,
)

LOADS = {"back-to-back": 0.0, "paced": 1.0}  # think seconds per action; paced: 1 action/s/table


def used_bytes(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    return int((pages - free) * size)


def hands_in(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        count = conn.execute("SELECT count(*) FROM hands").fetchone()[0]
    conn.close()
    return int(count)


def run(
    tables: int,
    load: str,
    mode: str,
    seconds: float,
    drivers: int,
    compression: bool,
    pinned: bool = False,
) -> dict[str, Any]:
    raise_open_files(tables * SEATS * 2 + 1000)
    with tempfile.TemporaryDirectory(prefix="felt-load-") as folder:
        db = Path(folder) / "host.db"
        ids = make_tables(db, tables)
        before = used_bytes(db)
        extra = ["--in-memory"] if mode == "memory" else []
        if compression:
            extra += ["--compression", "deflate"]
        if mode == "bare":
            extra = []  # (the floor has one store and no compression)
        timing = Path(folder) / "timing.json"
        extra += ["--timing", str(timing)]
        host = (BareProcess if mode == "bare" else HostProcess)(db, free_port(), *extra)
        host.start()
        host_cores, driver_cores = pinned_cores() if pinned else (set(), set())
        if pinned:
            pin(host.pid, host_cores)
        procs = []
        try:
            for d in range(drivers):
                share = ids[d::drivers]
                if not share:
                    continue
                procs.append(
                    subprocess.Popen(
                        [
                            sys.executable,
                            str(ROOT / "benchmarks" / "players.py"),
                            "--port",
                            str(host.port),
                            "--think",
                            str(LOADS[load]),
                            *(["--compression"] if compression else []),
                            *share,
                        ],
                        stdin=subprocess.PIPE,
                        stdout=subprocess.PIPE,
                        text=True,
                    )
                )
                if pinned:
                    pin(procs[-1].pid, driver_cores)
            seated = 0
            for proc in procs:
                assert proc.stdout is not None
                seated += int(proc.stdout.readline().split()[1])
            time.sleep(min(3.0, seconds / 3))  # every table deals before we count
            cpu0, wall0 = host.cpu_seconds(), time.monotonic()
            for proc in procs:
                assert proc.stdin is not None
                proc.stdin.write(f"go {seconds}\n")
                proc.stdin.flush()
            parts = []
            for proc in procs:
                assert proc.stdout is not None
                parts.append(json.loads(proc.stdout.readline()))
            cpu = host.cpu_seconds() - cpu0
            wall = time.monotonic() - wall0
            window = (wall0, wall0 + wall)
            memory = host.memory()
        finally:
            for proc in procs:
                proc.kill()
                proc.wait(10)
            host.stop()
        host_side = host_figures(json.loads(timing.read_text()), *window)
        latencies = [x for p in parts for x in p["latencies"]]
        actions = sum(p["actions"] for p in parts)
        hands = hands_in(db) if mode == "durable" else 0
        driver_cpu = sum(p["cpu_seconds"] for p in parts)
        errors: dict[str, int] = {}
        for p in parts:
            for code, n in p["errors"].items():
                errors[code] = errors.get(code, 0) + n
        if not actions:
            raise Stalled(
                f"{tables} tables, {load}, {mode}: no action completed in {seconds:g} s"
                f" (seated {seated} of {tables * SEATS}; errors {errors or 'none'};"
                f" held back for the rate limit {sum(p['paced'] for p in parts)},"
                f" resent after rate_limited {sum(p['resent'] for p in parts)})"
            )
        return {
            "tables": tables,
            "load": load,
            "mode": mode,
            "seated": seated,
            "actions_per_s": actions / seconds,
            "p50_ms": percentile(latencies, 0.5) * 1000,
            "p99_ms": percentile(latencies, 0.99) * 1000,
            **host_side,
            "max_ms": max(latencies, default=float("nan")) * 1000,
            "cpu_percent": 100 * cpu / wall,
            "cpu_ms_per_action": 1000 * cpu / actions,
            "driver_percent": 100 * driver_cpu / seconds,
            "rss_mib": memory["rss_mib"],
            "peak_mib": memory["peak_mib"],
            "bytes_per_action": sum(p["bytes"] for p in parts) / max(1, actions),
            "db_bytes_per_hand": (used_bytes(db) - before) / hands if hands else float("nan"),
            "hands_per_s": sum(p["hands"] for p in parts) / seconds,
            "errors": errors,
            "paced": sum(p["paced"] for p in parts),
            "resent": sum(p["resent"] for p in parts),
        }


def host_figures(timing: dict[str, list[Any]], start: float, end: float) -> dict[str, float]:
    """From the host's own account (`serve --timing`), the measured seconds only: its
    latency, a frame read to its frames written after their commit, and the CPU its core
    spent deciding an action that ended a hand against any other."""
    latencies = [s for at, s in timing["latencies"] if start <= at <= end]
    cpu = [(s, ended) for at, s, ended in timing["cpu"] if start <= at <= end]
    ends = [s for s, ended in cpu if ended]
    others = [s for s, ended in cpu if not ended]
    mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")  # noqa: E731
    return {
        "host_p50_ms": percentile(latencies, 0.5) * 1000,
        "host_p99_ms": percentile(latencies, 0.99) * 1000,
        "end_cpu_ms": mean(ends) * 1000,
        "other_cpu_ms": mean(others) * 1000,
    }


class Stalled(Exception):
    """A run in which the players completed no action: a stall, not a figure."""


HEAD = (
    "| tables | load | store | actions/s | p50 ms | p99 ms | max ms | host p50 ms | host p99 ms"
    " | host CPU | CPU ms/action | hand end / other (core ms) | driver CPU | host RSS MiB"
    " | bytes/action | db bytes/hand |"
    "\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def row(r: dict[str, Any]) -> str:
    return (
        f"| {r['tables']} | {r['load']} | {r['mode']} | {r['actions_per_s']:.0f}"
        f" | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | {r['max_ms']:.1f}"
        f" | {r['host_p50_ms']:.2f} | {r['host_p99_ms']:.2f}"
        f" | {r['cpu_percent']:.0f}% | {r['cpu_ms_per_action']:.3f}"
        f" | {r['end_cpu_ms']:.2f} / {r['other_cpu_ms']:.3f}"
        f" ({ratio(r['end_cpu_ms'], r['other_cpu_ms']):.1f}x) | {r['driver_percent']:.0f}%"
        f" | {r['rss_mib']:.0f} | {r['bytes_per_action']:.0f}"
        f" | {r['db_bytes_per_hand']:.0f} |"
    )


def ratio(a: float, b: float) -> float:
    """a/b, or nan where b measured nothing (a short run: CPU counts in 10 ms ticks)."""
    return a / b if b else float("nan")


def beside(pair: dict[str, dict[str, Any]]) -> list[str]:
    """Felt against its floor and against itself in memory, from the same invocation."""
    lines = []
    felt = pair.get("durable")
    for other, name in (("bare", "felt/bare"), ("memory", "durable/memory")):
        if felt is None or other not in pair:
            continue
        o = pair[other]
        lines.append(
            f"  {name}: {ratio(felt['cpu_ms_per_action'], o['cpu_ms_per_action']):.2f}x CPU per"
            f" action, {ratio(felt['actions_per_s'], o['actions_per_s']):.2f}x actions/s,"
            f" p99 {felt['p99_ms'] - o['p99_ms']:+.2f} ms,"
            f" host p99 {felt['host_p99_ms'] - o['host_p99_ms']:+.2f} ms"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", default="10,100,1000", help="comma-separated counts")
    parser.add_argument("--loads", default=",".join(LOADS), help="back-to-back, paced")
    parser.add_argument("--modes", default="durable,memory,bare")
    parser.add_argument("--seconds", type=float, default=10.0, help="measured, per run")
    parser.add_argument("--drivers", type=int, default=1, help="player processes")
    parser.add_argument("--compression", action="store_true", help="permessage-deflate on")
    parser.add_argument(
        "--pin", action="store_true", help="the host on the last core, the drivers on the rest"
    )
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    results, ratios = [], []
    print(HEAD)
    for tables in [int(t) for t in args.tables.split(",")]:
        for load in args.loads.split(","):
            pair = {}
            for mode in args.modes.split(","):
                try:
                    r = run(
                        tables,
                        load,
                        mode,
                        args.seconds,
                        args.drivers,
                        args.compression,
                        args.pin,
                    )
                except Stalled as stall:
                    sys.exit(f"load.py: the run stalled, so it has no figures: {stall}")
                results.append(r)
                pair[mode] = r
                print(row(r), flush=True)
                if r["errors"] or r["seated"] != tables * SEATS:
                    print(f"  seated {r['seated']}, errors {r['errors']}", flush=True)
                if r["paced"] or r["resent"]:
                    print(
                        f"  rate limit: players held back {r['paced']} messages,"
                        f" resent {r['resent']} refused as rate_limited",
                        flush=True,
                    )
            for line in beside(pair):
                print(line, flush=True)
                ratios.append(f"{tables} tables, {load}: {line.strip()}")
    if args.record:
        compression = "permessage-deflate on" if args.compression else "no compression"
        record(
            f"## Load — {machine()}\n\n`python benchmarks/load.py --tables {args.tables}"
            f" --seconds {args.seconds:g} --drivers {args.drivers}` ({compression}):"
            f" six players per table in separate processes over 127.0.0.1.\n\n"
            + HEAD
            + "\n"
            + "\n".join(row(r) for r in results)
            + "\n\n"
            + "\n".join(f"- {line}" for line in ratios)
        )


if __name__ == "__main__":
    main()
