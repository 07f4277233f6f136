"""What a person sees when Felt meets an error nobody caught: what happened, that the
table goes on, where the log is (a button opens its folder), and the traceback under
"Show Details…" to paste into a bug report. It does not block the window under it
(the player may be mid-hand), and it is one window however many errors follow: it
counts them rather than stacking up."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

TITLE = str(QT_TRANSLATE_NOOP("ErrorReport", "Felt: something went wrong"))
WHAT = str(
    QT_TRANSLATE_NOOP(
        "ErrorReport", "Something went wrong in Felt. It keeps running, and so do your tables."
    )
)
OPEN_LOGS = str(QT_TRANSLATE_NOOP("ErrorReport", "Open the log folder"))


class ErrorReport(QMessageBox):
    def __init__(self, parent: QWidget, log: Path) -> None:
        super().__init__(parent)
        self.log = log
        self.count = 0
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr(TITLE))
        self.setText(self.tr(WHAT))
        self.open_logs = self.addButton(self.tr(OPEN_LOGS), QMessageBox.ButtonRole.ActionRole)
        self.addButton(QMessageBox.StandardButton.Close)
        self.open_logs.clicked.disconnect()  # (an action button would close the box)
        self.open_logs.clicked.connect(self._open_logs)
        self.finished.connect(self._reset)

    def tell(self, summary: str, details: str) -> None:
        """Show the error (or, when one is already shown, count this one too)."""
        self.count += 1
        if self.count == 1:
            where = self.tr("The details are in Felt's log:")
            self.setInformativeText(f"{summary}\n\n{where}\n{self.log}")
            self.setDetailedText(details)
            self.show()
        else:
            first = self.informativeText().split("\n\n(")[0]
            more = self.tr("(and %n more error(s) since)", "", self.count - 1)
            self.setInformativeText(f"{first}\n\n{more}")

    def _open_logs(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log.parent)))

    def _reset(self) -> None:
        self.count = 0
