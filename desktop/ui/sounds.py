"""Short sounds for your turn, check, bet, fold and a win, synthesised by the app itself.

They are written as 16-bit stereo PCM WAV at 44.1 kHz, the one format every platform's
Qt Multimedia plays. A machine with no audio output (a server, a remote session) is
asked once and then left in silence: nothing is loaded, nothing logs a complaint.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl

if TYPE_CHECKING:  # imported when first needed: it needs the system's audio libraries
    from PySide6.QtMultimedia import QSoundEffect

RATE = 44_100
CHANNELS = 2
# name: (frequencies in Hz, one after another; seconds each)
TONES = {
    "turn": ([880.0, 1175.0], 0.09),
    "check": ([300.0], 0.05),
    "bet": ([520.0, 390.0], 0.05),
    "fold": ([220.0], 0.07),
    "win": ([660.0, 880.0, 1320.0], 0.08),
}


def write_tones(folder: Path) -> dict[str, Path]:
    """Write each sound once as a small WAV file; return where they are."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, (notes, length) in TONES.items():
        path = folder / f"{name}.wav"
        paths[name] = path
        if _playable(path):
            continue
        frames = bytearray()
        for frequency in notes:
            count = int(RATE * length)
            for i in range(count):
                fade = min(1.0, i / 200, (count - i) / 400)  # no clicks at the edges
                sample = 0.35 * fade * math.sin(2 * math.pi * frequency * i / RATE)
                frames += struct.pack("<h", int(sample * 32767)) * CHANNELS
        with wave.open(str(path), "wb") as out:
            out.setnchannels(CHANNELS)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(bytes(frames))
    return paths


def _playable(path: Path) -> bool:
    """Written before, in today's format (older versions wrote 22 kHz mono)."""
    try:
        with wave.open(str(path), "rb") as found:
            return (found.getframerate(), found.getnchannels()) == (RATE, CHANNELS)
    except (OSError, EOFError, wave.Error):
        return False


def audio_output() -> bool:
    """Whether this machine has somewhere to play a sound (False: no audio libraries,
    or no device nor sound server)."""
    try:  # QtMultimedia needs the system's audio libraries
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return False
    return bool(QMediaDevices.audioOutputs())


class Sounds(QObject):
    def __init__(self, folder: Path, enabled: bool) -> None:
        super().__init__()
        self.enabled = enabled
        self.folder = folder
        self._effects: dict[str, QSoundEffect] = {}
        self.can_play: bool | None = None  # asked of the system on the first sound

    def play(self, name: str) -> None:
        if not self.enabled:
            return
        if self.can_play is None:
            self.can_play = audio_output()
        if not self.can_play:
            return
        effect = self._effects.get(name)
        if effect is None:
            from PySide6.QtMultimedia import QSoundEffect

            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(write_tones(self.folder)[name])))
            effect.setVolume(0.5)
            self._effects[name] = effect
        if effect.status() is not effect.Status.Error:  # (a failed load stays quiet)
            effect.play()
