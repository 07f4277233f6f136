"""Restart: SIGKILL a host serving T tables mid-hand, start it again, time the way back.

Run: python benchmarks/restart.py [--tables 100] [--rounds 3] [--record]

Six real WebSocket players per table play (about one action a second per
player) in this process while `felt-host serve` runs in another. Each round
kills the host with SIGKILL, starts a new one on the same database and port,
and measures: how long the new process took to listen, its restore time per
table (from its /health), and the time from the new process starting until
every player has resumed and holds every event it missed. Nothing may be lost:
no player may find the host behind what it had seen, and no seq may skip.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from players import Meter, caught_up, seat_tables, start
from rig import (
    SEATS,
    HostProcess,
    free_port,
    machine,
    make_tables,
    percentile,
    raise_open_files,
    record,
)


def health(port: int) -> dict[str, Any]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=10) as answer:
        data: dict[str, Any] = json.load(answer)
    return data


async def measure(count: int, rounds: int, play: float) -> list[dict[str, Any]]:
    raise_open_files(count * SEATS * 2 + 1000)
    results = []
    with tempfile.TemporaryDirectory(prefix="felt-restart-") as folder:
        db = Path(folder) / "host.db"
        ids = make_tables(db, count)
        host = HostProcess(db, free_port())
        host.start()
        tables = seat_tables(ids, host.port, Meter(), think=1.0)
        tasks = await start(tables)
        try:
            for _ in range(rounds):
                await asyncio.sleep(play)  # hands under way
                host.kill()
                await asyncio.sleep(0.3)  # every player has noticed and is retrying
                began = time.time()
                listening = await asyncio.to_thread(host.start)
                players = [p for t in tables for p in t.players]
                backs = await caught_up(players, began, timeout=60)
                restored = await asyncio.to_thread(health, host.port)
                results.append(
                    {
                        "tables": count,
                        "clients": len(players),
                        "listening_s": listening,
                        "restore_ms_per_table": 1000 * restored["restored_in"] / count,
                        "back_p50_s": percentile(backs, 0.5),
                        "back_max_s": max(backs),
                        "lost": sum(p.lost for p in players),
                        "gaps": sum(p.gaps for p in players),
                    }
                )
        finally:
            for table in tables:
                for player in table.players:
                    player.stopped = True
            host.kill()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
    return results


HEAD = (
    "| tables | clients | new host listening (s) | restore per table (ms)"
    " | all clients back, from the new process (s): p50 / max | lost | seq gaps |\n"
    "|---|---|---|---|---|---|---|"
)


def row(r: dict[str, Any]) -> str:
    return (
        f"| {r['tables']} | {r['clients']} | {r['listening_s']:.2f}"
        f" | {r['restore_ms_per_table']:.2f} | {r['back_p50_s']:.2f} / {r['back_max_s']:.2f}"
        f" | {r['lost']} | {r['gaps']} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--play", type=float, default=3.0, help="seconds of play between kills")
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    results = asyncio.run(measure(args.tables, args.rounds, args.play))
    print(HEAD)
    for r in results:
        print(row(r))
    bad = sum(r["lost"] + r["gaps"] for r in results)
    if args.record:
        record(
            f"## Restart — {machine()}\n\n`python benchmarks/restart.py --tables {args.tables}"
            f" --rounds {args.rounds}`: SIGKILL mid-hand, restart on the same database.\n\n"
            + HEAD
            + "\n"
            + "\n".join(row(r) for r in results)
        )
    if bad:
        raise SystemExit(f"{bad} events lost or skipped")


if __name__ == "__main__":
    main()
