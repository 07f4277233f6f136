"""The language Felt speaks: German through Qt's translators, chosen in the options for
the next start; every string of the translated screens goes through Qt's translation
functions (a test fails on one that does not); and the .ts sources are complete, up to
date with the code and compiled into the .qm files the app loads."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from desktop import resources
from desktop.hosting.local_state import Settings
from desktop.ui import language
from desktop.ui.host_dialog import HostDialog
from desktop.ui.reach_label import ReachLabel
from host_server.net.mapping import Reachability, Status
from host_server.protocol import client
from tests.support.person import LEFT, app, in_front, until

ROOT = Path(__file__).resolve().parents[3]
TRANSLATIONS = resources.folder() / "translations"
BIN = Path(sys.executable).parent
# Modules whose every string a player reads goes through tr() (the test below holds
# them to it), and those not yet: each desktop module with text for the screen is in
# one of the two, so a new one is placed on purpose.
TRANSLATED = {
    "desktop/main.py", "desktop/ui/main_window.py", "desktop/ui/start_screen.py",
    "desktop/ui/host_dialog.py", "desktop/ui/join_dialog.py", "desktop/ui/about.py",
    "desktop/ui/trouble.py", "desktop/ui/lan_tables.py", "desktop/ui/action_bar.py",
    "desktop/ui/side_panel.py", "desktop/ui/dialogs.py", "desktop/ui/questions.py",
    "desktop/ui/table_screen.py", "desktop/ui/host_controls.py", "desktop/ui/invite_button.py",
    "desktop/ui/table_view.py", "desktop/ui/reach_label.py", "desktop/joining.py",
    "desktop/app.py", "desktop/ui/records.py",
}  # fmt: skip
NOT_YET: set[str] = set()
ENGLISH = {"desktop/self_test.py"}  # (a report to paste into a bug report: English on purpose)
# Calls that put text on the screen, and Qt's translation functions.
SINKS = {
    "QLabel", "QPushButton", "QCheckBox", "QMessageBox", "QListWidgetItem", "QLineEdit",
    "setText", "setWindowTitle", "setInformativeText", "setPlaceholderText", "setToolTip",
    "addMenu", "addAction", "addRow", "addItem", "addButton", "show_notice", "_item",
    "setHeaderLabels", "print", "drawText", "note", "show_joining", "getSaveFileName",
    "setHorizontalHeaderLabels", "QTableWidgetItem", "show_start",
}  # fmt: skip
TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP", "said"}
NOT_WORDS = {"Felt", "♠ Felt ♥", "FELT"}  # (the name, the same in every language)
KEYS = {"½ Pot", "¾ Pot"}  # (the model's names of the presets; the action bar says them)


def called(node: ast.Call) -> str:
    return node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")


def words(node: ast.AST) -> bool:
    """Words a person would read: letters, once tags, placeholders, key names, Felt's
    name and sample links are left aside (of an f-string, its literal parts)."""
    if isinstance(node, ast.JoinedStr):
        return any(words(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = re.sub(r"<[^>]*>|\{\w*\}|\b(Ctrl|Shift|Alt)\+\w+|felt://\S*", " ", node.value)
        for name in NOT_WORDS:
            text = text.replace(name, " ")
        return re.search(r"[A-Za-z]{2}", text) is not None
    if isinstance(node, ast.List | ast.Tuple):
        return any(words(element) for element in node.elts)
    return False


def untranslated(path: Path) -> list[str]:
    """Literal words handed straight to the screen, and f-strings given to tr() (which
    no translation can match)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.Call):
            continue
        name = called(node)
        given = [*node.args, *(k.value for k in node.keywords if k.arg == "placeholderText")]
        if name in SINKS:
            found += [f"{path}:{a.lineno}: {name}" for a in given if words(a)]
        if name in TRANSLATING:
            found += [
                f"{path}:{a.lineno}: {name}(f-string)"
                for a in given
                if isinstance(a, ast.JoinedStr)
            ]
    return found


def test_every_string_a_player_reads_on_the_translated_screens_is_translatable():
    assert not [p for m in TRANSLATED for p in untranslated(ROOT / m)]
    assert not TRANSLATED & NOT_YET
    with_text = {
        str(p.relative_to(ROOT))
        for p in (ROOT / "desktop").rglob("*.py")
        if "model" not in p.parts and untranslated(p)
    }
    assert with_text - ENGLISH <= NOT_YET, with_text - NOT_YET  # (a new module: translate it)


