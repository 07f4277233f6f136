"""A table bound to its log: the one path by which commands become events and writes.

`handle` decides a command and returns its events with the write that makes them
durable; nothing is written here (the store is only read, to go back). Until the
network shell reports the write committed, the events are `pending`: catch-up sends
them after the committed ones (in the same, not yet sent, batch). If the commit
fails, `reload` puts the table back to what the store holds, so memory never runs
ahead of the disk; if deciding a command hits a bug, `recover` puts it back to just
before that command (the store, then what is pending).
"""

from __future__ import annotations

import json
import random
import uuid
from dataclasses import replace

from host_server.errors import CommandError
from host_server.store.log import LogStore
from host_server.store.tokens import new_token
from host_server.store.writes import (
    ArchivedHand,
    NewTable,
    Receipt,
    Recorded,
    TableWrite,
    encode_snapshot,
)
from host_server.table import decide, events as ev
from host_server.table.archive import HandRecord
from host_server.table.commands import Command
from host_server.table.hand_fold import FinishedHand
from host_server.table.settings import TableSettings
from host_server.table.state import Table


class TableSession:
    def __init__(self, store: LogStore, table: Table) -> None:
        self.store = store  # read, to go back
        self.table = table
        self.pending: list[Recorded] = []  # decided, not yet known to be committed

    @classmethod
    def create(
        cls,
        store: LogStore,
        settings: TableSettings,
        host_name: str,
        now: float,
        *,
        table_id: str | None = None,
        rng: random.Random | None = None,
    ) -> tuple[TableSession, str, TableWrite]:
        """A new table; the host's rejoin token; the write that creates it."""
        table_id = table_id or uuid.uuid4().hex[:12]
        table, first = decide.create(table_id, settings, host_name, now, rng)
        token, digest = new_token()
        session = cls(store, table)
        row = NewTable(table_id, settings.name, json.dumps(settings.to_dict()), now)
        write = session._write([Recorded(1, now, first[0])], now, token=(1, digest))
        return session, token, replace(write, new_table=row)

    def handle(
        self,
        command: Command,
        now: float,
        *,
        receipt: Receipt | None = None,
        token: tuple[int, str] | None = None,
    ) -> tuple[list[Recorded], TableWrite | None]:
        """Decide and apply a command; its events (in seq order) and their write.

        `receipt` (a command id's answer) and `token` (a new member's token hash) go in
        the same write as the events. A `CommandError` changes nothing; any other
        error (a bug) puts the table back as it was and goes up.
        """
        base = self.table.seq
        try:
            events = decide.handle(self.table, command, now)
        except CommandError:
            raise  # nothing was changed
        except Exception:
            self.recover()
            raise
        if not events:
            return [], None
        recorded = [Recorded(base + i + 1, now, e) for i, e in enumerate(events)]
        write = self._write(recorded, now, receipt=receipt, token=token)
        return recorded, write

    def _write(
        self,
        recorded: list[Recorded],
        now: float,
        *,
        receipt: Receipt | None = None,
        token: tuple[int, str] | None = None,
    ) -> TableWrite:
        table = self.table
        touched = {getattr(r.event, "member_id", None) for r in recorded}
        touched |= {1} if recorded[0].seq == 1 else set()
        started = any(isinstance(r.event, ev.HandStarted) for r in recorded)
        self.pending += recorded
        return TableWrite(
            table_id=table.table_id,
            recorded=tuple(recorded),
            closed=table.closed,
            members=tuple(
                (m.id, m.name, m.role.value) for i, m in table.members.items() if i in touched
            ),
            snapshot=encode_snapshot(table) if started else None,
            hands=tuple(self._archive(done, now) for done in table.take_finished_hands()),
            receipt=receipt,
            token=token,
        )

    def _archive(self, done: FinishedHand, now: float) -> ArchivedHand:
        start, table = done.start, self.table
        names = [table.members[m].name for m in start.members]
        structure = table.settings.tournament
        level = None
        if structure is not None:  # the level whose blinds it was dealt at (they only rise)
            bigs = [v.big_blind for v in structure.levels]
            level = bigs.index(start.big_blind) + 1 if start.big_blind in bigs else None
        record = HandRecord(
            table.table_id, table.settings.name, now, start, done.steps, done.end,
            tuple(names), done.started_at, level, structure.buy_in if structure else 0,
        )  # fmt: skip
        return ArchivedHand(start.hand_no, now, "".join(start.deck), record.to_json())

    def committed(self) -> None:
        """Everything pending is on disk."""
        self.pending = []

    def reload(self) -> None:
        """Back to what the store holds: the pending writes were not committed."""
        self.pending = []
        self.recover()

    def recover(self) -> None:
        """Back to what the store holds and then what is pending: the table as it was
        before the command that was being decided."""
        rng = self.table.rng
        table = self.store.load(self.table.table_id)
        for recorded in self.pending:
            table.apply(recorded.event, recorded.at)
        table.take_finished_hands()  # archived with their own writes
        table.rng = rng
        self.table = table

    def missed(self, after: int) -> list[Recorded] | None:
        """The events after `after`, committed or pending; None when a snapshot must do."""
        table = self.table
        if not 0 < after <= table.seq:
            return None
        pending = self.pending
        if pending and after >= pending[0].seq - 1:
            return [r for r in pending if r.seq > after]
        stored = self.store.events_after(table.table_id, after)
        if stored is None:
            return None
        return stored + [r for r in pending if r.seq > (stored[-1].seq if stored else after)]
