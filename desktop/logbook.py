"""Felt's log and its errors nobody caught.

The log is a file in the data folder (an installed Felt has no terminal to print to),
rotated so that an evening's worth stays and a month's does not pile up. An exception
that escapes a slot or a task is logged with its traceback and told to the person
(`catch`'s `tell`); the loop goes on, and with it any table this machine hosts.
Connections dropping are the network's weather, not Felt's errors: logged, not told."""

from __future__ import annotations

import asyncio
import importlib.metadata
import logging
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6 import QtCore
from websockets.exceptions import ConnectionClosed

LOG_BYTES = 1_000_000  # per file; felt.log, then felt.log.1 ... felt.log.KEPT
KEPT = 3
QUIET = (ConnectionClosed, ConnectionError)
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("felt")
Tell = Callable[[str, str], None]  # (what happened in a line, the traceback)


def log_file(folder: Path) -> Path:
    return folder / "logs" / "felt.log"


def start(folder: Path, level: int = logging.INFO, terminal: bool = False) -> logging.Handler:
    """Log to `log_file(folder)` from now on (every logger: Felt's, websockets', and Qt's
    messages too), and warnings to the terminal where asked and there is one (a frozen
    app on Windows has none); the file's handler, to remove when done."""
    path = log_file(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=KEPT, encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    if terminal and sys.stderr is not None:
        shown = logging.StreamHandler()
        shown.setLevel(logging.WARNING)
        root.addHandler(shown)
    QtCore.qInstallMessageHandler(qt_message)
    log.info("Felt %s started (Python %s, data in %s)", version(), sys.version.split()[0], folder)
    return handler


QT_LEVELS = {
    QtCore.QtMsgType.QtDebugMsg: logging.DEBUG,
    QtCore.QtMsgType.QtInfoMsg: logging.INFO,
    QtCore.QtMsgType.QtWarningMsg: logging.WARNING,
    QtCore.QtMsgType.QtCriticalMsg: logging.ERROR,
    QtCore.QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def qt_message(kind: QtCore.QtMsgType, context: QtCore.QMessageLogContext, text: str) -> None:
    logging.getLogger(f"qt.{context.category or 'default'}").log(QT_LEVELS[kind], "%s", text)


def version() -> str:
    try:
        return importlib.metadata.version("felt")
    except importlib.metadata.PackageNotFoundError:  # (a bundle made without its metadata)
        return "unknown"


def summary(error: BaseException) -> str:
    """The error in one line, as a person reads it: "ValueError: bad seat"."""
    text = str(error)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def catch(loop: asyncio.AbstractEventLoop, tell: Tell) -> Callable[[], None]:
    """From now on, an exception that escapes a Qt slot (qasync hands those of async
    slots on too) or a task or callback of `loop` is logged and told; the function
    returned puts the previous handlers back."""
    previous_hook = sys.excepthook
    previous_handler = loop.get_exception_handler()

    def caught(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if not isinstance(error, Exception):  # (KeyboardInterrupt, SystemExit: as ever)
            previous_hook(kind, error, tb)
            return
        log.error("unexpected error", exc_info=(kind, error, tb))
        if not isinstance(error, QUIET):
            tell(summary(error), "".join(traceback.format_exception(kind, error, tb)))

    def from_loop(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        if isinstance(error, BaseException):
            caught(type(error), error, error.__traceback__)
        else:  # (a warning of asyncio's own: an unclosed transport, a slow callback)
            log.warning("%s", context.get("message", context))

    sys.excepthook = caught
    loop.set_exception_handler(from_loop)

    def restore() -> None:
        sys.excepthook = previous_hook
        loop.set_exception_handler(previous_handler)

    return restore
