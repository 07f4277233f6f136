"""What the table window shows, built from the protocol's typed messages: no Qt.

A `Snapshot` replaces everything; events update it and write the hand log
(`happened`, in `words`); a `Turn` brings the hand's authoritative numbers
(stacks, bets, pots) and whose turn it is. Widgets only read this. An event kind
the model does not know is logged as an error, never silently dropped.
"""

from __future__ import annotations

import logging
from typing import Any

from desktop.model import words
from desktop.model.happened import HANDLERS
from desktop.model.sit_and_go import SitAndGo
from desktop.model.state import MemberView, SeatView, TableState
from host_server.errors import ProtocolError
from host_server.protocol import host
from host_server.protocol.events import Hidden, WireEvent, read_event
from host_server.table import events as ev
from host_server.table.home_game import Question

log = logging.getLogger("felt.model")


class TableModel(TableState):
    # --- applying messages ------------------------------------------------------

    def apply_welcome(self, welcome: host.Welcome) -> None:
        self.me, self.role, self.table_id = welcome.member_id, welcome.role, welcome.table_id

    def apply_snapshot(self, snapshot: host.Snapshot) -> None:
        table, summary = snapshot.table, snapshot.table.summary
        self.seq = snapshot.seq
        self.table_id, self.name, self.seats_count = summary.table_id, summary.name, summary.seats
        self.small_blind, self.big_blind = summary.small_blind, summary.big_blind
        self.ante, self.closed, self.straddle = summary.ante, summary.closed, summary.straddle
        self.bomb_pot, self.bomb_pot_every = summary.bomb_pot, summary.bomb_pot_every
        self.bomb_next, self.seven_deuce = summary.bomb_next, summary.seven_deuce
        self.run_it_twice, self.variant = summary.run_it_twice, summary.variant
        self.min_buy_in, self.max_buy_in = summary.min_buy_in, summary.max_buy_in
        if table.settings is not None:
            self.approve_top_ups = table.settings.approve_top_ups
            self.reveal_hands_to_host = table.settings.reveal_hands_to_host
            self.action_seconds = table.settings.action_seconds
        you = table.you
        if you is not None:
            self.me, self.role, self.balance = you.member_id, you.role, you.balance
            self.top_up_waiting = bool(you.top_up or you.top_up_asked)
            self.straddles = you.straddles
        self.legal = you.legal if you is not None else None
        self.members = {
            m.member_id: MemberView(m.member_id, m.name, m.role, m.connected, m.bot, m.top_up_asked)
            for m in table.members
        }
        if self.me is not None and self.me not in self.members and you is not None:
            self.members[self.me] = MemberView(self.me, you.name, self.role, True)
        self.seats = {
            s.seat: SeatView(
                s.seat, s.member_id, s.name, s.stack, s.bet, s.status, list(s.cards),
                s.hidden_cards, self._connected(s.member_id), time_bank=s.time_bank, bot=s.bot,
                sitting_out=s.sitting_out,
            )
            for s in table.seats
        }  # fmt: skip
        self.button, self.paused, self.join_key = table.button, table.paused, table.join_key
        view = table.tournament
        self.tournament = SitAndGo.from_view(view) if view is not None else None
        hand = table.hand
        if hand is not None:
            self.hand_no, self.street = hand.hand_no, hand.street
            self.board, self.pots = list(hand.board), list(hand.pots)
            self.actor, self.deadline = hand.actor, hand.deadline
            asked = hand.run_twice
            self.run_twice = None
            if asked is not None:
                answers = {int(seat): yes for seat, yes in asked.answers.items()}
                self.run_twice = Question(tuple(asked.seats), asked.until, answers)
            self._tell(hand.steps)
        else:
            self.between_hands()

    def _tell(self, steps: list[dict[str, Any]]) -> None:
        """The hand so far, in the log, when this model has not told it (a resume)."""
        opening = words.button(self.hand_no, self.seat_name(self.button or 0))
        if opening in self.log:
            return
        self.say(opening)
        seat = self.mine
        if seat is not None and seat.cards:
            self.say(words.dealt(seat.cards))
        board: list[str] = []
        for step in steps:
            try:
                event = read_event(step)
            except ProtocolError:
                log.error("a hand step the model cannot read: %r", step)
                continue
            if isinstance(event, ev.PlayerActed):
                name = self.seat_name(event.seat)
                self.say(words.acted(name, event.action, event.amount, event.timed_out))
            elif isinstance(event, ev.BoardDealt):
                board += event.cards
                self.say(words.board(event.street, board))
            elif isinstance(event, ev.HandShown):
                self.say(words.shows(self.seat_name(event.seat), event.cards))
            elif isinstance(event, ev.HandMucked):
                self.say(words.mucks(self.seat_name(event.seat)))

    def _connected(self, member_id: int) -> bool:
        member = self.members.get(member_id)
        return member.connected if member is not None else False

    def apply_turn(self, turn: host.Turn) -> None:
        self.hand_no, self.decision = turn.hand_no, turn.decision
        self.actor, self.deadline = turn.seat, turn.deadline
        self.legal, self.paused = turn.legal, turn.paused
        self.street, self.board, self.pots = turn.street, list(turn.board), list(turn.pots)
        for entry in turn.seats:
            seat = self.seats.get(entry.seat)
            if seat is not None:
                seat.stack, seat.bet, seat.status = entry.stack, entry.bet, entry.status
                seat.time_bank = entry.time_bank

    def apply_event(self, seq: int, event: WireEvent) -> None:
        self.seq = seq
        if isinstance(event, Hidden):
            return
        handler = HANDLERS.get(type(event))
        if handler is None:
            log.error("the table model has no handler for %r events", event.kind)
            return
        handler(self, event)
