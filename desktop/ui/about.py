"""Help > About: Felt's version, where its data and log are (each a click away), and
what it is made of, with every part's licence (Qt's LGPL spelled out)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.licences import QT_LGPL, QT_SOURCE, Part

FELT = str(
    QT_TRANSLATE_NOOP(
        "AboutDialog",
        "Felt is free software under the MIT licence. It is built on these, each under its own:",
    )
)


class AboutDialog(QDialog):
    def __init__(
        self, parent: QWidget, version: str, data: Path, log: Path, parts: list[Part]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Felt"))
        self.resize(640, 560)
        layout = QVBoxLayout(self)
        self.version = QLabel(f"<h2>Felt {version}</h2>")
        layout.addWidget(self.version)
        layout.addWidget(
            QLabel(self.tr("No-Limit Texas Hold'em home games, hosted on your own machine."))
        )
        places = QGridLayout()
        self.places: dict[str, QLabel] = {}
        for row, (name, path, folder) in enumerate(
            ((self.tr("Your data"), data, data), (self.tr("Felt's log"), log, log.parent))
        ):
            label = QLabel(str(path))
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            show = QPushButton(self.tr("Open folder"))
            show.setObjectName(f"open_{row}")
            show.clicked.connect(lambda _=False, f=folder: _open(f))
            places.addWidget(QLabel(self.tr("{}:").format(name)), row, 0)
            places.addWidget(label, row, 1)
            places.addWidget(show, row, 2)
            self.places[("data", "log")[row]] = label
        places.setColumnStretch(1, 1)
        layout.addLayout(places)
        layout.addWidget(QLabel(self.tr(FELT)))
        self.parts = QTreeWidget()
        self.parts.setHeaderLabels([self.tr("Part"), self.tr("Version"), self.tr("Licence")])
        self.parts.setRootIsDecorated(False)
        for part in parts:
            self.parts.addTopLevelItem(QTreeWidgetItem([part.name, part.version, part.licence]))
        for column in range(3):
            self.parts.resizeColumnToContents(column)
        layout.addWidget(self.parts, 1)
        lgpl = QLabel(self.tr(QT_LGPL).replace(QT_SOURCE, f'<a href="{QT_SOURCE}">{QT_SOURCE}</a>'))
        lgpl.setWordWrap(True)
        lgpl.setOpenExternalLinks(True)
        layout.addWidget(lgpl)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def _open(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)  # (the log's, before anything was logged)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
