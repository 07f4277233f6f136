"""What the host sends: one Struct per message type, tagged by `type`.

The host encodes `Welcome`, `Ack`, `Error` and the query answers through these; events,
turns and snapshots, which it sends by the thousand, it encodes from the views' JSON
data directly (`codec`), and a client reads them back into `Event`, `Turn` and
`Snapshot`.
"""

from __future__ import annotations

from typing import Any

import msgspec

from host_server.errors import Code
from host_server.protocol.shapes import Legal, Pot, Street, TableView, TurnSeat
from host_server.table.members import Role


class Message(msgspec.Struct, tag_field="type", kw_only=True, frozen=True, omit_defaults=True):
    pass


class Welcome(Message, tag="welcome", frozen=True):
    """The answer to hello and resume; `token` only after a hello (keep it)."""

    protocol: int
    table_id: str
    member_id: int
    role: Role
    seq: int
    token: str | None = None


class Snapshot(Message, tag="snapshot", frozen=True):
    seq: int
    table: TableView


class Turn(Message, tag="turn", frozen=True):
    """Whose turn it is, and the hand's public numbers after the last batch."""

    seq: int
    hand_no: int
    decision: int  # with hand_no, names the decision: the same pair is a repeat
    seat: int | None
    deadline: float | None
    paused: bool
    street: Street
    board: list[str]
    pots: list[Pot]
    seats: list[TurnSeat]
    legal: Legal | None = None  # only for the player to act


class Event(Message, tag="event", frozen=True):
    """One table event: `seq`, and the event's fields (read them with `events.read_event`)."""

    seq: int
    kind: str
    data: dict[str, Any] = {}


class Ack(Message, tag="ack", frozen=True):
    id: str
    seq: int


class Error(Message, tag="error", frozen=True):
    code: Code
    message: str
    id: str | None = None
    url: str | None = None  # `table_moved`: the worker serving the table


class HostKey(Message, tag="host_key", frozen=True):
    """The host made a new key: check it by `pin` from the next connection on. Sent to
    every open connection, over the old key, which vouches for it."""

    pin: str


class HandsAnswer(Message, tag="hands", frozen=True):
    id: str
    hands: list[dict[str, Any]]


class HandAnswer(Message, tag="hand", frozen=True):
    id: str
    hand: dict[str, Any]
    phh: str
    pokerstars: str


class LedgerAnswer(Message, tag="ledger", frozen=True):
    id: str
    rows: list[dict[str, Any]]
    balanced: bool
    payments: list[dict[str, int]] = []  # the settle-up: payer, payee (member ids), amount


class ExportAnswer(Message, tag="export", frozen=True):
    id: str
    format: str
    hands: int
    text: str


HostMessage = (
    Welcome | Snapshot | Turn | Event | Ack | Error | HandsAnswer | HandAnswer | LedgerAnswer
    | ExportAnswer | HostKey
)  # fmt: skip
Answer = Ack | Error | HandsAnswer | HandAnswer | LedgerAnswer | ExportAnswer
