"""What the table window shows, built from protocol messages: plain Python, no Qt.

A `snapshot` replaces everything; `event`s update it and write the hand log in
words; `turn` messages bring the hand's authoritative numbers (stacks, bets,
pots) and whose turn it is. Widgets only read this.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from host_server.rules.names import describe

SUITS = {"s": "♠", "h": "♥", "d": "♦", "c": "♣"}


def pretty(card: str) -> str:
    rank = "10" if card[0] == "T" else card[0]
    return rank + SUITS[card[1]]


def pretty_cards(cards: list[str]) -> str:
    return " ".join(pretty(c) for c in cards)


@dataclass
class SeatView:
    seat: int
    member_id: int
    name: str
    stack: int
    bet: int = 0
    status: str = "waiting"
    cards: list[str] = field(default_factory=list)  # face up
    hidden: int = 0  # face down
    connected: bool = True
    hand_name: str | None = None
    time_bank: float = 0.0
    bot: str | None = None  # a bot's level


@dataclass
class MemberView:
    member_id: int
    name: str
    role: str
    connected: bool = False
    bot: str | None = None
    top_up_asked: int = 0  # chips asked for, waiting for the host


@dataclass
class TableModel:
    table_id: str = ""
    name: str = ""
    seats_count: int = 9
    small_blind: int = 0
    big_blind: int = 0
    ante: int = 0
    min_buy_in: int = 0
    max_buy_in: int = 0
    seq: int = 0
    me: int | None = None
    role: str = "pending"
    balance: int = 0
    members: dict[int, MemberView] = field(default_factory=dict)
    seats: dict[int, SeatView] = field(default_factory=dict)
    button: int | None = None
    hand_no: int = 0
    street: str | None = None
    board: list[str] = field(default_factory=list)
    pots: list[dict[str, Any]] = field(default_factory=list)
    actor: int | None = None
    deadline: float | None = None
    legal: dict[str, Any] | None = None
    paused: bool = False
    closed: bool = False
    top_up_waiting: bool = False  # my top-up is on its way (or waits for the host)
    approve_top_ups: bool = False
    reveal_hands_to_host: bool = False
    log: list[str] = field(default_factory=list)
    chat: list[tuple[str, str]] = field(default_factory=list)
    winners: dict[int, int] = field(default_factory=dict)  # seat -> chips won, last hand

    # --- reading --------------------------------------------------------------

    def drawn(self) -> dict[str, object]:
        """What the window draws from the model (between hands the last hand's cards stay
        on show in a running model, so cards are compared while a hand is on)."""
        live = self.street is not None
        return {
            "seats": {
                n: (
                    s.member_id,
                    s.bot,
                    s.stack,
                    s.bet,
                    sorted(s.cards) if live else None,
                    s.hidden if live else None,
                )
                for n, s in self.seats.items()
            },
            "board": self.board if live else None,
            "pot": self.pot_total if live else None,
            "actor": self.actor,
            "legal": self.legal,
            "hand": self.hand_no if self.street else None,
            "paused": self.paused,
            "my_seat": self.my_seat,
            "top_ups": sorted((m.member_id, m.top_up_asked) for m in self.top_up_requests),
            "top_up_waiting": self.top_up_waiting,
        }

    @property
    def is_host(self) -> bool:
        return self.role == "host"

    @property
    def my_seat(self) -> int | None:
        for number, seat in self.seats.items():
            if seat.member_id == self.me:
                return number
        return None

    @property
    def my_turn(self) -> bool:
        return self.legal is not None and self.actor is not None and self.actor == self.my_seat

    @property
    def pending(self) -> list[MemberView]:
        return [m for m in self.members.values() if m.role == "pending"]

    @property
    def top_up_requests(self) -> list[MemberView]:
        return [m for m in self.members.values() if m.top_up_asked]

    @property
    def free_seats(self) -> list[int]:
        return [n for n in range(1, self.seats_count + 1) if n not in self.seats]

    @property
    def top_up_room(self) -> tuple[int, int] | None:
        """(least, most) chips this player may add now; None when not seated or full."""
        seat = self.seats.get(self.my_seat) if self.my_seat is not None else None
        if seat is None or self.top_up_waiting:
            return None
        most = self.max_buy_in - seat.stack
        return (max(1, self.min_buy_in - seat.stack), most) if most >= 1 else None

    @property
    def pot_total(self) -> int:
        """Everything in the middle: collected pots plus the bets in front of the seats."""
        collected = sum(int(p["amount"]) for p in self.pots)
        return collected + sum(s.bet for s in self.seats.values())

    def name_of(self, member_id: int) -> str:
        member = self.members.get(member_id)
        return member.name if member else f"member {member_id}"

    def seat_name(self, seat: int) -> str:
        view = self.seats.get(seat)
        return view.name if view else f"seat {seat}"

    # --- applying messages ------------------------------------------------------

    def apply_welcome(self, message: dict[str, Any]) -> None:
        self.me = message["member_id"]
        self.role = message["role"]
        self.table_id = message["table_id"]

    def apply_snapshot(self, message: dict[str, Any]) -> None:
        table = message["table"]
        summary = table["summary"]
        self.seq = message["seq"]
        self.table_id, self.name = summary["table_id"], summary["name"]
        self.seats_count = summary["seats"]
        self.small_blind, self.big_blind, self.ante = (
            summary["small_blind"],
            summary["big_blind"],
            summary["ante"],
        )
        self.min_buy_in, self.max_buy_in = summary["min_buy_in"], summary["max_buy_in"]
        self.closed = summary["closed"]
        settings = table.get("settings") or {}
        self.approve_top_ups = settings.get("approve_top_ups", False)
        self.reveal_hands_to_host = settings.get("reveal_hands_to_host", False)
        you = table.get("you") or {}
        self.me = you.get("member_id", self.me)
        self.role = you.get("role", self.role)
        self.balance = you.get("balance", 0)
        self.legal = you.get("legal")
        self.top_up_waiting = bool(you.get("top_up") or you.get("top_up_asked"))
        self.members = {
            m["member_id"]: MemberView(
                m["member_id"],
                m["name"],
                m["role"],
                m["connected"],
                m.get("bot"),
                m.get("top_up_asked", 0),
            )
            for m in table.get("members", [])
        }
        if self.me is not None and self.me not in self.members and you:
            self.members[self.me] = MemberView(self.me, you["name"], self.role, True)
        self.seats = {
            s["seat"]: SeatView(
                s["seat"],
                s["member_id"],
                s["name"],
                s["stack"],
                s["bet"],
                s["status"],
                list(s.get("cards", [])),
                s.get("hidden_cards", 0),
                self.members.get(s["member_id"], MemberView(0, "", "")).connected,
                bot=s.get("bot"),
            )
            for s in table.get("seats", [])
        }
        self.button = table.get("button")
        self.paused = table.get("paused", False)
        hand = table.get("hand")
        if hand:
            self.hand_no, self.street = hand["hand_no"], hand["street"]
            self.board, self.pots = list(hand["board"]), list(hand["pots"])
            self.actor, self.deadline = hand["actor"], hand["deadline"]
        else:
            self._between_hands()

    def apply_turn(self, message: dict[str, Any]) -> None:
        self.hand_no = message["hand_no"]
        self.actor, self.deadline = message["seat"], message["deadline"]
        self.legal, self.paused = message.get("legal"), message["paused"]
        self.street = message.get("street", self.street)
        self.board = list(message.get("board", self.board))
        self.pots = list(message.get("pots", self.pots))
        for entry in message.get("seats", []):
            seat = self.seats.get(entry["seat"])
            if seat is not None:
                seat.stack, seat.bet, seat.status = entry["stack"], entry["bet"], entry["status"]
                seat.time_bank = entry.get("time_bank", seat.time_bank)

    def apply_event(self, event: dict[str, Any]) -> None:
        self.seq = event.get("seq", self.seq)
        handler = getattr(self, "_on_" + event["kind"], None)
        if handler is not None:
            handler(event)

    def _say(self, line: str) -> None:
        self.log.append(line)

    def _between_hands(self) -> None:
        self.street, self.actor, self.deadline, self.legal = None, None, None, None
        self.pots = []

    # members
    def _on_join_requested(self, e: dict[str, Any]) -> None:
        self.members[e["member_id"]] = MemberView(e["member_id"], e["name"], "pending")
        self._say(f"{e['name']} asks to join")

    def _on_bot_added(self, e: dict[str, Any]) -> None:
        self.members[e["member_id"]] = MemberView(
            e["member_id"], e["name"], "spectator", True, e["level"]
        )
        self._say(f"The host adds {e['name']}, a bot ({e['level']})")

    def _asked(self, member_id: int, amount: int) -> None:
        """What a member waits for the host to give (0: nothing)."""
        member = self.members.get(member_id)
        if member is not None:
            member.top_up_asked = amount

    def _on_top_up_requested(self, e: dict[str, Any]) -> None:
        self._asked(e["member_id"], e["amount"])
        if e["member_id"] == self.me:
            self.top_up_waiting = True
        self._say(f"{self.name_of(e['member_id'])} asks the host for {e['amount']} more chips")

    def _on_top_up_approved(self, e: dict[str, Any]) -> None:
        self._asked(e["member_id"], 0)
        if e["member_id"] == self.me:
            self.top_up_waiting = True
            if self.my_seat is not None and self.seats[self.my_seat].status != "waiting":
                self._say(f"Your {e['amount']} chips arrive when this hand ends")

    def _on_top_up_rejected(self, e: dict[str, Any]) -> None:
        self._asked(e["member_id"], 0)
        if e["member_id"] == self.me:
            self.top_up_waiting = False
        why = "the host said no" if e["reason"] == "host" else "the stack is at the maximum"
        self._say(f"No more chips for {self.name_of(e['member_id'])}: {why}")

    def _on_topped_up(self, e: dict[str, Any]) -> None:
        seat = self.seats.get(e["seat"])
        if seat is not None:
            seat.stack += e["amount"]
        if e["member_id"] == self.me:
            self.top_up_waiting = False
        self._say(f"{self.name_of(e['member_id'])} adds {e['amount']} chips")

    def _on_member_approved(self, e: dict[str, Any]) -> None:
        member = self.members.get(e["member_id"])
        if member is not None:
            member.role = "spectator"
            self._say(f"{member.name} is let in")
        if e["member_id"] == self.me:
            self.role = "spectator"

    def _on_member_rejected(self, e: dict[str, Any]) -> None:
        member = self.members.pop(e["member_id"], None)
        if member is not None:
            self._say(f"{member.name} was not let in")

    def _on_member_left(self, e: dict[str, Any]) -> None:
        member = self.members.pop(e["member_id"], None)
        name = member.name if member else "Someone"
        removed = e["reason"] in ("kick", "removed")
        self._say(f"{name} was removed by the host" if removed else f"{name} left")

    def _on_connected(self, e: dict[str, Any]) -> None:
        self._presence(e["member_id"], True)

    def _on_disconnected(self, e: dict[str, Any]) -> None:
        self._presence(e["member_id"], False)
        self._say(f"{self.name_of(e['member_id'])} lost connection")

    def _presence(self, member_id: int, connected: bool) -> None:
        if member_id in self.members:
            self.members[member_id].connected = connected
        for seat in self.seats.values():
            if seat.member_id == member_id:
                seat.connected = connected

    def _on_seat_taken(self, e: dict[str, Any]) -> None:
        name = self.name_of(e["member_id"])
        self.seats[e["seat"]] = SeatView(
            e["seat"],
            e["member_id"],
            name,
            e["stack"],
            connected=self.members.get(e["member_id"], MemberView(0, "", "", True)).connected,
            bot=self.members.get(e["member_id"], MemberView(0, "", "")).bot,
        )
        member = self.members.get(e["member_id"])
        if member is not None and member.role != "host":
            member.role = "player"
        if e["member_id"] == self.me and self.role != "host":
            self.role = "player"
        self._say(f"{name} sits down in seat {e['seat']} with {e['stack']}")

    def _on_seat_left(self, e: dict[str, Any]) -> None:
        self.seats.pop(e["seat"], None)
        name = self.name_of(e["member_id"])
        self._asked(e["member_id"], 0)  # no seat, nothing to top up
        if e["member_id"] == self.me:
            self.top_up_waiting = False
            self.balance += e["stack"]
            if self.role == "player":
                self.role = "spectator"
        reason = {"freed": " (away too long)", "kick": " (removed)"}.get(e["reason"], "")
        self._say(f"{name} stands up with {e['stack']}{reason}")

    def _on_exit_scheduled(self, e: dict[str, Any]) -> None:
        self._say(f"{self.name_of(e['member_id'])} will leave after this hand")

    def _on_sat_out(self, e: dict[str, Any]) -> None:
        seat = self.seats.get(e["seat"])
        if seat is not None:
            if self.street is None or seat.status not in ("playing", "acting", "all_in"):
                seat.status = "sitting_out"
            why = {
                "timeouts": " (timed out)",
                "disconnected": " (disconnected)",
                "busted": " (no chips)",
            }.get(e["reason"], "")
            self._say(f"{seat.name} sits out{why}")

    def _on_sat_in(self, e: dict[str, Any]) -> None:
        seat = self.seats.get(e["seat"])
        if seat is not None:
            seat.status = "waiting"
            self._say(f"{seat.name} is back")

    # the game
    def _on_paused(self, e: dict[str, Any]) -> None:
        self.paused = True
        self._say("The host paused the game")

    def _on_pause_scheduled(self, e: dict[str, Any]) -> None:
        self._say("The game will pause after this hand")

    def _on_unpaused(self, e: dict[str, Any]) -> None:
        self.paused = False
        self._say("The game goes on")

    def _on_blinds_changed(self, e: dict[str, Any]) -> None:
        self.small_blind, self.big_blind, self.ante = e["small_blind"], e["big_blind"], e["ante"]
        ante = f", ante {e['ante']}" if e["ante"] else ""
        self._say(f"Blinds go to {e['small_blind']}/{e['big_blind']}{ante} from the next hand")

    def _on_chat_posted(self, e: dict[str, Any]) -> None:
        self.chat.append((self.name_of(e["member_id"]), e["text"]))

    def _on_host_restarted(self, e: dict[str, Any]) -> None:
        self._say("The host restarted; the game goes on where it was")

    def _on_table_closed(self, e: dict[str, Any]) -> None:
        self.closed = True
        self._say("The host closed the table")

    def _on_hand_started(self, e: dict[str, Any]) -> None:
        self.hand_no, self.button, self.street = e["hand_no"], e["button"], "preflop"
        self.board, self.pots, self.winners = [], [], {}
        for view in self.seats.values():
            view.bet, view.cards, view.hidden, view.hand_name = 0, [], 0, None
            if view.status != "sitting_out":
                view.status = "waiting"
        for number, stack in zip(e["seats"], e["stacks"], strict=True):
            dealt = self.seats.get(number)
            if dealt is None:
                continue
            dealt.stack, dealt.status = stack, "playing"
            if dealt.member_id == self.me and "your_cards" in e:
                dealt.cards = list(e["your_cards"])
            else:
                dealt.hidden = 2
        self._say(f"Hand #{e['hand_no']}: {self.seat_name(e['button'])} has the button")
        if "your_cards" in e:
            self._say(f"You are dealt {pretty_cards(e['your_cards'])}")

    def _on_player_acted(self, e: dict[str, Any]) -> None:
        name = self.seat_name(e["seat"])
        action, amount = e["action"], e["amount"]
        words = {
            "fold": "folds",
            "check": "checks",
            "call": f"calls {amount}",
            "bet": f"bets {amount}",
            "raise": f"raises to {amount}",
        }[action]
        seat = self.seats.get(e["seat"])
        if seat is not None and action == "fold":
            seat.status, seat.hidden = "folded", 0
        self._say(f"{name} {words}" + (" (out of time)" if e["timed_out"] else ""))

    def _on_board_dealt(self, e: dict[str, Any]) -> None:
        self.board += e["cards"]
        self._say(f"{e['street'].capitalize()}: {pretty_cards(self.board)}")

    def _on_hand_shown(self, e: dict[str, Any]) -> None:
        seat = self.seats.get(e["seat"])
        if seat is not None:
            seat.cards, seat.hidden = list(e["cards"]), 0
        self._say(f"{self.seat_name(e['seat'])} shows {pretty_cards(e['cards'])}")

    def _on_hand_mucked(self, e: dict[str, Any]) -> None:
        seat = self.seats.get(e["seat"])
        if seat is not None:
            seat.hidden, seat.status = 0, "folded"
            if seat.member_id != self.me:
                seat.cards = []
        self._say(f"{self.seat_name(e['seat'])} mucks")

    def _on_hand_ended(self, e: dict[str, Any]) -> None:
        for number, stack in zip(e["seats"], e["stacks"], strict=True):
            seat = self.seats.get(number)
            if seat is not None:
                seat.stack, seat.bet = stack, 0
                if seat.cards and len(self.board) == 5:
                    seat.hand_name = describe(seat.cards, self.board)
        self.winners = {s: n for s, n in zip(e["seats"], e["net"], strict=True) if n > 0}
        for number, net in self.winners.items():
            seat = self.seats.get(number)
            shown = seat.hand_name if seat is not None and seat.status != "folded" else None
            how = f" with {shown}" if shown else ""
            self._say(f"{self.seat_name(number)} wins{how} (+{net})")
        if not self.winners:  # a chopped pot: each got their own chips back
            even = [n for n, net in zip(e["seats"], e["net"], strict=True) if net == 0]
            names = [self.seat_name(n) for n in even if self._still_in(n)]
            self._say(" and ".join(names) + " split the pot" if names else "The pot is split")
        self._between_hands()

    def _still_in(self, number: int) -> bool:
        seat = self.seats.get(number)
        return seat is not None and seat.status != "folded"
