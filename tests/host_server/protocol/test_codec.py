"""Parsing client frames: every message type, and a clear code for each way to be wrong."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, strategies as st

from host_server.errors import ProtocolError
from host_server.protocol import MAX_FRAME, client
from host_server.protocol.codec import parse, peek_id
from host_server.rules.moves import Action
from host_server.table import commands as cmd


def frame(**fields) -> str:
    return json.dumps(fields)


def test_every_command_type_becomes_its_table_command():
    cases = {
        "sit": ({"seat": 3, "buy_in": 200}, cmd.Sit(7, 3, 200)),
        "stand": ({}, cmd.Stand(7)),
        "sit_out": ({}, cmd.SitOut(7)),
        "sit_in": ({}, cmd.SitIn(7)),
        "leave": ({}, cmd.Leave(7)),
        "act": ({"action": "raise", "amount": 40, "hand_no": 2}, cmd.Act(7, Action.RAISE, 2, 40)),
        "chat": ({"text": "gl"}, cmd.Chat(7, "gl")),
        "approve": ({"member_id": 3}, cmd.Approve(7, 3)),
        "reject": ({"member_id": 3}, cmd.Reject(7, 3)),
        "kick": ({"member_id": 3}, cmd.Kick(7, 3)),
        "set_join_key": ({"on": False}, cmd.SetJoinKey(7, None)),
        "pause": ({"immediate": True}, cmd.Pause(7, True)),
        "unpause": ({}, cmd.Unpause(7)),
        "set_blinds": ({"small_blind": 5, "big_blind": 10}, cmd.SetBlinds(7, 5, 10, 0)),
        "bomb_pot": ({"on": False}, cmd.BombPot(7, on=False)),
        "run_twice": ({"yes": True}, cmd.RunTwice(7, True)),
        "straddle": ({"on": True}, cmd.Straddle(7, True)),
        "entropy": ({"hand_no": 3, "value": "ab" * 16}, cmd.Entropy(7, 3, "ab" * 16)),
        "close": ({}, cmd.Close(7)),
        "start_tournament": ({}, cmd.StartTournament(7)),
        "rebuy": ({}, cmd.Rebuy(7)),
        "decline_rebuy": ({}, cmd.DeclineRebuy(7)),
        "add_on": ({}, cmd.AddOn(7)),
        "add_bot": ({"seat": 4, "level": "easy"}, cmd.AddBot(7, 4, "easy", None)),
        "remove_bot": ({"seat": 4}, cmd.RemoveBot(7, 4)),
        "top_up": ({"amount": 50}, cmd.TopUp(7, 50)),
        "approve_top_up": ({"member_id": 3}, cmd.ApproveTopUp(7, 3)),
        "reject_top_up": ({"member_id": 3}, cmd.RejectTopUp(7, 3)),
    }
    queries = {k for k, t in client.TYPES.items() if issubclass(t, client.Query)}
    assert set(cases) | client.JOINING | queries == set(client.TYPES)
    for kind, (fields, expected) in cases.items():
        message = parse(frame(type=kind, id=kind, **fields))
        assert message.id == kind and isinstance(message, client.Command)
        assert message.command(7) == expected
    asked = [parse(frame(type="set_join_key", id=f"k{n}", on=True)) for n in range(2)]
    made = [m.command(7) for m in asked if isinstance(m, client.SetJoinKey)]
    keys = [command.key for command in made if isinstance(command, cmd.SetJoinKey)]
    assert len(keys) == 2 and keys[0] != keys[1] and all(len(k or "") >= 16 for k in keys)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("{", "invalid_json"),
        ("[]", "bad_message"),
        (frame(type="sit", seat=1, buy_in=2), "missing_field"),
        (frame(type="sit", id=None, seat=1, buy_in=2), "missing_field"),
        (frame(type="sit", id=True, seat=1, buy_in=2), "bad_message"),
        (frame(type="sit", id=[1], seat=1, buy_in=2), "bad_message"),
        (frame(type="sit", id={"a": 1}, seat=1, buy_in=2), "bad_message"),
        (frame(type="sit", id=1.0, seat=1, buy_in=2), "bad_message"),
        ('{"type": "chat", "id": "\\ud800", "text": "hi"}', "bad_message"),
        ('{"type": "chat", "id": "c-1", "text": "hi \\udfff"}', "bad_message"),
        ('{"type": "chat", "id": "c-1", "text": "hi", "\\ud800": 1}', "bad_message"),
        (frame(type="sit", id=1, seat=None, buy_in=2), "missing_field"),
        (
            frame(type="hello", id=1, protocol=1, table_id="t", name="A", secret="short"),
            "wrong_type",
        ),
        (frame(type="sit", id="", seat=1, buy_in=2), "bad_message"),
        (frame(type="sit", id="x" * 65, seat=1, buy_in=2), "bad_message"),
        (frame(type="fly", id=1), "unknown_type"),
        (frame(type="sit", id=1, seat=1.5, buy_in=2), "wrong_type"),
        (frame(type="sit", id=1, seat=1, buy_in="2"), "wrong_type"),
        (frame(type="sit", id=1, seat=1, buy_in=10**13), "amount_out_of_range"),
        (frame(type="pause", id=1, immediate="yes"), "wrong_type"),
        ("x" * (MAX_FRAME + 1), "too_big"),
        ("[" * 100_000 + "]" * 100_000, "too_big"),
    ],
)
def test_bad_frames_are_refused_with_a_code(text, code):
    with pytest.raises(ProtocolError) as error:
        parse(text)
    assert error.value.code == code and error.value.message


def test_binary_frames_and_unknown_actions_are_refused():
    with pytest.raises(ProtocolError) as error:
        parse(b'{"type": "stand", "id": 1}')
    assert error.value.code == "bad_message"
    with pytest.raises(ProtocolError) as error:
        parse(frame(type="act", id=1, action="shove", hand_no=1))
    assert error.value.code == "wrong_type"


@given(st.text(max_size=200) | st.binary(max_size=200))
def test_any_input_is_either_a_message_or_a_protocol_error(junk):
    try:
        message = parse(junk)
    except ProtocolError as error:
        assert error.code
    else:
        assert type(message) in client.TYPES.values()
    peek_id(junk)  # never raises
