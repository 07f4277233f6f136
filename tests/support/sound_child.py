"""Plays each of the app's sounds through Qt Multimedia, in its own process, and prints
one JSON line of what happened (the sounds test runs it with and without a sound server).

    python -m tests.support.sound_child
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from desktop.resources import SOUNDS
from desktop.ui.sounds import Sounds, audio_output


def main() -> None:
    app = QApplication(sys.argv[:1])
    sounds = Sounds(enabled=True)
    played: list[str] = []
    report: dict[str, object] = {"can_play": audio_output(), "played": played}
    for name in SOUNDS:
        sounds.play(name)
        effect = sounds._effects.get(name)
        if effect is None:
            continue
        deadline, started = time.monotonic() + 5, False
        while time.monotonic() < deadline:  # bounded: loading, playing, then done
            QCoreApplication.processEvents()
            started = started or effect.isPlaying()
            if started and not effect.isPlaying():
                played.append(name)
                break
            if effect.status() is effect.Status.Ready and not started:
                effect.play()
            time.sleep(0.01)
        report[name] = effect.status().name
    print(json.dumps(report), flush=True)
    app.quit()


if __name__ == "__main__":
    main()
