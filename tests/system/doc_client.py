"""A client written from docs/protocol.md alone: it imports nothing of Felt's.

It plays (mostly legal moves, some illegal ones), and now and then sends what a
careless or hostile client would: junk, lone surrogates, wrong types, reused ids.
It checks everything it is sent against what the docs promise, and writes down
each broken promise in `broken`: a seq out of order, a card it may not see, an
error code the docs do not list, an acknowledged command the host forgot.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import re
import secrets
import time
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

ROOT = Path(__file__).resolve().parents[2]
CARD = re.compile(r"^[2-9TJQKA][cdhs]$")
HOST_MESSAGES = {"welcome", "snapshot", "event", "turn", "ack", "error"}
HOST_MESSAGES |= {"hands", "hand", "ledger", "export"}
FINAL_CLOSES = {4001, 4003}


def documented_codes() -> set[str]:
    """The error codes the docs' table lists."""
    text = (ROOT / "docs" / "protocol.md").read_text()
    table = text.split("## Error codes", 1)[1].split("## Close codes", 1)[0]
    return set(re.findall(r"^\| `([a-z_]+)` \|", table, re.M))


def cards_in(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value} if CARD.match(value) else set()
    if isinstance(value, dict):
        return set().union(set(), *(cards_in(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(set(), *(cards_in(v) for v in value))
    return set()


JUNK = [
    "{",
    "[]",
    "null",
    '{"type":"chat","id":"\\ud800","text":"hi"}',
    '{"type":"chat","id":"ok-\\udfff","text":"x"}',
    '{"type":"sit","id":[1],"seat":1,"buy_in":1}',
    '{"type":"sit","id":1.5,"seat":1,"buy_in":1}',
    '{"type":"act","id":"j","action":"shove","hand_no":1}',
    '{"type":"top_up","id":"j2","amount":1e400}',
    '{"type":"dance","id":"j3"}',
    '{"type":"sit","id":"j4","seat":"1","buy_in":null}',
    "x" * 1000,
]


class DocClient:
    """One member at one table, across any number of connections and host restarts."""

    def __init__(self, name: str, port: int, table_id: str, seed: int, *, plays: bool) -> None:
        self.name, self.port, self.table_id, self.plays = name, port, table_id, plays
        self.rng = random.Random(seed)
        self.codes = documented_codes()
        self.token: str | None = None
        self.member_id: int | None = None
        self.hello_id, self.secret = f"{name}-hello", secrets.token_urlsafe(18)
        self.count = 0
        self.seq = 0
        self.seat: int | None = None
        self.buy_in = 0
        self.online = asyncio.Event()
        self.acting = True
        self.broken: list[str] = []
        self.unanswered: dict[str, str] = {}  # id -> text, resent after a reconnect
        self.acked: dict[str, tuple[str, int]] = {}  # id -> (text, seq)
        self.errors: dict[str, int] = {}
        self.answered: set[tuple[int, int]] = set()  # decisions acted on
        self.allowed: set[str] = set()  # the cards this member may see in this hand
        self.closes: list[int | None] = []
        self.ws: ClientConnection | None = None

    # --- sending --------------------------------------------------------------------

    def next_id(self) -> str:
        self.count += 1
        return f"{self.name}-{self.count}"

    async def send(self, kind: str, **fields: Any) -> None:
        message_id = self.next_id()
        text = json.dumps({"type": kind, "id": message_id, **fields})
        self.unanswered[message_id] = text
        await self.write(text)

    async def write(self, text: str) -> None:
        if self.ws is not None:
            with contextlib.suppress(ConnectionClosed):
                await self.ws.send(text)

    # --- the connection -------------------------------------------------------------

    async def run(self, stop: asyncio.Event) -> None:
        for _ in range(500):  # reconnections, each after a short pause
            if stop.is_set():
                return
            try:
                async with connect(
                    f"ws://127.0.0.1:{self.port}/ws",
                    open_timeout=3,
                    close_timeout=1,
                    max_queue=None,
                ) as ws:
                    self.ws = ws
                    await self.session(ws, stop)
            except ConnectionClosed as closed:
                code = closed.rcvd.code if closed.rcvd else None
                self.closes.append(code)
                if code in FINAL_CLOSES:
                    self.broken.append(f"{self.name}: closed for good with {code}")
                    return
                if code == 1011:
                    self.broken.append(f"{self.name}: the host closed with 1011")
            except (OSError, InvalidHandshake, TimeoutError):
                pass
            finally:
                self.ws = None
                self.online.clear()
            await asyncio.sleep(0.05 + self.rng.random() * 0.1)

    async def session(self, ws: ClientConnection, stop: asyncio.Event) -> None:
        if self.token is None:
            hello = {"protocol": 1, "table_id": self.table_id, "name": self.name}
            await ws.send(
                json.dumps({"type": "hello", "id": self.hello_id, "secret": self.secret, **hello})
            )
        else:
            last = {"table_id": self.table_id, "token": self.token, "last_seq": self.seq}
            await ws.send(json.dumps({"type": "resume", "id": self.next_id(), **last}))
        chaos = asyncio.create_task(self.chaos(stop))
        try:
            async for frame in ws:
                if stop.is_set():
                    return
                await self.receive(json.loads(frame))
        finally:
            chaos.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await chaos

    # --- what comes in ----------------------------------------------------------------

    async def receive(self, message: dict[str, Any]) -> None:
        kind = message.get("type")
        if kind not in HOST_MESSAGES:
            self.broken.append(f"{self.name}: undocumented message {message}")
            return
        leaked = cards_in(message) - self.allowed
        if kind == "welcome":
            self.member_id = message["member_id"]
            self.token = message.get("token", self.token)
            for text in list(self.unanswered.values()):  # the same ids: applied once
                await self.write(text)
            self.online.set()
        elif kind == "snapshot":
            self.seq = message["seq"]
            self.on_snapshot(message["table"])  # what this member may see from now on
            leaked = cards_in(message) - self.allowed
        elif kind == "event":
            seq = message["seq"]
            if seq <= self.seq:
                return
            if seq != self.seq + 1:  # a gap: resume from what we hold
                if self.ws is not None:
                    await self.ws.close()
                return
            self.seq = seq
            if message["kind"] == "hand_started":
                self.allowed = set(message.get("your_cards", []))
                leaked = cards_in(message) - self.allowed
            elif message["kind"] in ("board_dealt", "hand_shown"):
                self.allowed |= set(message["cards"])
                leaked = set()
            await self.on_event(message)
        elif kind == "turn":
            await self.on_turn(message)
        elif kind == "ack":
            text = self.unanswered.pop(message["id"], None)
            if text is not None:
                self.acked[message["id"]] = (text, message["seq"])
        elif kind == "error":
            code = message.get("code", "")
            self.errors[code] = self.errors.get(code, 0) + 1
            if code not in self.codes:
                self.broken.append(f"{self.name}: undocumented code {message}")
            if code == "invalid_seq":
                self.broken.append(f"{self.name}: the host forgot what it showed: {message}")
            if code in ("invalid_token", "internal_error"):
                self.broken.append(f"{self.name}: {message}")
            if code == "seat_taken" and self.plays:
                await self.sit()  # another seat
            if code == "rate_limited":
                await asyncio.sleep(0.2)  # the same id goes again after the next welcome
            else:
                self.unanswered.pop(message.get("id", ""), None)
        if leaked:
            self.broken.append(f"{self.name} was sent {leaked} in {message}")

    def on_snapshot(self, table: dict[str, Any]) -> None:
        you = table["you"]
        self.seat = you.get("seat")
        self.buy_in = table["summary"]["min_buy_in"]
        hand = table.get("hand")
        self.allowed = set(hand["board"]) if hand else set()
        for seat in table.get("seats", []):
            if seat["member_id"] == self.member_id:
                self.allowed |= set(seat.get("cards", []))
        # Others' cards show only once shown: at a showdown, or before an all-in runout.
        live = [s for s in table.get("seats", []) if s["status"] in ("playing", "acting")]
        shown_now = hand is not None and (hand["street"] == "showdown" or len(live) <= 1)
        for seat in table.get("seats", []):
            if shown_now and seat["member_id"] != self.member_id:
                self.allowed |= set(seat.get("cards", []))
        if self.plays and self.seat is None and you["role"] in ("spectator", "host"):
            asyncio.get_running_loop().create_task(self.sit())

    async def sit(self) -> None:
        await self.send("sit", seat=self.rng.randint(1, 6), buy_in=self.buy_in)

    async def on_event(self, event: dict[str, Any]) -> None:
        mine = event.get("member_id") == self.member_id
        if event["kind"] == "seat_taken" and mine:
            self.seat = event["seat"]
        elif event["kind"] == "seat_left" and mine:
            self.seat = None
            if self.plays:
                await self.sit()
        elif event["kind"] == "sat_out" and event["seat"] == self.seat:
            if event["reason"] == "busted":
                await self.send("top_up", amount=self.buy_in)
            else:
                await self.send("sit_in")

    async def on_turn(self, turn: dict[str, Any]) -> None:
        legal = turn.get("legal")
        decision = (turn["hand_no"], turn["decision"])
        if not legal or not self.acting or decision in self.answered:
            return
        self.answered.add(decision)
        roll = self.rng.random()
        fields: dict[str, Any] = {"hand_no": turn["hand_no"], "decision": turn["decision"]}
        sizing = legal.get("raise") or legal.get("bet")
        if roll < 0.06:  # illegal: refused, and nothing changes
            bad = self.rng.choice([("bet", 10**9), ("fold", None), ("raise", -1)])
            await self.send("act", action=bad[0], amount=bad[1], **fields)
            self.answered.discard(decision)  # decide again on the repeated turn
            return
        if roll < 0.15 and legal["call"]:
            action: dict[str, Any] = {"action": "fold"}
        elif roll < 0.35 and sizing:
            kind = "bet" if "bet" in legal else "raise"
            amount = self.rng.randint(sizing["min"], max(sizing["min"], sizing["max"] // 4))
            action = {"action": kind, "amount": amount}
        elif roll < 0.38:
            action = {"action": "all_in"}
        else:
            action = {"action": "call" if legal["call"] else "check"}
        await self.send("act", **fields, **action)

    async def chaos(self, stop: asyncio.Event) -> None:
        """What a careless or hostile client sends now and then, in between."""
        while not stop.is_set():
            await asyncio.sleep(0.2 + self.rng.random() * 0.6)
            if not self.acting:
                continue
            roll = self.rng.random()
            if roll < 0.3:
                await self.write(self.rng.choice(JUNK))
            elif roll < 0.5:
                await self.send("chat", text=self.rng.choice(["gl", "nh", "ty", "🂡 wow"]))
            elif roll < 0.6 and self.acked:  # an old id again: its first answer
                await self.write(self.rng.choice(list(self.acked.values()))[0])
            elif roll < 0.65:
                await self.send("top_up", amount=self.rng.randint(-5, 50))
            elif roll < 0.7:
                await self.send("stand" if self.rng.random() < 0.5 else "sit_out")


class Intruder:
    """Guesses tokens and reuses the players' hello ids; owns nothing, takes nothing."""

    def __init__(self, port: int, table_id: str, victims: list[DocClient], seed: int) -> None:
        self.port, self.table_id, self.victims = port, table_id, victims
        self.rng = random.Random(seed)
        self.broken: list[str] = []
        self.guesses = 0

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            await asyncio.sleep(0.3 + self.rng.random())
            with contextlib.suppress(ConnectionClosed, OSError, InvalidHandshake, TimeoutError):
                async with connect(
                    f"ws://127.0.0.1:{self.port}/ws", open_timeout=3, close_timeout=1
                ) as ws:
                    await self.attempt(ws)

    async def attempt(self, ws: ClientConnection) -> None:
        victim = self.rng.choice(self.victims)
        if self.rng.random() < 0.5:
            self.guesses += 1
            guess = secrets.token_urlsafe(32)
            frame = {"type": "resume", "id": "g", "table_id": self.table_id, "token": guess}
            await ws.send(json.dumps({**frame, "last_seq": 0}))
        else:  # the victim's own hello id, another name and secret
            hello = {"protocol": 1, "table_id": self.table_id, "secret": "x" * 20}
            name = f"Eve{self.rng.randint(0, 10**6)}"
            await ws.send(
                json.dumps({"type": "hello", "id": victim.hello_id, "name": name, **hello})
            )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            message = json.loads(await asyncio.wait_for(ws.recv(), 10))
            if message["type"] == "welcome":
                taken = {v.member_id for v in self.victims}
                if message["member_id"] in taken:
                    self.broken.append(f"an intruder was welcomed as a player: {message}")
                return
            if message["type"] == "error":
                return
