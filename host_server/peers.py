"""A connection as the host sees it: who it is, its rate limit, and the frames to send."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

RATE, BURST = 20.0, 60.0  # messages per second, per connection


@dataclass(eq=False)
class Peer:
    """One client connection (a WebSocket, or a polling client's identity)."""

    address: str
    polling: bool = False
    table_id: str | None = None
    member_id: int | None = None
    tokens: float = BURST
    refilled: float = field(default_factory=time.monotonic)
    strikes: int = 0

    def allow(self) -> bool:
        """Token bucket: RATE messages a second, bursts of BURST."""
        now = time.monotonic()
        self.tokens = min(BURST, self.tokens + (now - self.refilled) * RATE)
        self.refilled = now
        if self.tokens >= 1:
            self.tokens -= 1
            self.strikes = 0
            return True
        self.strikes += 1
        return False


@dataclass
class Outbox:
    sends: list[tuple[Peer, str]] = field(default_factory=list)
    closes: list[tuple[Peer, int, str]] = field(default_factory=list)
    tables: set[str] = field(default_factory=set)  # whose clocks to re-arm
    not_before: float = 0.0  # send nothing before this time (a wrong token's brake)
