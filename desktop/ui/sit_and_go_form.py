"""The host form's sit-and-go fields: a preset and what the host changes in it (the
buy-in, the first blinds, the stack, the level clock, breaks, late registration,
rebuys and an add-on, antes, payouts, or levels typed one a line), and which field a
refusal is about."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from host_server.table.tournament import MAX_LEVELS, PRESETS, levels_text, preset_levels

PRESET_WORDS = {  # (translated as shown)
    "turbo": QT_TRANSLATE_NOOP("SitAndGoForm", "Turbo: {} minutes a level, {} big blinds to start"),
    "regular": QT_TRANSLATE_NOOP(
        "SitAndGoForm", "Regular: {} minutes a level, {} big blinds to start"
    ),
    "deep": QT_TRANSLATE_NOOP("SitAndGoForm", "Deep: {} minutes a level, {} big blinds to start"),
}
SHOWN_LEVELS = 6  # of a preset's, as the levels box's hint


def _spin(
    low: int, high: int, value: object, none: str = "", prefix: str = "", suffix: str = ""
) -> QSpinBox:
    """A whole-number field; at `low` it says `none` in words ("No breaks")."""
    box = QSpinBox(minimum=low, maximum=high, value=int(str(value)))
    box.setSpecialValueText(none)
    box.setPrefix(prefix)
    box.setSuffix(suffix)
    return box


def _side_by_side(*fields: QWidget) -> QWidget:
    row = QWidget()
    row.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for field in fields:
        layout.addWidget(field, 1)
    return row


class SitAndGoForm(QObject):
    """The fields (the dialog lays them out), their values, and the widget each of the
    host's rules answers to."""

    def __init__(self, parent: QWidget, d: dict[str, Any]) -> None:
        super().__init__(parent)
        self.preset = QComboBox()
        for key, (minutes, big_blinds) in PRESETS.items():
            self.preset.addItem(
                self.tr(str(PRESET_WORDS[key])).format(f"{minutes:g}", big_blinds), key
            )
        self.preset.setCurrentIndex(max(0, self.preset.findData(d["preset"])))
        self.buy_in = _spin(0, 10**9, d["buy_in"])
        self.buy_in.setToolTip(self.tr("What each player pays in, in the ledger's units"))
        self.first_small = _spin(1, 10**6, d["first_small_blind"], prefix=self.tr("small blind "))
        self.stack = _spin(1, 10**9, d["starting_stack"], suffix=self.tr(" chips"))
        self._rule_fields(d)
        self.levels = QPlainTextEdit(str(d["levels"]))
        self.levels.setTabChangesFocus(True)  # (Tab moves on, as in every other field)
        self.levels.setFixedHeight(3 * self.levels.fontMetrics().lineSpacing() + 12)
        self.payouts = QLineEdit(str(d["payouts"]))
        self.payouts.setPlaceholderText(
            self.tr("By the number of players (or type, e.g. 50, 30, 20)")
        )
        for signal in (self.preset.currentIndexChanged, self.first_small.valueChanged):
            signal.connect(self._preset_chosen)
        for box in (self.hands, self.break_every, self.ante_from, self.rebuy_until):
            box.valueChanged.connect(self._follow)
        self._follow()

        self._rows = [
            (self.tr("Structure"), self.preset),
            (self.tr("Buy-in"), self.buy_in),
            (self.tr("First blinds"), self.first_small),
            (self.tr("Starting stack"), self.stack),
            (self.tr("Level length"), _side_by_side(self.minutes, self.hands)),
            (self.tr("Breaks"), _side_by_side(self.break_every, self.break_minutes)),
            (self.tr("Late registration"), self.late_until),
            (self.tr("Rebuys"), _side_by_side(self.rebuy_until, self.add_on)),
            (self.tr("Antes"), self.ante_from),
            (self.tr("Own levels"), self.levels),
            (self.tr("Payouts (%)"), self.payouts),
        ]

    def _rule_fields(self, d: dict[str, Any]) -> None:
        """The host's rules: the level clock, breaks, late seats, rebuys, antes."""
        self.minutes = QDoubleSpinBox(minimum=0.1, maximum=240, value=float(d["level_minutes"]))
        self.minutes.setDecimals(1)
        self.minutes.setSuffix(self.tr(" min"))
        self.hands = _spin(
            0, 1000, d["hands_per_level"], self.tr("not by hands"), "", self.tr(" hands")
        )
        self.hands.setToolTip(self.tr("A level lasts this many hands instead of its minutes"))
        self.break_every = _spin(
            0, MAX_LEVELS, d["break_every"], self.tr("No breaks"), self.tr("after every "),
            self.tr(" levels"),
        )  # fmt: skip
        self.break_minutes = QDoubleSpinBox(
            minimum=0.1, maximum=120, value=float(d["break_minutes"]), suffix=self.tr(" min")
        )
        self.break_minutes.setPrefix(self.tr("for "))
        self.break_minutes.setDecimals(1)
        until = self.tr("until level ")
        self.late_until = _spin(0, MAX_LEVELS, d["late_until"], self.tr("No late seats"), until)
        self.rebuy_until = _spin(0, MAX_LEVELS, d["rebuy_until"], self.tr("No rebuys"), until)
        self.rebuy_until.setToolTip(
            self.tr("A player at or below the starting stack may buy in again until then")
        )
        self.add_on = _spin(
            0, 10**9, d["add_on"], self.tr("No add-on"), self.tr("add-on "), self.tr(" chips")
        )
        self.add_on.setSingleStep(100)
        self.add_on.setToolTip(
            self.tr("Once each, for one more buy-in, in the last level of rebuys")
        )
        self.ante_from = _spin(
            0, MAX_LEVELS, d["ante_from"], self.tr("No antes"), self.tr("from level ")
        )

    def rows(self) -> list[tuple[str, QWidget]]:
        """(label, widget) for each of the form's rows (two fields share some)."""
        return list(self._rows)

    def _preset_chosen(self) -> None:
        """A preset brings its own minutes and starting stack (in its big blinds)."""
        minutes, big_blinds = PRESETS[str(self.preset.currentData())]
        self.minutes.setValue(minutes)
        self.stack.setValue(big_blinds * 2 * self.first_small.value())
        self._follow()

    def _follow(self) -> None:
        """What does not count under the rules chosen is greyed; the levels box hints at
        the preset's own levels (empty: those)."""
        self.minutes.setEnabled(self.hands.value() == 0)
        self.break_minutes.setEnabled(self.break_every.value() > 0)
        self.add_on.setEnabled(self.rebuy_until.value() > 0)
        chosen = preset_levels(
            str(self.preset.currentData()), self.first_small.value(), self.ante_from.value()
        )
        hint = levels_text(chosen[:SHOWN_LEVELS])
        self.levels.setPlaceholderText(
            self.tr("Empty: the structure's own, a level a line:") + f"\n{hint}\n…"
        )

    def values(self) -> dict[str, Any]:
        return {
            "preset": self.preset.currentData(),
            "buy_in": self.buy_in.value(),
            "first_small_blind": self.first_small.value(),
            "starting_stack": self.stack.value(),
            "level_minutes": self.minutes.value(),
            "hands_per_level": self.hands.value(),
            "break_every": self.break_every.value(),
            "break_minutes": self.break_minutes.value(),
            "late_until": self.late_until.value(),
            "rebuy_until": self.rebuy_until.value(),
            "add_on": self.add_on.value() if self.rebuy_until.value() else 0,
            "ante_from": self.ante_from.value(),
            "levels": self.levels.toPlainText().strip(),
            "payouts": self.payouts.text().strip(),
        }

    def widget_for(self, field: str) -> QWidget | None:
        """The field a refusal names (`SettingsError.field`), if it is one of these."""
        levels = self.levels if self.levels.toPlainText().strip() else self.first_small
        return {
            "preset": self.preset, "buy_in": self.buy_in, "starting_stack": self.stack,
            "payouts": self.payouts, "levels": levels, "hands_per_level": self.hands,
            "break_every": self.break_every, "break_minutes": self.break_minutes,
            "late_until": self.late_until, "ante_from": self.ante_from,
            "rebuy_until": self.rebuy_until, "add_on": self.add_on,
        }.get(field)  # fmt: skip

    def row_widgets(self) -> list[QWidget]:
        return [widget for _, widget in self._rows]

    def fields(self) -> list[QWidget]:
        """Every field a refusal can outline."""
        return [
            self.preset, self.buy_in, self.first_small, self.stack, self.minutes, self.hands,
            self.break_every, self.break_minutes, self.late_until, self.rebuy_until,
            self.add_on, self.ante_from, self.levels, self.payouts,
        ]  # fmt: skip
