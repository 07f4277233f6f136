"""The sans-I/O host core: frames and `now` in, an outbox out, no socket and no loop.

Whatever a client sends, every frame is answered with a message the protocol
documents, an error carries a documented code, and nothing reaches a fault of the
host's own (`internal_error`); chips stay where they were.
"""

from __future__ import annotations

import json
from typing import Any

import msgspec
from hypothesis import given, settings, strategies as st

from host_server.errors import Code
from host_server.host.core import HostCore
from host_server.host.peers import Outbox, Peer
from host_server.protocol import client
from host_server.store.sqlite import Store
from host_server.table.settings import TableSettings
from tests.support.core import committed, new_table

ANSWERS = {"welcome", "snapshot", "event", "turn", "ack", "error", "hands", "hand", "ledger"}
ANSWERS |= {"export"}

# st.text() never draws a lone surrogate; a JSON frame can spell one ("\\ud800").
weird_text = st.text(max_size=12) | st.sampled_from(
    ["\ud800", "a\udfffb", "\t\n", "\x00", " ", "x" * 70, "🂡", "\u2028", "", "fold", "phh"]
)
json_value = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**15), max_value=10**15)
    | st.floats(allow_nan=False, allow_infinity=False)
    | weird_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(weird_text, inner, max_size=3),
    max_leaves=6,
)


def field_value(kind_of: type, table_id: str) -> st.SearchStrategy[Any]:
    """Mostly of the field's own type, with values at and past its edges; sometimes not."""
    if kind_of is int:
        typed: st.SearchStrategy[Any] = st.integers(-3, 12) | st.integers(-(10**13), 10**13)
    elif kind_of is str:
        actions = ["fold", "check", "call", "bet", "raise", "all_in", "easy", "phh"]
        typed = weird_text | st.just(table_id) | st.sampled_from(actions)
    else:
        typed = st.booleans()
    return st.one_of(typed, typed, typed, json_value)


def schema(kind: str) -> dict[str, type]:
    """A client message's fields (its id aside) and the JSON type each holds."""
    if kind not in client.TYPES:
        return {}
    found: dict[str, type] = {}
    struct = msgspec.inspect.type_info(client.TYPES[kind])
    assert isinstance(struct, msgspec.inspect.StructType)
    for field in struct.fields:
        info = field.type
        if isinstance(info, msgspec.inspect.UnionType):  # X | None
            info = next(t for t in info.types if not isinstance(t, msgspec.inspect.NoneType))
        is_int, is_bool = (
            isinstance(info, msgspec.inspect.IntType),
            isinstance(info, msgspec.inspect.BoolType),
        )
        found[field.name] = int if is_int else bool if is_bool else str
    found.pop("id", None)
    return found


@st.composite
def frames(draw: st.DrawFn, table_id: str) -> str:
    kind = draw(st.sampled_from(sorted(client.TYPES)) if draw(st.integers(0, 9)) else weird_text)
    message: dict[str, Any] = {"type": kind}
    if draw(st.integers(0, 9)):
        message["id"] = draw(st.one_of(weird_text, st.integers(0, 10**20), json_value))
    for name, kind_of in schema(kind).items():
        if draw(st.integers(0, 9)):
            message[name] = draw(field_value(kind_of, table_id))
    if not draw(st.integers(0, 4)):
        message.update(draw(st.dictionaries(weird_text, json_value, max_size=2)))
    text = json.dumps(message, ensure_ascii=draw(st.booleans()))
    return draw(st.sampled_from([text, text, text, text[: max(1, len(text) // 2)]]))


def answers(out: Outbox, peer: Peer) -> list[dict[str, Any]]:
    return [json.loads(text) for target, text in out.sends if target is peer]


@settings(max_examples=200)
@given(st.data())
def test_no_frame_reaches_a_fault_of_the_host_or_moves_a_chip(data):
    store = Store(":memory:")
    host = HostCore(store)
    now = 1_000.0
    settings = TableSettings("Fuzz", seats=3, auto_approve=True, between_hands_seconds=0)
    table_id, token = new_table(host, settings, "Host", now)
    owner, guest, stranger = Peer("10.0.0.1"), Peer("10.0.0.2"), Peer("10.0.0.3")
    resume = {"type": "resume", "id": "r", "table_id": table_id, "token": token, "last_seq": 0}
    committed(host, host.receive(owner, json.dumps(resume), now))
    hello = {"type": "hello", "id": "h", "protocol": 1, "table_id": table_id, "name": "Guest"}
    committed(host, host.receive(guest, json.dumps(hello), now))
    for peer, seat in ((owner, 1), (guest, 2)):
        sit = {"type": "sit", "id": "s", "seat": seat, "buy_in": 40}
        committed(host, host.receive(peer, json.dumps(sit), now))
    for _ in range(data.draw(st.integers(1, 12))):
        peer = data.draw(st.sampled_from([owner, guest, stranger]))
        now += data.draw(st.floats(0, 5))
        frame = data.draw(frames(table_id))
        got = answers(committed(host, host.receive(peer, frame, now)), peer)
        assert got, f"no answer to {frame!r}"
        for message in got:
            assert message["type"] in ANSWERS, message
            if message["type"] == "error":
                assert message["code"] in set(Code) - {Code.INTERNAL_ERROR}, (frame, message)
                assert message["message"]
        table = host.sessions[table_id].table
        brought, held = table.chips_accounted()
        assert brought == held
    store.close()
