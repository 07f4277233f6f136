"""What a client sends: one `msgspec` Struct per message type, tagged by `type`.

A command knows the table command it becomes (`command(by)`: `by` is the member the
connection stands for, never a field of the message); a query changes nothing and
is answered to the asker alone; `Hello` and `Resume` join a table.
"""

from __future__ import annotations

import secrets
from typing import Annotated

import msgspec

from host_server.protocol import MAX_INT
from host_server.rules.moves import Action
from host_server.table import commands as cmd

Int = Annotated[int, msgspec.Meta(ge=-MAX_INT, le=MAX_INT)]
Secret = Annotated[str, msgspec.Meta(min_length=16, max_length=128)]
JoinKey = Annotated[str, msgspec.Meta(max_length=64)]


class Message(msgspec.Struct, tag_field="type", kw_only=True, frozen=True, omit_defaults=True):
    """Every client message has an id: a string of 1 to 64 characters, or a whole number
    (read as its decimal string). A client builds a message without one, and its
    session gives it its id as it sends it."""

    id: str = ""


# --- joining ------------------------------------------------------------------------


class Hello(Message, tag="hello", frozen=True):
    protocol: Int
    table_id: str
    name: str
    secret: Secret | None = None  # known only to this client: a retried hello is the same
    key: JoinKey | None = None  # the invite's join key: in without waiting for approval


class Resume(Message, tag="resume", frozen=True):
    table_id: str
    token: str
    last_seq: Int


# --- commands -----------------------------------------------------------------------


class Command(Message, frozen=True):
    """A message that becomes a table command, answered with `ack` or `error`."""

    def command(self, by: int) -> cmd.Command:
        raise NotImplementedError


class Sit(Command, tag="sit", frozen=True):
    seat: Int
    buy_in: Int

    def command(self, by: int) -> cmd.Command:
        return cmd.Sit(by, self.seat, self.buy_in)


class Stand(Command, tag="stand", frozen=True):
    def command(self, by: int) -> cmd.Command:
        return cmd.Stand(by)


class SitOut(Command, tag="sit_out", frozen=True):
    def command(self, by: int) -> cmd.Command:
        return cmd.SitOut(by)


class SitIn(Command, tag="sit_in", frozen=True):
    def command(self, by: int) -> cmd.Command:
        return cmd.SitIn(by)


class Leave(Command, tag="leave", frozen=True):
    def command(self, by: int) -> cmd.Command:
        return cmd.Leave(by)


class Act(Command, tag="act", frozen=True):
    action: Action
    hand_no: Int
    amount: Int | None = None  # bet or raise *to*
    decision: Int | None = None  # the turn's, when given: a click for an earlier one is stale

    def command(self, by: int) -> cmd.Command:
        return cmd.Act(by, self.action, self.hand_no, self.amount, self.decision)


class Chat(Command, tag="chat", frozen=True):
    text: str

    def command(self, by: int) -> cmd.Command:
        return cmd.Chat(by, self.text)


class Approve(Command, tag="approve", frozen=True):
    member_id: Int

    def command(self, by: int) -> cmd.Command:
        return cmd.Approve(by, self.member_id)


class Reject(Command, tag="reject", frozen=True):
    member_id: Int

    def command(self, by: int) -> cmd.Command:
        return cmd.Reject(by, self.member_id)


class Kick(Command, tag="kick", frozen=True):
    member_id: Int
    ban: bool = False  # refused by name (and address) while the table runs

    def command(self, by: int) -> cmd.Command:
        return cmd.Kick(by, self.member_id, self.ban)


class SetJoinKey(Command, tag="set_join_key", frozen=True):
    """The host's invites admit their holders without approval (a new key, voiding the
    old), or no longer (`on` false)."""

    on: bool

    def command(self, by: int) -> cmd.Command:
        # The key is made here, once per message (a retry is answered from its receipt):
        # the table itself stays deterministic.
        return cmd.SetJoinKey(by, secrets.token_urlsafe(16) if self.on else None)


class Pause(Command, tag="pause", frozen=True):
    immediate: bool = False  # else after this hand

    def command(self, by: int) -> cmd.Command:
        return cmd.Pause(by, self.immediate)


