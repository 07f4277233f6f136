"""What the host spends on each frame, for the benchmarks (`felt-host serve --timing
FILE`): the time from a frame read to its answer and events handed to the sockets,
after their commit, and the CPU the core took to decide it (an action that ends a hand
apart from any other). Kept in memory while serving and written when the host stops;
the clock is the system's monotonic one, so a benchmark can keep the samples of the
seconds it measured."""

from __future__ import annotations

import json
import time
from pathlib import Path

KEPT = 2_000_000  # samples; a longer run keeps its first ones


class FrameTimes:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.latencies: list[tuple[float, float]] = []  # (read at, seconds to written)
        self.cpu: list[tuple[float, float, bool]] = []  # (read at, core CPU, ended a hand)

    def decided(self, read_at: float, cpu: float, ended_hand: bool) -> None:
        if len(self.cpu) < KEPT:
            self.cpu.append((read_at, cpu, ended_hand))

    def written(self, read_at: float) -> None:
        if len(self.latencies) < KEPT:
            self.latencies.append((read_at, time.monotonic() - read_at))

    def save(self) -> None:
        self.path.write_text(json.dumps({"latencies": self.latencies, "cpu": self.cpu}))
