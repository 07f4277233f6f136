"""`felt`: the process. Qt's application, the one asyncio loop (qasync) that the app's
client and its embedded host share, and a `felt://` link it was opened with."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import Sequence

import qasync
from PySide6.QtWidgets import QApplication

from desktop.app import Felt
from desktop.hosting.local_state import data_folder


def link_of(argv: Sequence[str]) -> str | None:
    """The felt:// invite among the arguments (a clicked link opens Felt with it)."""
    return next((a for a in argv if a.lower().startswith("felt://")), None)


def main(argv: Sequence[str] | None = None) -> int:
    app = QApplication([sys.argv[0], *(argv or [])])
    app.setApplicationName("Felt")
    app.setQuitOnLastWindowClosed(False)  # Felt ends when its quit question says so
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    felt = Felt(data_folder())
    with loop, contextlib.suppress(asyncio.CancelledError):
        loop.run_until_complete(felt.run(link_of(argv or [])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
