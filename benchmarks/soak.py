"""Crash soak: play, SIGKILL the host at a random moment, restart, check nothing was lost.

Run: python benchmarks/soak.py [--kills 20] [--tables 4] [--seed N] [--record]

Six real WebSocket players per table play quickly against `felt-host serve`.
Each round waits a random while (so kills land anywhere, commits included),
SIGKILLs the host and, with the host dead, reads its database and checks:
every acknowledged action is in it, every event a player saw is in it (seq for
seq, kind for kind, where the log still holds it), seqs are gapless and chips
are conserved at every table. Then the host starts again and every player must
resume to exactly where it was. At the end the tables go quiet, the host is
killed once more, and every player's table (the desktop app's model, fed only
by what it received) must equal the view the database gives that player.
Exits non-zero if anything was lost.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from players import Meter, TableRun, caught_up, seat_tables, start
from rig import HostProcess, free_port, machine, make_tables, record

from desktop.model.table import TableModel
from host_server.store.sqlite import Store
from host_server.table.state import Table
from tests.support import wire


def problems_on_disk(db: Path, tables: list[TableRun]) -> list[str]:
    """What the dead host's database says against what its players saw and were told."""
    found: list[str] = []
    logged: dict[tuple[str, int], str] = {}
    with sqlite3.connect(db) as conn:
        for table_id, seq, kind in conn.execute("SELECT table_id, seq, type FROM events"):
            logged[(table_id, seq)] = kind
    conn.close()
    with Store(db) as store:
        loaded, broken = store.restore_all()
    found += [str(error) for error in broken]
    for run in tables:
        table = loaded.get(run.table_id)
        if table is None:
            found.append(f"{run.table_id}: not restored")
            continue
        brought, held = table.chips_accounted()
        if brought != held:
            found.append(f"{run.table_id}: {brought} chips brought, {held} accounted for")
        for player in run.players:
            if player.seq > table.seq:
                found.append(f"{player.name}@{run.table_id}: saw seq {player.seq} > {table.seq}")
            for command, seq in player.acked.items():
                if seq > table.seq:
                    found.append(f"{player.name}: ack {command} at seq {seq} > {table.seq}")
            for seq, kind in player.events.items():
                stored = logged.get((run.table_id, seq))
                if stored is not None and stored != kind:
                    found.append(f"{player.name}: seq {seq} was {kind}, stored {stored}")
    return found


def view_of(table: Table, member_id: int) -> TableModel:
    model = TableModel(me=member_id)
    model.apply_snapshot(wire.snapshot(table, member_id))
    turn = wire.turn(table, member_id)
    if turn:
        model.apply_turn(turn)
    return model


async def quiet(tables: list[TableRun], timeout: float = 30.0) -> None:
    """Until every player of a table holds the same last seq for a while."""
    deadline = time.monotonic() + timeout
    last: list[int] = []
    while time.monotonic() < deadline:
        now = [p.seq for t in tables for p in t.players]
        settled = all(len({p.seq for p in t.players}) == 1 for t in tables)
        if settled and now == last:
            return
        last = now
        await asyncio.sleep(0.5)


async def soak(kills: int, count: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="felt-soak-") as folder:
        db = Path(folder) / "host.db"
        ids = make_tables(db, count)
        host = HostProcess(db, free_port())
        host.start()
        meter = Meter(measuring=True)
        tables = seat_tables(ids, host.port, meter, think=0.02)
        players = [p for t in tables for p in t.players]
        for player in players:
            player.keep_events = True
            player.model = TableModel()
        tasks = await start(tables)
        found: list[str] = []
        survived = 0
        try:
            for round_no in range(kills):
                await asyncio.sleep(rng.uniform(0.2, 1.5))
                host.kill()
                found += [f"kill {round_no + 1}: {p}" for p in problems_on_disk(db, tables)]
                began = time.time()
                host.start()
                if max(await caught_up(players, began, timeout=60)) == float("inf"):
                    found.append(f"kill {round_no + 1}: not every player came back")
                survived += 1
            for table in tables:
                table.frozen = True
            await quiet(tables)
            host.kill()
            found += problems_on_disk(db, tables)
            with Store(db) as store:
                loaded, _ = store.restore_all()
            for run in tables:
                table = loaded[run.table_id]
                for player in run.players:
                    assert player.model is not None and player.member_id is not None
                    if player.seq != table.seq:
                        found.append(f"{player.name}@{run.table_id}: at seq {player.seq}")
                    elif wire.drawn(player.model) != wire.drawn(view_of(table, player.member_id)):
                        found.append(f"{player.name}@{run.table_id}: its table differs")
        finally:
            for player in players:
                player.stopped = True
            host.kill()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        found += [f"{p.name}: {p.lost} resumes behind" for p in players if p.lost]
        found += [f"{p.name}: {p.gaps} seq gaps" for p in players if p.gaps]
        return {
            "kills": survived,
            "tables": count,
            "acked": sum(len(p.acked) for p in players),
            "hands": meter.hands,
            "problems": found,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--tables", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    r = asyncio.run(soak(args.kills, args.tables, args.seed))
    line = (
        f"{r['kills']} kills survived, {r['tables']} tables, {r['acked']} commands acknowledged,"
        f" {r['hands']} hands; lost or wrong: {len(r['problems'])}"
    )
    print(line)
    for problem in r["problems"][:50]:
        print("  " + problem)
    if args.record:
        record(
            f"## Crash soak — {machine()}\n\n`python benchmarks/soak.py --kills {args.kills}"
            f" --tables {args.tables} --seed {args.seed}`: {line}."
        )
    if r["problems"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
