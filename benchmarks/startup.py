"""Start-up: how long from a process starting to its first window drawn, for Felt and
for its floor, in one run.

Run: python benchmarks/startup.py [--bundle build/dist/felt/felt] [--starts 5] [--record]

The floor is the least a Qt program can do: the same interpreter importing QtWidgets
and drawing one empty main window. Felt (`felt --first-window`) draws its start
screen, the embedded host's modules imported and the settings read. Each is started
`--starts` times, offscreen, with an empty data folder; the median and the ratio to
the floor's median are printed. With `--bundle`, the installed bundle is timed too
(its own interpreter, unpacked from its folder: what a player meets).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from rig import machine, record

FLOOR = """
import sys
from desktop.self_test import since_start
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
class First(QObject):
    def eventFilter(self, watched, event):
        if event.type() is QEvent.Type.Paint and not drawn:
            drawn.append(since_start())
            QTimer.singleShot(0, lambda: app.exit(0))
        return False
drawn = []
window = QMainWindow()
window.resize(1280, 800)
first = First()
window.installEventFilter(first)
window.show()
QTimer.singleShot(30_000, lambda: app.exit(1))
app.exec()
print(f"{drawn[0]:.3f}")
"""
ROOT = Path(__file__).resolve().parents[1]


def timed(command: list[str], starts: int) -> list[float]:
    seconds = []
    for _ in range(starts):
        with tempfile.TemporaryDirectory() as home:
            env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": home,
                   "HOME": home, "PYTHONPATH": str(ROOT)}  # fmt: skip
            done = subprocess.run(
                command, env=env, capture_output=True, text=True, timeout=60, check=True
            )
            seconds.append(float(done.stdout.split()[-1]))
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, help="the bundle's felt program")
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    felt = str(Path(sys.executable).parent / "felt")
    rows = [("floor: an empty Qt window", [sys.executable, "-c", FLOOR])]
    rows.append(("Felt's start screen, from the clone's venv", [felt, "--first-window"]))
    if args.bundle:
        rows.append(("Felt's start screen, the bundle", [str(args.bundle), "--first-window"]))
    measured = [(name, statistics.median(timed(command, args.starts))) for name, command in rows]
    floor = measured[0][1]
    lines = [
        f"## Start-up — {machine()}",
        "",
        f"`python benchmarks/startup.py --starts {args.starts}"
        + (f" --bundle {args.bundle}`" if args.bundle else "`")
        + ": process start to first frame, offscreen, median.",
        "",
        "| what | first frame (s) | × floor |",
        "|---|---|---|",
        *(f"| {name} | {seconds:.2f} | {seconds / floor:.1f} |" for name, seconds in measured),
    ]
    print("\n".join(lines))
    if args.record:
        record("\n".join(lines))


if __name__ == "__main__":
    main()
