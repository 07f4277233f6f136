"""The wire protocol: JSON text frames, parsed into typed messages with error codes.

Shared with the desktop client. docs/protocol.md documents every message; keep
the two in step. A bad message is refused with a `ProtocolError` and changes
nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from host_server import commands as cmd
from host_server.errors import FeltError
from host_server.rules import Action

PROTOCOL_VERSION = 1
MAX_FRAME = 64 * 1024
MAX_INT = 10**12
MAX_ID = 64


class ProtocolError(FeltError):
    """A message that is not one we understand; answered with `error`, nothing changes."""

    code = "bad_message"


# type -> {field: (python type, required)}; `id` and `type` are checked for every message.
_INT, _STR, _BOOL = int, str, bool
SCHEMA: dict[str, dict[str, tuple[type, bool]]] = {
    "hello": {"protocol": (_INT, True), "table_id": (_STR, True), "name": (_STR, True)},
    "resume": {"table_id": (_STR, True), "token": (_STR, True), "last_seq": (_INT, True)},
    "sit": {"seat": (_INT, True), "buy_in": (_INT, True)},
    "stand": {},
    "sit_out": {},
    "sit_in": {},
    "leave": {},
    "act": {"action": (_STR, True), "amount": (_INT, False), "hand_no": (_INT, True)},
    "chat": {"text": (_STR, True)},
    "approve": {"member_id": (_INT, True)},
    "reject": {"member_id": (_INT, True)},
    "kick": {"member_id": (_INT, True)},
    "pause": {"immediate": (_BOOL, False)},
    "unpause": {},
    "set_blinds": {"small_blind": (_INT, True), "big_blind": (_INT, True), "ante": (_INT, False)},
    "close": {},
    "top_up": {"amount": (_INT, True)},
    "approve_top_up": {"member_id": (_INT, True)},
    "reject_top_up": {"member_id": (_INT, True)},
    "hands": {},
    "hand": {"hand_no": (_INT, True)},
    "ledger": {},
    "export": {"format": (_STR, True)},
    "add_bot": {"seat": (_INT, True), "level": (_STR, True), "buy_in": (_INT, False)},
    "remove_bot": {"seat": (_INT, True)},
}
JOINING = ("hello", "resume")
QUERIES = ("hands", "hand", "ledger", "export")  # answered to the asker alone; nothing changes


@dataclass(frozen=True)
class Message:
    """A parsed client message."""

    type: str
    id: str
    args: dict[str, Any]


def parse(text: str | bytes) -> Message:
    """Read one client frame; a `ProtocolError` says exactly what is wrong."""
    if isinstance(text, bytes):
        raise ProtocolError("Send JSON in text frames, not binary.")
    if len(text.encode()) > MAX_FRAME:
        raise ProtocolError(f"Frames are at most {MAX_FRAME} bytes.", code="too_big")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise ProtocolError("That is not valid JSON.", code="invalid_json") from None
    if not isinstance(data, dict):
        raise ProtocolError("A message is a JSON object.")
    kind = data.get("type")
    if not isinstance(kind, str) or kind not in SCHEMA:
        raise ProtocolError(f"Unknown message type {str(kind)[:40]!r}.", code="unknown_type")
    raw_id = data.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
        raise ProtocolError(
            "Every message needs an id (a string or a number).", code="missing_field"
        )
    message_id = str(raw_id)
    if not 1 <= len(message_id) <= MAX_ID:
        raise ProtocolError(f"An id is 1 to {MAX_ID} characters.")
    args: dict[str, Any] = {}
    for name, (kind_of, required) in SCHEMA[kind].items():
        if name not in data or data[name] is None:
            if required:
                raise ProtocolError(f"{kind} needs {name}.", code="missing_field")
            continue
        value = data[name]
        if kind_of is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise ProtocolError(f"{name} must be a whole number.", code="wrong_type")
        if kind_of is not int and not isinstance(value, kind_of):
            raise ProtocolError(f"{name} must be a {kind_of.__name__}.", code="wrong_type")
        if kind_of is int and not -MAX_INT <= value <= MAX_INT:
            raise ProtocolError(f"{name} is out of range.", code="amount_out_of_range")
        args[name] = value
    return Message(kind, message_id, args)


def to_command(message: Message, member_id: int) -> cmd.Command:
    """The table command for a joined member's message (not hello/resume)."""
    a, by = message.args, member_id
    match message.type:
        case "sit":
            return cmd.Sit(by, a["seat"], a["buy_in"])
        case "stand":
            return cmd.Stand(by)
        case "sit_out":
            return cmd.SitOut(by)
        case "sit_in":
            return cmd.SitIn(by)
        case "leave":
            return cmd.Leave(by)
        case "act":
            try:
                action = Action(a["action"])
            except ValueError:
                choices = ", ".join(x.value for x in Action)
                raise ProtocolError(f"action is one of {choices}.", code="wrong_type") from None
            return cmd.Act(by, action, a["hand_no"], a.get("amount"))
        case "chat":
            return cmd.Chat(by, a["text"])
        case "approve":
            return cmd.Approve(by, a["member_id"])
        case "reject":
            return cmd.Reject(by, a["member_id"])
        case "kick":
            return cmd.Kick(by, a["member_id"])
        case "pause":
            return cmd.Pause(by, bool(a.get("immediate", False)))
        case "unpause":
            return cmd.Unpause(by)
        case "set_blinds":
            return cmd.SetBlinds(by, a["small_blind"], a["big_blind"], a.get("ante", 0))
        case "close":
            return cmd.Close(by)
        case "top_up":
            return cmd.TopUp(by, a["amount"])
        case "approve_top_up":
            return cmd.ApproveTopUp(by, a["member_id"])
        case "reject_top_up":
            return cmd.RejectTopUp(by, a["member_id"])
        case "add_bot":
            return cmd.AddBot(by, a["seat"], a["level"], a.get("buy_in"))
        case "remove_bot":
            return cmd.RemoveBot(by, a["seat"])
    raise ProtocolError(f"{message.type} is not a table command.", code="unknown_type")


