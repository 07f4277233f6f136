"""Short sounds for your turn, check, bet, fold, a win and blinds up: the WAV files in
resources/sounds (resources/make_art.py makes them, in the one format every platform's
Qt Multimedia plays). A machine with no audio output (a server, a remote session) is
asked once and then left in silence: nothing is loaded, nothing logs a complaint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl

from desktop import resources

if TYPE_CHECKING:  # imported when first needed: it needs the system's audio libraries
    from PySide6.QtMultimedia import QSoundEffect


def audio_output() -> bool:
    """Whether this machine has somewhere to play a sound (False: no audio libraries,
    or no device nor sound server)."""
    try:  # QtMultimedia needs the system's audio libraries
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return False
    return bool(QMediaDevices.audioOutputs())


class Sounds(QObject):
    def __init__(self, enabled: bool) -> None:
        super().__init__()
        self.enabled = enabled
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
            effect.setSource(QUrl.fromLocalFile(str(resources.sound(name))))
            effect.setVolume(0.5)
            self._effects[name] = effect
        if effect.status() is not effect.Status.Error:  # (a failed load stays quiet)
            effect.play()
