"""The main window: one page at a time (the start screen, or a table), a menu bar with
the usual shortcuts, and a close button that asks the controller first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QStackedWidget

from desktop.ui import style

SIZE = QSize(1280, 800)
TITLE_BAR = 40  # (the window manager's frame, unknown until it is drawn)
MENU_SHEET = "QMenuBar, QMenu { font-size: 13px; } QMenuBar::item { padding: 4px 8px; }"


def first_size(room: QSize) -> QSize:
    """1280x800, or less where the screen has less room: on a 1280x800 laptop the
    title bar would push the bottom of the window (and the start screen's last line)
    off the screen."""
    return SIZE.boundedTo(room - QSize(0, TITLE_BAR))


class MainWindow(QMainWindow):
    close_requested = Signal()
    play_now = Signal()
    host_table = Signal()
    join_table = Signal()
    hands = Signal()
    ledger = Signal()
    sit_out = Signal()  # sit out from the next hand, or back in if sitting out
    stand_up = Signal()
    lobby = Signal()
    new_key = Signal()  # a new host key (invites sent before stop working)
    about = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Felt")  # (a name: not translated)
        self.setMinimumSize(1024, 640)
        self.resize(first_size(self.screen().availableGeometry().size()))
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self.may_close = False
        game = self.menuBar().addMenu(self.tr("&Felt"))
        self._item(game, self.tr("&Play now"), self.play_now.emit, "Ctrl+N")
        self._item(game, self.tr("&Host a table…"), self.host_table.emit, "Ctrl+Shift+N")
        self._item(game, self.tr("&Join a table…"), self.join_table.emit, "Ctrl+J")
        game.addSeparator()
        self._item(game, self.tr("New host &key…"), self.new_key.emit)
        game.addSeparator()
        # Ctrl+Q (Cmd+Q on a Mac) by name: Windows and Qt's offscreen platform bind no
        # standard Quit key at all.
        self._item(game, self.tr("&Quit"), self.close_requested.emit, "Ctrl+Q")
        self.table_menu = self.menuBar().addMenu(self.tr("&Table"))
        self._item(self.table_menu, self.tr("Hand &histories…"), self.hands.emit, "Ctrl+H")
        self._item(self.table_menu, self.tr("&Ledger…"), self.ledger.emit, "Ctrl+L")
        self.table_menu.addSeparator()
        self._item(
            self.table_menu, self.tr("&Sit out next hand / I'm back"), self.sit_out.emit, "Ctrl+P"
        )
        self._item(self.table_menu, self.tr("S&tand up"), self.stand_up.emit)
        self._item(self.table_menu, self.tr("Back to the &lobby"), self.lobby.emit, "Ctrl+W")
        self.table_menu.setEnabled(False)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = self._item(help_menu, self.tr("&About Felt…"), self.about.emit)
        about.setMenuRole(QAction.MenuRole.AboutRole)  # (macOS: in the application menu)

    def _item(
        self,
        menu: QMenu,
        text: str,
        then: Callable[[], None] | None,
        keys: str | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = menu.addAction(text)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        if then is not None:
            action.triggered.connect(lambda _=False: then())
        return action

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The menus grow with the window, as the table does (style.scale_for)."""
        super().resizeEvent(event)
        factor = style.scale_for(event.size().width(), event.size().height())
        sheet = style.scaled(MENU_SHEET, factor)
        if self.menuBar().styleSheet() != sheet:
            self.menuBar().setStyleSheet(sheet)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.may_close:
            event.accept()
        else:  # the controller decides, and cleans up before the window goes
            event.ignore()
            self.close_requested.emit()
