"""One member at one table, across any number of connections: no sockets, no loop.

Frames from the host go in (`receive`), and what they mean comes out as typed
notes; commands go out through `send`, which gives each its id and keeps it until
answered, so that after a reconnection every unanswered command is sent again with
its same id (the host applies an id once). It tracks seq: an event applies at
last + 1, a duplicate is dropped, a gap means resuming from the last one held.
"""

from __future__ import annotations

import logging
import random
import secrets
import uuid
from dataclasses import dataclass
from enum import StrEnum

import msgspec

from host_server.errors import Code, ProtocolError
from host_server.protocol import VERSION, client, codec, host
from host_server.protocol.events import WireEvent, read_event
from host_server.protocol.pins import is_pin

log = logging.getLogger("felt.client")

FIRST_RETRY = 0.2
MAX_RETRY = 4.0
GIVE_UP_AFTER = 5  # tries to reach a host this session never reached
KEY_CHANGED = "This is not the table you were invited to: the host's key changed."
FINAL_CLOSES = {
    4001: "This seat was opened somewhere else.",
    4003: "You are no longer at this table.",
}


class State(StrEnum):
    """Where the connection to the table stands."""

    CONNECTING = "connecting"
    """Not yet welcomed."""
    ONLINE = "online"
    """Welcomed: events flow."""
    RECONNECTING = "reconnecting"
    """The connection dropped; the next attempt resumes where the last one stopped."""
    CLOSED = "closed"
    """For good: a final close, a refused join, or the app let go."""


# --- what frames mean ------------------------------------------------------------------


@dataclass(frozen=True)
class Welcomed:
    welcome: host.Welcome


@dataclass(frozen=True)
class TokenIssued:
    token: str


@dataclass(frozen=True)
class Snapshotted:
    snapshot: host.Snapshot


@dataclass(frozen=True)
class Happened:
    seq: int
    event: WireEvent


@dataclass(frozen=True)
class TurnCame:
    turn: host.Turn


@dataclass(frozen=True)
class Answered:
    """The host's answer to one of our messages (ack, error, or a query's answer)."""

    answer: host.Answer


@dataclass(frozen=True)
class Refused:
    """The host refused the join itself (a bad token, no such table, a name taken)."""

    error: host.Error


@dataclass(frozen=True)
class Reconnect:
    """Drop this connection and resume (a seq gap, or a host that holds less), at `to`
    when the host named where the table is served now (a community host's worker)."""

    why: str
    to: str | None = None


@dataclass(frozen=True)
class Rekeyed:
    """The host made a new key: it is checked by `pin` from now on."""

    pin: str


Note = (
    Welcomed | TokenIssued | Snapshotted | Happened | TurnCame | Answered | Refused | Reconnect
    | Rekeyed
)  # fmt: skip


