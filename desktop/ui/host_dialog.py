"""The host form: a table's settings, checked field by field before the dialog
closes (what it lets through can make a table)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.hosting.local_state import HOST_FORM, table_settings
from desktop.ui import refusals
from desktop.ui.dialogs import ok_cancel
from desktop.ui.sit_and_go_form import SitAndGoForm
from host_server.errors import SettingsError
from host_server.table.settings import STRADDLES, VARIANTS

CASH, SIT_AND_GO = "cash", "sit_and_go"  # the form's games


class HostDialog(QDialog):
    """The table's settings, checked field by field before the dialog closes: what it
    lets through can make a table."""

    def __init__(self, parent: QWidget, defaults: dict[str, Any]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Host a table"))
        name = str(defaults["name"])  # (the form's own default, in the player's words)
        name = self.tr("Home game") if name == HOST_FORM["name"] else name
        self.name = QLineEdit(name, maxLength=60)
        self.seats = QSpinBox(minimum=2, maximum=10, value=int(defaults["seats"]))
        self.small = QSpinBox(minimum=1, maximum=10**6, value=int(defaults["small_blind"]))
        self.big = QSpinBox(minimum=1, maximum=10**6, value=int(defaults["big_blind"]))
        self.ante = QSpinBox(minimum=0, maximum=10**6, value=int(defaults["ante"]))
        self.min_buy = QSpinBox(minimum=1, maximum=10**9, value=int(defaults["min_buy_in"]))
        self.max_buy = QSpinBox(minimum=1, maximum=10**9, value=int(defaults["max_buy_in"]))
        self.straddle = self._straddles(defaults)
        self._home_game(defaults)
        self.clock = QDoubleSpinBox(
            minimum=5, maximum=600, value=float(defaults["action_seconds"]), suffix=" s"
        )
        self._switches(defaults)
        self.game = self._games(defaults)
        self.variant = self._variants(defaults)
        self.tournament = SitAndGoForm(self, {**HOST_FORM, **defaults})
        self.error = QLabel("", wordWrap=True)
        self.error.setObjectName("error")
        table, self.form = QFormLayout(), QFormLayout()  # the table; its game
        first: tuple[tuple[str, QWidget], ...] = (
            (self.tr("Table name"), self.name),
            (self.tr("Game"), self.game),
            (self.tr("Poker"), self.variant),
            (self.tr("Seats"), self.seats),
            (self.tr("Action clock"), self.clock),
        )
        for label, widget in first:
            table.addRow(label, widget)
        for switch in (self.auto, self.spectators, self.reveal, self.internet, self.announce):
            table.addRow(switch)
        self._game_rows()
        columns = QHBoxLayout()
        columns.addLayout(table)
        columns.addSpacing(24)
        columns.addLayout(self.form)
        page = QVBoxLayout(self)
        page.addLayout(columns)
        page.addWidget(
            QLabel(self.tr("You take a seat at your table like everyone else: click one."))
        )
        page.addWidget(self.error)
        buttons = ok_cancel(self)
        buttons.accepted.disconnect()
        buttons.accepted.connect(self._check)
        page.addWidget(buttons)
        self._show_game()
        self._show_variant()

    def _game_rows(self) -> None:
        """The game's column: a sit-and-go's structure, or a cash game's stakes and options."""
        for label, field in (
            *self.tournament.rows(),
            (self.tr("Small blind"), self.small),
            (self.tr("Big blind"), self.big),
            (self.tr("Ante"), self.ante),
            (self.tr("Straddle"), self.straddle),
            (self.tr("Minimum buy-in"), self.min_buy),
            (self.tr("Maximum buy-in"), self.max_buy),
            ("", self.top_ups),
            (self.tr("Bomb pot"), self.bomb),
            (self.tr("Bomb pot every"), self.bomb_every),
            (self.tr("7-2 game bounty"), self.seven_deuce),
            ("", self.run_twice),
        ):
            self.form.addRow(label, field)

    def _games(self, defaults: dict[str, Any]) -> QComboBox:
        choice = QComboBox()
        choice.addItem(self.tr("Cash game"), CASH)
        choice.addItem(self.tr("Sit-and-go tournament"), SIT_AND_GO)
        choice.setCurrentIndex(max(0, choice.findData(defaults.get("game", CASH))))
        choice.currentIndexChanged.connect(self._show_game)
        return choice

    def _variants(self, defaults: dict[str, Any]) -> QComboBox:
        choice = QComboBox()
        for text, value in zip(
            (self.tr("No-Limit Hold'em"), self.tr("Pot-Limit Omaha")), VARIANTS, strict=True
        ):
            choice.addItem(text, value)
        choice.setCurrentIndex(max(0, choice.findData(defaults.get("variant"))))
        choice.currentIndexChanged.connect(self._show_variant)
        return choice

    def _show_variant(self) -> None:
        """The 7-2 game is Hold'em's: at Omaha its row is off (and not asked for)."""
        holdem = self.variant.currentData() == "nlhe"
        self.seven_deuce.setEnabled(holdem)
        self.seven_deuce.setToolTip(
            self.tr("A pot won with 7-2 collects this from every other player dealt in")
            if holdem
            else self.tr("The 7-2 game is played at Hold'em")
        )

    def _straddles(self, defaults: dict[str, Any]) -> QComboBox:
        choice = QComboBox()
        words = (
            self.tr("No straddle"),
            self.tr("Optional: under the gun, by choice"),
            self.tr("Mandatory: after the big blind, twice it"),
        )
        for text, value in zip(words, STRADDLES, strict=True):  # off, optional, mandatory
            choice.addItem(text, value)
        choice.setCurrentIndex(max(0, choice.findData(defaults.get("straddle"))))
        return choice

    def _home_game(self, defaults: dict[str, Any]) -> None:
        """A cash game's bomb pots and the 7-2 game: 0 is none (the spin box says so)."""
        self.bomb = QSpinBox(minimum=0, maximum=10**9, value=int(defaults["bomb_pot"]))
        self.bomb.setSpecialValueText(self.tr("None"))
        self.bomb.setToolTip(self.tr("What each player puts in; no preflop betting"))
        every = int(defaults["bomb_pot_every"])
        self.bomb_every = QSpinBox(minimum=0, maximum=1000, value=every)
        self.bomb_every.setSuffix(self.tr(" hands"))
        self.bomb_every.setSpecialValueText(self.tr("When I call one"))
        self.seven_deuce = QSpinBox(minimum=0, maximum=10**9, value=int(defaults["seven_deuce"]))
        self.seven_deuce.setSpecialValueText(self.tr("Not played"))
        self.run_twice = QCheckBox(self.tr("Offer to run it twice when all in"))
        self.run_twice.setChecked(bool(defaults["run_it_twice"]))

    def _switches(self, defaults: dict[str, Any]) -> None:
        self.auto = QCheckBox(self.tr("Let anyone with the invite in (no approval)"))
        self.auto.setChecked(bool(defaults["auto_approve"]))
        self.spectators = QCheckBox(self.tr("Allow spectators"))
        self.spectators.setChecked(bool(defaults["allow_spectators"]))
        self.top_ups = QCheckBox(self.tr("Approve each rebuy and top-up"))
        self.top_ups.setChecked(bool(defaults.get("approve_top_ups", False)))
        self.reveal = QCheckBox(
            self.tr("Show me every hole card in the hand histories (players are told)")
        )
        self.reveal.setChecked(bool(defaults.get("reveal_hands_to_host", False)))
        self.internet = QCheckBox(
            self.tr("Friends on the internet may join (asks your router for the port)")
        )
        self.internet.setChecked(bool(defaults.get("internet", True)))
        self.announce = QCheckBox(self.tr("Players on your network see it in their list"))
        self.announce.setChecked(bool(defaults.get("announce", True)))

    @property
    def sit_and_go(self) -> bool:
        return bool(self.game.currentData() == SIT_AND_GO)

    def _show_game(self) -> None:
        """A cash game's blinds and buy-ins, or a sit-and-go's structure: never both."""
        tournament = tuple(self.tournament.row_widgets())
        cash: tuple[QWidget, ...] = (
            self.small, self.big, self.ante, self.straddle, self.min_buy, self.max_buy,
            self.top_ups, self.bomb, self.bomb_every, self.seven_deuce, self.run_twice,
        )  # fmt: skip
        for widget in (*tournament, *cash):
            self.form.setRowVisible(widget, self.sit_and_go == (widget in tournament))
        self.adjustSize()

    def problems(self) -> list[tuple[QWidget, str]]:
        """What is wrong, field by field (nothing: the table can be made)."""
        if self.sit_and_go:
            return self._tournament_problems()
        small, big, ante = self.small.value(), self.big.value(), self.ante.value()
        low, high = self.min_buy.value(), self.max_buy.value()
        found: list[tuple[QWidget, str]] = []
        if not self.name.text().strip():
            found.append((self.name, self.tr("The table needs a name.")))
        if small > big:
            found.append(
                (
                    self.big,
                    self.tr("The big blind must be at least the small blind ({}).").format(small),
                )
            )
        if ante > big:
            found.append(
                (self.ante, self.tr("The ante is at most the big blind ({}).").format(big))
            )
        if low < big:
            found.append(
                (
                    self.min_buy,
                    self.tr("The minimum buy-in is at least the big blind ({}).").format(big),
                )
            )
        if high < low:
            found.append(
                (
                    self.max_buy,
                    self.tr("The maximum buy-in is at least the minimum ({}).").format(low),
                )
            )
        found += self._home_game_problems()
        if not found:
            try:
                table_settings(self.values())
            except SettingsError as error:
                found.append((self.name, refusals.said(error.message)))
        return found

    def _home_game_problems(self) -> list[tuple[QWidget, str]]:
        high, found = self.max_buy.value(), list[tuple[QWidget, str]]()
        for box, words in (
            (self.bomb, self.tr("A bomb pot is at most the maximum buy-in ({}).")),
            (self.seven_deuce, self.tr("The 7-2 bounty is at most the maximum buy-in ({}).")),
        ):
            if box.isEnabled() and box.value() > high:
                found.append((box, words.format(high)))
        if self.bomb_every.value() and not self.bomb.value():
            found.append((self.bomb, self.tr("Say what each player puts in a bomb pot.")))
        return found

    def _tournament_problems(self) -> list[tuple[QWidget, str]]:
        if not self.name.text().strip():
            return [(self.name, self.tr("The table needs a name."))]
        try:
            table_settings(self.values())
        except SettingsError as error:
            at = self.tournament.widget_for(error.field or "") or self.name
            return [(at, refusals.said(error.message))]
        return []

    def _check(self) -> None:
        found = self.problems()
        fields: tuple[QWidget, ...] = (self.name, self.big, self.ante, self.min_buy, self.max_buy)
        fields += (self.bomb, self.seven_deuce)
        for widget in (*fields, *self.tournament.fields()):
            widget.setProperty("error", any(w is widget for w, _ in found))
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.error.setText(" ".join(words for _, words in found))
        if found:
            found[0][0].setFocus()
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "seats": self.seats.value(),
            "small_blind": self.small.value(),
            "big_blind": self.big.value(),
            "ante": self.ante.value(),
            "min_buy_in": self.min_buy.value(),
            "max_buy_in": self.max_buy.value(),
            "action_seconds": self.clock.value(),
            "auto_approve": self.auto.isChecked(),
            "allow_spectators": self.spectators.isChecked(),
            "approve_top_ups": self.top_ups.isChecked(),
            "reveal_hands_to_host": self.reveal.isChecked(),
            "variant": self.variant.currentData(),
            "straddle": self.straddle.currentData(),
            "bomb_pot": self.bomb.value(),
            "bomb_pot_every": self.bomb_every.value(),
            "seven_deuce": self.seven_deuce.value() if self.seven_deuce.isEnabled() else 0,
            "run_it_twice": self.run_twice.isChecked(),
            "internet": self.internet.isChecked(),
            "announce": self.announce.isChecked(),
            "game": self.game.currentData(),
            **self.tournament.values(),
        }
