"""Fold, check/call, bet/raise with a slider and presets, the pre-action boxes, and
sitting out (next hand) and back in.

Shows what the model's `legal` allows and forwards clicks (and the F, C, R, A and
Enter keys, wired by the table screen) as `act(action, amount)`; what a click
means is decided in `desktop.model.betting`. All-in by key takes a second press.
While the host cannot be reached, nothing here can be pressed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.model import betting
from desktop.model.betting import PreAction, Sizing
from desktop.model.table import TableModel
from desktop.ui import style
from desktop.ui.language import chips
from host_server.protocol.shapes import Legal
from host_server.rules.moves import Action

BUTTON_STYLE = """
QWidget { font-size: 13px; }
ActionBar { background: #0d1117; }
QSpinBox { background: #161b22; color: #e6edf3; border: 1px solid #30363d; padding: 3px;
           font-size: 14px; }
QPushButton { font-size: 15px; font-weight: bold; padding: 10px 18px; border-radius: 8px;
              color: white; background: #2d333b; border: 1px solid #444c56; }
QPushButton:hover { background: #373e47; }
QPushButton:disabled { color: #6e7681; background: #22272e; }
QPushButton#fold { background: #8b2c2c; } QPushButton#call { background: #2f6f3e; }
QPushButton#raise { background: #9a6b12; }
QPushButton#fold:disabled, QPushButton#call:disabled, QPushButton#raise:disabled {
    background: #22272e; color: #545d68; border-color: #30363d; }
QPushButton.preset { font-size: 12px; padding: 4px 8px; font-weight: normal; }
QCheckBox { color: #d0d7de; font-size: 13px; }
QPushButton#back { background: #1f6feb; font-size: 14px; padding: 6px 14px; }
"""
ARMED_FOR = 3000  # ms: an all-in key press waits this long for its second press


# The presets' buttons say, before translation (betting.PRESETS, in its order).
PRESET_WORDS = tuple(
    str(word)
    for word in (
        QT_TRANSLATE_NOOP("ActionBar", "Min"),
        QT_TRANSLATE_NOOP("ActionBar", "½ Pot"),
        QT_TRANSLATE_NOOP("ActionBar", "¾ Pot"),
        QT_TRANSLATE_NOOP("ActionBar", "Pot"),
        QT_TRANSLATE_NOOP("ActionBar", "All-in"),
    )
)


class ActionBar(QWidget):
    act = Signal(object, object)  # Action, amount (None when not needed)
    sit_out = Signal(bool)  # from the next hand (True), or back in (False)
    straddle = Signal(bool)  # an optional straddle: whenever under the gun (True), or not

    def __init__(self, model: TableModel) -> None:
        super().__init__()
        self.model = model
        self.sizing = Sizing()
        self.offline = False  # the host cannot be reached: nothing to press
        self.armed = QTimer(self, singleShot=True, interval=ARMED_FOR)  # all-in, once pressed
        self.armed.timeout.connect(self.refresh)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(BUTTON_STYLE)
        self.fold = QPushButton(self.tr("Fold"))
        self.call = QPushButton(self.tr("Check"))
        self.bet_raise = QPushButton(self.tr("Raise"))  # (raise_ would hide QWidget.raise_)
        for button, name in ((self.fold, "fold"), (self.call, "call"), (self.bet_raise, "raise")):
            button.setObjectName(name)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.amount = QSpinBox()
        self.amount.setMaximum(10**9)
        self.amount.setMinimumWidth(90)
        self.presets = {
            label: QPushButton(self.tr(word))
            for label, word in zip(betting.PRESETS, PRESET_WORDS, strict=True)
        }
        self.check_fold = QCheckBox(self.tr("Check/Fold"))
        self.call_any = QCheckBox(self.tr("Call any"))
        self.sit_out_next = QCheckBox(self.tr("Sit out next hand"))
        self.straddles = QCheckBox(self.tr("Straddle under the gun"))
        self.straddles.setToolTip(
            self.tr("Post twice the big blind before the cards whenever you are under the gun")
        )
        self.back = QPushButton(self.tr("Sitting out · I'm back"))
        self.back.setObjectName("back")
        for box in (self.check_fold, self.call_any, self.sit_out_next, self.straddles):
            lighter = box.palette()  # (the palette's base box is the bar's own colour)
            lighter.setColor(QPalette.ColorRole.Base, QColor("#30363d"))
            lighter.setColor(QPalette.ColorRole.Window, QColor("#8b949e"))  # its outline
            box.setPalette(lighter)
        for widget in (self.check_fold, self.call_any, self.back, self.sit_out_next):
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # the table does not jump as they come and go
            widget.setSizePolicy(policy)
        self.amount.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        self.amount.installEventFilter(self)  # Enter in the amount bets it
        self._lay_out()
        self.fold.clicked.connect(lambda: self.act.emit(Action.FOLD, None))
        self.call.clicked.connect(self.press_call)
        self.bet_raise.clicked.connect(self.press_raise)
        self.slider.valueChanged.connect(self.amount.setValue)
        self.amount.valueChanged.connect(self._amount_changed)
        for label, button in self.presets.items():
            button.clicked.connect(lambda _=False, label=label: self.preset(label))
        self.check_fold.toggled.connect(self._one_pre_action)
        self.call_any.toggled.connect(self._one_pre_action)
        self.sit_out_next.clicked.connect(lambda ticked: self.sit_out.emit(ticked))
        self.straddles.clicked.connect(lambda ticked: self.straddle.emit(ticked))
        self.back.clicked.connect(lambda: self.sit_out.emit(False))
        self.refresh()

    def rescale(self, factor: float) -> None:
        self.setStyleSheet(style.scaled(BUTTON_STYLE, factor))
        self.amount.setMinimumWidth(round(90 * factor))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        enter = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.amount and isinstance(event, QKeyEvent) and event.key() in enter:
            if event.type() == QEvent.Type.KeyPress:
                self.amount.interpretText()
                self.press_raise()
            return True
        return super().eventFilter(watched, event)

    def _lay_out(self) -> None:
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
        pre.addWidget(self.back)
        pre.addWidget(self.straddles)
        pre.addWidget(self.sit_out_next)
        layout = QVBoxLayout(self)
        layout.addLayout(sizing)
        layout.addLayout(buttons)
        layout.addLayout(pre)

    def _one_pre_action(self, on: bool) -> None:
        """Check/Fold and Call any exclude each other."""
        if on:
            other = self.call_any if self.sender() is self.check_fold else self.check_fold
            other.setChecked(False)

    @property
    def pre_action(self) -> PreAction:
        if self.check_fold.isChecked():
            return PreAction.CHECK_FOLD
        return PreAction.CALL_ANY if self.call_any.isChecked() else PreAction.NONE

    # --- what the buttons send -----------------------------------------------------

    def press_call(self) -> None:
        legal = self.model.legal
        if legal is not None:
            self.act.emit(betting.call_or_check(legal), None)

    def press_raise(self) -> None:
        legal = self.model.legal
        if legal is None or betting.limits(legal) is None:
            return
        self.act.emit(*betting.bet_or_raise(legal, self.amount.value(), self._everything()))

    def _everything(self) -> int:
        """My stack and my bet in front: what all-in puts in."""
        seat = self.model.mine
        return seat.stack + seat.bet if seat is not None else 0

    def press_all_in(self) -> None:
        """The A key: a first press asks (the raise button says so), a second goes all-in
        (at pot-limit, only where the pot is as big as the stack)."""
        legal, top = self.model.legal, betting.limits(self.model.legal)
        if legal is None or self.offline:
            return
        if top is not None and not betting.all_in(legal, top[1], self._everything()):
            return
        if not self.armed.isActive():
            self.armed.start()
            self.bet_raise.setText(self.tr("All-in? Press A again"))
            return
        self.armed.stop()
        self.act.emit(Action.ALL_IN, None)

    def preset(self, label: str) -> None:
        legal, model = self.model.legal, self.model
        if legal is None or betting.limits(legal) is None:
            return
        mine = model.seats[model.my_seat].bet if model.my_seat in model.seats else 0
        self.amount.setValue(betting.preset(label, legal, model.pot_total, mine))

    def _amount_changed(self, value: int) -> None:
        self.sizing.choose(value)
        self.slider.blockSignals(True)
        self.slider.setValue(value)
        self.slider.blockSignals(False)
        self._label_raise()

    def _label_raise(self) -> None:
        legal = self.model.legal
        limits = betting.limits(legal)
        betting_now = legal is not None and legal.bet is not None
        if limits and legal and betting.all_in(legal, self.amount.value(), self._everything()):
            self.bet_raise.setText(self.tr("All-in {}").format(chips(limits[1])))
        elif betting_now:
            self.bet_raise.setText(self.tr("Bet {}").format(chips(self.amount.value())))
        else:
            self.bet_raise.setText(self.tr("Raise to {}").format(chips(self.amount.value())))

    # --- following the table -----------------------------------------------------------

    def refresh(self) -> None:
        """Show what the model allows now; take a pre-action when the turn comes."""
        model = self.model
        seat = model.mine
        self.setVisible(seat is not None)
        mine = model.my_turn and not self.offline
        legal = model.legal if mine else None
        self.fold.setEnabled(bool(legal and legal.fold))
        self.call.setEnabled(legal is not None)
        self.call.setText(self._call_words(legal))
        limits = self.sizing.follow(legal, (model.hand_no, model.decision)) if mine else None
        for widget in (self.bet_raise, self.slider, self.amount, *self.presets.values()):
            widget.setEnabled(limits is not None)
        self.presets["All-in"].setVisible(model.variant != "plo")  # (pot-limit: Pot is the top)
        # No turn, no amount: the box is blank rather than showing the last one.
        self.amount.setSpecialValueText("" if limits is not None else " ")
        if limits is not None:
            low, high = limits
            kept = self.sizing.amount
            step = max(1, model.small_blind)  # the slider moves in small blinds
            self.slider.setRange(low, high)
            self.slider.setSingleStep(step)
            self.slider.setPageStep(step * 5)
            self.amount.setRange(low, high)
            self.amount.setSingleStep(step)
            self.amount.setValue(kept)
            self._label_raise()
        else:
            self.bet_raise.setText(self.tr("Raise"))  # no stale amount between turns
            for widget in (self.amount, self.slider):
                widget.blockSignals(True)
                widget.setRange(0, 0)
                widget.blockSignals(False)
        waiting = model.in_hand and not model.my_turn and not self.offline
        self.check_fold.setVisible(waiting)
        self.call_any.setVisible(waiting)
        out = seat is not None and seat.sitting_out
        playing_on = out and model.in_hand  # sat out from the next hand: this one plays out
        self.back.setVisible(out and not playing_on and not self.offline)
        busted = out and seat is not None and seat.stack == 0  # back in by a rebuy only
        self.back.setText(
            self.tr("Busted · Rebuy…") if busted else self.tr("Sitting out · I'm back")
        )
        self.sit_out_next.setVisible((not out or playing_on) and not self.offline)
        self.sit_out_next.setChecked(playing_on)  # (unticked in the hand: dealt in after all)
        optional = model.straddle == "optional" and seat is not None and not self.offline
        self.straddles.setVisible(optional)
        self.straddles.setChecked(model.straddles)
        if legal is not None:
            action = betting.pre_action(self.pre_action, legal)
            if action is not None:
                self.check_fold.setChecked(False)
                self.call_any.setChecked(False)
                self.act.emit(action, None)

    def _call_words(self, legal: Legal | None) -> str:
        if legal is None:
            return self.tr("Check / Call")
        return self.tr("Call {}").format(chips(legal.call)) if legal.call else self.tr("Check")
