"""What a table remembers: the hand histories (replayed street by street on a small
table, and saved as PokerStars text or PHH) and the ledger (saved as CSV).

Both ask the host through `Ask` (a query and what to do with its answer), so
they show exactly what this member may see.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QStandardPaths
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.model import words
from desktop.model.state import SeatView
from desktop.model.table import TableModel
from desktop.ui.language import chips
from desktop.ui.table_view import TableView
from host_server.protocol import client, host
from host_server.protocol.shapes import Pot
from host_server.rules.deck import HOLE_CARDS
from host_server.views.ledger import to_csv
from host_server.views.replay import Moment, replay

Ask = Callable[[client.Query, Callable[[Any], None]], None]  # a query, what to do with its answer


def while_open(ask: Ask, dialog: QDialog) -> Ask:
    """`ask` for what `dialog` shows: an answer that comes after it was closed (and
    deleted) is dropped."""

    def asking(query: client.Query, then: Callable[[Any], None]) -> None:
        ask(query, lambda answer: then(answer) if shiboken6.isValid(dialog) else None)

    return asking


LEDGER_COLUMNS = (  # (translated as shown)
    ("name", QT_TRANSLATE_NOOP("LedgerDialog", "Player")),
    ("buy_ins", QT_TRANSLATE_NOOP("LedgerDialog", "Buy-ins")),
    ("top_ups", QT_TRANSLATE_NOOP("LedgerDialog", "Top-ups")),
    ("cashed_out", QT_TRANSLATE_NOOP("LedgerDialog", "Cashed out")),
    ("stack", QT_TRANSLATE_NOOP("LedgerDialog", "On the table")),
    ("in_pot", QT_TRANSLATE_NOOP("LedgerDialog", "In the pot")),
    ("balance", QT_TRANSLATE_NOOP("LedgerDialog", "Balance")),
    ("bounties", QT_TRANSLATE_NOOP("LedgerDialog", "7-2 bounties")),  # (in the net already)
    ("net", QT_TRANSLATE_NOOP("LedgerDialog", "Net")),
)
SIGNED = ("bounties", "net")
TOURNAMENT_TITLES = {  # a sit-and-go's ledger counts buy-ins and prizes, not chips
    "buy_ins": QT_TRANSLATE_NOOP("LedgerDialog", "Buy-in"),
    "top_ups": QT_TRANSLATE_NOOP("LedgerDialog", "Rebuys, add-on"),
    "cashed_out": QT_TRANSLATE_NOOP("LedgerDialog", "Prize"),
    "balance": QT_TRANSLATE_NOOP("LedgerDialog", "Not won yet"),
}
POOL = 0  # the member id of a tournament's prize pool row (host_server.views.ledger)


def documents(name: str) -> str:
    """A file name in the user's documents folder, or their home where there is none
    (a save dialog given a folder that does not exist opens in the working directory)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found and Path(found).is_dir() else Path.home()
    return str(folder / name)


class LedgerDialog(QDialog):
    def __init__(
        self, parent: QWidget, ask: Ask, table_name: str, *, tournament: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ledger · {}").format(table_name))
        self.resize(760, 480)
        self.tournament = tournament
        self.rows: list[dict[str, Any]] = []
        self.payments: list[dict[str, int]] = []
        self.grid = QTableWidget(0, len(LEDGER_COLUMNS))
        titles = {**dict(LEDGER_COLUMNS), **(TOURNAMENT_TITLES if tournament else {})}
        self.grid.setHorizontalHeaderLabels([self.tr(str(titles[k])) for k, _ in LEDGER_COLUMNS])
        self.grid.verticalHeader().setVisible(False)
        self.settle_title = QLabel(self.tr("To settle up"))
        self.settle = QTableWidget(0, 3)
        self.settle.setHorizontalHeaderLabels([self.tr("Pays"), self.tr("To"), self.tr("Amount")])
        self.settle.verticalHeader().setVisible(False)
        self.check = QLabel(self.tr("Asking the host…"))
        self.export = QPushButton(self.tr("Export CSV…"))
        self.export.setEnabled(False)
        self.export.clicked.connect(self._export)
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid, 2)
        layout.addWidget(self.settle_title)
        layout.addWidget(self.settle, 1)
        row = QHBoxLayout()
        row.addWidget(self.check, 1)
        row.addWidget(self.export)
        layout.addLayout(row)
        while_open(ask, self)(client.Ledger(), self.show_rows)

    def show_rows(self, answer: host.LedgerAnswer) -> None:
        self.rows = answer.rows
        self.grid.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, (key, _) in enumerate(LEDGER_COLUMNS):
                value = row.get(key, 0)  # (a host before the 7-2 game sends no bounties)
                if key == "name":
                    text = self._name(row)
                else:  # (chips, grouped as the player's language groups them)
                    text = ("+" if key in SIGNED and value > 0 else "") + chips(value)
                self.grid.setItem(r, c, QTableWidgetItem(text))
        bounties = [k for k, _ in LEDGER_COLUMNS].index("bounties")
        self.grid.setColumnHidden(bounties, not any(r.get("bounties") for r in self.rows))
        self.grid.resizeColumnsToContents()
        self._show_payments(answer.payments)
        brought = chips(sum(r["buy_ins"] + r["top_ups"] for r in self.rows))
        if self.tournament:
            self.check.setText(
                self.tr("{} paid in buy-ins; every one a prize or still in the pool.").format(
                    brought
                )
                if answer.balanced
                else self.tr("{} paid in buy-ins; the ledger does NOT balance.").format(brought)
            )
            self.export.setEnabled(bool(self.rows))
            return
        self.check.setText(
            self.tr("{} chips brought to the table; every one accounted for.").format(brought)
            if answer.balanced
            else self.tr("{} chips brought to the table; the ledger does NOT balance.").format(
                brought
            )
        )
        self.export.setEnabled(bool(self.rows))

    def _name(self, row: dict[str, Any]) -> str:
        """A row's name as the ledger shows it (a bot marked; a sit-and-go's pool)."""
        if self.tournament and row["member_id"] == POOL:
            return self.tr("Prize pool")
        name = str(row["name"])
        return self.tr("{} (bot)").format(name) if row["bot"] else name

    def _show_payments(self, payments: list[dict[str, int]]) -> None:
        """The fewest payments that square everyone (the host's settle-up)."""
        self.payments = payments
        names = {row["member_id"]: self._name(row) for row in self.rows}
        self.settle.setRowCount(len(payments))
        for r, payment in enumerate(payments):
            cells = (names[payment["payer"]], names[payment["payee"]], chips(payment["amount"]))
            for c, text in enumerate(cells):
                self.settle.setItem(r, c, QTableWidgetItem(text))
        self.settle.resizeColumnsToContents()
        self.settle_title.setText(
            self.tr("To settle up, in %n payment(s):", "", len(payments))
            if payments
            else self.tr("To settle up: nobody owes anybody anything.")
        )

    def save_csv(self, path: Path) -> None:
        path.write_text(to_csv(self.rows))

    def _export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the ledger"), documents("ledger.csv"), self.tr("CSV (*.csv)")
        )
        if name:
            self.save_csv(Path(name))


