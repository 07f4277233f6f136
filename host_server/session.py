"""A table bound to its store: the one writer that turns commands into committed events.

Durable before visible: `execute` returns events only once they are committed.
If the commit fails, the table is rebuilt from the store (so memory never runs
ahead of the disk) and the error goes up; nothing was acknowledged.
"""

from __future__ import annotations

import random
import uuid

from host_server.errors import CommandError
from host_server.store import ArchivedHand, Receipt, Recorded, Store
from host_server.table import decide, events as ev
from host_server.table.archive import HandRecord, phh_text
from host_server.table.commands import Command
from host_server.table.settings import TableSettings
from host_server.table.state import FinishedHand, Table
from host_server.tokens import new_token


class TableSession:
    def __init__(self, store: Store, table: Table) -> None:
        self.store = store
        self.table = table

    @classmethod
    def create(
        cls,
        store: Store,
        settings: TableSettings,
        host_name: str,
        now: float,
        *,
        table_id: str | None = None,
        rng: random.Random | None = None,
    ) -> tuple[TableSession, str]:
        """A new table in the store; returns it and the host's rejoin token."""
        table, first = decide.create(
            table_id or uuid.uuid4().hex[:12], settings, host_name, now, rng
        )
        token, digest = new_token()
        store.create_table(table, [Recorded(1, now, first[0])], digest, now)
        return cls(store, table), token

    def execute(
        self,
        command: Command,
        now: float,
        *,
        receipt: Receipt | None = None,
        token: tuple[int, str] | None = None,
    ) -> list[Recorded]:
        """Handle, commit, and only then return what happened (in seq order).

        `receipt` (a command id's answer) and `token` (a new member's token hash)
        are written in the same transaction as the events, or not at all.
        """
        base = self.table.seq
        try:
            events = decide.handle(self.table, command, now)
        except CommandError:
            raise  # nothing was changed
        except Exception:
            self.reload()
            raise
        if not events:
            return []
        recorded = [Recorded(base + i + 1, now, e) for i, e in enumerate(events)]
        hands = [self._archive(done, now) for done in self.table.take_finished_hands()]
        try:
            self.store.commit(
                self.table,
                recorded,
                snapshot=any(isinstance(e, ev.HandStarted) for e in events),
                hands=hands,
                receipt=receipt,
                token=token,
            )
        except Exception:
            self.reload()
            raise
        return recorded

    def _archive(self, done: FinishedHand, now: float) -> ArchivedHand:
        start, table = done.start, self.table
        names = [table.members[m].name for m in start.members]
        record = HandRecord(
            table.table_id, table.settings.name, now, start, done.steps, done.end, tuple(names)
        )
        phh = phh_text(start, done.hand, names, table.settings.name)
        return ArchivedHand(start.hand_no, now, "".join(start.deck), phh, record.to_json())

    def reload(self) -> None:
        """Back to what the store holds (memory never runs ahead of the disk)."""
        rng = self.table.rng
        self.table = self.store.load(self.table.table_id)
        self.table.rng = rng
