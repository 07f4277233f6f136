"""Either store, SQLite or PostgreSQL (the `opener` fixture runs each test on both: a
file, and a database of its own on a real server the tests start): exact restore, one
transaction per command and a gapless seq, corruption named, cleanup, compaction and the
hand archive."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from pokerkit import HandHistory

from host_server.host.session import TableSession
from host_server.rules.moves import Action
from host_server.store.log import DAY, LogStore
from host_server.store.writes import encode_snapshot
from host_server.table import commands as cmd, dealer, snapshot
from host_server.table.settings import TableSettings
from host_server.views.archive import hand_view
from host_server.views.exports import phh_of_view
from tests.host_server.store.test_sqlite import SETTINGS, play_randomly, seated_session
from tests.support import sessions
from tests.support.checks import assert_conserved
from tests.support.tables import T0

pytestmark = pytest.mark.filterwarnings("ignore:The field 'time_zone_abbreviation'")


def rows(store: LogStore, sql: str, args: Sequence[Any] = ()) -> list[Any]:
    return store.reader().execute(sql, args).fetchall()


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32), steps=st.integers(0, 250))
def test_a_table_reloaded_from_the_store_equals_the_one_in_memory(opener, seed, steps):
    """(One database for every example: each plays a table of its own.)"""
    with opener() as store, opener() as again:
        session, _ = sessions.create(store, SETTINGS, "Host", T0, rng=random.Random(seed))
        play_randomly(session, random.Random(seed + 1), steps, T0)
        reloaded = again.load(session.table.table_id)
        assert snapshot.to_dict(reloaded) == snapshot.to_dict(session.table)
        assert_conserved(reloaded)


def test_seq_is_gapless_and_each_command_is_one_transaction(opener):
    store = opener()
    session = seated_session(store)
    seqs = [r[0] for r in rows(store, "SELECT seq FROM events ORDER BY seq")]
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))
    assert seqs[-1] == session.table.seq == store.table_rows()[0]["seq"]
    # A writer that is behind the log cannot append to it.
    behind = opener().load(session.table.table_id)
    sessions.run(session, cmd.Act(1, Action.CALL, session.table.hand_no), T0 + 6)
    stale = TableSession(store, behind)
    with pytest.raises(Exception, match="does not follow"):
        sessions.run(stale, cmd.Act(1, Action.CALL, behind.hand_no), T0 + 6)


def test_a_corrupt_table_is_named_and_the_others_still_load(opener):
    store = opener()
    good = seated_session(store)
    bad_event = seated_session(store)
    sessions.run(bad_event, cmd.Act(1, Action.CALL, bad_event.table.hand_no), T0 + 6)
    bad_snapshot = seated_session(store)
    with store.transaction() as conn:
        conn.execute(
            "UPDATE events SET payload = ? WHERE table_id = ? AND seq = ?",
            [
                json.dumps({"kind": "player_acted", "seat": 9}),
                bad_event.table.table_id,
                bad_event.table.seq,
            ],
        )
        conn.execute(
            "UPDATE snapshots SET state = ? WHERE table_id = ?",
            [b"\x00", bad_snapshot.table.table_id],
        )
    tables, errors = opener().restore_all()
    assert list(tables) == [good.table.table_id]
    broken = [bad_event.table.table_id, bad_snapshot.table.table_id]
    assert [e.table_id for e in errors] == broken
    for error, table_id in zip(errors, broken, strict=True):
        assert table_id in str(error) and error.code == "corrupt_table"


def test_closed_tables_are_cleaned_up_after_their_age(opener):
    store = opener()
    old, _ = sessions.create(store, SETTINGS, "Host", T0)
    sessions.run(old, cmd.Close(1), T0)
    recent, _ = sessions.create(store, SETTINGS, "Host", T0)
    sessions.run(recent, cmd.Close(1), T0 + 20 * DAY)
    running, _ = sessions.create(store, SETTINGS, "Host", T0)
    assert store.cleanup(T0 + 31 * DAY) == [old.table.table_id]
    left = [r["table_id"] for r in store.table_rows()]
    assert left == [recent.table.table_id, running.table.table_id]
    assert list(store.restore_all()[0]) == [running.table.table_id]


def test_snapshots_stay_small_and_old_events_are_compacted(opener):
    store = opener()
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
    kept = rows(store, "SELECT min(seq) FROM events")[0][0]
    assert kept > 1  # events before the previous snapshot are gone...
    reloaded = opener().load(session.table.table_id)
    assert snapshot.to_dict(reloaded) == snapshot.to_dict(session.table)  # ...and nothing is lost
    assert store.events_after(session.table.table_id, 0) is None  # those callers get a snapshot


def test_finished_hands_are_archived_as_records_that_make_a_phh_pokerkit_reads(opener):
    store = opener()
    session = seated_session(store)
    sessions.run(session, cmd.Act(1, Action.RAISE, session.table.hand_no, 10), T0 + 6)
    sessions.run(session, cmd.Act(2, Action.CALL, session.table.hand_no), T0 + 7)
    while session.table.hand is not None:
        actor = session.table.actor_seat
        sessions.run(session, cmd.Act(actor, Action.CHECK, session.table.hand_no), T0 + 8)
    ((phh, deck),) = rows(
        store, "SELECT phh, deck FROM hands WHERE table_id = ?", [session.table.table_id]
    )
    assert phh is None and len(deck) == 104  # (no PHH built at the hand's end)
    (record,) = store.hand_records(session.table.table_id, hand_no=None, last=10)
    *_, final = HandHistory.loads(phh_of_view(hand_view(record, None, every_card=True)))
    assert sorted(final.stacks) == sorted(session.table.seats[n].stack for n in (1, 2))
