"""`felt`: the desktop app's entry point.

The Qt window arrives with the desktop issue. Until then `felt` opens the host's
per-user database, deletes tables closed long ago, restores every other table
and shows where each one stands (creating a first table if there is none), so a
fresh install shows the host side working end to end.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence

from host_server.cli import list_tables
from host_server.paths import default_db
from host_server.session import TableSession
from host_server.settings import TableSettings
from host_server.store import Store


def main(argv: Sequence[str] | None = None) -> int:
    path = default_db()
    store = Store(path)
    try:
        store.cleanup(time.time())
        if not store.table_rows():
            TableSession.create(store, TableSettings("Home game", seats=6), "You", time.time())
        print(f"Felt host database: {path}")
        for table in list_tables(store):
            if "error" in table:
                print(f"  {table['name']}: cannot be restored ({table['error']['message']})")
                continue
            print(
                f"  {table['name']}: blinds {table['small_blind']}/{table['big_blind']}, "
                f"{table['seats_taken']}/{table['seats']} seats taken, "
                f"hand {table['hand_no']}, event {table['seq']}"
            )
        print("The table window comes with the desktop app; `felt-host --help` manages tables.")
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
