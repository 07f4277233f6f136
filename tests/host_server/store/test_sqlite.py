"""The SQLite store: exact restore, one transaction per command, corruption, cleanup."""

from __future__ import annotations

import contextlib
import json
import random
import sqlite3
import tempfile
import zlib
from pathlib import Path

import pytest
from hypothesis import given, strategies as st
from pokerkit import HandHistory
from sqlite_utils import Database

from host_server.errors import CommandError, FeltError, StorageUnavailable
from host_server.host.session import TableSession
from host_server.rules.moves import Action
from host_server.store.log import DAY
from host_server.store.migrations import SCHEMA_VERSION, migrations
from host_server.store.sqlite import Store
from host_server.store.tokens import matches
from host_server.store.writes import decode_snapshot, encode_snapshot
from host_server.table import commands as cmd, dealer, events as ev, snapshot
from host_server.table.settings import TableSettings
from host_server.views.archive import hand_view
from host_server.views.exports import phh_of_view
from tests.support import sessions
from tests.support.checks import assert_conserved
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


@given(seed=st.integers(0, 2**32), steps=st.integers(0, 250))
def test_a_table_reloaded_from_the_store_equals_the_one_in_memory(seed, steps):
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "felt.db")
        session, _ = sessions.create(store, SETTINGS, "Host", T0, rng=random.Random(seed))
        play_randomly(session, random.Random(seed + 1), steps, T0)
        reloaded = Store(Path(folder) / "felt.db").load(session.table.table_id)
        assert snapshot.to_dict(reloaded) == snapshot.to_dict(session.table)
        assert_conserved(reloaded)
        store.close()


def test_seq_is_gapless_and_each_command_is_one_transaction(tmp_path):
    store = Store(tmp_path / "felt.db")
    session = seated_session(store)
    seqs = [r[0] for r in store.db.execute("SELECT seq FROM events ORDER BY seq")]
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))
    assert seqs[-1] == session.table.seq == store.table_rows()[0]["seq"]
    # A writer that is behind the log cannot append to it.
    behind = Store(tmp_path / "felt.db").load(session.table.table_id)
    sessions.run(session, cmd.Act(1, Action.CALL, session.table.hand_no), T0 + 6)
    stale = TableSession(store, behind)
    with pytest.raises(Exception, match="does not follow"):
        sessions.run(stale, cmd.Act(1, Action.CALL, behind.hand_no), T0 + 6)


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


def test_a_corrupt_table_is_named_and_the_others_still_load(tmp_path):
    store = Store(tmp_path / "felt.db")
    good = seated_session(store)
    bad_event = seated_session(store)
    sessions.run(bad_event, cmd.Act(1, Action.CALL, bad_event.table.hand_no), T0 + 6)
    bad_snapshot = seated_session(store)
    store.db.execute(
        "UPDATE events SET payload = ? WHERE table_id = ? AND seq = ?",
        [
            json.dumps({"kind": "player_acted", "seat": 9}),
            bad_event.table.table_id,
            bad_event.table.seq,
        ],
    )
    store.db.execute(
        "UPDATE snapshots SET state = x'00' WHERE table_id = ?", [bad_snapshot.table.table_id]
    )
    store.db.conn.commit()
    tables, errors = Store(tmp_path / "felt.db").restore_all()
    assert list(tables) == [good.table.table_id]
    broken = [bad_event.table.table_id, bad_snapshot.table.table_id]
    assert [e.table_id for e in errors] == broken
    for error, table_id in zip(errors, broken, strict=True):
        assert table_id in str(error) and error.code == "corrupt_table"


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


def test_closed_tables_are_cleaned_up_after_their_age(tmp_path):
    store = Store(tmp_path / "felt.db")
    old, _ = sessions.create(store, SETTINGS, "Host", T0)
    sessions.run(old, cmd.Close(1), T0)
    recent, _ = sessions.create(store, SETTINGS, "Host", T0)
    sessions.run(recent, cmd.Close(1), T0 + 20 * DAY)
    running, _ = sessions.create(store, SETTINGS, "Host", T0)
    assert store.cleanup(T0 + 31 * DAY) == [old.table.table_id]
    left = [r["table_id"] for r in store.table_rows()]
    assert left == [recent.table.table_id, running.table.table_id]
    assert list(store.restore_all()[0]) == [running.table.table_id]


def test_snapshots_stay_small_and_old_events_are_compacted(tmp_path):
    store = Store(tmp_path / "felt.db")
    settings = TableSettings("Ten seats, long names", seats=10, auto_approve=True)
    session, _ = sessions.create(store, settings, "Host with a long name", T0, rng=random.Random(3))
    now = T0
    for seat in range(2, 11):
        sessions.run(session, cmd.RequestJoin(f"Player number {seat:02}"), now)
        sessions.run(session, cmd.Sit(seat, seat, 200), now)
    sessions.run(session, cmd.Sit(1, 1, 200), now)
    for _ in range(400):  # everyone calls down, hand after hand
        table = session.table
        if table.hand_no >= 4:
            break
        if table.actor_seat is None:
            now = dealer.next_deadline(table) or now + 1
            sessions.run(session, cmd.Tick(), now)
            continue
        legal = table.hand.legal()
        action = Action.CALL if legal.can_call else Action.CHECK
        sessions.run(
            session, cmd.Act(table.seats[table.actor_seat].member_id, action, table.hand_no), now
        )
    assert session.table.hand_no == 4
    # (About 90 bytes of it are the checked shuffle's commitment and secret: random, so
    # they do not compress; the rest stays under the kilobyte it always fitted in.)
    assert len(encode_snapshot(session.table)) < 1024 + 100
    kept = store.db.execute("SELECT min(seq) FROM events").fetchone()[0]
    assert kept > 1  # events before the previous snapshot are gone...
    reloaded = Store(tmp_path / "felt.db").load(session.table.table_id)
    assert snapshot.to_dict(reloaded) == snapshot.to_dict(session.table)  # ...and nothing is lost
    assert store.events_after(session.table.table_id, 0) is None  # those callers get a snapshot


def test_finished_hands_are_archived_as_records_that_make_a_phh_pokerkit_reads(tmp_path):
    store = Store(tmp_path / "felt.db")
    session = seated_session(store)
    sessions.run(session, cmd.Act(1, Action.RAISE, session.table.hand_no, 10), T0 + 6)
    sessions.run(session, cmd.Act(2, Action.CALL, session.table.hand_no), T0 + 7)
    while session.table.hand is not None:
        actor = session.table.actor_seat
        sessions.run(session, cmd.Act(actor, Action.CHECK, session.table.hand_no), T0 + 8)
    ((phh, deck),) = store.db.execute(
        "SELECT phh, deck FROM hands WHERE table_id = ?", [session.table.table_id]
    )
    assert phh is None and len(deck) == 104  # (no PHH built at the hand's end)
    (record,) = store.hand_records(session.table.table_id, hand_no=None, last=10)
    *_, final = HandHistory.loads(phh_of_view(hand_view(record, None, every_card=True)))
    assert sorted(final.stacks) == sorted(session.table.seats[n].stack for n in (1, 2))


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