class ClientSession:
    def __init__(
        self,
        table_id: str,
        *,
        token: str | None = None,
        name: str | None = None,
        rng: random.Random | None = None,
        pin: str | None = None,
        join_key: str | None = None,
    ) -> None:
        """`pin`: the host's certificate as the invite (or the seat kept) names it; None
        trusts the first certificate met (an old invite) and keeps to it after.
        `join_key`: the invite's, sent with the hello (in without waiting for approval)."""
        if token is None and name is None:
            raise ValueError("a new guest needs a name; a known member needs a token")
        self.table_id, self.token, self.name, self.pin = table_id, token, name, pin
        self.join_key = join_key
        self.rng = rng or random.Random()
        self.seq = 0
        self.member_id: int | None = None
        self.state = State.CONNECTING
        self.closed_reason: str | None = None
        self._prefix = uuid.uuid4().hex[:10]
        self._count = 0
        # A hello sent again after a lost welcome is known by its id and this secret.
        self._hello_id, self._secret = self._next_id(), secrets.token_urlsafe(24)
        self._unanswered: dict[str, str] = {}  # id -> frame, in the order sent
        self.reached = False  # welcomed at least once: from then on, reconnect forever
        self.tries = 0

    def _next_id(self) -> str:
        self._count += 1
        return f"{self._prefix}-{self._count}"

    # --- going out -------------------------------------------------------------------

    def join_frame(self) -> str:
        """The first frame of every connection: resume when we hold a token, else hello."""
        if self.token is not None:
            resume = client.Resume(
                id=self._next_id(), table_id=self.table_id, token=self.token, last_seq=self.seq
            )
            return codec.encode(resume)
        assert self.name is not None
        hello = client.Hello(
            id=self._hello_id,
            protocol=VERSION,
            table_id=self.table_id,
            name=self.name,
            secret=self._secret,
            key=self.join_key,
        )
        return codec.encode(hello)

    def send(self, message: client.Message) -> tuple[str, str]:
        """Give a message its id and keep it until answered: its id and its frame."""
        message_id = self._next_id()
        frame = codec.encode(msgspec.structs.replace(message, id=message_id))
        self._unanswered[message_id] = frame
        return message_id, frame

    def resends(self) -> list[str]:
        """Every unanswered frame, after a reconnection: the same ids, applied once."""
        return list(self._unanswered.values())

    def backoff(self, attempt: int) -> float:
        """Seconds before reconnection `attempt` (0: the first, within 250 ms), with jitter."""
        wanted = FIRST_RETRY if attempt == 0 else min(MAX_RETRY, FIRST_RETRY * 2**attempt)
        return wanted * self.rng.uniform(0.5, 1.0)

    def unreachable(self, where: str, why: str) -> bool:
        """A try to connect failed; True when it is time to give up (never, once the host
        was reached: a host that restarts comes back)."""
        if self.reached:
            return False
        self.tries += 1
        if self.tries < GIVE_UP_AFTER:
            return False
        self.closed_reason = f"Could not reach the host at {where} after {self.tries} tries: {why}."
        self.state = State.CLOSED
        return True

    def presented(self, pin: str) -> bool:
        """The host showed a certificate with `pin`, before anything of ours was sent:
        may we go on? A mismatch closes the session for good; a first pin is kept."""
        if self.pin is None:
            self.pin = pin  # (an unpinned invite: the first host met, from now on)
        elif pin != self.pin:
            self.closed_reason = KEY_CHANGED
            self.state = State.CLOSED
            return False
        return True

    def closed(self, code: int | None) -> bool:
        """The connection closed with `code`; True if it is for good."""
        if code in FINAL_CLOSES:
            self.closed_reason = FINAL_CLOSES[code]
            self.state = State.CLOSED
        elif self.state is not State.CLOSED:
            self.state = State.RECONNECTING
        return self.state is State.CLOSED

    # --- coming in -------------------------------------------------------------------

    def receive(self, text: str | bytes) -> list[Note]:
        """One frame from the host, as what it means."""
        try:
            message = codec.decode(text)
        except ProtocolError as error:
            log.error("a frame from the host that this client cannot read: %s", error)
            return []
        if isinstance(message, host.Welcome):
            return self._welcome(message)
        if isinstance(message, host.Snapshot):
            self.seq = message.seq
            return [Snapshotted(message)]
        if isinstance(message, host.Event):
            return self._event(message)
        if isinstance(message, host.Turn):
            return [TurnCame(message)] if message.seq == self.seq else []
        if isinstance(message, host.HostKey):
            if not is_pin(message.pin):
                log.error("the host named a new key that is no pin: %r", message.pin)
                return []
            self.pin = message.pin  # (told over the old key, which vouches for it)
            return [Rekeyed(message.pin)]
        return self._answer(message)

    def _welcome(self, welcome: host.Welcome) -> list[Note]:
        self.reached = True
        self.member_id = welcome.member_id
        self.state = State.ONLINE
        notes: list[Note] = [Welcomed(welcome)]
        if welcome.token:
            self.token = welcome.token
            notes.append(TokenIssued(welcome.token))
        return notes

    def _event(self, frame: host.Event) -> list[Note]:
        if frame.seq <= self.seq:
            return []  # a duplicate
        if frame.seq != self.seq + 1:
            return [Reconnect(f"gap after seq {self.seq} (got {frame.seq})")]
        try:
            event = read_event({"kind": frame.kind, **frame.data})
        except ProtocolError as error:
            log.error("event %d: %s", frame.seq, error)  # never silently nothing
            self.seq = frame.seq
            return []
        self.seq = frame.seq
        return [Happened(frame.seq, event)]

    def _answer(self, answer: host.Answer) -> list[Note]:
        message_id = getattr(answer, "id", None)
        if message_id is not None and message_id in self._unanswered:
            del self._unanswered[message_id]
            return [Answered(answer)]
        if isinstance(answer, host.Error) and answer.code == Code.TABLE_MOVED and answer.url:
            log.info("%s", answer.message)
            return [Reconnect(answer.message, to=answer.url)]
        if isinstance(answer, host.Error) and answer.code == Code.INVALID_SEQ:
            # The host holds less than we saw (its database was put back): start afresh.
            log.warning("%s", answer.message)
            self.seq = 0
            return [Reconnect(answer.message)]
        if isinstance(answer, host.Error):
            # Not an answer to a command: the join itself was refused. Nothing to retry.
            self.closed_reason = answer.message
            self.state = State.CLOSED
            return [Refused(answer)]
        return []
