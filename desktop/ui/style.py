"""One look for every window and dialog: Qt's Fusion style with a dark palette like the
table's, and a few rules on top (a field the host form refuses is outlined in red).

The table draws itself to its size; the widgets around it (the bar, the log, the
buttons) follow through `scaled` style sheets, so a 2560x1440 window is not a big
table framed by tiny print."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

INK, PAPER, RAISED, EDGE = "#e6edf3", "#0d1117", "#161b22", "#30363d"

TOP_BAR = """
QWidget { font-size: 13px; }
QWidget#bar { background: #0d1117; }
QLabel { color: #d0d7de; font-size: 14px; }
QLabel#title { font-size: 17px; font-weight: bold; color: #f0f6fc; }
QLabel#reach { font-size: 12px; color: #9aa4b2; }
QLabel#reach[tone="good"] { color: #7ee2a8; }
QLabel#reach[tone="bad"] { color: #f0b36a; }
QToolButton, QPushButton { color: #e6edf3; background: #21262d; border: 1px solid #30363d;
                           border-radius: 6px; padding: 5px 10px; font-size: 13px; }
QToolButton#requests[waiting="true"] { background: #b62324; border-color: #f85149;
                                       font-weight: bold; }
QLineEdit { background: #161b22; color: #8b949e; border: 1px solid #30363d; padding: 3px; }
"""
ACCENT, MUTED, ALARM = "#2f81f7", "#8b949e", "#f85149"

SHEET = f"""
QDialog, QMessageBox {{ background: {RAISED}; }}
QLabel {{ color: {INK}; }}
QLabel#error {{ color: #ffa198; font-weight: bold; }}
QLineEdit, QSpinBox, QDoubleSpinBox, QComboBox, QPlainTextEdit {{
    background: {PAPER}; color: {INK}; border: 1px solid {EDGE}; border-radius: 4px;
    padding: 4px; selection-background-color: {ACCENT};
}}
QLineEdit[error="true"], QSpinBox[error="true"], QDoubleSpinBox[error="true"],
QComboBox[error="true"], QPlainTextEdit[error="true"] {{ border: 2px solid {ALARM}; }}
QSpinBox::up-button, QSpinBox::down-button,
QDoubleSpinBox::up-button, QDoubleSpinBox::down-button {{ width: 18px; }}
QPushButton {{ color: {INK}; background: #21262d; border: 1px solid {EDGE};
               border-radius: 6px; padding: 6px 14px; }}
QPushButton:hover {{ background: #2d333b; }}
QPushButton:disabled {{ color: #6e7681; background: #161b22; }}
QPushButton:default {{ border-color: {ACCENT}; }}
QCheckBox {{ color: {INK}; }}
QListWidget, QTableWidget, QTreeView, QListView {{
    background: {PAPER}; color: {INK}; border: 1px solid {EDGE};
    alternate-background-color: {RAISED};
}}
QHeaderView::section {{ background: {RAISED}; color: {INK}; border: 1px solid {EDGE};
                        padding: 4px; }}
QMenuBar {{ background: {PAPER}; color: {INK}; }}
QMenuBar::item:selected, QMenu::item:selected {{ background: {ACCENT}; color: white; }}
QMenu {{ background: {RAISED}; color: {INK}; border: 1px solid {EDGE}; }}
QMenu::item:disabled {{ color: #6e7681; }}
QToolTip {{ background: {RAISED}; color: {INK}; border: 1px solid {EDGE}; }}
"""


def palette() -> QPalette:
    colours = {
        QPalette.ColorRole.Window: RAISED,
        QPalette.ColorRole.WindowText: INK,
        QPalette.ColorRole.Base: PAPER,
        QPalette.ColorRole.AlternateBase: RAISED,
        QPalette.ColorRole.Text: INK,
        QPalette.ColorRole.Button: "#21262d",
        QPalette.ColorRole.ButtonText: INK,
        QPalette.ColorRole.ToolTipBase: RAISED,
        QPalette.ColorRole.ToolTipText: INK,
        QPalette.ColorRole.PlaceholderText: MUTED,
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: ACCENT,
    }
    found = QPalette()
    for role, colour in colours.items():
        found.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        found.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6e7681"))
    return found


def apply() -> None:
    """The look, for the whole application (every dialog included)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "the app's QApplication comes first"
    app.setStyle("Fusion")
    app.setPalette(palette())
    app.setStyleSheet(SHEET)


BASE = (1280, 760)  # the window's size (less its menu bar) that the sheets are written for
PIXELS = re.compile(r"(\d+(?:\.\d+)?)px")


def scale_for(width: int, height: int) -> float:
    """How much larger than at 1280x800 to draw: 1 up to that size, 2 at most, in
    quarter steps (so a resize restyles a handful of times, not on every pixel)."""
    factor = min(width / BASE[0], height / BASE[1])
    return max(1.0, min(2.0, round(factor * 4) / 4))


def scaled(sheet: str, factor: float) -> str:
    """`sheet` with every length in pixels (fonts, padding, radii) times `factor`."""
    return PIXELS.sub(lambda m: f"{round(float(m[1]) * factor)}px", sheet)
