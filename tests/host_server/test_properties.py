"""Random tables, random commands (legal and not): the invariants hold after every event."""

from __future__ import annotations

import contextlib
import random

from hypothesis import given, strategies as st

from host_server.errors import CommandError
from host_server.table import decide, snapshot
from host_server.table.settings import TableSettings
from host_server.table.state import Table
from host_server.views.ledger import balanced, ledger
from tests.support.checks import LeakWatch, assert_conserved
from tests.support.random_play import random_step

START = 1_800_000_000.0


def random_table(seats: int, ante: int, auto: bool, seed: int) -> Table:
    settings = TableSettings(
        "Prop",
        seats=seats,
        small_blind=1,
        big_blind=2,
        ante=ante,
        min_buy_in=10,
        max_buy_in=300,
        auto_approve=auto,
        approve_top_ups=not auto,
        action_seconds=10,
        time_bank_seconds=15,
    )
    table, _ = decide.create("prop", settings, "Host", START, random.Random(seed))
    return table


@given(
    seats=st.integers(2, 10),
    ante=st.sampled_from([0, 0, 1]),
    auto=st.booleans(),
    seed=st.integers(0, 2**32),
    rng=st.randoms(use_true_random=False),
    steps=st.integers(50, 300),
)
def test_random_play_keeps_every_invariant(seats, ante, auto, seed, rng, steps):
    table = random_table(seats, ante, auto, seed)
    watch = LeakWatch()
    now = START
    refused = hands = 0
    for step in range(steps):
        command, wait = random_step(table, rng)
        now += wait
        before = snapshot.to_dict(table)
        try:
            events = decide.handle(table, command, now)
        except CommandError as error:
            refused += 1
            assert error.code and error.message
            assert snapshot.to_dict(table) == before, f"{command} was refused but changed the table"
            continue
        watch.follow(table, events)
        assert_conserved(table)
        rows = ledger(table)
        assert balanced(rows), rows
        assert sum(r.buy_ins + r.top_ups for r in rows) == table.chips_accounted()[0]
        hands += sum(e.kind == "hand_ended" for e in events)
        if step % 10 == 0:
            watch.check_snapshots(table)
    assert refused > 0  # the driver does try illegal things


@given(seed=st.integers(0, 2**32), rng=st.randoms(use_true_random=False))
def test_rebuilt_from_events_equals_the_original(seed, rng):
    """state = fold(events): replaying the log, or a snapshot, gives the same table."""
    table = random_table(6, 0, True, seed)
    created = table.settings
    log = []
    now = START
    for _ in range(150):
        command, wait = random_step(table, rng)
        now += wait
        with contextlib.suppress(CommandError):
            log += [(e, now) for e in decide.handle(table, command, now)]
    replayed, _ = decide.create("prop", created, "Host", START)
    for event, at in log:
        replayed.apply(event, at)
    assert snapshot.to_dict(replayed) == snapshot.to_dict(table)
    assert snapshot.to_dict(snapshot.from_dict(snapshot.to_dict(table))) == snapshot.to_dict(table)
