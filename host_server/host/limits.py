"""What one address may ask of a host open to the internet, and how often a member may
chat: limits a public address needs, each with its error code (`errors.Code`).

Loopback is spared by default: it is this machine (the app's own seat, its bots'
host, a benchmark); `exempt_loopback=False` puts it under the limits too (tests do;
so should a host behind a TLS proxy on the same machine, where every guest comes
from 127.0.0.1 and the proxy should limit instead). Time is passed in.
"""

from __future__ import annotations

import ipaddress
from collections import deque
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Limits:
    connections_per_address: int = 16  # open at once
    hellos_per_minute: int = 20  # per address: join requests and retries alike
    chat_lines: int = 5  # per member, at once...
    chat_seconds: float = 5.0  # ...and one more each chat_seconds / chat_lines after
    exempt_loopback: bool = True

    def applies_to(self, address: str) -> bool:
        if not self.exempt_loopback:
            return True
        try:
            return not ipaddress.ip_address(address.strip("[]")).is_loopback
        except ValueError:
            return True


@dataclass
class Window:
    """At most `count` events in any `seconds`, per key (an address, a member)."""

    count: int
    seconds: float
    seen: dict[object, deque[float]] = field(default_factory=dict)

    def allow(self, key: object, now: float) -> bool:
        """True (and counted) if one more is allowed for `key` now."""
        times = self.seen.setdefault(key, deque())
        while times and now - times[0] >= self.seconds:
            times.popleft()
        if len(times) >= self.count:
            return False
        times.append(now)
        return True

    def sweep(self, now: float) -> None:
        for key in [k for k, t in self.seen.items() if not t or now - t[-1] >= self.seconds]:
            del self.seen[key]
