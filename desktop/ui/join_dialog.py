"""Join a table: the invite pasted, checked before the dialog closes (a newer
Felt's, not an invite at all, or an unpinned one warned about); and what the start
screen says when none of an invite's addresses answered."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop.hosting.invites import Target, in_url, parse_invite, too_new
from desktop.ui.refusals import said


class JoinDialog(QDialog):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Join a table"))
        self.invite = QLineEdit(placeholderText="felt://192.168.1.20:8765/3f9a1c2b7e4d?pin=…")
        self.invite.setMinimumWidth(self.invite.fontMetrics().horizontalAdvance("m" * 40))
        self.error = QLabel("")
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Paste the invite your host sent you.")))
        form.addRow(self.tr("Invite"), self.invite)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

        self.invite.textChanged.connect(lambda: self.error.setText(""))
        self.warned: str | None = None  # the unpinned invite already warned about

    def target(self) -> Target:
        parsed = parse_invite(self.invite.text())
        assert parsed is not None
        return parsed

    def _check(self) -> None:
        parsed = parse_invite(self.invite.text())
        if parsed is None:
            self.error.setText(
                self.tr("This invite was made by a newer Felt: update Felt to join.")
                if too_new(self.invite.text())
                else self.tr("That does not look like an invite (felt://HOST:PORT/TABLE).")
            )
            return
        if parsed.pin is None and self.warned != self.invite.text():
            self.warned = self.invite.text()
            self.error.setText(
                self.tr(
                    "This invite carries no pin (it is from an older Felt), so Felt cannot "
                    "tell this host from someone posing as it. Ask the host for a new "
                    "invite, or press OK again to join anyway."
                )
            )
            self.adjustSize()  # (the wrapped words need the room)
            return
        self.accept()


def unreachable(target: Target, why: dict[str, str]) -> str:
    """What the start screen tells a guest none of whose invite's addresses answered."""
    own = dict(target.ports)  # (an address on another port names it)
    silent = QCoreApplication.translate("StartScreen", "no answer")
    tried = "; ".join(
        f"{in_url(h)}{f':{own[h]}' if h in own else ''}: {said(why.get(h, silent))}"
        for h in target.hosts
    )
    return QCoreApplication.translate(
        "StartScreen",
        "Could not reach the host on port {port} at any address the invite names "
        "({tried}). Not on the host's network? Then the host may need to forward port "
        "{port} on their router.",
    ).format(port=target.port, tried=tried)
