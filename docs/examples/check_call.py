"""A complete Felt client: joins a table, takes a seat and checks or calls every hand.

    python docs/examples/check_call.py wss://127.0.0.1:8765/ws TABLE_ID --pin PIN --hands 5

It needs only `websockets`. It follows docs/protocol.md: check the host's pin (over
wss://), hello, wait for the host's approval, sit in the first free seat, answer
each decision that a `turn` with `legal` asks for (once: a turn can be sent again),
rebuy when busted, and after a dropped connection resume with its token and last seq.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import json
import secrets
import ssl
import sys
import uuid
from typing import Any

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed


def pin_of(ws: Any) -> str:
    """The pin of the certificate this host showed: base64url of its SHA-256."""
    der = ws.transport.get_extra_info("ssl_object").getpeercert(binary_form=True)
    return base64.urlsafe_b64encode(hashlib.sha256(der).digest()).rstrip(b"=").decode()


class CheckCaller:
    def __init__(
        self, url: str, table_id: str, name: str, hands: int, pin: str | None = None
    ) -> None:
        self.url, self.table_id, self.name, self.hands = url, table_id, name, hands
        self.pin = pin
        # Felt's hosts sign their own certificates: the pin vouches for them, not a CA.
        self.tls = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT) if url.startswith("wss:") else None
        if self.tls is not None:
            self.tls.check_hostname, self.tls.verify_mode = False, ssl.CERT_NONE
        self.token: str | None = None
        self.member_id: int | None = None
        self.seq = 0
        self.prefix, self.count = uuid.uuid4().hex[:8], 0  # ids unique for the table's life
        self.finished = 0
        self.seated = False
        self.seat: int | None = None
        self.buy_in, self.seats = 0, 10  # read from the snapshot
        # A hello sent again after a lost welcome is known by its id and this secret.
        self.hello_id, self.secret = self.next_id(), secrets.token_urlsafe(24)
        self.answered: tuple[int, int] | None = None  # the last decision acted on

    # --- what a bot overrides ----------------------------------------------------

    def seen(self, event: dict[str, Any]) -> None:
        """Every event, in order (a bot that reads the hand keeps them)."""

    def choose(self, turn: dict[str, Any]) -> dict[str, Any]:
        """The `act` fields for a turn that carries `legal`: check when free, else call."""
        return {"action": "call" if turn["legal"]["call"] else "check"}

    def next_id(self) -> str:
        self.count += 1
        return f"{self.prefix}-{self.count}"

    async def run(self) -> None:
        for attempt in range(50):  # bounded reconnection with backoff
            try:
                async with connect(self.url, ssl=self.tls, close_timeout=1) as ws:
                    if self.tls is not None and pin_of(ws) != self.pin:  # before our hello
                        raise SystemExit("not the host you were invited to: its key differs")
                    await self.session(ws)
                    return
            except (ConnectionClosed, OSError) as error:
                if isinstance(error, ConnectionClosed) and error.rcvd and error.rcvd.code >= 4000:
                    raise SystemExit(f"closed by the host: {error.rcvd.reason}") from None
                await asyncio.sleep(min(3.0, 0.1 * 2**attempt))
        raise SystemExit("gave up reconnecting")

    async def send(self, ws: Any, kind: str, **fields: Any) -> None:
        await ws.send(json.dumps({"type": kind, "id": self.next_id(), **fields}))

    async def session(self, ws: Any) -> None:
        if self.token is None:
            hello = {"protocol": 1, "table_id": self.table_id, "name": self.name}
            await ws.send(
                json.dumps({"type": "hello", "id": self.hello_id, "secret": self.secret, **hello})
            )
        else:
            await self.send(
                ws, "resume", table_id=self.table_id, token=self.token, last_seq=self.seq
            )
        seat_to_try, asked = 1, False  # one sit in flight at a time
        async for frame in ws:
            message = json.loads(frame)
            kind = message["type"]
            if kind == "welcome":
                self.member_id = message["member_id"]
                self.token = message.get("token", self.token)
            elif kind == "snapshot":
                self.seq = message["seq"]
                table = message["table"]
                settings = table["summary"]  # what even a pending guest may read
                self.buy_in = settings.get("min_buy_in", self.buy_in)
                self.seats = settings.get("seats", self.seats)
                self.seat = table["you"]["seat"]
                self.seated = self.seat is not None
                # Every role change (the host's approval too) sends a new snapshot.
                role = table["you"]["role"]
                if role in ("spectator", "host") and not self.seated and not asked:
                    asked = True
                    await self.send(ws, "sit", seat=seat_to_try, buy_in=self.buy_in)
            elif kind == "event":
                if message["seq"] <= self.seq:
                    continue  # a duplicate
                if message["seq"] != self.seq + 1:  # a gap: start over from what we have
                    await ws.close()
                    return
                self.seq = message["seq"]
                self.seen(message)
                event = message["kind"]
                if event == "seat_taken" and message["member_id"] == self.member_id:
                    self.seated, self.seat = True, message["seat"]
                elif event == "hand_ended" and self.seated:
                    self.finished += 1
                    if self.finished >= self.hands:
                        await self.send(ws, "leave")
                elif event == "member_left" and message["member_id"] == self.member_id:
                    return
                elif event == "sat_out" and (message["seat"], message["reason"]) == (
                    self.seat,
                    "busted",
                ):  # rebuy: the chips land at once, and sit us in again
                    await self.send(ws, "top_up", amount=self.buy_in)
            elif kind == "turn" and message.get("legal"):
                decision = (message["hand_no"], message["decision"])
                if decision != self.answered:  # not a decision sent again
                    self.answered = decision
                    fields = {"hand_no": decision[0], "decision": decision[1]}
                    await self.send(ws, "act", **fields, **self.choose(message))
            elif kind == "error" and message["code"] in ("seat_taken", "amount_out_of_range"):
                if message["code"] == "seat_taken" and seat_to_try < self.seats:
                    seat_to_try += 1
                    await self.send(ws, "sit", seat=seat_to_try, buy_in=self.buy_in)
                else:
                    raise SystemExit(f"cannot sit: {message['message']}")
            elif kind == "error" and message["code"] in ("invalid_token", "unknown_table"):
                raise SystemExit(message["message"])
            elif kind == "error":
                print(f"{self.name}: {message['code']}: {message['message']}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("table_id")
    parser.add_argument("--name", default="Calvin")
    parser.add_argument("--hands", type=int, default=5, help="leave after this many hands")
    parser.add_argument("--pin", help="the host's pin, from its invite (for wss://)")
    args = parser.parse_args()
    bot = CheckCaller(args.url, args.table_id, args.name, args.hands, args.pin)
    asyncio.run(bot.run())
    print(f"{args.name} played {bot.finished} hands")


if __name__ == "__main__":
    main()
