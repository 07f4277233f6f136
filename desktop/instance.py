"""One Felt per data folder: a second one would host the same tables on the same
database beside the first, so a second launch hands over to the running one instead
(its felt:// link, or just "come to the front") and ends.

The lock is a QLockFile in the data folder, which Qt finds stale once the process that
held it is gone (a killed Felt does not lock the next one out); the hand-over is a
QLocalSocket to the running Felt's QLocalServer, named after the folder."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

LOCK = "felt.lock"
WAIT_MS = 2_000  # for the running Felt to take a hand-over (it answers at once)
LONGEST = 4_096  # bytes: a felt:// link is far shorter
FRONT = "front"  # what is handed over when there is no link: come to the front

log = logging.getLogger("felt")


def channel(folder: Path) -> str:
    """The local socket's name: per data folder, short (a Unix socket path is short)."""
    digest = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    return f"felt-{digest}"


class Instance(QObject):
    """This process's claim on a data folder. `claim()` first; when it fails, another
    Felt runs there: `hand_over(link)`. While held, `handed` brings what later
    launches hand over (a felt:// link, or FRONT)."""

    handed = Signal(str)

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.lock = QLockFile(str(folder / LOCK))
        self.lock.setStaleLockTime(0)  # (stale only when its process is gone)
        self.server: QLocalServer | None = None

    def claim(self) -> bool:
        self.folder.mkdir(parents=True, exist_ok=True)
        if not self.lock.tryLock(0):
            return False
        name = channel(self.folder)
        QLocalServer.removeServer(name)  # (a killed Felt's socket file; the lock is ours)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(name):
            log.warning("no hand-over from later launches: %s", self.server.errorString())
        self.server.newConnection.connect(self._arrived)
        return True

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self.lock.unlock()

    def holder(self) -> int | None:
        """The process id of the Felt that holds the folder, where known."""
        pid, _, _ = self.lock.getLockInfo()  # (PySide6: 0 where there is none)
        return int(pid) or None

    def hand_over(self, link: str | None) -> bool:
        """Give the running Felt `link` (or ask it to the front); True once it took it."""
        socket = QLocalSocket()
        socket.connectToServer(channel(self.folder))
        if not socket.waitForConnected(WAIT_MS):
            return False
        socket.write((link or FRONT).encode() + b"\n")
        socket.flush()
        taken = socket.waitForReadyRead(WAIT_MS) and bytes(socket.readAll().data()) == b"ok\n"
        socket.disconnectFromServer()
        return taken

    def _arrived(self) -> None:
        assert self.server is not None
        socket = self.server.nextPendingConnection()
        socket.readyRead.connect(lambda: self._read(socket))

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > LONGEST:
                socket.abort()
            return
        text = bytes(socket.readLine().data()).decode(errors="replace").strip()
        socket.write(b"ok\n")
        socket.flush()
        socket.disconnectFromServer()
        log.info("a later launch handed over %s", text)
        self.handed.emit(text)
