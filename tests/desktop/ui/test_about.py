"""Help > About, opened from the menu as a person does: the version, the data folder
and the log (each folder a click away), and the parts with their licences."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from desktop import logbook
from desktop.licences import QT_LGPL, QT_SOURCE
from desktop.ui.about import AboutDialog
from tests.support.person import LEFT, app, click_menu, until


class Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


async def test_about_felt_from_the_help_menu(qtbot, tmp_path):
    home = tmp_path / "home"
    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        async with app(qtbot, home) as felt:
            await click_menu(qtbot, felt, "Help", "About Felt…")
            await until(lambda: any(d.isVisible() for d in felt.window.findChildren(AboutDialog)))
            [about] = [d for d in felt.window.findChildren(AboutDialog) if d.isVisible()]
            assert (
                about.version.text()
                == f"<h2>Felt {logbook.version()}</h2>"
                != "<h2>Felt unknown</h2>"
            )
            assert about.places["data"].text() == str(home)
            assert about.places["log"].text() == str(logbook.log_file(home))
            rows = [about.parts.topLevelItem(i) for i in range(about.parts.topLevelItemCount())]
            licences = {row.text(0): row.text(2) for row in rows if row is not None}
            assert licences["PySide6"].startswith("LGPL-3.0") and licences["Qt"] == "LGPL-3.0-only"
            assert licences["websockets"] == "BSD-3-Clause" and licences["pokerkit"] == "MIT"
            assert any(
                QT_LGPL.split("Qt's source")[0] in label.text() and QT_SOURCE in label.text()
                for label in about.findChildren(type(about.version))
            )

            qtbot.mouseClick(about.findChild(QPushButton, "open_1"), LEFT)
            assert opened.urls == [QUrl.fromLocalFile(str(logbook.log_file(home).parent))]
            assert logbook.log_file(home).parent.is_dir()  # (made, to be opened)
            qtbot.keyClick(about, Qt.Key.Key_Escape)
            await until(lambda: not about.isVisible())
    finally:
        QDesktopServices.unsetUrlHandler("file")
