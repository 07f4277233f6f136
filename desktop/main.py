"""`felt`: the process. Qt's application, the one asyncio loop (qasync) that the app's
client and its embedded host share, a `felt://` link it was opened with, and one
Felt per data folder (`instance`: a second launch hands its link to the first).
`felt --self-test` checks an installation instead (`self_test`)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import Sequence

import qasync
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import logbook, resources
from desktop.app import Felt
from desktop.hosting.local_state import Settings, data_folder
from desktop.instance import Instance
from desktop.ui import language

HANDED = str(QT_TRANSLATE_NOOP("Launch", "Felt is already open here: brought it to the front."))
HANDED_LINK = str(QT_TRANSLATE_NOOP("Launch", "Felt is already open here: the invite went to it."))
RUNNING = str(
    QT_TRANSLATE_NOOP("Launch", "Felt is already running on this computer{}, and did not answer.")
)
RUNNING_WHAT = str(
    QT_TRANSLATE_NOOP(
        "Launch",
        "Two Felts on one data folder would host the same tables on the same database. "
        "Close the other Felt (or wait for it to finish quitting), then open Felt again.",
    )
)
PROCESS = str(QT_TRANSLATE_NOOP("Launch", " (process {})"))


def said(text: str) -> str:
    return QCoreApplication.translate("Launch", text)


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
    folder, link = data_folder(), link_of(argv)
    language.install(Settings.load(folder).language)  # (before any window is built)
    instance = Instance(folder)
    if not instance.claim():
        return second_launch(instance, link)
    logbook.start(folder, terminal=True)
    felt = Felt(folder)
    felt.watch_errors(loop)
    take_over_launches(felt, instance)
    with loop, contextlib.suppress(asyncio.CancelledError):
        loop.run_until_complete(felt.run(link))
    instance.release()
    logging.getLogger("felt").info("Felt quit")
    return 0


def take_over_launches(felt: Felt, instance: Instance) -> None:
    """What a later launch hands over: the window to the front, and a clicked invite's
    link in the join dialog, as if this Felt had been opened with it."""

    def handed(text: str) -> None:
        felt.window.showNormal()
        felt.window.raise_()
        felt.window.activateWindow()
        if text.lower().startswith("felt://"):
            felt.start.ask_join(text)

    instance.handed.connect(handed)


def second_launch(instance: Instance, link: str | None) -> int:
    """Felt already runs on this data folder: hand it over, or say why not."""
    if instance.hand_over(link):
        print(said(HANDED_LINK if link else HANDED), flush=True)
        return 0
    already_running(instance.holder()).exec()
    return 1


def already_running(pid: int | None) -> QMessageBox:
    process = said(PROCESS).format(pid) if pid else ""
    title = said(str(QT_TRANSLATE_NOOP("Launch", "Felt is already running")))
    box = QMessageBox(QMessageBox.Icon.Warning, title, said(RUNNING).format(process))
    box.setInformativeText(said(RUNNING_WHAT))
    return box


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
