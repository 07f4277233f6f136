"""The brake on token guessing: wrong tokens from one address, answered ever more slowly.

Failures are counted per address over a sliding window, and a success does not
reset them. Only failing attempts are delayed: a right token is answered at
once, whoever else guesses from the same address. The answers to one address's
failures leave one after another, each `delay` after the previous one, so more
connections do not buy more guesses. Time is passed in.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

KEPT = 64  # failures remembered per address: past the cap's count, more change nothing


@dataclass
class Brake:
    free: int = 3  # failures in the window answered at once
    base: float = 0.25  # the delay of the first failure past `free`; doubling after
    cap: float = 5.0  # the longest delay of one failure
    window: float = 600.0  # seconds a failure counts for
    failures: dict[str, deque[float]] = field(default_factory=dict)
    free_at: dict[str, float] = field(default_factory=dict)  # when the queue of answers ends

    def failed(self, address: str, now: float) -> float:
        """Count a wrong token from `address`; returns when its answer may leave."""
        times = self.failures.setdefault(address, deque(maxlen=KEPT))
        self._forget(times, now)
        times.append(now)
        late = len(times) - self.free
        delay = min(self.cap, self.base * 2 ** (late - 1)) if late > 0 else 0.0
        at = max(now, self.free_at.get(address, now)) + delay
        self.free_at[address] = at
        return at

    def recent(self, address: str, now: float) -> int:
        """Failures from `address` in the window."""
        times = self.failures.get(address)
        if times is None:
            return 0
        self._forget(times, now)
        return len(times)

    def sweep(self, now: float) -> None:
        """Forget addresses whose failures all left the window."""
        for address in [a for a, times in self.failures.items() if not self.recent(a, now)]:
            del self.failures[address]
            if self.free_at.get(address, now) <= now:
                self.free_at.pop(address, None)

    def _forget(self, times: deque[float], now: float) -> None:
        while times and now - times[0] > self.window:
            times.popleft()