class HandsDialog(QDialog):
    """The hands this member may see; one of them replayed step by step on a small table."""

    def __init__(self, parent: QWidget, ask: Ask, table_name: str) -> None:
        super().__init__(parent)
        self.ask = ask  # (a file to save is written even if the dialog was closed)
        self.shown = while_open(ask, self)
        self.listed: list[dict[str, Any]] = []
        self.hand: host.HandAnswer | None = None
        self.moments: list[Moment] = []
        self.at = 0
        self.setWindowTitle(self.tr("Hand histories · {}").format(table_name))
        self.resize(1100, 640)
        self.hands = QListWidget()
        self.hands.setMaximumWidth(260)
        self.hands.currentRowChanged.connect(self._pick)
        self.model = TableModel()
        self.table = TableView(self.model)
        self.step_text = QLabel(self.tr("Pick a hand on the left."))
        self.back = QPushButton(self.tr("◀ Back"))
        self.forward = QPushButton(self.tr("Next ▶"))
        self.to_end = QPushButton(self.tr("Showdown ▶▶"))
        self.back.clicked.connect(lambda: self.go(self.at - 1))
        self.forward.clicked.connect(lambda: self.go(self.at + 1))
        self.to_end.clicked.connect(lambda: self.go(len(self.moments) - 1))
        self.next_street = QPushButton(self.tr("Street ▶"))
        self.next_street.clicked.connect(self._next_street)
        self.save_stars = QPushButton(self.tr("Save as PokerStars text…"))
        self.save_phh = QPushButton(self.tr("Save as PHH…"))
        self.save_all = QPushButton(self.tr("Save all my hands…"))
        self.save_all.clicked.connect(self._save_all)
        self.save_stars.clicked.connect(lambda: self._save("pokerstars", "txt"))
        self.save_phh.clicked.connect(lambda: self._save("phh", "phh"))
        controls = QHBoxLayout()
        for widget in (self.back, self.forward, self.next_street, self.to_end):
            controls.addWidget(widget)
        controls.addWidget(self.step_text, 1)
        controls.addWidget(self.save_stars)
        controls.addWidget(self.save_phh)
        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        right.addLayout(controls)
        left = QVBoxLayout()
        left.addWidget(self.hands, 1)
        left.addWidget(self.save_all)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        self._enable()
        self.shown(client.Hands(), self.show_list)

    def show_list(self, answer: host.HandsAnswer) -> None:
        self.listed = list(reversed(answer.hands))  # newest first
        self.hands.clear()
        for hand in self.listed:
            number, net, pot = hand["hand_no"], hand["net"], chips(hand["pot"])
            self.hands.addItem(
                self.tr("Hand #{}  ·  pot {}").format(number, pot)
                if net is None
                else self.tr("Hand #{}  {:+d}  ·  pot {}").format(number, net, pot)
            )
        if not self.listed:
            self.step_text.setText(self.tr("No hands you were dealt into yet."))

    def _pick(self, row: int) -> None:
        if 0 <= row < len(self.listed):
            self.shown(client.Hand(hand_no=self.listed[row]["hand_no"]), self.show_hand)

    def show_hand(self, answer: host.HandAnswer) -> None:
        self.hand = answer
        view = answer.hand
        self.moments = replay(view)
        model = self.model
        model.name, model.me, model.button = view["table_name"], view["viewer"], view["button"]
        model.small_blind, model.big_blind = view["small_blind"], view["big_blind"]
        model.seats_count = max(p["seat"] for p in view["players"])
        model.hand_no = view["hand_no"]
        self.go(0)

    def go(self, at: int) -> None:
        """Show the hand as it stood after step `at` (0: the deal)."""
        if not self.moments or not 0 <= at < len(self.moments):
            return
        assert self.hand is not None
        self.at = at
        moment, view = self.moments[at], self.hand.hand
        model = self.model
        model.seats = {}
        for p in view["players"]:
            seat = p["seat"]
            own = p["member_id"] == view["viewer"]  # one's own cards: from the deal on
            cards = (
                p["cards"]
                if own
                else moment.shown.get(seat)
                or (
                    p["cards"] if not p["shown"] else None  # (every card, for a host so told)
                )
            )
            folded = seat in moment.folded
            model.seats[seat] = SeatView(
                seat,
                p["member_id"],
                p["name"],
                moment.stacks[seat],
                moment.bets[seat],
                "folded" if folded else "playing",
                list(cards or []) if not folded or own else [],
                0 if cards or folded else HOLE_CARDS[view.get("variant", "nlhe")],
            )
        model.board, model.street = moment.board, moment.street
        model.second_board = moment.second_board
        shown_pot = moment.pot and not moment.final
        model.pots = [Pot(amount=moment.pot, seats=[])] if shown_pot else []
        model.winners = (
            {p["seat"]: p["net"] for p in view["players"] if p["net"] > 0} if moment.final else {}
        )
        self.step_text.setText(self._words(moment, view))
        self._enable()
        self.table.update()

    def _words(self, moment: Moment, view: dict[str, Any]) -> str:
        names = {p["seat"]: p["name"] for p in view["players"]}
        step = moment.step
        if moment.final:
            won = [f"{p['name']} +{p['net']}" for p in view["players"] if p["net"] > 0]
            return self.tr("Result: {}").format(", ".join(won))
        if step is None:
            return self.tr("Hand #{}: the deal").format(view["hand_no"])
        who = names.get(step.get("seat", 0), "")
        if step["kind"] == "player_acted":
            return words.acted(who, step["action"], step["amount"], False)
        return self._step_words(step, who, moment, names)

    @staticmethod
    def _step_words(step: dict[str, Any], who: str, moment: Moment, names: dict[int, str]) -> str:
        kind = step["kind"]
        if kind == "board_dealt" and step.get("run", 1) == 2:
            return words.second_board(step["street"], moment.second_board)
        if kind == "board_dealt":
            return words.board(step["street"], moment.board)
        if kind == "hand_shown":
            return words.shows(who, step["cards"])
        if kind == "run_twice_offered":
            return words.run_twice_asked([names.get(seat, "") for seat in step["seats"]])
        if kind == "run_twice_answered":
            return words.run_twice_answer(who, step["yes"])
        if kind == "runs_chosen":
            return words.runs(step["count"])
        if kind == "seven_deuce_paid":
            amounts = step["amounts"]
            return words.seven_deuce(who, step["cards"], -min(amounts), max(amounts))
        return words.mucks(who)

    def _next_street(self) -> None:
        """On to the next card dealt (or the showdown, when no more cards come)."""
        for at in range(self.at + 1, len(self.moments)):
            step = self.moments[at].step
            if step is not None and step["kind"] in ("board_dealt", "hand_shown"):
                self.go(at)
                return
        self.go(len(self.moments) - 1)

    def _enable(self) -> None:
        loaded = bool(self.moments)
        self.back.setEnabled(loaded and self.at > 0)
        self.forward.setEnabled(loaded and self.at < len(self.moments) - 1)
        self.next_street.setEnabled(loaded and self.at < len(self.moments) - 1)
        self.to_end.setEnabled(loaded and self.at < len(self.moments) - 1)
        self.save_stars.setEnabled(loaded)
        self.save_phh.setEnabled(loaded)

    def text(self, kind: str) -> str:
        """The hand as "pokerstars" text or as "phh"."""
        assert self.hand is not None
        return self.hand.pokerstars if kind == "pokerstars" else self.hand.phh

    def _save_all(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save every hand you may see"),
            documents("hands.txt"),
            self.tr("PokerStars text (*.txt)"),
        )
        if name:
            self.ask(client.Export(format="pokerstars"), lambda a: write(Path(name), a))

    def _save(self, kind: str, suffix: str) -> None:
        if self.hand is None:
            return
        default = f"hand-{self.hand.hand['hand_no']}.{suffix}"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the hand"), documents(default))
        if name:
            Path(name).write_text(self.text(kind))


def write(path: Path, answer: host.ExportAnswer) -> None:
    path.write_text(answer.text)
