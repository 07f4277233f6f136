"""Durable before visible, in one place: the outboxes of one loop turn are held, their
writes committed in one transaction (one sync to disk for all of them), and only
then are their frames sent, in order.

If the commit fails, nothing of the turn was shown, and nothing of it stays: the
core puts its tables back as the store holds them; each command's sender is told
`storage_unavailable` when the environment refused (a full disk, a locked file:
send it again later, with its same id) or `internal_error` when the write itself
was wrong (a bug of ours, logged with its traceback); any other peer that was to
hear of the turn is closed (1011) to resume from what is there.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field

from host_server.errors import Code, StorageUnavailable
from host_server.host.core import HostCore
from host_server.host.peers import Outbox, Peer
from host_server.protocol import codec
from host_server.store.writer import Writes
from host_server.store.writes import TableWrite

log = logging.getLogger("felt.net")

UNSAVED = "The host cannot save right now; try again in a moment."
BROKEN = "Something went wrong on the host; nothing was applied."


class GroupCommit:
    """One commit in flight at a time, on the writer's thread: what the loop decides
    meanwhile is held for the next one, so every frame still waits for its own commit
    and goes out in the order it was decided."""

    def __init__(
        self,
        writer: Writes,
        core: HostCore,
        *,
        send: Callable[[Outbox], None],
        close: Callable[[Peer, int, str], None],
    ) -> None:
        self.writer, self.core = writer, core
        self.send, self.close = send, close
        self.held: list[Outbox] = []
        self.waiting: list[asyncio.Future[bool]] = []  # for what is held
        self.flight: _Flight | None = None
        self.failed: list[Callable[[], None]] = []  # what to do after a failed commit

    def add(self, out: Outbox) -> None:
        """Send `out` once its writes (and every write held before it) are committed."""
        if not self.held and self.flight is None:
            if not out.writes:
                self.send(out)  # nothing waits to be durable: at once, still in order
                return
            asyncio.get_running_loop().call_soon(self._take_off)
        self.held.append(out)

    async def settled(self) -> bool:
        """Wait until what was added so far is committed (False: it was rolled back)."""
        if not self.held and self.flight is None:
            return True
        done: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        if self.held or self.flight is None:
            self.waiting.append(done)
        else:
            self.flight.waiting.append(done)
        return await done

    def flush(self) -> bool:
        """Commit everything added so far and send it, waiting here (start, stop, a new
        table): False if any of it was rolled back."""
        ok = True
        while self.flight is not None or self.held:
            flight = self.flight or self._take_off()
            assert flight is not None
            flight.result.exception()  # wait for the writer, without raising
            ok = self._landed(flight) and ok
        return ok

    def _take_off(self) -> _Flight | None:
        """Hand what is held to the writer (unless a commit is under way)."""
        if self.flight is not None or not self.held:
            return None  # (under way already, or flushed meanwhile)
        flight = _Flight(self.held, self.waiting)
        self.held, self.waiting = [], []
        flight.result = self.writer.submit([w for out in flight.held for w in out.writes])
        self.flight = flight
        if flight.result.done():
            self._landed(flight)
        else:
            loop = asyncio.get_running_loop()
            flight.result.add_done_callback(
                lambda _: loop.call_soon_threadsafe(self._landed, flight)
            )
        return flight

    def _landed(self, flight: _Flight) -> bool:
        """The commit is done: send what it held, or undo it and all held behind it."""
        if self.flight is not flight:
            return flight.ok  # (a flush already saw it land)
        self.flight = None
        error = flight.result.exception()
        if error is None:
            self.core.committed(_last_seqs(flight.held))
            for out in flight.held:
                self.send(out)
        else:
            writes = sum(len(out.writes) for out in flight.held)
            if isinstance(error, StorageUnavailable):
                log.error("a batch of %d writes could not be saved: %s", writes, error)
                code, words = Code.STORAGE_UNAVAILABLE, UNSAVED
            else:
                log.error("a batch of %d writes was refused: a bug of ours", writes, exc_info=error)
                code, words = Code.INTERNAL_ERROR, BROKEN
            # What was decided meanwhile stood on the failed writes: it goes too.
            flight.held += self.held
            flight.waiting += self.waiting
            self.held, self.waiting = [], []
            self._undo(flight.held, code, words)
        flight.ok = error is None
        for done in flight.waiting:
            if not done.done():
                done.set_result(flight.ok)
        if self.held:
            self._take_off()
        return flight.ok

    def _undo(self, held: list[Outbox], code: Code, words: str) -> None:
        self.core.rolled_back()
        answered = {peer for out in held for peer, _ in out.answers}
        for out in held:
            for peer, message_id in out.answers:
                refusal = codec.error(code, words, message_id)
                self.send(Outbox(sends=[(peer, refusal)]))
        for peer in {peer for out in held for peer, _ in out.sends} - answered:
            self.close(peer, 1011, "the host could not save; reconnect")
        for then in self.failed:
            then()


@dataclass
class _Flight:
    """The outboxes of one commit, and who waits for it."""

    held: list[Outbox]
    waiting: list[asyncio.Future[bool]]
    result: Future[None] = field(default_factory=Future)
    ok: bool = False


def _last_seqs(held: list[Outbox]) -> dict[str, int]:
    """Each table's last seq in these outboxes' writes."""
    return {
        write.table_id: write.seq
        for out in held
        for write in out.writes
        if isinstance(write, TableWrite)
    }
