"""The sounds: files in the one format every platform plays; silent, and saying
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

from desktop import resources
from desktop.resources import SOUNDS
from tests.support.processes import ROOT


def test_every_sound_is_a_file_of_16_bit_stereo_at_44_1_khz():
    for name in SOUNDS:
        with wave.open(str(resources.sound(name)), "rb") as found:
            assert (found.getframerate(), found.getnchannels(), found.getsampwidth()) == (
                44_100, 2, 2,
            )  # fmt: skip
            assert found.getnframes() > 44_100 // 50  # tens of milliseconds, not silence


def play_all(tmp_path: Path, runtime: Path) -> tuple[dict[str, object], str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_RUNTIME_DIR": str(runtime),
        "PULSE_SERVER": f"unix:{runtime}/pulse/native",
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.support.sound_child"],
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
        assert report["can_play"] is True and report["played"] == list(SOUNDS)
        assert all(report[name] == "Ready" for name in SOUNDS)
        assert "not supported" not in said
    finally:
        server.kill()
        server.wait(10)
