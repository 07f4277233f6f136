"""The sounds: written in the one format every platform plays; silent, and saying
nothing, on a machine with no audio output; and heard, every one of them, where a sound
server runs (a real PulseAudio, started here, playing into its null sink)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import wave
from pathlib import Path

import pytest

from desktop.ui.sounds import CHANNELS, RATE, TONES, write_tones
from tests.support.processes import ROOT


def test_every_sound_is_16_bit_stereo_at_44_1_khz_and_old_ones_are_rewritten(tmp_path):
    old = tmp_path / "turn.wav"
    with wave.open(str(old), "wb") as out:  # as versions before wrote them
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(22_050)
        out.writeframes(b"\0\0" * 100)
    paths = write_tones(tmp_path)
    assert sorted(paths) == sorted(TONES)
    for path in paths.values():
        with wave.open(str(path), "rb") as found:
            assert (found.getframerate(), found.getnchannels(), found.getsampwidth()) == (
                RATE, CHANNELS, 2,
            )  # fmt: skip
            assert found.getnframes() > RATE // 50  # tens of milliseconds, not silence


def play_all(tmp_path: Path, runtime: Path) -> tuple[dict[str, object], str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_RUNTIME_DIR": str(runtime),
        "PULSE_SERVER": f"unix:{runtime}/pulse/native",
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.support.sound_child", str(tmp_path / "sounds")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


def test_without_audio_output_nothing_is_loaded_and_nothing_complains(tmp_path):
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    report, said = play_all(tmp_path, runtime)
    assert report == {"can_play": False, "played": []}
    assert "not supported" not in said and "QSoundEffect" not in said


@pytest.mark.skipif(
    shutil.which("pulseaudio") is None, reason="no PulseAudio (make test installs it)"
)
def test_with_a_sound_server_every_sound_plays(tmp_path):
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    server = subprocess.Popen(
        ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "-n", "--disallow-exit",
         "--load=module-null-sink", "--load=module-native-protocol-unix"],
        env={**os.environ, "XDG_RUNTIME_DIR": str(runtime), "HOME": str(tmp_path)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        socket = runtime / "pulse" / "native"
        deadline = time.monotonic() + 20
        while not socket.exists():
            assert server.poll() is None, "PulseAudio did not start"
            assert time.monotonic() < deadline, "PulseAudio did not open its socket"
            time.sleep(0.05)
        report, said = play_all(tmp_path, runtime)
        assert report["can_play"] is True and report["played"] == list(TONES)
        assert all(report[name] == "Ready" for name in TONES)
        assert "not supported" not in said
    finally:
        server.kill()
        server.wait(10)
