"""What the host asks the store to write, as values: the host core makes them, the
network shell commits a loop turn's worth in one transaction, and only then sends
what they carry (durable before visible).
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from typing import Any, NamedTuple

import msgspec

from host_server.table import events as ev, snapshot
from host_server.table.state import Table


@dataclass(frozen=True)
class Receipt:
    """What a command id was answered with: stored with the command's events."""

    member_id: int  # 0 for a hello, which has no member yet
    command_id: str
    result: dict[str, Any]


@dataclass(frozen=True)
class Recorded:
    """An event as committed: its place in the table's log and when it happened."""

    seq: int
    at: float
    event: ev.Event


class ArchivedHand(NamedTuple):
    """A finished hand's row: its deck, and the record that every export (the host's
    full PHH included) is made from."""

    hand_no: int
    ended_at: float
    deck: str
    record: str


@dataclass(frozen=True)
class NewTable:
    """A table's first row (its first event and the host's token come in a `TableWrite`)."""

    table_id: str
    name: str
    settings: str  # JSON
    at: float


@dataclass(frozen=True)
class TableWrite:
    """One command's writes to one table: its events and what must not outlive them."""

    table_id: str
    recorded: tuple[Recorded, ...]
    closed: bool  # the table was closed by these events
    members: tuple[tuple[int, str, str], ...]  # (member, name, role) that these touched
    snapshot: bytes | None = None  # the table after these events, at a hand's start
    hands: tuple[ArchivedHand, ...] = ()
    receipt: Receipt | None = None
    token: tuple[int, str] | None = None  # a new member's token hash
    new_table: NewTable | None = None

    @property
    def seq(self) -> int:
        return self.recorded[-1].seq


@dataclass(frozen=True)
class TokenRotated:
    """A member's one valid token from now on (the old one stops working)."""

    table_id: str
    member_id: int
    digest: str
    at: float


@dataclass(frozen=True)
class TokenSeen:
    """A member was connected until `at`: its token's expiry counts from there."""

    table_id: str
    member_id: int
    at: float


@dataclass(frozen=True)
class AliveAt:
    """The host was alive at `at`: after a crash, clocks move on by the gap since."""

    at: float


Write = TableWrite | TokenRotated | TokenSeen | AliveAt


_encoder = msgspec.json.Encoder()  # (3x json's speed: every event row goes through it)


def dumps(data: Any) -> str:
    """Compact JSON, as `json.dumps` writes it for our plain values."""
    return _encoder.encode(data).decode()


def encode_snapshot(table: Table) -> bytes:
    return zlib.compress(dumps(snapshot.to_dict(table)).encode(), 9)


def decode_snapshot(blob: bytes) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(zlib.decompress(blob))
    return data