def phrases(path: Path) -> list[str]:
    """Of the model (plain Python, its lines said by other modules): every phrase it
    holds outside `translate` (not its docstrings, its dictionaries' keys, its lines for
    the developers' log, nor the one-word tokens of the protocol it compares with)."""
    tree = ast.parse(path.read_text())
    inside = {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and called(node) == "translate"
        for arg in node.args
        for part in ast.walk(arg)
    }
    docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    keys = {id(key) for node in ast.walk(tree) if isinstance(node, ast.Dict) for key in node.keys}
    logged = {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and getattr(node.func.value, "id", "") == "log"
        for part in ast.walk(node)
    }  # (the log is for the developers, in English)
    return [
        f"{path}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.search(r"[A-Za-z]{2}.* |\s.*[A-Za-z]{2}", node.value)
        and words(node)
        and id(node) not in inside | docstrings | keys | logged
        and node.value not in KEYS
    ]


def test_every_phrase_the_table_model_says_is_translatable():
    said = [p for m in sorted((ROOT / "desktop" / "model").glob("*.py")) for p in phrases(m)]
    assert not said


def test_the_check_finds_a_phrase_the_model_would_say_untranslated(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""A model."""\nSTATUS = "sitting_out"\ndef f():\n    """Says."""\n'
        '    return translate("HandLog", "{} folds") + f"{n} checks" + "The pot is split"\n'
    )
    assert sorted(line.split(": ")[1] for line in phrases(sample)) == [
        "' checks'",
        "'The pot is split'",
    ]


def test_the_check_finds_an_untranslated_string(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        'QLabel("Your tables")\nself.tr("Fine")\nbox.setText(f"{n} left")\n'
        'self.tr(f"{n} left")\nQPushButton(self.tr("Fine"))\nQLabel(f"<b>{name}</b>")\n'
        '_item(menu, self.tr("&Quit"), quit, "Ctrl+Q")\n'
    )
    assert [line.split(": ")[1] for line in untranslated(sample)] == [
        "QLabel", "setText", "tr(f-string)"
    ]  # fmt: skip


def messages(ts: Path) -> list[tuple[str, list[str], bool]]:
    tree = ET.parse(ts)
    found = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.findall("numerusform")] or [
            translation.text or ""
        ]
        done = translation.get("type") not in ("unfinished", "vanished", "obsolete")
        found.append((message.findtext("source") or "", forms, done))
    return found


def fills(text: str) -> list[str]:
    """A string's placeholders, as .format() fills them: a translation may number them
    to put them in another order ("{0} gewinnt (+{2}): {1}" for "{} wins with {} (+{})")."""
    found = re.findall(r"\{[^{}]*\}|%n", text)
    numbered = [re.match(r"\{(\d+)", p) for p in found]
    if found and all(numbered):  # ("{2}" as the third "{}", "{0:,}" as "{:,}")
        order = sorted(range(len(found)), key=lambda i: int(numbered[i].group(1)))
        return [re.sub(r"^\{\d+", "{", found[i]) for i in order]
    return found


@pytest.mark.parametrize("name", sorted(p.stem for p in TRANSLATIONS.glob("felt_*.ts")))
def test_each_translation_is_complete_up_to_date_and_compiled(tmp_path, name):
    """German in full; English, the source language, in its plural forms only."""
    ts = TRANSLATIONS / f"{name}.ts"
    found = messages(ts)
    assert found and all(done and all(forms) for _, forms, done in found)
    for source, forms, _ in found:  # placeholders kept, so .format() fills them
        for form in forms:
            assert fills(form) == fills(source), source
    copy = tmp_path / f"{name}.ts"
    shutil.copy(ts, copy)
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    plural_only = ["-pluralonly"] if name == "felt_en" else []
    subprocess.run(
        [BIN / "pyside6-lupdate", *sources, "-ts", copy, "-no-obsolete", "-locations", "none",
         *plural_only],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    assert messages(copy) == found, "run `make translations`: the code has new strings"
    qm = tmp_path / f"{name}.qm"
    subprocess.run(
        [BIN / "pyside6-lrelease", "-silent", ts, "-qm", qm],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    assert qm.read_bytes() == (TRANSLATIONS / f"{name}.qm").read_bytes()


def test_chips_are_grouped_as_the_language_groups_them(qapp):
    assert language.chips(1200) == "1,200"  # (the tests' system: English)
    translators = language.install("de")
    try:
        assert language.chips(1_000_000) == "1.000.000"
    finally:
        language.uninstall(translators)
    assert language.chips(1200) == "1,200"


@pytest.mark.parametrize("choice", ["en", "fr"])
def test_english_counts_in_the_singular_and_the_plural(qapp, choice):
    """English by choice, or for a language Felt has no file for: "1 more error",
    "2 more errors" (not "error(s)")."""
    translators = language.install(choice)
    try:
        said = [
            QCoreApplication.translate("ErrorReport", "(and %n more error(s) since)", "", n)
            for n in (1, 2)
        ]
        assert said == ["(and 1 more error since)", "(and 2 more errors since)"]
    finally:
        language.uninstall(translators)


async def test_felt_speaks_german_when_it_starts_in_german(qtbot, data_home):
    translators = language.install("de")
    try:
        assert len(translators) == 2  # Felt's own, and Qt's (its standard buttons)
        async with app(qtbot, data_home) as felt:
            start = felt.start
            assert start.play.text() == "Jetzt spielen"
            assert start.name.text() == "Spieler"  # (the default name, until one is typed)
            listed = start.lan.list  # (its empty line, long in German, wraps in the list)
            await in_front(felt.window)
            line = listed.visualItemRect(listed.item(0))
            assert line.width() <= listed.viewport().width()
            assert line.height() > 1.5 * listed.fontMetrics().height()
            bar = felt.window.menuBar()
            titles = [action.text() for action in bar.actions()]
            assert titles == ["&Felt", "&Tisch", "&Hilfe"]
            ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
            qtbot.keyClick(felt.window, Qt.Key.Key_N, ctrl_shift)
            shown = lambda: [d for d in start.findChildren(HostDialog) if d.isVisible()]  # noqa: E731
            await until(shown)
            [dialog] = shown()
            assert dialog.windowTitle() == "Tisch eröffnen"
            assert dialog.name.text() == "Pokerabend"
            dialog.name.clear()
            dialog.small.setValue(5)
            dialog.big.setValue(2)
            qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
            assert dialog.error.text() == (
                "Der Tisch braucht einen Namen. Der Big Blind muss mindestens so hoch sein wie "
                "der Small Blind (5)."
            )
            cancel = [b for b in dialog.findChildren(type(start.play)) if b.text() == "Abbrechen"]
            assert cancel, [b.text() for b in dialog.findChildren(type(start.play))]
            qtbot.mouseClick(cancel[0], LEFT)
            await until(lambda: not shown())
    finally:
        language.uninstall(translators)


async def test_the_language_chosen_in_the_options_is_kept_for_the_next_start(qtbot, data_home):
    async with app(qtbot, data_home) as felt:
        box = felt.start.language
        assert box.currentText() == "System language"
        box.setFocus()  # (tabbed to; then the arrow keys, as a person at the keyboard)
        qtbot.keyClick(box, Qt.Key.Key_Down)
        qtbot.keyClick(box, Qt.Key.Key_Down)
        assert box.currentText() == "Deutsch"
        assert felt.start.notice.text() == "Felt speaks Deutsch from its next start."
    assert Settings.load(data_home).language == "de"


async def test_the_table_speaks_german_too(qtbot, data_home):
    """Play now in German: the table's bar, the host's controls and the action bar."""
    translators = language.install("de")
    try:
        async with app(qtbot, data_home) as felt:
            qtbot.mouseClick(felt.start.play, LEFT)
            await until(lambda: felt.screen is not None and felt.screen.model.my_seat == 1)
            screen = felt.screen
            assert screen is not None
            assert [screen.stand.text(), screen.leave.text(), screen.records.text()] == [
                "Aufstehen", "Lobby", "Verlauf",
            ]  # fmt: skip
            controls = screen.host_controls
            assert [controls.pause.text(), controls.bots.text()] == ["Pause", "Bot hinzufügen"]
            levels = [action.text() for action in controls.bots.menu().actions()]
            assert levels[0] == "Leichter Bot (geht oft mit)"
            assert [a.text() for a in controls.requests.menu().actions()] == ["Niemand wartet"]
            # The host's refusal, in English on the wire, is said in German.
            screen.connection.send(client.Sit(seat=2, buy_in=100))
            await until(lambda: "⚠ Du hast schon einen Platz." in screen.model.log)
            # And the hand log speaks German: the deal, and the cards dealt.
            told = screen.model.log
            await until(lambda: any(line.startswith("Deine Karten: ") for line in told))
            assert any(re.fullmatch(r"Hand #\d+: \S+ hat den Button", line) for line in told)
    finally:
        language.uninstall(translators)


def test_the_routers_answer_on_the_hosts_bar_in_german(qapp):
    translators = language.install("de")
    try:
        label = ReachLabel()
        why = "the router refused: UPnP is locked there"  # (the host's words, English)
        label.show_reach(Reachability(Status.REFUSED, 8765, "203.0.113.7", via="UPnP", why=why))
        assert (
            label.text()
            == "● Aus dem Internet nicht erreichbar: Dein Router hat den Port verweigert"
        )
        assert label.toolTip().startswith(
            "<p>Der Router hat abgelehnt: UPnP ist dort gesperrt. Schalte UPnP oder NAT-PMP"
        )
    finally:
        language.uninstall(translators)
