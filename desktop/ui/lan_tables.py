"""The start screen's "Tables on your network": the tables hosts on this network list
(`net.lan`), kept up to date as they come, fill and go; a double-click or Join joins
one, its host checked by the pin the listing carries, as an invite's would be."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.hosting.invites import Target
from host_server.net.lan import LanTable

NONE_YET = str(
    QT_TRANSLATE_NOOP(
        "LanTables",
        "No tables on your network right now. Tables friends host here show up by themselves.",
    )
)


def words(table: LanTable) -> str:
    seated = QCoreApplication.translate("LanTables", "{} of {} seated").format(
        table.seats_taken, table.seats
    )
    hosted = QCoreApplication.translate("LanTables", "hosted by {}").format(table.host)
    return f"{table.name}   ·   {table.stakes}   ·   {seated}   ·   {hosted}"


def target(table: LanTable) -> Target:
    return Target(table.hosts, table.port, table.table_id, table.pin)


class LanTables(QWidget):
    join = Signal(object)  # invites.Target

    def __init__(self) -> None:
        super().__init__()
        self.list = QListWidget()
        self.list.setWordWrap(True)  # (the empty list's line is long in German)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.button = QPushButton(self.tr("Join"))
        self.button.setObjectName("lan_join")
        title = QLabel(self.tr("Tables on your network"))
        row = QHBoxLayout()
        row.addWidget(title, 1)
        row.addWidget(self.button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.list, 1)
        self.button.clicked.connect(self._join)
        self.list.itemDoubleClicked.connect(lambda _: self._join())
        self.list.itemActivated.connect(lambda _: self._join())  # (Enter on a row)
        self.show_tables([])

    def show_tables(self, tables: list[LanTable]) -> None:
        """The list as the network has it now; the chosen row stays chosen."""
        chosen = self.chosen()
        self.list.clear()
        for table in tables:
            item = QListWidgetItem(words(table))
            item.setData(Qt.ItemDataRole.UserRole, table)
            where = self.tr("Hosted at {}, port {}")
            item.setToolTip(where.format(", ".join(table.hosts), table.port))
            self.list.addItem(item)
            if chosen is not None and table.table_id == chosen.table_id:
                self.list.setCurrentItem(item)
        if not tables:
            empty = QListWidgetItem(self.tr(NONE_YET))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        elif self.list.currentItem() is None:
            self.list.setCurrentRow(0)
        self.button.setEnabled(bool(tables))

    def chosen(self) -> LanTable | None:
        item = self.list.currentItem()
        table = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return table if isinstance(table, LanTable) else None

    def _join(self) -> None:
        table = self.chosen()
        if table is not None and self.button.isEnabled():
            self.join.emit(target(table))
