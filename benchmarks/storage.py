"""Storage per table: snapshot bytes and one hand's event bytes, at 2, 6 and 10 seats.

Run: python benchmarks/storage.py [--hands N] [--record]
Plays N hands (everyone calls down) per table size into a real SQLite file and
prints the figures; --record appends them to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from host_server.rules.moves import Action
from host_server.store.sqlite import Store
from host_server.store.writes import encode_snapshot
from host_server.table import commands as cmd, dealer
from host_server.table.settings import TableSettings
from tests.support import sessions


def measure(seats: int, hands: int, folder: Path) -> dict[str, float]:
    store = Store(folder / f"s{seats}.db")
    settings = TableSettings("Friday night game", seats=seats, auto_approve=True)
    session, _ = sessions.create(store, settings, "Host", 0.0, rng=random.Random(seats))
    now = 0.0
    for seat in range(2, seats + 1):
        sessions.run(session, cmd.RequestJoin(f"Player {seat:02}"), now)
        sessions.run(session, cmd.Sit(seat, seat, 200), now)
    sessions.run(session, cmd.Sit(1, 1, 200), now)
    event_bytes: list[int] = []
    snapshot_bytes: list[int] = []
    in_hand = 0
    for _ in range(hands * 40 * seats):  # bounded: stops after `hands` hands
        table = session.table
        if table.hand_no > hands:
            break
        if table.actor_seat is None:
            now = dealer.next_deadline(table) or now + 1
            for recorded in sessions.run(session, cmd.Tick(), now):
                if recorded.event.kind == "hand_started":  # the hand's events start here
                    in_hand = len(json.dumps(recorded.event.to_dict(), separators=(",", ":")))
            continue
        legal = table.hand.legal()
        assert legal is not None
        action = Action.CALL if legal.can_call else Action.CHECK
        member = table.seats[table.actor_seat].member_id
        for recorded in sessions.run(session, cmd.Act(member, action, table.hand_no), now):
            in_hand += len(json.dumps(recorded.event.to_dict(), separators=(",", ":")))
            if recorded.event.kind == "hand_ended":
                event_bytes.append(in_hand)
        if session.table.hand is not None:
            snapshot_bytes.append(len(encode_snapshot(session.table)))
    store.close()
    size = sum(p.stat().st_size for p in folder.glob(f"s{seats}.db*"))
    return {
        "seats": seats,
        "snapshot_bytes_max": max(snapshot_bytes),
        "hand_event_bytes_mean": round(sum(event_bytes) / len(event_bytes)),
        "db_bytes_per_hand": round(size / hands),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hands", type=int, default=30)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        rows = [measure(seats, args.hands, Path(folder)) for seats in (2, 6, 10)]
    for row in rows:
        print(json.dumps(row))
    if args.record:
        lines = [
            f"\n## Storage per table — {time.strftime('%Y-%m-%d')}, "
            f"{platform.machine()}, Python {platform.python_version()}\n",
            f"`python benchmarks/storage.py --hands {args.hands}`: every player calls down.\n",
            "| seats | snapshot, max (bytes, zlib JSON) | one hand's events (bytes) "
            "| database per hand (bytes, WAL incl.) |",
            "|---|---|---|---|",
            *(
                f"| {r['seats']} | {r['snapshot_bytes_max']} | {r['hand_event_bytes_mean']} "
                f"| {r['db_bytes_per_hand']} |"
                for r in rows
            ),
        ]
        with open(Path(__file__).with_name("RESULTS.md"), "a") as out:
            out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
