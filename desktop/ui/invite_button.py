"""The host's "Copy invite" button: a click copies the invite for the network the host
chose; its menu copies the one for each other network (which then comes first), or a
line to paste in a chat, and turns the join key on, renews it or turns it off (invites
with it let their holders in without asking; a new key voids the invites sent before).

Its invites come from `invites_for(join_key)`, asked again whenever the table's key
changes or the host's addresses do (`rebuild`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QToolButton

from desktop.hosting.invites import Invite
from desktop.model.table import TableModel
from host_server.protocol import client

InvitesFor = Callable[[str | None], Sequence[Invite]]
# The networks Felt names itself (the system names the others: "eth0", "Wi-Fi").
OWN_NETWORKS = {
    str(QT_TRANSLATE_NOOP("InviteButton", "this machine only")),
    str(QT_TRANSLATE_NOOP("InviteButton", "the internet")),
}


class InviteButton(QToolButton):
    chosen = Signal(str)  # the address friends reach this host at

    def __init__(
        self,
        model: TableModel,
        send: Callable[[client.Message], str],
        invites_for: InvitesFor | None,
    ) -> None:
        super().__init__()
        self.model, self.send, self.invites_for = model, send, invites_for
        self.invites: list[Invite] = []  # the first is the one a click copies
        self._key: str | None = None  # the join key the invites were made with
        self.setText(self.tr("Copy invite"))
        # "Copied ✓" for a moment: a child timer, gone with the button (a table left
        # within the moment never hears from it).
        self._copied_for = QTimer(self, singleShot=True, interval=1500)
        self._copied_for.timeout.connect(lambda: self.setText(self.tr("Copy invite")))
        self.clicked.connect(lambda: self.copy(self.invites[0]) if self.invites else None)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.rebuild()

    @property
    def code(self) -> str:
        return self.invites[0].code if self.invites else ""

    def refresh(self) -> None:
        if self.model.join_key != self._key:
            self.rebuild()
        self.setVisible(bool(self.code))

    def rebuild(self) -> None:
        """The invites anew (same order: the chosen address first), and the menu."""
        self._key = self.model.join_key
        fresh = list(self.invites_for(self._key)) if self.invites_for is not None else []
        first = self.invites[0].address if self.invites else None
        self.invites = sorted(fresh, key=lambda invite: invite.address != first)
        self._fill_menu()
        tip = self.tr("Send this to your friends: they paste it in Join a table.")
        self.setToolTip(f"{self.code}\n{tip}" if self.invites else "")

    def copy(self, invite: Invite) -> None:
        """To the clipboard; and the address it names comes first from now on."""
        QGuiApplication.clipboard().setText(invite.code)
        if invite != self.invites[0]:
            self.invites = [invite, *(i for i in self.invites if i != invite)]
            self.chosen.emit(invite.address)
            self.rebuild()
        self._copied()

    def copy_message(self) -> None:
        """A line to paste in a chat: what the table is, and the invite (Join a table
        finds the link in it)."""
        model = self.model
        stakes = f"{model.small_blind}/{model.big_blind}"
        words = self.tr("Join my Felt table “{}” ({}): {}").format(model.name, stakes, self.code)
        QGuiApplication.clipboard().setText(words)
        self._copied()

    def _copied(self) -> None:
        self.setText(self.tr("Copied ✓"))
        self._copied_for.start()

    def _fill_menu(self) -> None:
        menu = QMenu(self)
        if len(self.invites) > 1:  # several networks: the host picks the one friends are on
            for invite in self.invites:
                network = (
                    self.tr(invite.network) if invite.network in OWN_NETWORKS else invite.network
                )
                words = self.tr("Copy invite for {} ({})").format(network, invite.address)
                item = menu.addAction(words)
                item.triggered.connect(lambda _=False, i=invite: self.copy(i))
        menu.addAction(self.tr("Copy as a message for a chat")).triggered.connect(self.copy_message)
        menu.addSeparator()
        keyed = self.model.join_key is not None
        open_door = menu.addAction(self.tr("Invites let their holders in without asking"))
        open_door.setCheckable(True)
        open_door.setChecked(keyed)
        open_door.triggered.connect(lambda on: self.send(client.SetJoinKey(on=on)))
        renew = menu.addAction(self.tr("New invite key (invites sent before then wait for you)"))
        renew.setEnabled(keyed)
        renew.triggered.connect(lambda: self.send(client.SetJoinKey(on=True)))
        old = self.menu()
        self.setMenu(menu)
        if old is not None:
            old.deleteLater()
