"""A sit-and-go from the app, as a host runs one: the host form's tournament fields
(checked field by field), the Start button, the clock in the top bar, and the
standings window at the end; keys and clicks on the focused widget, a real host."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.hosting.local_state import Settings
from desktop.ui.dialogs import BuyInDialog
from desktop.ui.host_dialog import HostDialog
from desktop.ui.tournament import StandingsDialog
from tests.support.person import LEFT, app, autoplay, in_front, type_into, until


def shown(parent, kind):
    return [d for d in parent.findChildren(kind) if d.isVisible()]


def choose_sit_and_go(qtbot, dialog: HostDialog) -> None:
    qtbot.mouseClick(dialog.game, LEFT)  # (opens its list; Escape closes it)
    qtbot.keyClick(dialog.game.view(), Qt.Key.Key_Escape)
    qtbot.keyClick(dialog.game, Qt.Key.Key_Down)  # Sit-and-go tournament
    assert dialog.sit_and_go


async def host_form(qtbot, felt) -> HostDialog:
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(felt.window, Qt.Key.Key_N, ctrl_shift)  # Host a table…
    await until(lambda: shown(felt.start, HostDialog))
    [dialog] = shown(felt.start, HostDialog)
    await in_front(dialog)
    assert isinstance(dialog, HostDialog)
    return dialog


async def sit_down_with_a_bot(qtbot, felt, screen) -> None:
    await in_front(felt.window)
    screen.view.setFocus()
    qtbot.keyClick(screen.view, Qt.Key.Key_S)  # S: take the first free seat
    await until(lambda: shown(screen, BuyInDialog))
    [buy_in] = shown(screen, BuyInDialog)
    await in_front(buy_in)
    qtbot.keyClick(buy_in.amount, Qt.Key.Key_Return)
    await until(lambda: screen.model.my_seat is not None)
    screen.host_controls.add_bot("easy")  # (what the Add bot menu's first item does)
    await until(lambda: len(screen.model.seats) == 2)


async def test_a_host_runs_a_sit_and_go_from_the_form_to_the_standings(qtbot, data_home):
    async with app(qtbot, data_home) as felt:
        dialog = await host_form(qtbot, felt)
        choose_sit_and_go(qtbot, dialog)
        assert dialog.tournament.payouts.isVisibleTo(dialog) and not dialog.min_buy.isVisibleTo(
            dialog
        )
        type_into(qtbot, dialog.name, "Sunday SNG")
        type_into(qtbot, dialog.tournament.stack, "200")
        type_into(qtbot, dialog.tournament.minutes, "0.1")
        type_into(qtbot, dialog.tournament.payouts, "60, 30")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, LEFT)
        assert dialog.isVisible() and "sum to 100" in dialog.error.text()
        assert dialog.tournament.payouts.property("error") and dialog.tournament.payouts.hasFocus()
        assert felt.screen is None  # nothing was made

        type_into(qtbot, dialog.tournament.payouts, "70, 30")
        qtbot.mouseClick(ok, LEFT)
        await until(lambda: felt.screen is not None and felt.screen.model.tournament is not None)
        screen = felt.screen
        assert screen is not None and Settings.load(data_home).table["game"] == "sit_and_go"
        model, controls = screen.model, screen.host_controls
        assert model.tournament is not None and model.tournament.stage == "registering"
        assert controls.start.isVisible() and not controls.start.isEnabled()
        assert not controls.blinds.isVisible()
        assert "buy-in 100" in screen.clock.line

        await sit_down_with_a_bot(qtbot, felt, screen)
        assert model.seats[model.my_seat].stack == 200  # (the buy-in is the stack, no choice)
        await until(controls.start.isEnabled)

        qtbot.mouseClick(controls.start, LEFT)
        await until(lambda: model.tournament is not None and model.tournament.stage == "running")
        assert not controls.start.isVisible() and not controls.bots.isVisible()
        await until(lambda: screen.clock.text().startswith("Level 1: 10/20"))
        assert "2 of 2 left" in screen.clock.line and "prizes 140 / 60" in screen.clock.line
        shown_line = screen.clock.text()  # (as much of the line as the bar has room for)
        assert screen.clock.line.startswith(shown_line)
        assert screen.clock.fontMetrics().horizontalAdvance(shown_line) <= screen.clock.width()
        assert "prizes 140 / 60" in screen.clock.toolTip()
        assert any(line.startswith("The tournament begins") for line in model.log)

        async with autoplay(qtbot, screen):  # call everything: it ends soon enough
            await until(lambda: shown(screen, StandingsDialog), timeout=120)
        [standings] = shown(screen, StandingsDialog)
        places = [standings.grid.item(r, 0).text() for r in range(standings.grid.rowCount())]
        prizes = [standings.grid.item(r, 2).text() for r in range(standings.grid.rowCount())]
        assert places == ["1st", "2nd"] and prizes == ["140", "60"]
        assert model.tournament.winner() is not None
        assert "won the tournament" in screen.clock.text()


async def test_a_host_sets_the_rules_levels_by_hands_breaks_late_seats_own_levels(qtbot, data_home):
    """Levels typed a line each (a wrong line refused by its number, in its box), levels
    by hands, a break after every level, late seats: the table plays by them, and its
    clock says so ("hand 1 of 2", "late seats until level 2", then the break)."""
    async with app(qtbot, data_home) as felt:
        dialog = await host_form(qtbot, felt)
        choose_sit_and_go(qtbot, dialog)
        form = dialog.tournament
        type_into(qtbot, form.hands, "2")
        assert not form.minutes.isEnabled()  # (by hands: the minutes do not count)
        assert not form.break_minutes.isEnabled()
        type_into(qtbot, form.break_every, "1")
        assert form.break_minutes.isEnabled()
        type_into(qtbot, form.break_minutes, "0.1")
        type_into(qtbot, form.late_until, "2")
        type_into(qtbot, form.stack, "2000")
        type_into(qtbot, form.levels, "10/20")
        for line in ("20/40", "40/80/oops"):
            qtbot.keyClick(form.levels, Qt.Key.Key_Return)  # (a new line, not OK)
            qtbot.keyClicks(form.levels, line)
        assert dialog.isVisible()
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, LEFT)
        assert dialog.isVisible() and dialog.error.text().startswith("Level 3:")
        assert form.levels.property("error") and form.levels.hasFocus()
        assert felt.screen is None

        qtbot.keyClick(form.levels, Qt.Key.Key_Backspace)
        for _ in range(4):
            qtbot.keyClick(form.levels, Qt.Key.Key_Backspace)  # "/oops" gone
        qtbot.mouseClick(ok, LEFT)
        await until(lambda: felt.screen is not None and felt.screen.model.tournament is not None)
        screen = felt.screen
        assert screen is not None
        model, controls = screen.model, screen.host_controls
        t = model.tournament
        assert t is not None
        assert [(v.small_blind, v.big_blind) for v in t.levels] == [(10, 20), (20, 40), (40, 80)]
        assert (t.hands_per_level, t.break_every, t.late_until) == (2, 1, 2)
        assert Settings.load(data_home).table["levels"] == "10/20\n20/40\n40/80"

        await sit_down_with_a_bot(qtbot, felt, screen)
        await until(controls.start.isEnabled)
        qtbot.mouseClick(controls.start, LEFT)
        await until(lambda: screen.clock.text().startswith("Level 1: 10/20, hand 1 of 2"))
        assert "late seats until level 2" in screen.clock.line
        async with autoplay(qtbot, screen):
            await until(lambda: screen.clock.text().startswith("Break: 0:0"), timeout=60)
            assert "then level 2: 20/40" in screen.clock.line
            assert any(line.startswith("Break for 0:06:") for line in model.log)
            await until(lambda: screen.clock.text().startswith("Level 2: 20/40"), timeout=30)
