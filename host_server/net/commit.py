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

from host_server.errors import Code, StorageError, StorageUnavailable
from host_server.host.core import HostCore
from host_server.host.peers import Outbox, Peer
from host_server.protocol import codec
from host_server.store.log import LogStore

log = logging.getLogger("felt.net")

UNSAVED = "The host cannot save right now; try again in a moment."
BROKEN = "Something went wrong on the host; nothing was applied."


class GroupCommit:
    def __init__(
        self,
        store: LogStore,
        core: HostCore,
        *,
        send: Callable[[Outbox], None],
        close: Callable[[Peer, int, str], None],
    ) -> None:
        self.store, self.core = store, core
        self.send, self.close = send, close
        self.held: list[Outbox] = []
        self.waiting: list[asyncio.Future[bool]] = []
        self.failed: list[Callable[[], None]] = []  # what to do after a failed commit

    def add(self, out: Outbox) -> None:
        """Send `out` once its writes (and every write held before it) are committed."""
        if not self.held and not out.writes:
            self.send(out)  # nothing waits to be durable: at once, still in order
            return
        if not self.held:
            asyncio.get_running_loop().call_soon(self.flush)
        self.held.append(out)

    async def settled(self) -> bool:
        """Wait until what was added so far is committed (False: it was rolled back)."""
        if not self.held:
            return True
        done: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self.waiting.append(done)
        return await done

    def flush(self) -> bool:
        """The one commit step: commit what is held, then send it (or undo it all)."""
        held, self.held = self.held, []
        waiting, self.waiting = self.waiting, []
        writes = [write for out in held for write in out.writes]
        try:
            self.store.commit(writes)
        except StorageUnavailable as error:
            log.error("a batch of %d writes could not be saved: %s", len(writes), error)
            self._undo(held, Code.STORAGE_UNAVAILABLE, UNSAVED)
            ok = False
        except StorageError:
            log.exception("a batch of %d writes was refused: a bug of ours", len(writes))
            self._undo(held, Code.INTERNAL_ERROR, BROKEN)
            ok = False
        else:
            self.core.committed()
            for out in held:
                self.send(out)
            ok = True
        for done in waiting:
            if not done.done():
                done.set_result(ok)
        return ok

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
