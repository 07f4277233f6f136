"""`felt`: the process. Qt's application, the one asyncio loop (qasync) that the app's
client and its embedded host share, and a `felt://` link it was opened with.
`felt --self-test` checks an installation instead (`self_test`)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import Sequence

import qasync
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import logbook, resources
from desktop.app import Felt
from desktop.hosting.local_state import data_folder


def app_icon() -> QIcon:
    icon = QIcon()
    for size in resources.ICON_SIZES:
        icon.addFile(str(resources.icon(size)))
    return icon


def link_of(argv: Sequence[str]) -> str | None:
    """The felt:// invite among the arguments (a clicked link opens Felt with it)."""
    return next((a for a in argv if a.lower().startswith("felt://")), None)


def main(argv: Sequence[str] | None = None) -> int:
    """(The `felt` entry point calls it with no arguments: the process's are its.)"""
    argv = sys.argv[1:] if argv is None else argv
    if "--self-test" in argv or "--first-window" in argv:
        from desktop import self_test

        return self_test.run() if "--self-test" in argv else self_test.first_window()
    app = QApplication([sys.argv[0], *argv])
    app.setApplicationName("Felt")
    app.setDesktopFileName("felt")  # (the desktop entry the window belongs to)
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)  # Felt ends when its quit question says so
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    folder = data_folder()
    logbook.start(folder, terminal=True)
    felt = Felt(folder)
    felt.watch_errors(loop)
    with loop, contextlib.suppress(asyncio.CancelledError):
        loop.run_until_complete(felt.run(link_of(argv)))
    logging.getLogger("felt").info("Felt quit")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
