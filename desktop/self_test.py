"""`felt --self-test`: what an installed Felt needs, checked where it is installed (the
frozen bundle included, where a missing plugin or module shows only here): Qt's
platform plugins, the keyring's backends, the parts' licences (Help > About), Qt
Multimedia and the sounds, then one hand played as a person would, against bots at
Play now's table on the embedded host over wss, offscreen and in a data folder of its
own. One line per check; exit 0 when
all pass, 1 (naming what failed) otherwise.

`felt --first-window` measures instead: it prints the seconds from the process's
start to the start screen's first frame, and exits (packaging/smoke.sh times the
bundle with it)."""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PLATFORMS = {"linux": ("libqxcb.so", "libqoffscreen.so"), "darwin": ("libqcocoa.dylib",),
             "win32": ("qwindows.dll",)}  # fmt: skip
KEYRINGS = {
    "linux": ("keyring.backends.SecretService", "secretstorage"),
    "darwin": ("keyring.backends.macOS",),
    "win32": ("keyring.backends.Windows",),
}
HAND_SECONDS = 60.0


def platform_plugins() -> str:
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    wanted = PLATFORMS.get(sys.platform, ())
    missing = [name for name in wanted if not (folder / name).exists()]
    if missing:
        raise RuntimeError(f"no {', '.join(missing)} in {folder}")
    return f"Qt platform plugins in {folder}"


def keyrings(folder: Path) -> str:
    """The backends load; then a token kept and found again by a second Credentials (as
    after a restart), in the system keyring where one answers, else in the file."""
    names = KEYRINGS.get(sys.platform, ())
    for name in names:
        importlib.import_module(name)
    import keyring

    from desktop.hosting.credentials import Credentials

    in_use = type(keyring.get_keyring()).__module__
    token = os.urandom(16).hex()
    Credentials(folder).save("self-test", "table", 1, token)
    again = Credentials(folder)
    if again.load("self-test", "table", 1) != token:
        raise RuntimeError(f"a token kept in {in_use} was not found again")
    if again.file.exists():
        return f"backends load ({', '.join(names)}); no keyring answers: tokens in a file"
    with contextlib.suppress(Exception):  # (only the self-test's own entry)
        keyring.delete_password("Felt", "self-test/table/1")
    return f"backends load ({', '.join(names)}); a token kept and found in {in_use}"


def licences() -> str:
    """Help > About's list, from the packages' metadata (which a bundle must carry)."""
    from desktop.licences import parts, requirements

    listed = {part.name.lower().replace("_", "-") for part in parts()}
    missing = [n for n in requirements("felt") if n.lower().replace("_", "-") not in listed]
    if missing:
        raise RuntimeError(f"no metadata for {', '.join(missing)}")
    return f"Help > About lists {len(listed)} parts, each with its licence"


def sounds() -> str:
    from PySide6.QtCore import QCoreApplication, QUrl
    from PySide6.QtMultimedia import QSoundEffect

    from desktop import resources
    from desktop.ui.sounds import audio_output

    path = resources.sound("turn")
    if not audio_output():
        return "Qt Multimedia loads (no audio output on this machine: nothing played)"
    effect = QSoundEffect()
    effect.setSource(QUrl.fromLocalFile(str(path)))
    deadline, started = time.monotonic() + 5, False
    while time.monotonic() < deadline:  # loading, then playing, then done
        QCoreApplication.processEvents()
        started = started or effect.isPlaying()
        if started and not effect.isPlaying():
            return "Qt Multimedia loads and played the turn sound"
        if effect.status() is effect.Status.Ready and not started:
            effect.play()
        if effect.status() is effect.Status.Error:
            break
        time.sleep(0.01)
    raise RuntimeError(f"the turn sound did not play: {effect.status().name}")


async def one_hand(folder: Path) -> str:
    from desktop.app import Felt
    from host_server.rules.moves import Action

    felt = Felt(folder, sounds=False, bot_delay=0.05, play_now={"between_hands_seconds": 0.2})
    felt.settings.host_port, felt.settings.lan = 0, "off"  # (any free port; no network)
    try:
        await felt.play()
        deadline = time.monotonic() + HAND_SECONDS
        acted = 0
        while True:
            screen = felt.screen
            model = screen.model if screen is not None else None
            if model is not None and model.hand_no >= 2 and acted:
                return f"one hand played against bots over wss (acted {acted} times)"
            if time.monotonic() > deadline:
                raise RuntimeError(f"no hand played within {HAND_SECONDS:g} s")
            if screen is not None and model is not None and model.my_turn and model.legal:
                screen.act(Action.CALL if model.legal.call else Action.CHECK, None)
                acted += 1
            await asyncio.sleep(0.05)
    finally:
        await felt.shutdown()


def run() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="felt-self-test-") as scratch:
        folder = Path(scratch)
        checks: list[tuple[str, Callable[[], str]]] = [
            ("platforms", platform_plugins),
            ("keyring", lambda: keyrings(folder / "keyring")),
            ("licences", licences),
            ("sounds", sounds),
            ("a hand", lambda: loop.run_until_complete(one_hand(folder / "data"))),
        ]
        with loop, contextlib.suppress(asyncio.CancelledError):
            for name, check in checks:
                try:
                    print(f"ok    {name}: {check()}", flush=True)
                except Exception as error:  # noqa: BLE001 (each check says what broke)
                    failed += 1
                    print(f"FAIL  {name}: {type(error).__name__}: {error}", flush=True)
    print("self-test passed" if not failed else f"self-test: {failed} failed", flush=True)
    return 1 if failed else 0


def since_start() -> float:
    """Seconds since this process began (Linux: by /proc, the bundle's unpacking
    included; elsewhere since Python's clock started)."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter()


def first_window() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import Felt

    app = QApplication(sys.argv[:1])

    class FirstFrame(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() is QEvent.Type.Paint and not drawn:
                drawn.append(since_start())
                # (exit, not quit: Qt 6's quit closes the window, which asks first)
                QTimer.singleShot(0, lambda: app.exit(0))
            return False

    drawn: list[float] = []
    with tempfile.TemporaryDirectory(prefix="felt-first-window-") as scratch:
        felt = Felt(Path(scratch), sounds=False)
        watcher = FirstFrame()
        felt.window.installEventFilter(watcher)
        felt.show_start()
        felt.window.show()
        QTimer.singleShot(30_000, lambda: app.exit(1))  # (bounded: no frame in 30 s)
        app.exec()
    if not drawn:
        print("no frame drawn within 30 s", file=sys.stderr)
        return 1
    print(f"{drawn[0]:.2f}")
    return 0
