"""The host: every table, its one writer path, and who is connected to which member.

No sockets here. Frames come in through `receive` (and the HTTP helpers),
and what to send comes out as an `Outbox`, only after the events it carries
were committed. `server.py` moves bytes between sockets and this object.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from host_server import protocol as wire
from host_server.bots.situation import Decision
from host_server.bots.turns import BotTurn, bot_turn, turn_key
from host_server.brake import Brake
from host_server.errors import Code, CommandError, CorruptTable, FeltError, StorageError
from host_server.peers import Outbox, Peer
from host_server.queries import answer_query
from host_server.session import TableSession
from host_server.store import Receipt, Recorded, Store
from host_server.table import commands as cmd, dealer, events as ev
from host_server.table.members import Role
from host_server.table.settings import TableSettings
from host_server.tokens import new_token, token_hash
from host_server.views import live as views

log = logging.getLogger("felt.host")
_WIRE_CODES = frozenset(Code)

TOKEN_TTL = 30 * 60.0
ABUSE_LIMIT = 200  # refused for rate in a row: the peer is disconnected
POLL_PRESENCE = 20.0  # a polling client counts as connected this long after a poll
HOST_MEMBER = 1  # whoever creates a table is its member 1
REPLACED = (4001, "replaced by a newer connection")
REMOVED = 4003  # left, kicked or not admitted: told why in the event just before
ABUSIVE = (1008, "too many messages")


class InvalidToken(FeltError):
    """A wrong, expired or foreign token; its answer may leave at `answer_at`, not before."""

    code = Code.INVALID_TOKEN

    def __init__(self, answer_at: float) -> None:
        super().__init__("That token is not valid here.")
        self.answer_at = answer_at


class Host:
    def __init__(
        self, store: Store, *, token_ttl: float = TOKEN_TTL, brake: Brake | None = None
    ) -> None:
        self.store = store
        self.token_ttl = token_ttl
        self.brake = brake or Brake()
        self.sessions: dict[str, TableSession] = {}
        # table -> member -> its live connection: a broadcast touches one table's peers only
        self.peers: dict[str, dict[int, Peer]] = {}
        self.polled: dict[tuple[str, int], float] = {}
        # Refused commands, by (table, member, id): their digest and answer, while we run.
        self.errors: OrderedDict[tuple[str, int, str], tuple[str, str]] = OrderedDict()

    # --- tables ---------------------------------------------------------------

    def restore(self, now: float) -> list[CorruptTable]:
        """Load every unfinished table; clocks move on by the time the host was down."""
        tables, broken = self.store.restore_all()
        down_since = self.store.alive_at() or now
        for table_id, table in tables.items():
            session = TableSession(self.store, table)
            self.sessions[table_id] = session
            session.execute(cmd.Restarted(down_since), now)
            log.info("restored table %s (%s) at seq %d", table_id, table.settings.name, table.seq)
        for error in broken:
            log.error("%s", error)
        return broken

    def create_table(self, settings: TableSettings, host_name: str, now: float) -> tuple[str, str]:
        session, token = TableSession.create(self.store, settings, host_name, now)
        self.sessions[session.table.table_id] = session
        log.info("new table %s (%s)", session.table.table_id, settings.name)
        return session.table.table_id, token

    def rolled_back(self) -> None:
        """A batch of writes failed to commit: every table goes back to what the store holds
        (one created in that batch is gone)."""
        for table_id, session in list(self.sessions.items()):
            try:
                session.reload()
            except CorruptTable:
                del self.sessions[table_id]
                self.peers.pop(table_id, None)

    def next_deadline(self, table_id: str) -> float | None:
        session = self.sessions.get(table_id)
        return dealer.next_deadline(session.table) if session else None

    def tick(self, table_id: str, now: float) -> Outbox:
        out = Outbox()
        session = self.sessions.get(table_id)
        if session is not None:
            self._run(session, cmd.Tick(), now, out)
        return out

    def execute(self, table_id: str, command: cmd.Command, now: float) -> Outbox:
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
            except FeltError:  # mid-hand (or unsavable): it stays, and resumes next time
                kept.append(table_id)
        return out, kept

    # --- bots -------------------------------------------------------------------

    def bot_turn(self, table_id: str) -> BotTurn | None:
        """The bot to act at this table now, if the player to act is one."""
        session = self.sessions.get(table_id)
        return bot_turn(session.table) if session is not None else None

    def turn_key(self, table_id: str) -> tuple[int, int] | None:
        session = self.sessions.get(table_id)
        return turn_key(session.table) if session is not None else None

    def bot_act(self, turn: BotTurn, decision: Decision, now: float) -> Outbox:
        """Play a bot's decision, unless the table moved on while it thought."""
        out = Outbox()
        session = self.sessions.get(turn.table_id)
        if session is None or turn_key(session.table) != turn.key:
            return out
        act = cmd.Act(turn.member_id, decision.action, turn.key[0], decision.amount)
        try:
            self._run(session, act, now, out)
        except CommandError as error:  # a policy bug must not stall the table
            log.error("table %s: bot %d: %s", turn.table_id, turn.member_id, error)
            fallback = turn.situation.give_up()
            self._run(session, cmd.Act(turn.member_id, fallback.action, turn.key[0]), now, out)
        return out

    def lobby(self) -> list[dict[str, Any]]:
        return [views.summary(s.table) for s in self.sessions.values() if not s.table.closed]

    # --- frames from a connection ----------------------------------------------

    def receive(self, peer: Peer, text: str | bytes, now: float) -> Outbox:
        """One frame from a peer: every frame gets an answer (or the peer is closed)."""
        out = Outbox()
        if not peer.allow():
            if peer.strikes >= ABUSE_LIMIT:
                out.closes.append((peer, *ABUSIVE))
            else:
                slow = "Slow down: too many messages."
                out.sends.append((peer, wire.error(Code.RATE_LIMITED, slow, wire.peek_id(text))))
            return out
        try:
            frame = wire.envelope(text)
            if frame.type not in wire.JOINING and peer.member_id is None:
                raise FeltError("Send hello or resume first.", code=Code.NOT_JOINED)
            message = frame.message()
            if message.type == "hello":
                self._hello(peer, message, now, out)
            elif message.type == "resume":
                self._resume(peer, message, now, out)
            else:
                self._command(peer, message, now, out)
        except FeltError as error:
            if error.code not in _WIRE_CODES:
                return self._internal_error(peer, text, error, out)
            out.sends.append((peer, wire.error(error.code, error.message, wire.peek_id(text))))
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
        """Our own bug, met while handling a frame: the table went back to its store (the
        session reloads), the traceback goes to the log, the client gets a plain answer."""
        log.error("internal error on a frame from %s", peer.address, exc_info=error)
        message = "Something went wrong on the host; nothing was applied."
        out.sends.append((peer, wire.error(Code.INTERNAL_ERROR, message, wire.peek_id(text))))
        return out

    def disconnected(self, peer: Peer, now: float) -> Outbox:
        """The peer's connection ended (unless a newer one replaced it)."""
        out = Outbox()
        table_id, member_id = peer.table_id, peer.member_id
        if table_id is None or member_id is None:
            return out
        if self._peer(table_id, member_id) is not peer:
            return out
        del self.peers[table_id][member_id]
        session = self.sessions.get(table_id)
        if session is not None and not session.table.closed:
            self.store.touch_token(table_id, member_id, now)
            self._run(session, cmd.Disconnect(member_id), now, out)
        log.info("member %d of table %s disconnected", member_id, table_id)
        return out

    def sweep(self, now: float) -> Outbox:
        """Polling clients that stopped polling are disconnected like any other."""
        self.brake.sweep(now)
        out = Outbox()
        for key, seen in list(self.polled.items()):
            if now - seen > POLL_PRESENCE:
                del self.polled[key]
                session = self.sessions.get(key[0])
                if session is not None and self._peer(*key) is None:
                    self.store.touch_token(key[0], key[1], now)
                    self._run(session, cmd.Disconnect(key[1]), now, out)
        return out

    # --- joining ------------------------------------------------------------------

    def _session(self, table_id: str) -> TableSession:
        session = self.sessions.get(table_id)
        if session is None:
            raise FeltError("There is no open table with that id here.", code=Code.UNKNOWN_TABLE)
        if session.table.closed:
            raise FeltError("This table is closed.", code=Code.TABLE_CLOSED)
        return session

    def _hello(self, peer: Peer, message: wire.Message, now: float, out: Outbox) -> None:
        a = message.args
        if peer.member_id is not None:
            raise FeltError("This connection has already joined.", code=Code.ALREADY_JOINED)
        if a["protocol"] != wire.PROTOCOL_VERSION:
            raise FeltError(
                f"This host speaks protocol {wire.PROTOCOL_VERSION}; please update Felt.",
                code=Code.PROTOCOL_MISMATCH,
            )
        session = self._session(a["table_id"])
        table = session.table
        token, digest = new_token()
        # A hello is recognised as retried (after a lost welcome) only by the secret its
        # client chose, never by its id alone: anyone can send someone else's id.
        key = f"{message.id}#{token_hash(a['secret'])}" if "secret" in a else None
        earlier = self.store.receipt(table.table_id, 0, key) if key is not None else None
        if earlier is not None and earlier.get("digest") != message.digest:
            raise FeltError("That id was used for another hello.", code=Code.DUPLICATE_ID)
        if earlier is not None:  # the same client retrying: same member, new token
            member_id = int(earlier["member_id"])
            self.store.rotate_token(table.table_id, member_id, digest, now)
            recorded: list[Recorded] = []
        else:
            member_id = table.next_member_id
            receipt = None
            if key is not None:
                receipt = Receipt(0, key, {"member_id": member_id, "digest": message.digest})
            recorded = session.execute(
                cmd.RequestJoin(a["name"]), now, receipt=receipt, token=(member_id, digest)
            )
        log.info(
            "%s joined table %s as member %d (%s)",
            peer.address,
            table.table_id,
            member_id,
            table.members[member_id].name,
        )
        self._bind(peer, table.table_id, member_id, out)
        self._greet(peer, session, token, out)
        self._broadcast(session, recorded, out, skip=peer)
        self._run(session, cmd.Connect(member_id), now, out)

    def _resume(self, peer: Peer, message: wire.Message, now: float, out: Outbox) -> None:
        a = message.args
        if peer.member_id is not None:
            raise FeltError("This connection has already joined.", code=Code.ALREADY_JOINED)
        session, member_id = self.authenticate(peer.address, a["token"], a["table_id"], now)
        if not 0 <= a["last_seq"] <= session.table.seq:
            raise FeltError(
                f"last_seq is 0 to this table's seq ({session.table.seq}); resume with 0 for"
                " a snapshot.",
                code=Code.INVALID_SEQ,
            )
        self.polled.pop((a["table_id"], member_id), None)  # the newest connection wins
        log.info(
            "%s resumed member %d at table %s from seq %d",
            peer.address,
            member_id,
            a["table_id"],
            a["last_seq"],
        )
        self._bind(peer, a["table_id"], member_id, out)
        self._greet(peer, session, None, out, last_seq=a["last_seq"])
        self._run(session, cmd.Connect(member_id), now, out)

    def authenticate(
        self, address: str, token: str, table_id: str, now: float
    ) -> tuple[TableSession, int]:
        """The member a token stands for at this table; one answer for every wrong token."""
        owner = self.store.token_owner(token)
        session = self.sessions.get(table_id)
        if (
            owner is None
            or session is None
            or owner[0] != table_id
            or not self._token_alive(session, owner[1], owner[2], now)
        ):
            raise InvalidToken(self.brake.failed(address, now))
        return session, owner[1]

    def _token_alive(
        self, session: TableSession, member_id: int, last_seen: float, now: float
    ) -> bool:
        """Tokens expire `token_ttl` after their member was last connected, unless the
        member still holds a seat or chips here."""
        table = session.table
        member = table.members.get(member_id)
        if member is None or member.role is Role.GONE or table.closed:
            return False
        holds = table.seat_of(member_id) is not None or member.balance > 0
        online = self._peer(table.table_id, member_id) is not None or member.connected
        return holds or online or now - last_seen <= self.token_ttl

    def _peer(self, table_id: str, member_id: int) -> Peer | None:
        return self.peers.get(table_id, {}).get(member_id)

    def _bind(self, peer: Peer, table_id: str, member_id: int, out: Outbox) -> None:
        previous = self._peer(table_id, member_id)
        if previous is not None and previous is not peer:
            previous.table_id = previous.member_id = None  # its close is not a disconnect
            out.closes.append((previous, *REPLACED))
        peer.table_id, peer.member_id = table_id, member_id
        if not peer.polling:
            self.peers.setdefault(table_id, {})[member_id] = peer

    def _greet(
        self, peer: Peer, session: TableSession, token: str | None, out: Outbox, last_seq: int = 0
    ) -> None:
        """welcome, then what the member missed: events after last_seq, or a snapshot."""
        table = session.table
        member_id = peer.member_id
        assert member_id is not None
        role = table.members[member_id].role.value
        out.sends.append((peer, wire.welcome(table.table_id, member_id, role, table.seq, token)))
        out.sends += [(peer, text) for text in self.catch_up(session, member_id, last_seq)]

    def catch_up(self, session: TableSession, member_id: int, after: int) -> list[str]:
        table = session.table
        missed = None
        if 0 < after <= table.seq:
            missed = self.store.events_after(table.table_id, after)
        if missed is None:
            frames = [wire.snapshot(table.seq, views.snapshot(table, member_id))]
        else:
            frames = [wire.event(r.seq, views.project(table, r.event, member_id)) for r in missed]
        now_turn = views.turn(table, member_id)
        return frames + ([wire.turn(table.seq, now_turn)] if now_turn else [])

    # --- commands -------------------------------------------------------------

    def _command(self, peer: Peer, message: wire.Message, now: float, out: Outbox) -> None:
        if peer.member_id is None or peer.table_id is None:
            raise FeltError("Send hello or resume first.", code=Code.NOT_JOINED)
        table_id, member_id = peer.table_id, peer.member_id
        session = self._session(table_id)
        if message.type in wire.QUERIES:
            out.sends.append((peer, answer_query(session.table, self.store, member_id, message)))
            return
        # Ids are the member's: a receipt is kept for the table's life (restarts included),
        # so an id is applied once, and a retry gets the first answer.
        done = self.store.receipt(table_id, member_id, message.id)
        refused = self.errors.get((table_id, member_id, message.id))
        first = (done.get("digest"), "") if done is not None else refused
        if first is not None and first[0] not in (None, message.digest):
            raise FeltError(
                "That id was already used for another message: every message needs its own.",
                code=Code.DUPLICATE_ID,
            )
        if done is not None:  # retried after a lost ack: answered, not applied again
            out.sends.append((peer, wire.ack(message.id, int(done["seq"]))))
            return
        if refused is not None:
            out.sends.append((peer, refused[1]))
            return
        command = wire.to_command(message, member_id)
        receipt = Receipt(member_id, message.id, {"digest": message.digest})
        try:
            self._run(session, command, now, out, receipt=receipt)
        except CommandError as error:
            answer = wire.error(error.code, error.message, message.id)
            self.errors[(table_id, member_id, message.id)] = (message.digest, answer)
            while len(self.errors) > 10_000:
                self.errors.popitem(last=False)
            raise
        out.sends.append((peer, wire.ack(message.id, session.table.seq)))

    def _run(
        self,
        session: TableSession,
        command: cmd.Command,
        now: float,
        out: Outbox,
        receipt: Receipt | None = None,
    ) -> None:
        """Execute (commit) one command, then queue its events for every connected member."""
        try:
            recorded = session.execute(command, now, receipt=receipt)
        except StorageError as error:
            log.error("table %s: %s", session.table.table_id, error)
            raise FeltError(
                "The host cannot save right now; try again in a moment.",
                code=Code.STORAGE_UNAVAILABLE,
            ) from error
        out.tables.add(session.table.table_id)
        self._broadcast(session, recorded, out)

    def _broadcast(
        self, session: TableSession, recorded: list[Recorded], out: Outbox, skip: Peer | None = None
    ) -> None:
        table = session.table
        for r in recorded:
            if isinstance(r.event, ev.HandStarted):
                log.info("table %s: hand %d dealt", table.table_id, r.event.hand_no)
            elif isinstance(r.event, ev.HandEnded):
                log.info("table %s: hand %d over", table.table_id, r.event.hand_no)
        gone = {
            r.event.member_id: r.event.kind
            for r in recorded
            if isinstance(r.event, (ev.MemberLeft, ev.MemberRejected))
        }
        peers = {m: p for m, p in self.peers.get(table.table_id, {}).items() if p is not skip}
        if any(isinstance(r.event, ev.TableClosed) for r in recorded):
            gone.update(dict.fromkeys(peers, ev.TableClosed.kind))  # nobody stays
        if not peers or not recorded:
            return
        # Most members see the same thing: each distinct view is encoded once (the views
        # hand out one shared dict, alive while its own loop runs: its id is the key).
        frames: dict[int | None, list[str]] = {m: [] for m in peers}
        for r in recorded:
            texts: dict[int, str] = {}
            for member_id, data in views.projections(table, r.event, peers).items():
                text = texts.get(id(data))
                if text is None:
                    text = texts[id(data)] = wire.event(r.seq, data)
                frames[member_id].append(text)
        texts = {}
        for member_id, now_turn in views.turns(table, peers).items():
            if now_turn is not None:
                text = texts.get(id(now_turn))
                if text is None:
                    text = texts[id(now_turn)] = wire.turn(table.seq, now_turn)
                frames[member_id].append(text)
        for member_id, peer in peers.items():
            out.sends += [(peer, text) for text in frames[member_id]]
            if member_id in gone:
                out.closes.append((peer, REMOVED, gone[member_id].replace("_", " ")))

    # --- the polling fallback (plain HTTP, same views and rules) --------------------

    def poll(
        self, address: str, token: str, table_id: str, after: int, now: float
    ) -> tuple[list[str], Outbox]:
        """GET .../events?after=SEQ: what the member missed, as WebSocket frames would say it."""
        session, member_id = self.authenticate(address, token, table_id, now)
        out = Outbox()
        self._polled(session, member_id, now, out)
        return self.catch_up(session, member_id, after), out

    def post(
        self, address: str, token: str | None, table_id: str, text: str, now: float
    ) -> tuple[list[str], Outbox]:
        """A message over HTTP: hello needs no token, everything else a Bearer token.

        What is wrong with the request itself (its body is no message, a bad token, a
        resume, another table's hello) raises; the message's own answer, an error
        included, is returned as the frames a WebSocket would have received."""
        frame = wire.envelope(text)
        peer = Peer(address, polling=True)
        if frame.type == "resume":
            raise FeltError(
                "Polling clients send their token with every request.", code=Code.BAD_MESSAGE
            )
        if frame.type == "hello":
            if frame.data.get("table_id") != table_id:
                raise FeltError(
                    "The table id in the path and the message differ.", code=Code.BAD_MESSAGE
                )
        else:
            _, member_id = self.authenticate(address, token or "", table_id, now)
            peer.table_id, peer.member_id = table_id, member_id
        out = self.receive(peer, text, now)
        session = self.sessions.get(peer.table_id or "")
        if session is not None and peer.member_id is not None and not session.table.closed:
            self._polled(session, peer.member_id, now, out)
        mine = [text for target, text in out.sends if target is peer]
        out.sends = [(target, text) for target, text in out.sends if target is not peer]
        return mine, out

    def _polled(self, session: TableSession, member_id: int, now: float, out: Outbox) -> None:
        """A polling request is the member's newest connection: a WebSocket it still had
        is closed (4001), as a second WebSocket would close it."""
        key = (session.table.table_id, member_id)
        self.polled[key] = now
        socket = self._peer(*key)
        if socket is not None:
            del self.peers[key[0]][member_id]
            socket.table_id = socket.member_id = None  # its close is not a disconnect
            out.closes.append((socket, *REPLACED))
        elif not session.table.members[member_id].connected:
            self._run(session, cmd.Connect(member_id), now, out)
