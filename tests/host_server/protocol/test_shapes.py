"""The typed protocol holds both ends together: whatever the host's views say, in any
state of a random table, reads into the client's types with no field left over."""

from __future__ import annotations

import contextlib
import random

import msgspec
from hypothesis import given, settings, strategies as st

from host_server.errors import CommandError
from host_server.protocol import codec, host
from host_server.protocol.events import Hidden, read_event
from host_server.table import decide, events as ev
from host_server.views import live
from tests.support.random_play import RANDOM_TABLE, random_step
from tests.support.tables import T0


@settings(max_examples=30)
@given(seed=st.integers(0, 2**32), rng=st.randoms(use_true_random=False))
def test_every_view_of_a_random_table_reads_into_the_protocol_types(seed, rng):
    table, _ = decide.create("shapes", RANDOM_TABLE, "Host", T0, random.Random(seed))
    now, seen = T0, set()
    for _ in range(150):
        command, wait = random_step(table, rng)
        now += wait
        with contextlib.suppress(CommandError):
            for event in decide.handle(table, command, now):
                for viewer in [*table.members, None]:
                    frame = codec.event_frame(table.seq, live.project(table, event, viewer))
                    message = codec.decode(frame)
                    assert isinstance(message, host.Event)
                    read = read_event({"kind": message.kind, **message.data})
                    seen.add(type(read).__name__)
        for viewer in table.members:
            data = live.snapshot(table, viewer)
            view = codec.table_view(data)  # no unknown field, none missing
            assert within(data, msgspec.to_builtins(view))  # and every value read as sent
            turn = live.turn(table, viewer)
            if turn is not None:
                assert isinstance(codec.decode(codec.turn_frame(table.seq, turn)), host.Turn)
    assert seen <= {"Dealt", Hidden.__name__} | {k.__name__ for k in ev.EVENT_TYPES.values()}


def within(sent: object, read: object) -> bool:
    """Everything `sent` holds is in `read` (which may add the defaults it left out)."""
    if isinstance(sent, dict):
        return isinstance(read, dict) and all(within(v, read.get(k)) for k, v in sent.items())
    if isinstance(sent, (list, tuple)):
        return (
            isinstance(read, (list, tuple))
            and len(read) == len(sent)
            and all(within(a, b) for a, b in zip(sent, read, strict=True))
        )
    return sent == read
