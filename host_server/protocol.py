"""The wire protocol: JSON text frames, parsed into typed messages with error codes.

Shared with the desktop client. docs/protocol.md documents every message; keep
the two in step. A bad message is refused with a `ProtocolError` and changes
nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from host_server.errors import Code, FeltError
from host_server.rules.hand import Action
from host_server.table import commands as cmd

PROTOCOL_VERSION = 1
MAX_FRAME = 64 * 1024
MAX_INT = 10**12
MAX_ID = 64
SECRET_LENGTH = (16, 128)  # a hello's retry secret


class ProtocolError(FeltError):
    """A message that is not one we understand; answered with `error`, nothing changes."""

    code = Code.BAD_MESSAGE


# type -> {field: (python type, required)}; `id` and `type` are checked for every message.
_INT, _STR, _BOOL = int, str, bool
SCHEMA: dict[str, dict[str, tuple[type, bool]]] = {
    "hello": {
        "protocol": (_INT, True),
        "table_id": (_STR, True),
        "name": (_STR, True),
        "secret": (_STR, False),
    },
    "resume": {"table_id": (_STR, True), "token": (_STR, True), "last_seq": (_INT, True)},
    "sit": {"seat": (_INT, True), "buy_in": (_INT, True)},
    "stand": {},
    "sit_out": {},
    "sit_in": {},
    "leave": {},
    "act": {
        "action": (_STR, True),
        "amount": (_INT, False),
        "hand_no": (_INT, True),
        "decision": (_INT, False),
    },
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

    @property
    def digest(self) -> str:
        """What the message says, hashed: a retry must say the same as the first send."""
        canonical = json.dumps([self.type, self.args], sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Frame:
    """A frame whose envelope (JSON object, known type, valid id) is sound; its fields
    are checked by `fields`, after the host has seen who is asking."""

    type: str
    id: str
    data: dict[str, Any]

    def message(self) -> Message:
        """The message, its fields checked; a `ProtocolError` says what is wrong."""
        return Message(self.type, self.id, _fields(self.type, self.data))


def parse(text: str | bytes) -> Message:
    """Read one client frame; a `ProtocolError` says exactly what is wrong."""
    return envelope(text).message()


def envelope(text: str | bytes) -> Frame:
    """Read a frame's JSON, its type and its id."""
    if isinstance(text, bytes):
        raise ProtocolError("Send JSON in text frames, not binary.")
    if len(text) > MAX_FRAME or len(text.encode("utf-8", "surrogatepass")) > MAX_FRAME:
        raise ProtocolError(f"Frames are at most {MAX_FRAME} bytes.", code=Code.TOO_BIG)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise ProtocolError("That is not valid JSON.", code=Code.INVALID_JSON) from None
    if not isinstance(data, dict):
        raise ProtocolError("A message is a JSON object.")
    if not _unicode(data):
        # JSON may spell a lone surrogate ("\ud800"): valid JSON, but no text.
        raise ProtocolError("Strings must be valid Unicode (no lone surrogates).")
    kind = data.get("type")
    if not isinstance(kind, str) or kind not in SCHEMA:
        raise ProtocolError(f"Unknown message type {str(kind)[:40]!r}.", code=Code.UNKNOWN_TYPE)
    raw_id = data.get("id")
    if raw_id is None:
        raise ProtocolError("Every message needs an id.", code=Code.MISSING_FIELD)
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
        raise ProtocolError("An id is a string or a whole number.")
    message_id = str(raw_id)
    if not 1 <= len(message_id) <= MAX_ID:
        raise ProtocolError(f"An id is 1 to {MAX_ID} characters.")
    return Frame(kind, message_id, data)


def _unicode(value: Any) -> bool:
    """Every string in a decoded JSON value (keys too) can be encoded as UTF-8."""
    if isinstance(value, str):
        try:
            value.encode()
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, dict):
        return all(_unicode(k) and _unicode(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_unicode(v) for v in value)
    return True


def _fields(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    args: dict[str, Any] = {}
    for name, (kind_of, required) in SCHEMA[kind].items():
        if name not in data or data[name] is None:  # null counts as absent
            if required:
                raise ProtocolError(f"{kind} needs {name}.", code=Code.MISSING_FIELD)
            continue
        value = data[name]
        if kind_of is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise ProtocolError(f"{name} must be a whole number.", code=Code.WRONG_TYPE)
        if kind_of is not int and not isinstance(value, kind_of):
            raise ProtocolError(f"{name} must be a {kind_of.__name__}.", code=Code.WRONG_TYPE)
        if kind_of is int and not -MAX_INT <= value <= MAX_INT:
            raise ProtocolError(f"{name} is out of range.", code=Code.AMOUNT_OUT_OF_RANGE)
        args[name] = value
    secret = args.get("secret")
    if secret is not None and not SECRET_LENGTH[0] <= len(secret) <= SECRET_LENGTH[1]:
        low, high = SECRET_LENGTH
        raise ProtocolError(
            f"A hello's secret is {low} to {high} characters.", code=Code.WRONG_TYPE
        )
    return args


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
                raise ProtocolError(f"action is one of {choices}.", code=Code.WRONG_TYPE) from None
            return cmd.Act(by, action, a["hand_no"], a.get("amount"), a.get("decision"))
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
    raise ProtocolError(f"{message.type} is not a table command.", code=Code.UNKNOWN_TYPE)


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
    """The id of a message that failed to parse, when there is a valid one to echo."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError, TypeError):
        return None
    raw = data.get("id") if isinstance(data, dict) else None
    if isinstance(raw, bool) or not isinstance(raw, (str, int)) or not _unicode(raw):
        return None
    return str(raw) if 1 <= len(str(raw)) <= MAX_ID else None