class Unpause(Command, tag="unpause", frozen=True):
    def command(self, by: int) -> cmd.Command:
        return cmd.Unpause(by)


class SetBlinds(Command, tag="set_blinds", frozen=True):
    small_blind: Int
    big_blind: Int
    ante: Int = 0

    def command(self, by: int) -> cmd.Command:
        return cmd.SetBlinds(by, self.small_blind, self.big_blind, self.ante)


class RunTwice(Command, tag="run_twice", frozen=True):
    yes: bool

    def command(self, by: int) -> cmd.Command:
        return cmd.RunTwice(by, self.yes)


class Entropy(Command, tag="entropy", frozen=True):
    hand_no: Int
    value: str

    def command(self, by: int) -> cmd.Command:
        return cmd.Entropy(by, self.hand_no, self.value)


class Straddle(Command, tag="straddle", frozen=True):
    on: bool

    def command(self, by: int) -> cmd.Command:
        return cmd.Straddle(by, self.on)


class BombPot(Command, tag="bomb_pot", frozen=True):
    on: bool = True  # false: call off the one called

    def command(self, by: int) -> cmd.Command:
        return cmd.BombPot(by, self.on)


class StartTournament(Command, tag="start_tournament", frozen=True):
    def command(self, by: int) -> cmd.Command:
        return cmd.StartTournament(by)


class Rebuy(Command, tag="rebuy", frozen=True):
    def command(self, by: int) -> cmd.Command:
        return cmd.Rebuy(by)


class DeclineRebuy(Command, tag="decline_rebuy", frozen=True):
    def command(self, by: int) -> cmd.Command:
        return cmd.DeclineRebuy(by)


class AddOn(Command, tag="add_on", frozen=True):
    def command(self, by: int) -> cmd.Command:
        return cmd.AddOn(by)


class Close(Command, tag="close", frozen=True):
    def command(self, by: int) -> cmd.Command:
        return cmd.Close(by)


class TopUp(Command, tag="top_up", frozen=True):
    amount: Int

    def command(self, by: int) -> cmd.Command:
        return cmd.TopUp(by, self.amount)


class ApproveTopUp(Command, tag="approve_top_up", frozen=True):
    member_id: Int

    def command(self, by: int) -> cmd.Command:
        return cmd.ApproveTopUp(by, self.member_id)


class RejectTopUp(Command, tag="reject_top_up", frozen=True):
    member_id: Int

    def command(self, by: int) -> cmd.Command:
        return cmd.RejectTopUp(by, self.member_id)


class AddBot(Command, tag="add_bot", frozen=True):
    seat: Int
    level: str
    buy_in: Int | None = None  # the table's maximum

    def command(self, by: int) -> cmd.Command:
        return cmd.AddBot(by, self.seat, self.level, self.buy_in)


class RemoveBot(Command, tag="remove_bot", frozen=True):
    seat: Int

    def command(self, by: int) -> cmd.Command:
        return cmd.RemoveBot(by, self.seat)


# --- queries ------------------------------------------------------------------------


class Query(Message, frozen=True):
    """A question about the table's history or money; changes nothing."""


class Hands(Query, tag="hands", frozen=True):
    pass


class Hand(Query, tag="hand", frozen=True):
    hand_no: Int


class Ledger(Query, tag="ledger", frozen=True):
    pass


class Export(Query, tag="export", frozen=True):
    format: str  # phh or pokerstars


ClientMessage = Hello | Resume | Command | Query
TYPES: dict[str, type[Message]] = {
    str(kind.__struct_config__.tag): kind
    for kind in (
        Hello, Resume, Sit, Stand, SitOut, SitIn, Leave, Act, Chat, Approve, Reject, Kick,
        SetJoinKey, Pause, Unpause, SetBlinds, BombPot, RunTwice, Straddle, Entropy,
        StartTournament, Rebuy, DeclineRebuy, AddOn, Close, TopUp, ApproveTopUp, RejectTopUp,
        AddBot, RemoveBot, Hands, Hand, Ledger, Export,
    )
}  # fmt: skip
JOINING = frozenset({"hello", "resume"})
