"""The one place where frames are read and written, at both ends.

Reading a client frame is two steps, so the host can refuse a stranger's command
with `not_joined` before looking at its fields: `envelope` (JSON, a known type, an
id), then `Envelope.message()` (every field, typed). Each way to be wrong has its
code; nothing that fails here changes anything.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import msgspec

from host_server.errors import Code, ProtocolError
from host_server.protocol import MAX_FRAME, MAX_ID, client, host
from host_server.protocol.shapes import TableView
from host_server.rules.moves import Action

_encoder = msgspec.json.Encoder()
_any = msgspec.json.Decoder()


@dataclass(frozen=True)
class Envelope:
    """A frame whose JSON, type and id are sound; its fields are checked by `message`."""

    type: str
    id: str
    data: dict[str, Any]

    def message(self) -> client.Message:
        """The message, every field checked; a `ProtocolError` says what is wrong."""
        fields = {k: v for k, v in self.data.items() if v is not None}  # null: absent
        fields["id"] = self.id
        try:
            return msgspec.convert(fields, client.TYPES[self.type])
        except msgspec.ValidationError as error:
            raise _refusal(self.type, str(error)) from None


def envelope(text: str | bytes) -> Envelope:
    """Read a client frame's JSON, its type and its id."""
    if isinstance(text, bytes):
        raise ProtocolError("Send JSON in text frames, not binary.")
    if len(text) > MAX_FRAME or len(text.encode("utf-8", "surrogatepass")) > MAX_FRAME:
        raise ProtocolError(f"Frames are at most {MAX_FRAME} bytes.", code=Code.TOO_BIG)
    data = _json(text)
    if not isinstance(data, dict):
        raise ProtocolError("A message is a JSON object.")
    kind = data.get("type")
    if not isinstance(kind, str) or kind not in client.TYPES:
        raise ProtocolError(f"Unknown message type {str(kind)[:40]!r}.", code=Code.UNKNOWN_TYPE)
    raw_id = data.get("id")
    if raw_id is None:
        raise ProtocolError("Every message needs an id.", code=Code.MISSING_FIELD)
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
        raise ProtocolError("An id is a string or a whole number.")
    message_id = str(raw_id)
    if not 1 <= len(message_id) <= MAX_ID:
        raise ProtocolError(f"An id is 1 to {MAX_ID} characters.")
    return Envelope(kind, message_id, data)


def parse(text: str | bytes) -> client.Message:
    """Read one client frame, fields and all."""
    return envelope(text).message()


def _json(text: str) -> Any:
    try:
        return _any.decode(text)
    except UnicodeEncodeError:  # a str that holds a lone surrogate itself
        raise ProtocolError("Strings must be valid Unicode (no lone surrogates).") from None
    except msgspec.ValidationError:  # a number JSON can spell and no one can hold
        raise ProtocolError("A number is out of range.", code=Code.AMOUNT_OUT_OF_RANGE) from None
    except msgspec.DecodeError:
        pass
    try:  # the slow reader, only to say why (and strict: no NaN)
        json.loads(text, parse_constant=_not_json)
    except (ValueError, RecursionError):
        raise ProtocolError("That is not valid JSON.", code=Code.INVALID_JSON) from None
    # Valid JSON the fast reader refuses: a lone surrogate ("\ud800") is no text.
    raise ProtocolError("Strings must be valid Unicode (no lone surrogates).")


def _not_json(word: str) -> None:
    raise ValueError(f"{word} is not JSON")


_WORDS = {"int": "a whole number", "str": "text", "bool": "true or false"}


def _refusal(kind: str, why: str) -> ProtocolError:
    """msgspec's reason, as our code and words."""
    where = why.rsplit("`$.", 1)[-1].rstrip("`") if "`$." in why else ""
    if why.startswith("Object missing required field"):
        field = why.split("`")[1]
        return ProtocolError(f"{kind} needs {field}.", code=Code.MISSING_FIELD)
    if why.startswith("Expected `int` >=") or why.startswith("Expected `int` <="):
        return ProtocolError(f"{where} is out of range.", code=Code.AMOUNT_OUT_OF_RANGE)
    if why.startswith("Expected `str` of length"):
        words = "A hello's secret is 16 to 128 characters" if where == "secret" else where
        return ProtocolError(f"{words}: {why.split(' - ')[0][9:]}.", code=Code.WRONG_TYPE)
    if why.startswith("Invalid enum value"):
        choices = ", ".join(a.value for a in Action)
        return ProtocolError(f"{where} is one of {choices}.", code=Code.WRONG_TYPE)
    if why.startswith("Expected"):
        wanted = _WORDS.get(why.split("`")[1], why.split("`")[1])
        return ProtocolError(f"{where} must be {wanted}.", code=Code.WRONG_TYPE)
    return ProtocolError(f"{kind}: {why}")


def digest(message: client.Message) -> str:
    """What a message says (its id aside), hashed: a retry must say what the first said."""
    fields = msgspec.structs.asdict(message)
    del fields["id"]
    said = _encoder.encode([message.__struct_config__.tag, sorted(fields.items())])
    return hashlib.sha256(said).hexdigest()[:32]


def peek_id(text: str | bytes) -> str | None:
    """The id of a message that failed to read, when there is a valid one to echo."""
    try:
        data = json.loads(text)
        raw = data.get("id") if isinstance(data, dict) else None
        if isinstance(raw, bool) or not isinstance(raw, (str, int)):
            return None
        message_id = str(raw)
        message_id.encode()
    except (ValueError, RecursionError, TypeError, UnicodeEncodeError):
        return None
    return message_id if 1 <= len(message_id) <= MAX_ID else None


# --- writing ------------------------------------------------------------------------


def encode(message: msgspec.Struct) -> str:
    """Any message of either end as its frame."""
    return _encoder.encode(message).decode()


def event_frame(seq: int, data: dict[str, Any] | None) -> str:
    """`data` is the event as the member may see it; None keeps the seq with nothing in it."""
    return _encoder.encode({"type": "event", "seq": seq, **(data or {"kind": "hidden"})}).decode()


def turn_frame(seq: int, data: dict[str, Any]) -> str:
    return _encoder.encode({"type": "turn", "seq": seq, **data}).decode()


def snapshot_frame(seq: int, table: dict[str, Any]) -> str:
    return _encoder.encode({"type": "snapshot", "seq": seq, "table": table}).decode()


def error(code: Code, text: str, message_id: str | None = None, url: str | None = None) -> str:
    return encode(host.Error(code=code, message=text, id=message_id, url=url))


# --- a client reading the host ------------------------------------------------------


def decode(text: str | bytes) -> host.HostMessage:
    """A frame from the host as its type; a `ProtocolError` if it is not one we know."""
    try:
        data = _any.decode(text)
        if isinstance(data, dict) and data.get("type") == "event":
            fields = {k: v for k, v in data.items() if k not in ("type", "seq", "kind")}
            return host.Event(seq=data["seq"], kind=data["kind"], data=fields)
        message: host.HostMessage = msgspec.convert(data, host.HostMessage)
        return message
    except (msgspec.DecodeError, msgspec.ValidationError, KeyError, TypeError) as error:
        raise ProtocolError(f"a frame this client cannot read: {error}") from None


def table_view(data: dict[str, Any]) -> TableView:
    """A view's JSON data as its type (tests hold the host's views to these shapes)."""
    return msgspec.convert(data, TableView)
