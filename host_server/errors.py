"""Felt's errors: one root, each with a stable code and a plain-English message.

    FeltError
    ├── ProtocolError       a message that is not one we understand; nothing changes
    ├── CommandError        a command refused by the rules or the table; state untouched
    ├── SettingsError       table settings out of range
    └── StorageError        the database could not be used
        ├── StorageUnavailable   environment trouble (disk full, locked, read-only)
        └── CorruptTable         a table's rows cannot be read back

`Code` holds every code a client can be sent; docs/protocol.md lists exactly these
(a test checks). Codes are part of the wire protocol: never rename one.
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    """The error codes of the wire protocol."""

    # --- the message itself
    INVALID_JSON = "invalid_json"
    """The frame is not JSON."""
    BAD_MESSAGE = "bad_message"
    """Not a JSON object, a binary frame, a bad id, a string that is no valid Unicode."""
    UNKNOWN_TYPE = "unknown_type"
    """No such message type."""
    MISSING_FIELD = "missing_field"
    """A required field (or the id) is absent or null."""
    WRONG_TYPE = "wrong_type"
    """A field of the wrong JSON type, or a value outside its choices."""
    TOO_BIG = "too_big"
    """A frame or HTTP body over 64 KiB."""
    AMOUNT_OUT_OF_RANGE = "amount_out_of_range"
    """A number beyond 10^12, or chips outside what the rules allow."""
    DUPLICATE_ID = "duplicate_id"
    """The id was used before for a different message."""
    RATE_LIMITED = "rate_limited"
    """More than 20 messages a second (bursts of 60): send it again, with its id, later."""
    TOO_MANY_CONNECTIONS = "too_many_connections"
    """More than 16 connections open at once from one address (the host may set another)."""
    STORAGE_UNAVAILABLE = "storage_unavailable"
    """The host cannot save right now: nothing was applied; try again."""
    INTERNAL_ERROR = "internal_error"
    """A fault of the host's (it is logged there): nothing was applied."""
    # --- joining
    NOT_JOINED = "not_joined"
    """Anything but hello or resume before joining."""
    ALREADY_JOINED = "already_joined"
    """hello or resume on a connection that has joined."""
    PROTOCOL_MISMATCH = "protocol_mismatch"
    """The client speaks another protocol version."""
    UNKNOWN_TABLE = "unknown_table"
    """No open table with that id here."""
    TABLE_MOVED = "table_moved"
    """A community host's worker that does not serve the table: `url` is the one that does."""
    INVALID_TOKEN = "invalid_token"
    """A wrong, expired or foreign token (one answer for each)."""
    INVALID_SEQ = "invalid_seq"
    """resume's last_seq is negative or ahead of the table."""
    TOO_MANY_HELLOS = "too_many_hellos"
    """More than 20 hellos a minute from one address (the host may set another)."""
    BANNED = "banned"
    """The host banned this name, or this address, from the table."""
    TOO_MANY_WAITING = "too_many_waiting"
    """As many guests as the table's max_pending wait for approval already: try later."""
    # --- the table
    NOT_HOST = "not_host"
    """Only the host may do that."""
    UNKNOWN_MEMBER = "unknown_member"
    """No such member at this table."""
    NOT_APPROVED = "not_approved"
    """The host has not let this member in yet."""
    NOT_PENDING = "not_pending"
    """That member is not waiting for approval."""
    NAME_TAKEN = "name_taken"
    """Someone at the table has that name."""
    INVALID_NAME = "invalid_name"
    """A name is 1 to 24 printable characters."""
    TABLE_FULL = "table_full"
    """No room for more members."""
    SEAT_TAKEN = "seat_taken"
    """Someone sits there."""
    SEAT_OUT_OF_RANGE = "seat_out_of_range"
    """No seat with that number."""
    ALREADY_SEATED = "already_seated"
    """This member has a seat."""
    NOT_SEATED = "not_seated"
    """This member has no seat."""
    ALREADY_LEAVING = "already_leaving"
    """A stand, leave or kick waits for the hand to end."""
    HOST_CANNOT_LEAVE = "host_cannot_leave"
    """The host closes the table instead."""
    CANNOT_KICK_HOST = "cannot_kick_host"
    """The host cannot be kicked."""
    ALREADY_SITTING_OUT = "already_sitting_out"
    """sit_out while sitting out."""
    NOT_SITTING_OUT = "not_sitting_out"
    """sit_in while not sitting out."""
    NO_CHIPS = "no_chips"
    """sit_in with an empty stack: rebuy first."""
    NO_HAND = "no_hand"
    """No hand is being played."""
    STALE_HAND = "stale_hand"
    """An act for an earlier hand."""
    STALE_DECISION = "stale_decision"
    """An act for an earlier decision of this hand."""
    NOT_YOUR_TURN = "not_your_turn"
    """Someone else is to act (or nobody is)."""
    ILLEGAL_ACTION = "illegal_action"
    """The rules do not allow that action now."""
    PAUSED = "paused"
    """The game is paused."""
    ALREADY_PAUSED = "already_paused"
    """The game is paused, or will be after this hand."""
    NOT_PAUSED = "not_paused"
    """The game is not paused."""
    INVALID_BLINDS = "invalid_blinds"
    """Blinds and ante that cannot make a game, or a big blind over the minimum buy-in."""
    HAND_IN_PROGRESS = "hand_in_progress"
    """Wait for the hand to end."""
    NO_BOMB_POTS = "no_bomb_pots"
    """This table's settings have no bomb pots, or none is called to call off."""
    BOMB_POT_CALLED = "bomb_pot_called"
    """A bomb pot is already called for the next hand."""
    BAD_ENTROPY = "bad_entropy"
    """A shuffle value that is not 32 to 128 hex digits, or a second one for the hand."""
    NO_STRADDLE = "no_straddle"
    """The table has no optional straddle, or the choice is already so."""
    NOT_ASKED = "not_asked"
    """Nobody asked you to run it twice (or the question is over)."""
    ALREADY_ANSWERED = "already_answered"
    """You have answered the run-it-twice question already."""
    CHAT_NOT_ALLOWED = "chat_not_allowed"
    """Only players may chat at this table."""
    INVALID_CHAT = "invalid_chat"
    """Chat is 1 to 500 printable characters."""
    CHAT_TOO_FAST = "chat_too_fast"
    """More than 5 chat lines in 5 seconds from one member (the host may set another)."""
    TABLE_CLOSED = "table_closed"
    """The table is closed."""
    INVALID_LEVEL = "invalid_level"
    """No such bot level."""
    NOT_A_BOT = "not_a_bot"
    """No bot in that seat."""
    TOP_UP_PENDING = "top_up_pending"
    """A top-up is already on its way."""
    NO_TOP_UP = "no_top_up"
    """That member has not asked for chips."""
    UNKNOWN_HAND = "unknown_hand"
    """No such hand for this member."""
    NOT_A_TOURNAMENT = "not_a_tournament"
    """start_tournament at a cash game."""
    TOURNAMENT_STARTED = "tournament_started"
    """The tournament has started: no stands, leaving or top-ups; seats only while late
    registration is open."""
    TOO_FEW_PLAYERS = "too_few_players"
    """A tournament starts with at least two players seated."""
    REBUYS_CLOSED = "rebuys_closed"
    """No rebuys at this tournament, or no longer; or no add-on now (it comes in the
    last level of rebuys), or it was taken already."""
    STACK_TOO_BIG = "stack_too_big"
    """Rebuys are for a stack at or below the starting stack."""
    # --- plain HTTP
    NOT_FOUND = "not_found"
    """Nothing at that path."""
    METHOD_NOT_ALLOWED = "method_not_allowed"
    """The path takes another method."""


