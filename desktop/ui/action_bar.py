"""Fold, check/call, bet/raise with a slider and presets, and the pre-action boxes.

Shows what the model's `legal` allows; clicks (and the F, C, R, A and Enter
keys, wired by the table screen) come out as `act(action, amount)`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.model.table import TableModel

BUTTON_STYLE = """
ActionBar { background: #0d1117; }
QSpinBox { background: #161b22; color: #e6edf3; border: 1px solid #30363d; padding: 3px;
           font-size: 14px; }
QPushButton { font-size: 15px; font-weight: bold; padding: 10px 18px; border-radius: 8px;
              color: white; background: #2d333b; border: 1px solid #444c56; }
QPushButton:hover { background: #373e47; }
QPushButton:disabled { color: #6e7681; background: #22272e; }
QPushButton#fold { background: #8b2c2c; } QPushButton#call { background: #2f6f3e; }
QPushButton#raise { background: #9a6b12; }
QPushButton.preset { font-size: 12px; padding: 4px 8px; font-weight: normal; }
QCheckBox { color: #d0d7de; font-size: 13px; }
"""


class ActionBar(QWidget):
    act = Signal(str, object)  # action, amount (None when not needed)

    def __init__(self, model: TableModel) -> None:
        super().__init__()
        self.model = model
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(BUTTON_STYLE)
        self.fold = QPushButton("Fold")
        self.call = QPushButton("Check")
        self.bet_raise = QPushButton("Raise")  # (raise_ would hide QWidget.raise_)
        for button, name in ((self.fold, "fold"), (self.call, "call"), (self.bet_raise, "raise")):
            button.setObjectName(name)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.amount = QSpinBox()
        self.amount.setMaximum(10**9)
        self.amount.setMinimumWidth(90)
        self.presets = {
            label: QPushButton(label) for label in ("Min", "½ Pot", "¾ Pot", "Pot", "All-in")
        }
        self.check_fold = QCheckBox("Check/Fold")
        self.call_any = QCheckBox("Call any")

        buttons = QHBoxLayout()
        for widget in (self.fold, self.call, self.bet_raise):
            buttons.addWidget(widget)
        sizing = QHBoxLayout()
        for button in self.presets.values():
            button.setProperty("class", "preset")
            sizing.addWidget(button)
        sizing.addWidget(self.slider, 1)
        sizing.addWidget(self.amount)
        pre = QHBoxLayout()
        pre.addWidget(self.check_fold)
        pre.addWidget(self.call_any)
        pre.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(sizing)
        layout.addLayout(buttons)
        layout.addLayout(pre)

        self.fold.clicked.connect(lambda: self.act.emit("fold", None))
        self.call.clicked.connect(self.press_call)
        self.bet_raise.clicked.connect(self.press_raise)
        self.slider.valueChanged.connect(self.amount.setValue)
        self.amount.valueChanged.connect(self._amount_changed)
        for label, button in self.presets.items():
            button.clicked.connect(lambda _=False, label=label: self.preset(label))
        self.check_fold.toggled.connect(self._one_pre_action)
        self.call_any.toggled.connect(self._one_pre_action)
        self.refresh()

    def _one_pre_action(self, on: bool) -> None:
        """Check/Fold and Call any exclude each other."""
        if on:
            other = self.call_any if self.sender() is self.check_fold else self.check_fold
            other.setChecked(False)

    # --- what the buttons send -----------------------------------------------------

    def press_call(self) -> None:
        legal = self.model.legal
        if legal is not None:
            self.act.emit("call" if legal["call"] else "check", None)

    def press_raise(self) -> None:
        legal = self.model.legal
        limits = self._limits()
        if legal is None or limits is None:
            return
        value = self.amount.value()
        kind = "bet" if legal.get("bet") else "raise"
        self.act.emit(
            "all_in" if value >= limits[1] else kind, None if value >= limits[1] else value
        )

    def press_all_in(self) -> None:
        if self.model.legal is not None:
            self.act.emit("all_in", None)

    def preset(self, label: str) -> None:
        limits = self._limits()
        if limits is None:
            return
        low, high = limits
        legal = self.model.legal or {}
        mine = (
            self.model.seats[self.model.my_seat].bet
            if self.model.my_seat in self.model.seats
            else 0
        )
        pot_after_call = self.model.pot_total + int(legal.get("call", 0))
        fraction = {"½ Pot": 0.5, "¾ Pot": 0.75, "Pot": 1.0}.get(label)
        if label == "Min":
            value = low
        elif label == "All-in":
            value = high
        else:
            assert fraction is not None
            # A pot-sized raise: call, then raise by the pot as it would be after the call.
            value = mine + int(legal.get("call", 0)) + int(pot_after_call * fraction)
        self.amount.setValue(max(low, min(high, value)))

    def _limits(self) -> tuple[int, int] | None:
        legal = self.model.legal
        if not legal:
            return None
        sizing = legal.get("raise") or legal.get("bet")
        return (int(sizing["min"]), int(sizing["max"])) if sizing else None

    def _amount_changed(self, value: int) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(value)
        self.slider.blockSignals(False)
        self._label_raise()

    def _label_raise(self) -> None:
        legal = self.model.legal or {}
        limits = self._limits()
        word = "Bet" if legal.get("bet") else "Raise to"
        if limits and self.amount.value() >= limits[1]:
            self.bet_raise.setText(f"All-in {limits[1]:,}")
        else:
            self.bet_raise.setText(f"{word} {self.amount.value():,}")

    # --- following the table -----------------------------------------------------------

    def refresh(self) -> None:
        """Show what the model allows now; take a pre-action when the turn comes."""
        model = self.model
        seated = model.my_seat is not None
        self.setVisible(seated)
        mine = model.my_turn
        in_hand = (
            seated
            and model.street is not None
            and (
                model.seats[model.my_seat].status in ("playing", "acting")
                if model.my_seat
                else False
            )
        )
        legal = model.legal if mine else None
        self.fold.setEnabled(bool(legal and legal["fold"]))
        self.call.setEnabled(legal is not None)
        if legal is not None:
            self.call.setText(f"Call {legal['call']:,}" if legal["call"] else "Check")
        limits = self._limits() if mine else None
        for widget in (self.bet_raise, self.slider, self.amount, *self.presets.values()):
            widget.setEnabled(limits is not None)
        if limits is not None:
            low, high = limits
            self.slider.setRange(low, high)
            self.amount.setRange(low, high)
            self.amount.setValue(low)
            self._label_raise()
        self.check_fold.setVisible(in_hand and not mine)
        self.call_any.setVisible(in_hand and not mine)
        if legal is not None and (self.check_fold.isChecked() or self.call_any.isChecked()):
            self._pre_act(legal)

    def _pre_act(self, legal: dict[str, object]) -> None:
        if self.check_fold.isChecked():
            action = "check" if legal["check"] else "fold"
        else:
            action = "call" if legal["call"] else "check"
        self.check_fold.setChecked(False)
        self.call_any.setChecked(False)
        self.act.emit(action, None)
