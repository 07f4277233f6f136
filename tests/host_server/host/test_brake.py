"""The brake on token guessing, with time passed in: counted over a window, never reset
by a success, answered one after another, and never in the way of a right token."""

from __future__ import annotations

import json
import time

from hypothesis import given, strategies as st

from host_server.host.brake import Brake
from host_server.host.core import HostCore
from host_server.host.peers import Peer
from host_server.store.sqlite import Store
from host_server.table.settings import TableSettings
from tests.support.core import committed, new_table


def test_failures_past_the_free_ones_wait_longer_and_queue_up():
    brake = Brake(free=3, base=0.25, cap=5.0, window=600)
    answers = [brake.failed("a", 100.0) for _ in range(9)]
    # Three free, then 0.25, 0.5, 1, 2, 4, 5 s, each after the one before.
    assert answers == [100.0, 100.0, 100.0, 100.25, 100.75, 101.75, 103.75, 107.75, 112.75]
    assert brake.failed("b", 100.0) == 100.0  # another address is not slowed


def test_failures_leave_the_window_and_only_then_stop_counting():
    brake = Brake(free=1, base=1.0, cap=8.0, window=60)
    for t in (0.0, 10.0, 20.0):
        brake.failed("a", t)
    assert brake.recent("a", 59.0) == 3
    assert brake.recent("a", 75.0) == 1  # the ones at 0 and 10 are older than 60 s
    brake.sweep(200.0)
    assert brake.failures == {} and brake.free_at == {}


@given(st.lists(st.floats(min_value=0, max_value=5_000), min_size=1, max_size=80))
def test_answers_never_leave_before_their_failure_nor_out_of_order(times):
    brake = Brake(free=2, base=0.5, cap=3.0, window=120)
    answers: list[float] = []
    for now in sorted(times):
        answer = brake.failed("a", now)
        queue_end = max([now, *answers])
        assert queue_end <= answer <= queue_end + brake.cap
        answers.append(answer)


def resume(table_id: str, token: str, n: int) -> str:
    return json.dumps(
        {"type": "resume", "id": f"r{n}", "table_id": table_id, "token": token, "last_seq": 0}
    )


def test_the_host_holds_back_wrong_tokens_and_never_a_right_one(tmp_path):
    host = HostCore(Store(tmp_path / "host.db"), brake=Brake(free=2, base=1.0, cap=4.0))
    now = time.time()
    table_id, token = new_table(host, TableSettings("Brake"), "Host", now)
    waits = []
    for n in range(6):
        wrong = host.receive(Peer("10.0.0.9"), resume(table_id, "nope", n), now)
        assert json.loads(wrong.sends[0][1])["code"] == "invalid_token"
        waits.append(wrong.not_before - now if wrong.not_before else 0.0)
        right = committed(
            host, host.receive(Peer("10.0.0.9"), resume(table_id, token, 100 + n), now)
        )
        assert json.loads(right.sends[0][1])["type"] == "welcome"
        assert right.not_before == 0.0  # the honest resume is answered at once
    assert waits == [0.0, 0.0, 1.0, 3.0, 7.0, 11.0]  # not reset by the good resumes


def test_a_token_expires_its_time_after_its_member_was_last_seen_and_not_before(tmp_path):
    """With time passed in: no waiting for a real clock."""
    core = HostCore(Store(tmp_path / "host.db"), token_ttl=60.0)
    now = 1_000.0
    table_id, _ = new_table(core, TableSettings("Expiry", auto_approve=True), "Host", now)
    tokens = {}
    for name in ("Ann", "Bob"):  # no seat, no chips: their tokens can expire
        hello = {"type": "hello", "id": name, "protocol": 1, "table_id": table_id, "name": name}
        peer = Peer("10.0.0.2")
        out = committed(core, core.receive(peer, json.dumps(hello), now))
        tokens[name] = json.loads(out.sends[0][1])["token"]
        committed(core, core.disconnected(peer, now + 5))  # last seen then

    def resume_at(name: str, at: float) -> str:
        frame = resume(table_id, tokens[name], 0)
        answer = json.loads(committed(core, core.receive(Peer("10.0.0.3"), frame, at)).sends[0][1])
        return str(answer.get("code", answer["type"]))

    assert resume_at("Ann", now + 5 + 59) == "welcome"
    assert resume_at("Bob", now + 5 + 61) == "invalid_token"