class FeltError(Exception):
    """Root of every error Felt raises on purpose."""

    code: str = "error"  # a `Code` for everything a client may be sent

    url: str | None = None  # where to go instead (`table_moved`)

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return f"{self.message} [{self.code}]"


class ProtocolError(FeltError):
    """A message that is not one we understand; answered with `error`, nothing changes."""

    code = Code.BAD_MESSAGE


class CommandError(FeltError):
    """A command that the table refused; the table is exactly as it was."""

    code = "bad_command"


class SettingsError(FeltError):
    """Table settings that cannot make a playable table; `field` names the one at fault
    where it is one (so a form can say it beside that field)."""

    code = "invalid_settings"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class StorageError(FeltError):
    """The database could not be used."""

    code = "storage_error"


class StorageUnavailable(StorageError):
    """The environment refused a write (disk full, locked, read-only): the user can act."""

    code = Code.STORAGE_UNAVAILABLE


class TableMoved(FeltError):
    """The table lives on another worker of a community host, at `url`."""

    code = Code.TABLE_MOVED

    def __init__(self, url: str) -> None:
        super().__init__(f"This table is served by another worker: {url}")
        self.url = url


class LeaseLost(StorageError):
    """A worker wrote to a table it no longer holds the lease of (another took it over):
    the write is refused, in the same transaction, and nothing of it stays."""

    code = "lease_lost"

    def __init__(self, table_id: str) -> None:
        super().__init__(f"table {table_id!r} is no longer this worker's")


class CorruptTable(StorageError):
    """A stored table that cannot be read back; names the table."""

    code = "corrupt_table"

    def __init__(self, table_id: str, reason: str) -> None:
        super().__init__(f"table {table_id!r} cannot be restored: {reason}")
        self.table_id = table_id
        self.reason = reason
