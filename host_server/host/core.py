"""The host core: every table, who is connected to which member, and the path from a
frame to what must be written, sent and closed because of it.

No sockets, no clock, no store writes: frames and `now` come in through `receive`
(and the HTTP helpers, ticks, disconnects), an `Outbox` comes out, and the
network shell commits its writes before it sends a single frame of it. The shell
then says `committed()` (or `rolled_back()`) for the batch.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from host_server.errors import Code, CommandError, CorruptTable, FeltError
from host_server.host.brake import Brake
from host_server.host.broadcast import broadcast, catch_up
from host_server.host.door import Door
from host_server.host.gate import TOKEN_TTL, Gate, InvalidToken
from host_server.host.limits import Limits
from host_server.host.peers import Outbox, Peer
from host_server.host.presence import Presence
from host_server.host.queries import answer_query
from host_server.host.session import TableSession
from host_server.protocol import VERSION, client, codec, host
from host_server.store.log import LogStore
from host_server.store.tokens import new_token, token_hash
from host_server.store.writes import Receipt, TokenRotated, TokenSeen
from host_server.table import commands as cmd, dealer
from host_server.table.settings import TableSettings
from host_server.views import live

log = logging.getLogger("felt.host")

ABUSE_LIMIT = 200  # refused for rate in a row: the peer is disconnected
HOST_MEMBER = 1  # whoever creates a table is its member 1
REPLACED = (4001, "replaced by a newer connection")
ABUSIVE = (1008, "too many messages")
REFUSALS_KEPT = 10_000
_WIRE_CODES = frozenset(Code)


class HostCore:
    def __init__(
        self,
        store: LogStore,
        *,
        token_ttl: float = TOKEN_TTL,
        brake: Brake | None = None,
        limits: Limits | None = None,
    ) -> None:
        self.store = store  # read only: the shell commits the outboxes' writes
        self.door = Door(limits or Limits())
        self.sessions: dict[str, TableSession] = {}
        self.presence = Presence()
        self.gate = Gate(store, self.presence, token_ttl=token_ttl, brake=brake)
        # Refused commands, by (table, member, id): their digest and answer, while we run.
        self.refusals: OrderedDict[tuple[str, int, str], tuple[str, str]] = OrderedDict()
        # Receipts written but not yet known to be committed, by (table, member, id).
        self.unsettled: dict[tuple[str, int, str], dict[str, Any]] = {}

    # --- tables ---------------------------------------------------------------

    def restore(self, now: float) -> tuple[Outbox, list[CorruptTable]]:
        """Every unfinished table; clocks move on by the time the host was down."""
        tables, broken = self.store.restore_all()
        down_since = self.store.alive_at() or now
        out = Outbox()
        for table_id, table in tables.items():
            session = self.sessions[table_id] = TableSession(self.store, table)
            self._run(session, cmd.Restarted(down_since), now, out)
            log.info("restored table %s (%s) at seq %d", table_id, table.settings.name, table.seq)
        for error in broken:
            log.error("%s", error)
        return out, broken

    def create_table(
        self, settings: TableSettings, host_name: str, now: float
    ) -> tuple[str, str, Outbox]:
        """A new table: its id, the host's token, and the outbox that writes it."""
        session, token, write = TableSession.create(self.store, settings, host_name, now)
        table_id = session.table.table_id
        self.sessions[table_id] = session
        log.info("new table %s (%s)", table_id, settings.name)
        return table_id, token, Outbox(writes=[write], tables={table_id})

    def committed(self) -> None:
        """The writes handed out so far are on disk."""
        for session in self.sessions.values():
            session.committed()
        self.unsettled.clear()

    def rolled_back(self) -> None:
        """The writes handed out since the last commit failed: every table goes back to
        what the store holds (one created meanwhile is gone)."""
        self.unsettled.clear()
        for table_id, session in list(self.sessions.items()):
            if not session.pending:
                continue
            try:
                session.reload()
            except CorruptTable:
                del self.sessions[table_id]
                self.presence.drop_table(table_id)

    def next_deadline(self, table_id: str) -> float | None:
        session = self.sessions.get(table_id)
        return dealer.next_deadline(session.table) if session else None

    def tick(self, table_id: str, now: float) -> Outbox:
        out = Outbox()
        session = self.sessions.get(table_id)
        if session is not None:
            self._run(session, cmd.Tick(), now, out)
        return out

    def run_command(self, table_id: str, command: cmd.Command, now: float) -> Outbox:
        """A command from the host process itself (the app seating its user, adding bots)."""
        out = Outbox()
        self._run(self._session(table_id), command, now, out)
        return out

    def close_tables(self, now: float) -> tuple[Outbox, list[str]]:
        """The host closes every open table that is between hands; returns those kept."""
        out, kept = Outbox(), []
        for table_id, session in self.sessions.items():
            if session.table.closed:
                continue
            try:
                self._run(session, cmd.Close(HOST_MEMBER), now, out)
            except FeltError:  # mid-hand: it stays, and resumes next time
                kept.append(table_id)
        return out, kept

    def lobby(self) -> list[dict[str, Any]]:
        return [live.summary(s.table) for s in self.sessions.values() if not s.table.closed]

    # --- frames from a connection ----------------------------------------------

    def receive(self, peer: Peer, text: str | bytes, now: float) -> Outbox:
        """One frame from a peer: every frame gets an answer (or the peer is closed)."""
        out = Outbox()
        if not peer.allow(now):
            if peer.strikes >= ABUSE_LIMIT:
                out.closes.append((peer, *ABUSIVE))
            else:
                slow = "Slow down: too many messages."
                out.sends.append((peer, codec.error(Code.RATE_LIMITED, slow, codec.peek_id(text))))
            return out
        try:
            frame = codec.envelope(text)
            if frame.type not in client.JOINING and peer.member_id is None:
                raise FeltError("Send hello or resume first.", code=Code.NOT_JOINED)
            message = frame.message()
            if isinstance(message, client.Hello):
                self._hello(peer, message, now, out)
            elif isinstance(message, client.Resume):
                self._resume(peer, message, now, out)
            else:
                self._request(peer, message, now, out)
        except FeltError as error:
            if error.code not in _WIRE_CODES:
                return self._internal_error(peer, text, error, out)
            out.sends.append(
                (peer, codec.error(Code(error.code), error.message, codec.peek_id(text), error.url))
            )
            if isinstance(error, InvalidToken):
                out.not_before = error.answer_at
            if not isinstance(error, CommandError):
                log.info("refused from %s: %s", peer.address, error)
        except Exception as error:  # noqa: BLE001 (a bug of ours: logged, and answered)
            return self._internal_error(peer, text, error, out)
        return out

    def _internal_error(
        self, peer: Peer, text: str | bytes, error: Exception, out: Outbox
    ) -> Outbox:
        """Our own bug, met while handling a frame: the table went back as it was (the
        session recovers), the traceback goes to the log, the client gets a plain answer."""
        log.error("internal error on a frame from %s", peer.address, exc_info=error)
        message = "Something went wrong on the host; nothing was applied."
        out.sends.append((peer, codec.error(Code.INTERNAL_ERROR, message, codec.peek_id(text))))
        return out

    def disconnected(self, peer: Peer, now: float) -> Outbox:
        """The peer's connection ended (unless a newer one replaced it)."""
        out = Outbox()
        table_id, member_id = peer.table_id, peer.member_id
        if table_id is None or member_id is None or not self.presence.unbind(peer):
            return out
        self._gone(table_id, member_id, now, out)
        log.info("member %d of table %s disconnected", member_id, table_id)
        return out

    def sweep(self, now: float) -> Outbox:
        """Polling clients that stopped polling are disconnected like any other."""
        self.gate.brake.sweep(now)
        self.door.sweep(now)
        out = Outbox()
        for table_id, member_id in self.presence.stale_polls(now):
            self._gone(table_id, member_id, now, out)
        return out

    def _gone(self, table_id: str, member_id: int, now: float, out: Outbox) -> None:
        session = self.sessions.get(table_id)
        if session is not None and not session.table.closed:
            out.writes.append(TokenSeen(table_id, member_id, now))
            self._run(session, cmd.Disconnect(member_id), now, out)

    # --- joining ------------------------------------------------------------------

    def _session(self, table_id: str) -> TableSession:
        session = self.sessions.get(table_id)
        if session is None:
            raise self.store.elsewhere(table_id)
        if session.table.closed:
            raise FeltError("This table is closed.", code=Code.TABLE_CLOSED)
        return session

    def _hello(self, peer: Peer, message: client.Hello, now: float, out: Outbox) -> None:
        if peer.member_id is not None:
            raise FeltError("This connection has already joined.", code=Code.ALREADY_JOINED)
        if message.protocol != VERSION:
            raise FeltError(
                f"This host speaks protocol {VERSION}; please update Felt.",
                code=Code.PROTOCOL_MISMATCH,
            )
        session = self._session(message.table_id)
        table = session.table
        self.door.hello(peer.address, table.table_id, now)
        token, digest = new_token()
        said = codec.digest(message)
        # A hello is recognised as retried (after a lost welcome) only by the secret its
        # client chose, never by its id alone: anyone can send someone else's id.
        key = f"{message.id}#{token_hash(message.secret)}" if message.secret else None
        earlier = self._receipt(table.table_id, 0, key) if key is not None else None
        if earlier is not None and earlier.get("digest") != said:
            raise FeltError("That id was used for another hello.", code=Code.DUPLICATE_ID)
        if earlier is not None:  # the same client retrying: same member, new token
            member_id = int(earlier["member_id"])
            out.writes.append(TokenRotated(table.table_id, member_id, digest, now))
        else:
            member_id = table.next_member_id
            receipt = None
            if key is not None:
                receipt = Receipt(0, key, {"member_id": member_id, "digest": said})
            self._run(
                session,
                cmd.RequestJoin(message.name, message.key),
                now,
                out,
                receipt,
                (member_id, digest),
            )
        name = table.members[member_id].name
        log.info("%s joined %s as member %d (%s)", peer.address, table.table_id, member_id, name)
        self._bind(peer, table.table_id, member_id, out)
        self._greet(peer, session, token, 0, out)  # its snapshot holds its own join
        self._run(session, cmd.Connect(member_id), now, out)

    def _resume(self, peer: Peer, message: client.Resume, now: float, out: Outbox) -> None:
        if peer.member_id is not None:
            raise FeltError("This connection has already joined.", code=Code.ALREADY_JOINED)
        session = self.sessions.get(message.table_id)
        self.gate.not_moved(message.table_id, session)
        member_id = self.gate.member(peer.address, message.token, session, now)
        assert session is not None  # the gate let nobody in to no table
        if not 0 <= message.last_seq <= session.table.seq:
            raise FeltError(
                f"last_seq is 0 to this table's seq ({session.table.seq}); resume with 0 for"
                " a snapshot.",
                code=Code.INVALID_SEQ,
            )
        log.info(
            "%s resumed member %d at %s from seq %d",
            peer.address, member_id, message.table_id, message.last_seq,
        )  # fmt: skip
        self._bind(peer, message.table_id, member_id, out)
        self._greet(peer, session, None, message.last_seq, out)
        self._run(session, cmd.Connect(member_id), now, out)

    def _bind(self, peer: Peer, table_id: str, member_id: int, out: Outbox) -> None:
        replaced = self.presence.bind(peer, table_id, member_id)
        if replaced is not None:
            out.closes.append((replaced, *REPLACED))

    def _greet(
        self,
        peer: Peer,
        session: TableSession,
        token: str | None,
        last_seq: int,
        out: Outbox,
    ) -> None:
        """welcome, then what the member missed: events after last_seq, or a snapshot."""
        table = session.table
        member_id = peer.member_id
        assert member_id is not None
        role = table.members[member_id].role
        welcome = host.Welcome(
            protocol=VERSION,
            table_id=table.table_id,
            member_id=member_id,
            role=role,
            seq=table.seq,
            token=token,
        )
        out.sends.append((peer, codec.encode(welcome)))
        frames = catch_up(table, member_id, session.missed(last_seq))
        out.sends += [(peer, text) for text in frames]

    # --- commands and queries ------------------------------------------------------

    def _request(self, peer: Peer, message: client.Message, now: float, out: Outbox) -> None:
        table_id, member_id = peer.table_id, peer.member_id
        assert table_id is not None and member_id is not None
        session = self._session(table_id)
        if isinstance(message, client.Query):
            out.sends.append((peer, answer_query(session.table, self.store, member_id, message)))
            return
        assert isinstance(message, client.Command)
        self._command(peer, session, member_id, message, now, out)

    def _command(
        self,
        peer: Peer,
        session: TableSession,
        member_id: int,
        message: client.Command,
        now: float,
        out: Outbox,
    ) -> None:
        # Ids are the member's: a receipt is kept for the table's life (restarts included),
        # so an id is applied once, and a retry gets the first answer.
        table_id, key = session.table.table_id, (session.table.table_id, member_id, message.id)
        said = codec.digest(message)
        done = self._receipt(table_id, member_id, message.id)
        refused = self.refusals.get(key)
        first = done.get("digest") if done is not None else refused[0] if refused else None
        if first is not None and first != said:
            raise FeltError(
                "That id was already used for another message: every message needs its own.",
                code=Code.DUPLICATE_ID,
            )
        if done is not None:  # retried after a lost ack: answered, not applied again
            out.sends.append((peer, codec.encode(host.Ack(id=message.id, seq=int(done["seq"])))))
            return
        if refused is not None:
            out.sends.append((peer, refused[1]))
            return
        self.door.command(message, table_id, member_id, now)  # (a chat line's rate)
        receipt = Receipt(member_id, message.id, {"digest": said})
        try:
            self._run(session, message.command(member_id), now, out, receipt)
            self.door.applied(message, table_id, self.presence)  # (a ban: their address)
        except CommandError as error:
            answer = codec.error(Code(error.code), error.message, message.id, error.url)
            self.refusals[key] = (said, answer)
            while len(self.refusals) > REFUSALS_KEPT:
                self.refusals.popitem(last=False)
            raise
        out.sends.append((peer, codec.encode(host.Ack(id=message.id, seq=session.table.seq))))
        out.answers.append((peer, message.id))

    def _receipt(self, table_id: str, member_id: int, key: str) -> dict[str, Any] | None:
        """A command id's answer: written this loop turn, or stored."""
        pending = self.unsettled.get((table_id, member_id, key))
        return pending if pending is not None else self.store.receipt(table_id, member_id, key)

    def _run(
        self,
        session: TableSession,
        command: cmd.Command,
        now: float,
        out: Outbox,
        receipt: Receipt | None = None,
        token: tuple[int, str] | None = None,
    ) -> None:
        """Decide one command; queue its write, then its events for every connected member."""
        peers = self.presence.at(session.table.table_id)
        seen_as = {m: live.sees_as(session.table, m) for m in peers}
        recorded, write = session.handle(command, now, receipt=receipt, token=token)
        if write is not None:
            out.writes.append(write)
            if receipt is not None:
                key = (session.table.table_id, receipt.member_id, receipt.command_id)
                self.unsettled[key] = {"seq": write.seq, **receipt.result}
        out.tables.add(session.table.table_id)
        broadcast(session.table, recorded, peers, out, seen_as)

    def polled(self, session: TableSession, member_id: int, now: float, out: Outbox) -> None:
        """A polling request is the member's newest connection: a WebSocket it still had
        is closed (4001), as a second WebSocket would close it."""
        socket = self.presence.poll(session.table.table_id, member_id, now)
        if socket is not None:
            out.closes.append((socket, *REPLACED))
        elif not session.table.members[member_id].connected:
            self._run(session, cmd.Connect(member_id), now, out)
