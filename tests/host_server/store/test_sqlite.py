"""The SQLite store: exact restore, one transaction per command, corruption, cleanup."""

from __future__ import annotations

import contextlib
import json
import random
import sqlite3
import zlib

import pytest
from sqlite_utils import Database

from host_server.errors import CommandError, FeltError, StorageUnavailable
from host_server.host.session import TableSession
from host_server.rules.moves import Action
from host_server.store.migrations import SCHEMA_VERSION, migrations
from host_server.store.sqlite import Store
from host_server.store.tokens import matches
from host_server.store.writes import decode_snapshot
from host_server.table import commands as cmd, events as ev, snapshot
from tests.support import sessions
from tests.support.random_play import RANDOM_TABLE, random_step
from tests.support.tables import T0

SETTINGS = RANDOM_TABLE


def play_randomly(session: TableSession, rng: random.Random, steps: int, now: float) -> float:
    for _ in range(steps):
        command, wait = random_step(session.table, rng)
        now += wait
        with contextlib.suppress(CommandError):
            sessions.run(session, command, now)
    return now


def seated_session(store: Store, now: float = T0) -> TableSession:
    session, _ = sessions.create(store, SETTINGS, "Host", now, rng=random.Random(1))
    sessions.run(session, cmd.RequestJoin("Ann"), now)
    sessions.run(session, cmd.Sit(1, 1, 200), now)
    sessions.run(session, cmd.Sit(2, 2, 200), now + 1)
    sessions.run(session, cmd.Tick(), now + 5)
    assert session.table.hand is not None
    return session


def test_a_locked_database_refuses_the_command_and_memory_stays_with_the_disk(tmp_path):
    store = Store(tmp_path / "felt.db", busy_timeout_ms=50)
    session = seated_session(store)
    before = snapshot.to_dict(session.table)
    blocker = sqlite3.connect(tmp_path / "felt.db")
    blocker.execute("BEGIN EXCLUSIVE")
    with pytest.raises(StorageUnavailable) as error:
        sessions.run(session, cmd.Act(1, Action.CALL, session.table.hand_no), T0 + 6)
    assert error.value.code == "storage_unavailable"
    assert snapshot.to_dict(session.table) == before  # rebuilt from what was committed
    blocker.rollback()
    blocker.close()
    events = sessions.run(session, cmd.Act(1, Action.CALL, session.table.hand_no), T0 + 6)
    assert events and events[0].seq == before["seq"] + 1


def test_a_table_stored_before_an_event_gained_a_field_loads_with_its_default(tmp_path):
    """An upgrade reads what an older Felt stored: a hand started before straddles (no
    `straddle` in its event or in the snapshot's hand) is restored as it was."""
    store = Store(tmp_path / "felt.db")
    session = seated_session(store)
    table_id = session.table.table_id
    for seq, payload in store.db.execute(
        "SELECT seq, payload FROM events WHERE table_id = ?", [table_id]
    ).fetchall():
        old = {k: v for k, v in json.loads(payload).items() if k != "straddle"}
        store.db.execute(
            "UPDATE events SET payload = ? WHERE table_id = ? AND seq = ?",
            [json.dumps(old), table_id, seq],
        )
    for (blob,) in store.db.execute(
        "SELECT state FROM snapshots WHERE table_id = ?", [table_id]
    ).fetchall():
        data = decode_snapshot(blob)
        if data["hand_start"] is not None:
            del data["hand_start"]["straddle"]
        store.db.execute(
            "UPDATE snapshots SET state = ? WHERE table_id = ?",
            [zlib.compress(json.dumps(data).encode()), table_id],
        )
    store.db.conn.commit()
    stripped = store.db.execute("SELECT payload FROM events WHERE payload LIKE '%hand_started%'")
    assert all("straddle" not in payload for (payload,) in stripped.fetchall())
    tables, errors = Store(tmp_path / "felt.db").restore_all()
    assert errors == [] and snapshot.to_dict(tables[table_id]) == snapshot.to_dict(session.table)


def test_an_event_with_a_field_it_never_had_or_without_one_it_needs_is_refused():
    started = seated_session(Store(":memory:")).table.hand_start
    assert started is not None
    with pytest.raises(FeltError, match="hand_started"):
        ev.event_from_dict({**started.to_dict(), "colour": "red"})
    with pytest.raises(FeltError, match="hand_started"):
        ev.event_from_dict({k: v for k, v in started.to_dict().items() if k != "deck"})


def test_hands_archived_before_records_keep_their_phh(tmp_path):
    """A database from before 0004: the migration keeps every row as it was."""
    path = tmp_path / "felt.db"
    old = Database(path)
    migrations.apply(old, stop_before="0004_phh_from_records")
    old.execute("INSERT INTO tables VALUES ('t1', 'Old', '{}', 0, 0, 0, NULL)")
    old.execute("INSERT INTO hands VALUES ('t1', 1, 0, 'AsKs', 'variant = \"NT\"', NULL)")
    old.conn.commit()
    old.close()
    store = Store(path)
    rows = store.db.execute("SELECT table_id, hand_no, deck, phh, record FROM hands").fetchall()
    assert rows == [("t1", 1, "AsKs", 'variant = "NT"', None)]
    assert len(migrations.applied(store.db)) == SCHEMA_VERSION == 4


def test_migrations_run_once_and_tokens_are_stored_as_hashes(tmp_path):
    store = Store(tmp_path / "felt.db")
    assert len(migrations.applied(store.db)) == SCHEMA_VERSION == 4
    session, token = sessions.create(store, SETTINGS, "Host", T0)
    again = Store(tmp_path / "felt.db")
    assert len(migrations.applied(again.db)) == SCHEMA_VERSION
    (stored,) = [r[0] for r in again.db.execute("SELECT token_hash FROM tokens")]
    assert stored != token and matches(token, stored) and not matches(token + "x", stored)
    assert len(token) >= 43  # 256 bits, url-safe base64
    assert again.token_owner(token) == (session.table.table_id, 1, T0)
    assert again.token_owner(token[:-1]) is None
