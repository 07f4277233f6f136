"""A connection as the host sees it (who it is, its rate limit), and the outbox: what
the host core decided to write, send and close, in that order."""

from __future__ import annotations

from dataclasses import dataclass, field

from host_server.store.writes import Write

RATE, BURST = 20.0, 60.0  # messages per second, per connection


@dataclass(eq=False)
class Peer:
    """One client connection (a WebSocket, or a polling client's request)."""

    address: str
    polling: bool = False
    table_id: str | None = None
    member_id: int | None = None
    tokens: float = BURST
    refilled: float | None = None
    strikes: int = 0

    def allow(self, now: float) -> bool:
        """Token bucket: RATE messages a second, bursts of BURST (time passed in)."""
        if self.refilled is not None:
            self.tokens = min(BURST, self.tokens + max(0.0, now - self.refilled) * RATE)
        self.refilled = now
        if self.tokens >= 1:
            self.tokens -= 1
            self.strikes = 0
            return True
        self.strikes += 1
        return False


@dataclass
class Outbox:
    """What one frame (or tick) led to. `writes` are committed before anything else is
    done with it; `answers` name the command answers among `sends`, so that a failed
    commit can answer each sender with `storage_unavailable` instead."""

    writes: list[Write] = field(default_factory=list)
    sends: list[tuple[Peer, str]] = field(default_factory=list)
    closes: list[tuple[Peer, int, str]] = field(default_factory=list)
    answers: list[tuple[Peer, str]] = field(default_factory=list)  # (sender, message id)
    tables: set[str] = field(default_factory=set)  # whose clocks and bots to look at again
    not_before: float = 0.0  # send nothing before this time (a wrong token's brake)
    read_at: float = 0.0  # when its frame was read (monotonic), for `net.timing`
