"""The Qt face of a table connection: typed signals for the widgets, in order.

A thin adapter: the session (plain Python) decides, the carrier (asyncio) moves the
frames, and this object turns what they report into Qt signals.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.client.carrier import Carrier
from desktop.client.session import (
    Answered,
    ClientSession,
    Happened,
    Note,
    Refused,
    Rekeyed,
    Snapshotted,
    State,
    TokenIssued,
    TurnCame,
    Welcomed,
)
from host_server.protocol import client


class Connection(QObject):
    """Signals carry the protocol's typed messages, in the order they came."""

    welcomed = Signal(object)  # host.Welcome
    snapshot_received = Signal(object)  # host.Snapshot
    event_received = Signal(int, object)  # seq, a protocol.events.WireEvent
    turn_received = Signal(object)  # host.Turn
    answered = Signal(object)  # host.Ack, host.Error or a query's answer, for our messages
    problem = Signal(object)  # host.Error: the join itself was refused
    state_changed = Signal(object)  # State
    token_issued = Signal(str)
    rekeyed = Signal(str)  # the host's new pin, which reconnections now check

    def __init__(
        self,
        url: str,
        table_id: str,
        *,
        token: str | None = None,
        name: str | None = None,
        sleep: Callable[[float], Any] | None = None,
        pin: str | None = None,
        join_key: str | None = None,
    ) -> None:
        super().__init__()
        self.session = ClientSession(table_id, token=token, name=name, pin=pin, join_key=join_key)
        extra = {"sleep": sleep} if sleep is not None else {}
        self.carrier = Carrier(url, self.session, on_note=self._note, on_state=self._state, **extra)

    @property
    def state(self) -> State:
        return self.session.state

    @property
    def member_id(self) -> int | None:
        return self.session.member_id

    @property
    def token(self) -> str | None:
        return self.session.token

    @property
    def seq(self) -> int:
        return self.session.seq

    @property
    def pin(self) -> str | None:
        return self.session.pin

    @property
    def closed_reason(self) -> str | None:
        return self.session.closed_reason

    def start(self) -> None:
        self.carrier.start()

    async def stop(self) -> None:
        await self.carrier.stop()

    def send(self, message: client.Message) -> str:
        """Send a message (now if online, else after the next welcome); its id."""
        message_id, frame = self.session.send(message)
        self.carrier.write(frame)
        return message_id

    def _state(self, state: State) -> None:
        self.state_changed.emit(state)

    def _note(self, note: Note) -> None:
        if isinstance(note, Welcomed):
            self.welcomed.emit(note.welcome)
        elif isinstance(note, TokenIssued):
            self.token_issued.emit(note.token)
        elif isinstance(note, Snapshotted):
            self.snapshot_received.emit(note.snapshot)
        elif isinstance(note, Happened):
            self.event_received.emit(note.seq, note.event)
        elif isinstance(note, TurnCame):
            self.turn_received.emit(note.turn)
        elif isinstance(note, Answered):
            self.answered.emit(note.answer)
        elif isinstance(note, Refused):
            self.problem.emit(note.error)
        elif isinstance(note, Rekeyed):
            self.rekeyed.emit(note.pin)
