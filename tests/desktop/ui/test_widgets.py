"""Widgets offscreen with pytest-qt: buttons send the right commands, seats render, badges show."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from PySide6.QtCore import QPointF, QSize, Qt

from desktop.model.table import TableModel
from desktop.ui.action_bar import ActionBar
from desktop.ui.main_window import first_size
from desktop.ui.records import documents
from desktop.ui.table_view import TableView
from host_server.table import commands as cmd
from tests.support import wire
from tests.support.tables import seated, stack


def model_for(game, viewer: int) -> TableModel:
    model = TableModel()
    model.apply_snapshot(wire.snapshot(game.table, viewer))
    turn = wire.turn(game.table, viewer)
    if turn:
        model.apply_turn(turn)
    return model


@pytest.fixture
def my_turn():
    """Three players; the viewer (member 1, seat 1, on the button) is first to act."""
    game = seated({1: 200, 2: 200, 3: 200}, [stack(["2c3d", "4h5s", "AsKd"], "")])
    return model_for(game, 1)


def sent(bar: ActionBar) -> list[tuple[str, Any]]:
    got: list[tuple[str, Any]] = []
    bar.act.connect(lambda action, amount: got.append((action, amount)))
    return got


def test_fold_call_and_raise_buttons_send_the_right_actions(qtbot, my_turn):
    bar = ActionBar(my_turn)
    qtbot.addWidget(bar)
    got = sent(bar)
    assert bar.call.text() == "Call 2" and bar.fold.isEnabled()
    qtbot.mouseClick(bar.fold, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.call, Qt.MouseButton.LeftButton)
    bar.amount.setValue(10)
    assert bar.bet_raise.text() == "Raise to 10"
    qtbot.mouseClick(bar.bet_raise, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.presets["All-in"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.bet_raise, Qt.MouseButton.LeftButton)
    assert got == [("fold", None), ("call", None), ("raise", 10), ("all_in", None)]


def test_the_amount_being_sized_is_kept_when_the_table_refreshes(qtbot, my_turn):
    """A chat line during the turn refreshes everything: the raise being sized stays."""
    bar = ActionBar(my_turn)
    qtbot.addWidget(bar)
    bar.show()
    bar.amount.setFocus()
    bar.amount.selectAll()
    qtbot.keyClicks(bar.amount, "25")
    assert bar.amount.value() == 25
    my_turn.chat.append(("P2", "hurry"))  # what a chat event does to the model
    bar.refresh()
    assert bar.amount.value() == 25 and bar.bet_raise.text() == "Raise to 25"


def test_no_amount_is_left_in_the_box_once_the_turn_is_over(qtbot):
    game = seated({1: 200, 2: 200, 3: 200})
    model = model_for(game, 1)  # seat 1 acts first
    bar = ActionBar(model)
    qtbot.addWidget(bar)
    bar.show()
    bar.amount.setValue(30)
    assert bar.amount.text() == "30" and bar.bet_raise.text() == "Raise to 30"
    game.act(1, "call")
    turn = wire.turn(game.table, 1)  # seat 2's turn now, as seat 1 sees it
    assert turn is not None
    model.apply_turn(turn)
    bar.refresh()
    assert not bar.amount.isEnabled() and bar.amount.text().strip() == ""
    assert bar.bet_raise.text() == "Raise" and bar.slider.maximum() == 0


def test_pot_presets_size_a_raise_to_the_pot(qtbot, my_turn):
    bar = ActionBar(my_turn)
    qtbot.addWidget(bar)
    # Blinds 1 and 2 are out (pot 3); calling 2 makes it 5: a pot raise is to 2 + 5 = 7.
    qtbot.mouseClick(bar.presets["Pot"], Qt.MouseButton.LeftButton)
    assert bar.amount.value() == 7
    qtbot.mouseClick(bar.presets["Min"], Qt.MouseButton.LeftButton)
    assert bar.amount.value() == 4


def test_pre_action_boxes_act_when_the_turn_comes(qtbot):
    game = seated({1: 200, 2: 200, 3: 200})
    model = model_for(game, 2)  # seat 2, small blind: not first to act
    bar = ActionBar(model)
    qtbot.addWidget(bar)
    got = sent(bar)
    assert bar.call_any.isVisibleTo(bar)  # offered while waiting for the turn
    bar.call_any.setChecked(True)
    game.act(1, "call")
    turn = wire.turn(game.table, 2)
    assert turn is not None
    model.apply_turn(turn)
    bar.refresh()
    assert got == [("call", None)]
    assert not bar.call_any.isChecked()


def test_a_snapshot_renders_every_seat_and_empty_seats_invite_a_click(qtbot):
    game = seated({1: 200, 3: 200, 5: 200}, seats=6)
    game.do(cmd.RequestJoin("Rail"))
    model = model_for(game, 4)  # a spectator
    view = TableView(model)
    qtbot.addWidget(view)
    view.resize(1000, 680)
    image = view.grab().toImage()
    assert image.width() == 1000
    assert set(view._seat_rects) == {1, 2, 3, 4, 5, 6}
    clicked: list[int] = []
    view.seat_clicked.connect(clicked.append)
    empty = view._seat_rects[2].center()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=empty.toPoint())
    occupied = view._seat_rects[3].center()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=occupied.toPoint())
    assert clicked == [2]
    assert view.seat_at(QPointF(-5, -5)) is None


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None is immortal from 3.12: nothing to drain, or to see"
)
def test_painting_the_table_does_not_drain_references_to_none(qtbot):
    """PySide6 6.12.0 decremented None on every void call: fatal on Python 3.11."""
    game = seated({1: 200, 3: 200, 5: 200}, seats=6)
    view = TableView(model_for(game, 1))
    qtbot.addWidget(view)
    view.resize(800, 560)
    before = sys.getrefcount(None)
    for _ in range(30):
        view.grab()
    assert sys.getrefcount(None) - before > -500  # thousands of painter calls happened


def test_settings_persist_between_runs(qtbot, data_home):
    from desktop.hosting.local_state import HOST_FORM, Settings
    from desktop.ui.start_screen import StartScreen

    settings = Settings.load(data_home)
    screen = StartScreen(settings)
    qtbot.addWidget(screen)
    screen.four_colour.setChecked(True)
    screen.sounds.setChecked(False)
    settings.name = "Robin"
    settings.table["big_blind"] = 4
    settings.host_port = 9100
    settings.invite_address = "10.8.0.2"
    settings.save(data_home)
    again = Settings.load(data_home)
    assert (again.name, again.four_colour_deck, again.sounds) == ("Robin", True, False)
    assert again.table["big_blind"] == 4 and again.table["seats"] == 6
    assert again.host_port == 9100 and again.invite_address == "10.8.0.2"

    # A saved form that cannot make a table (edited by hand, or older rules) starts afresh.
    settings.table["big_blind"] = 50  # the buy-ins are now under the rules' minimum
    settings.save(data_home)
    assert Settings.load(data_home).table == HOST_FORM


def test_the_pot_slides_to_the_winner_after_the_hand(qtbot):
    game = seated({1: 200, 3: 200}, seats=6)
    view = TableView(model_for(game, 1))
    qtbot.addWidget(view)
    view.resize(800, 560)
    view.animate_win({3: 4})
    assert view._push == 0.0
    qtbot.waitUntil(lambda: view._push == 1.0, timeout=3000)
    view.animate_deal()
    qtbot.waitUntil(lambda: view._deal == 1.0, timeout=3000)


def test_players_are_told_when_the_host_sees_every_card_in_histories(qtbot):
    from desktop.client.connection import Connection
    from desktop.ui.table_screen import TableScreen

    told = []
    for reveal in (False, True):
        game = seated({1: 200, 2: 200}, start=False, reveal_hands_to_host=reveal)
        screen = TableScreen(Connection("ws://127.0.0.1:1/ws", "t", name="P2"))
        qtbot.addWidget(screen)
        message = wire.snapshot(game.table, 2)
        screen._on_snapshot(message)
        screen._on_snapshot(message)  # a resume: said once, not twice
        told.append(sum("every hole card" in line for line in screen.model.log))
    assert told == [0, 1]


def test_the_host_picks_which_network_the_invite_names(qtbot):
    from PySide6.QtGui import QGuiApplication

    from desktop.client.connection import Connection
    from desktop.hosting.invites import invites
    from desktop.ui.table_screen import TableScreen

    addresses = [("192.168.1.20", "wlan0"), ("10.8.0.2", "tun0")]
    made = invites(8765, "abc123", addresses=addresses, pin="P" * 43)
    screen = TableScreen(
        Connection("ws://127.0.0.1:1/ws", "t", name="H"), invites_for=lambda key: made
    )
    qtbot.addWidget(screen)
    chosen: list[str] = []
    screen.invite_chosen.connect(chosen.append)
    qtbot.mouseClick(screen.invite, Qt.MouseButton.LeftButton)  # the button: the first
    pin = "P" * 43
    assert QGuiApplication.clipboard().text() == (
        f"felt://192.168.1.20:8765/abc123?v=1&pin={pin}&also=10.8.0.2"
    )
    assert chosen == []
    vpn = screen.invite.menu().actions()[1]
    assert vpn.text() == "Copy invite for tun0 (10.8.0.2)"
    vpn.trigger()
    assert QGuiApplication.clipboard().text() == (
        f"felt://10.8.0.2:8765/abc123?v=1&pin={pin}&also=192.168.1.20"
    )
    assert chosen == ["10.8.0.2"] and screen.invite.code.startswith("felt://10.8.0.2:")
    assert screen.invite.toolTip().startswith("felt://10.8.0.2:8765/abc123")


def test_the_bar_the_buttons_and_the_log_grow_with_the_window(qtbot):
    from desktop.client.connection import Connection
    from desktop.ui import style
    from desktop.ui.table_screen import TableScreen

    assert [style.scale_for(*size) for size in ((1024, 600), (1280, 760), (1920, 1040))] == [
        1.0, 1.0, 1.25,
    ]  # fmt: skip
    assert style.scale_for(2560, 1400) == 1.75 and style.scale_for(5000, 3000) == 2.0
    assert style.scaled("a { font-size: 13px; padding: 5px 10px; }", 1.5) == (
        "a { font-size: 20px; padding: 8px 15px; }"
    )
    screen = TableScreen(Connection("ws://127.0.0.1:1/ws", "t", name="P"))
    qtbot.addWidget(screen)
    screen.show()
    sizes = []
    for width, height in ((1280, 760), (2560, 1400), (1280, 760)):
        screen.resize(width, height)
        qtbot.waitUntil(lambda w=width: screen.width() == w)
        fold, log, title = screen.action_bar.fold, screen.panel.log, screen.title
        for widget in (fold, log, title):
            widget.ensurePolished()
        sizes.append((fold.fontInfo().pixelSize(), log.fontInfo().pixelSize(),
                      title.fontInfo().pixelSize(), screen.panel.minimumWidth()))  # fmt: skip
    assert sizes[0] == sizes[2] == (15, 13, 17, 240)
    assert sizes[1] == (26, 23, 30, 420)  # (2560x1440, less the menu bar: 1.75 times)


def test_save_dialogs_open_in_documents_or_else_at_home(qtbot, tmp_path, monkeypatch):
    """Never in the working directory: a fresh account may have no Documents folder."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    assert documents("hand-1.txt") == str(tmp_path / "hand-1.txt")
    (tmp_path / "Documents").mkdir()
    assert documents("hand-1.txt") == str(tmp_path / "Documents" / "hand-1.txt")


def test_the_menus_grow_with_the_window(qtbot):
    from desktop.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    sizes = []
    for width, height in ((1280, 800), (2560, 1440), (1280, 800)):
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width: window.width() == w)
        bar = window.menuBar()
        bar.ensurePolished()
        sizes.append(bar.fontInfo().pixelSize())
    assert sizes == [13, 26, 13]  # (twice, at 2560x1440)


def test_the_window_opens_within_the_screen_with_its_title_bar():
    assert first_size(QSize(2560, 1440)) == QSize(1280, 800)
    assert first_size(QSize(1280, 800)) == QSize(1280, 760)  # (a 1280x800 laptop)
    assert first_size(QSize(1366, 768)) == QSize(1280, 728)