# --- server to client -----------------------------------------------------------


def dump(message: dict[str, Any]) -> str:
    return json.dumps(message, separators=(",", ":"))


def welcome(table_id: str, member_id: int, role: str, seq: int, token: str | None) -> str:
    message: dict[str, Any] = {
        "type": "welcome",
        "protocol": PROTOCOL_VERSION,
        "table_id": table_id,
        "member_id": member_id,
        "role": role,
        "seq": seq,
    }
    if token is not None:
        message["token"] = token
    return dump(message)


def snapshot(seq: int, table: dict[str, Any]) -> str:
    return dump({"type": "snapshot", "seq": seq, "table": table})


def event(seq: int, data: dict[str, Any] | None) -> str:
    """`data` is the event as the member may see it; None keeps the seq with nothing in it."""
    return dump({"type": "event", "seq": seq, **(data or {"kind": "hidden"})})


def turn(seq: int, data: dict[str, Any]) -> str:
    return dump({"type": "turn", "seq": seq, **data})


def answer(kind: str, message_id: str, **fields: Any) -> str:
    """The reply to a query (`hands`, `hand`, `ledger`), carrying the query's id."""
    return dump({"type": kind, "id": message_id, **fields})


def ack(message_id: str, seq: int) -> str:
    return dump({"type": "ack", "id": message_id, "seq": seq})


def error(code: str, text: str, message_id: str | None = None) -> str:
    message: dict[str, Any] = {"type": "error", "code": code, "message": text}
    if message_id is not None:
        message["id"] = message_id
    return dump(message)


def peek_id(text: str | bytes) -> str | None:
    """The id of a message that failed to parse, when there is one to echo."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError, TypeError):
        return None
    raw = data.get("id") if isinstance(data, dict) else None
    return str(raw)[:MAX_ID] if isinstance(raw, (str, int)) and not isinstance(raw, bool) else None
