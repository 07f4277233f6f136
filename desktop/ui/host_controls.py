"""The host's own controls on the table's top bar (requests waiting, pause, blinds, bots)
and on a seat's right-click (remove, ban).

They show only to the host; each sends one of the protocol's host commands. The
requests button is a badge: red, with a count, while someone waits at the door.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QToolButton, QWidget

from desktop.model.table import TableModel
from desktop.ui.dialogs import BlindsDialog, open_once
from desktop.ui.language import chips
from host_server.protocol import client

BOT_LEVELS = (  # (translated as shown)
    ("easy", str(QT_TRANSLATE_NOOP("HostControls", "Easy bot (calls a lot)"))),
    ("standard", str(QT_TRANSLATE_NOOP("HostControls", "Standard bot (tight, aggressive)"))),
    ("strong", str(QT_TRANSLATE_NOOP("HostControls", "Strong bot (reads the odds)"))),
)
LEVEL_WORDS = {
    "easy": str(QT_TRANSLATE_NOOP("HostControls", "easy")),
    "standard": str(QT_TRANSLATE_NOOP("HostControls", "standard")),
    "strong": str(QT_TRANSLATE_NOOP("HostControls", "strong")),
}
Send = Callable[[client.Message], str]


def menu_button(text: str, entries: Sequence[tuple[str, Callable[[], None]]]) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    for words, then in entries:
        menu.addAction(words).triggered.connect(lambda _=False, then=then: then())
    button.setMenu(menu)
    return button


class HostControls(QWidget):
    def __init__(self, model: TableModel, send: Send) -> None:
        super().__init__()
        self.model, self.send = model, send
        self.requests = QToolButton()
        self.requests.setObjectName("requests")
        self.requests.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.requests.setMenu(QMenu(self.requests))  # one menu, refilled as requests come
        self.pause = QPushButton(self.tr("Pause"))
        self.blinds = QPushButton(self.tr("Blinds…"))
        self.bomb = QPushButton(self.tr("Bomb pot"))
        self.bomb.setObjectName("bomb")
        self.bomb.clicked.connect(lambda: self.send(client.BombPot(on=not self.model.bomb_next)))
        self.start = QPushButton(self.tr("Start the tournament"))
        self.start.setObjectName("start")
        self.start.clicked.connect(lambda: self.send(client.StartTournament()))
        bots = [(self.tr(words), partial(self.add_bot, level)) for level, words in BOT_LEVELS]
        self.bots = menu_button(self.tr("Add bot"), bots)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.start, self.requests, self.pause, self.blinds, self.bomb, self.bots):
            row.addWidget(widget)
        self.pause.clicked.connect(self._toggle_pause)
        self.blinds.clicked.connect(self._ask_blinds)

    def add_bot(self, level: str) -> None:
        """The first free seat after the host's (or after seat 1, kept for the host)."""
        model = self.model
        after = model.my_seat or 1
        free = sorted(model.free_seats, key=lambda n: ((n - after) % model.seats_count, n))
        free = [n for n in free if n != 1 or model.my_seat is not None] or free
        if free:
            self.send(client.AddBot(seat=free[0], level=level))

    def seat_menu(self, parent: QWidget, seat: int, where: QPointF) -> None:
        """Right-click on a seat, for the host: remove its bot, or remove or ban its player
        (a ban refuses their name, and their address while the table runs)."""
        model, send = self.model, self.send
        view = model.seats.get(seat)
        if not model.is_host or view is None or view.member_id == model.me:
            return
        menu = QMenu(parent)
        if view.bot is not None:
            level = self.tr(LEVEL_WORDS.get(view.bot, view.bot))
            remove = menu.addAction(self.tr("Remove {} ({} bot)").format(view.name, level))
            remove.triggered.connect(lambda: send(client.RemoveBot(seat=seat)))
        else:
            kick = menu.addAction(self.tr("Remove {} from the table").format(view.name))
            kick.triggered.connect(lambda: send(client.Kick(member_id=view.member_id)))
            ban = menu.addAction(self.tr("Ban {} from this table").format(view.name))
            ban.triggered.connect(lambda: send(client.Kick(member_id=view.member_id, ban=True)))
        menu.popup(where.toPoint())

    def _toggle_pause(self) -> None:
        if self.model.paused:
            self.send(client.Unpause())
        else:
            self.send(client.Pause(immediate=True))

    def _ask_blinds(self) -> None:
        dialog = BlindsDialog(self, self.model)
        dialog.accepted.connect(
            lambda: self.send(
                client.SetBlinds(
                    small_blind=dialog.small.value(),
                    big_blind=dialog.big.value(),
                    ante=dialog.ante.value(),
                )
            )
        )
        open_once(dialog)

    def refresh(self) -> None:
        model = self.model
        self.setVisible(model.is_host)
        t = model.tournament
        registering = t is not None and t.stage == "registering"
        self.start.setVisible(registering)
        self.start.setEnabled(len(model.seats) >= 2)
        if len(model.seats) < 2:
            self.start.setToolTip(self.tr("Two players must be seated first."))
        elif t is not None and t.late_until:
            tip = self.tr("Draws the seats and deals: late seats until level {}.")
            self.start.setToolTip(tip.format(t.late_until))
        else:
            self.start.setToolTip(self.tr("Draws the seats and deals: nobody joins after."))
        self.blinds.setVisible(t is None)  # a tournament's levels set its blinds
        self.bomb.setVisible(bool(model.bomb_pot))
        called = model.bomb_next
        self.bomb.setText(self.tr("Call off the bomb pot") if called else self.tr("Bomb pot"))
        tip = self.tr("The next hand is a bomb pot: everyone puts in {}, no preflop betting")
        self.bomb.setToolTip("" if called else tip.format(model.bomb_pot))
        self.bots.setVisible(t is None or registering or t.late_registration)
        self.bots.setEnabled(bool(model.free_seats))
        self.pause.setText(self.tr("Resume") if model.paused else self.tr("Pause"))
        count = len(model.pending) + len(model.top_up_requests)
        self.requests.setText(
            self.tr("Requests ({})").format(count) if count else self.tr("Requests")
        )
        self.requests.setProperty("waiting", bool(count))
        self.requests.style().unpolish(self.requests)
        self.requests.style().polish(self.requests)
        self._fill_requests()

    def _fill_requests(self) -> None:
        """The requests menu, as the model has them now (its old actions are deleted)."""
        menu, send = self.requests.menu(), self.send
        menu.clear()
        for member in self.model.pending:
            let_in = menu.addAction(self.tr("Let {} in").format(member.name))
            let_in.triggered.connect(
                lambda _=False, m=member.member_id: send(client.Approve(member_id=m))
            )
            away = menu.addAction(self.tr("Turn {} away").format(member.name))
            away.triggered.connect(
                lambda _=False, m=member.member_id: send(client.Reject(member_id=m))
            )
            ban = menu.addAction(self.tr("Ban {}").format(member.name))
            ban.triggered.connect(
                lambda _=False, m=member.member_id: send(client.Kick(member_id=m, ban=True))
            )
        for member in self.model.top_up_requests:
            asked = chips(member.top_up_asked)
            give = menu.addAction(self.tr("Give {} {} chips").format(member.name, asked))
            give.triggered.connect(
                lambda _=False, m=member.member_id: send(client.ApproveTopUp(member_id=m))
            )
            refuse = menu.addAction(self.tr("Refuse {}'s top-up").format(member.name))
            refuse.triggered.connect(
                lambda _=False, m=member.member_id: send(client.RejectTopUp(member_id=m))
            )
        if menu.isEmpty():
            menu.addAction(self.tr("Nobody is waiting")).setEnabled(False)
