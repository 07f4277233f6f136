"""The client session with no socket and no loop: frames in, what they mean out."""

from __future__ import annotations

import json
import logging
import random

import pytest

from desktop.client.session import (
    Answered,
    ClientSession,
    Happened,
    Reconnect,
    Refused,
    Rekeyed,
    State,
    TokenIssued,
    TurnCame,
    Welcomed,
)
from host_server.protocol import client, codec
from host_server.table import events as ev


def welcome(seq: int = 3, token: str | None = "tok") -> str:
    frame = {"type": "welcome", "protocol": 1, "table_id": "t", "member_id": 2, "role": "player"}
    return json.dumps({**frame, "seq": seq, **({"token": token} if token else {})})


def event(seq: int, kind: str = "chat_posted", **fields: object) -> str:
    fields = fields or {"member_id": 1, "text": "hi"}
    return json.dumps({"type": "event", "seq": seq, "kind": kind, **fields})


def test_events_apply_in_order_duplicates_drop_and_a_gap_asks_to_resume():
    session = ClientSession("t", name="Ann")
    notes = session.receive(welcome())
    assert [type(n) for n in notes] == [Welcomed, TokenIssued]
    assert session.state is State.ONLINE and session.token == "tok"
    assert session.receive(event(1)) == [Happened(1, ev.ChatPosted(1, "hi"))]
    assert session.receive(event(1)) == []  # a duplicate
    assert isinstance(session.receive(event(3))[0], Reconnect)  # seq 2 is missing
    assert session.seq == 1
    assert '"last_seq":1' in session.join_frame()  # it resumes from what it holds


def test_unanswered_commands_go_again_with_their_ids_and_answers_end_them():
    session = ClientSession("t", token="tok")
    first, _ = session.send(client.Chat(text="one"))
    second, _ = session.send(client.Sit(seat=2, buy_in=100))
    assert [json.loads(f)["id"] for f in session.resends()] == [first, second]
    (answered,) = session.receive(json.dumps({"type": "ack", "id": first, "seq": 9}))
    assert isinstance(answered, Answered) and answered.answer.id == first
    assert [json.loads(f)["id"] for f in session.resends()] == [second]
    assert codec.parse(session.resends()[0]) == client.Sit(id=second, seat=2, buy_in=100)


def test_a_hello_sent_again_is_the_same_hello():
    session = ClientSession("t", name="Ann")
    once, again = json.loads(session.join_frame()), json.loads(session.join_frame())
    assert once == again and len(once["secret"]) >= 16


def test_a_refused_join_closes_for_good_and_a_host_behind_us_means_a_snapshot():
    session = ClientSession("t", token="bad")
    error = {"type": "error", "code": "invalid_token", "message": "That token is not valid here."}
    (refused,) = session.receive(json.dumps(error))
    assert isinstance(refused, Refused) and session.state is State.CLOSED
    behind = ClientSession("t", token="tok")
    behind.receive(welcome())
    behind.receive(event(1))
    ahead = {"type": "error", "code": "invalid_seq", "message": "resume with 0"}
    assert isinstance(behind.receive(json.dumps(ahead))[0], Reconnect)
    assert behind.seq == 0


def test_a_table_served_by_another_worker_is_followed_there():
    session = ClientSession("t", token="tok")
    moved = {"type": "error", "code": "table_moved", "message": "elsewhere", "url": "ws://b/ws"}
    assert session.receive(json.dumps(moved)) == [Reconnect("elsewhere", to="ws://b/ws")]
    assert session.state is not State.CLOSED  # (not a refusal: the join goes on there)


def test_a_new_host_key_is_followed_and_a_garbled_one_is_not(caplog):
    old, new = "O" * 43, "N" * 43
    session = ClientSession("t", token="tok", pin=old)
    session.receive(welcome())
    assert session.receive(json.dumps({"type": "host_key", "pin": new})) == [Rekeyed(new)]
    assert session.pin == new and session.presented(new) and session.state is State.ONLINE
    with caplog.at_level(logging.ERROR, "felt.client"):
        assert session.receive(json.dumps({"type": "host_key", "pin": "short"})) == []
    assert session.pin == new and "no pin" in caplog.text


def test_a_turn_for_another_seq_waits_and_final_closes_are_final():
    session = ClientSession("t", token="tok")
    session.receive(welcome())
    turn = {
        "type": "turn", "seq": 0, "hand_no": 1, "decision": 0, "seat": 1, "deadline": 1.0,
        "paused": False, "street": "preflop", "board": [], "pots": [], "seats": [],
    }  # fmt: skip
    assert isinstance(session.receive(json.dumps(turn))[0], TurnCame)
    assert session.receive(json.dumps({**turn, "seq": 5})) == []
    assert session.closed(1006) is False and session.state is State.RECONNECTING
    assert session.closed(4001) is True and session.closed_reason


def test_an_event_kind_the_client_does_not_know_is_logged_never_dropped_in_silence(caplog):
    session = ClientSession("t", token="tok")
    session.receive(welcome())
    with caplog.at_level(logging.ERROR, logger="felt.client"):
        assert session.receive(event(1, kind="levitation", height=3)) == []
    assert "levitation" in caplog.text and session.seq == 1  # the seq is kept: no gap


@pytest.mark.parametrize("attempt", range(8))
def test_backoff_grows_with_jitter_and_is_capped(attempt):
    session = ClientSession("t", token="tok", rng=random.Random(attempt))
    delay = session.backoff(attempt)
    assert 0.1 <= delay <= 4.0
    if attempt == 0:
        assert delay <= 0.2
