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


async def test_a_host_runs_a_sit_and_go_from_the_form_to_the_standings(qtbot, data_home):
    async with app(qtbot, data_home) as felt:
        ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        qtbot.keyClick(felt.window, Qt.Key.Key_N, ctrl_shift)  # Host a table…
        await until(lambda: shown(felt.start, HostDialog))
        [dialog] = shown(felt.start, HostDialog)
        await in_front(dialog)
        qtbot.mouseClick(dialog.game, LEFT)  # (opens its list; Escape closes it)
        qtbot.keyClick(dialog.game.view(), Qt.Key.Key_Escape)
        qtbot.keyClick(dialog.game, Qt.Key.Key_Down)  # Sit-and-go tournament
        assert dialog.sit_and_go
        assert dialog.payouts.isVisibleTo(dialog) and not dialog.min_buy.isVisibleTo(dialog)
        type_into(qtbot, dialog.name, "Sunday SNG")
        type_into(qtbot, dialog.stack, "200")
        type_into(qtbot, dialog.minutes, "0.1")
        type_into(qtbot, dialog.payouts, "60, 30")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, LEFT)
        assert dialog.isVisible() and "sum to 100" in dialog.error.text()
        assert dialog.payouts.property("error") and dialog.payouts.hasFocus()
        assert felt.screen is None  # nothing was made

        type_into(qtbot, dialog.payouts, "70, 30")
        qtbot.mouseClick(ok, LEFT)
        await until(lambda: felt.screen is not None and felt.screen.model.tournament is not None)
        screen = felt.screen
        assert screen is not None and Settings.load(data_home).table["game"] == "sit_and_go"
        model, controls = screen.model, screen.host_controls
        assert model.tournament is not None and model.tournament.stage == "registering"
        assert controls.start.isVisible() and not controls.start.isEnabled()
        assert not controls.blinds.isVisible()
        assert "buy-in 100" in screen.clock.text()

        await in_front(felt.window)
        screen.view.setFocus()
        qtbot.keyClick(screen.view, Qt.Key.Key_S)  # S: take the first free seat
        await until(lambda: shown(screen, BuyInDialog))
        [buy_in] = shown(screen, BuyInDialog)
        assert buy_in.amount.minimum() == buy_in.amount.maximum() == 200
        await in_front(buy_in)
        qtbot.keyClick(buy_in.amount, Qt.Key.Key_Return)
        await until(lambda: model.my_seat is not None)
        controls.add_bot("easy")  # (what the Add bot menu's first item does)
        await until(lambda: len(model.seats) == 2 and controls.start.isEnabled())

        qtbot.mouseClick(controls.start, LEFT)
        await until(lambda: model.tournament is not None and model.tournament.stage == "running")
        assert not controls.start.isVisible() and not controls.bots.isVisible()
        await until(lambda: screen.clock.text().startswith("Level 1: 10/20"))
        assert "2 of 2 left" in screen.clock.text() and "prizes 140 / 60" in screen.clock.text()
        assert any(line.startswith("The tournament begins") for line in model.log)

        async with autoplay(qtbot, screen):  # call everything: it ends soon enough
            await until(lambda: shown(screen, StandingsDialog), timeout=120)
        [standings] = shown(screen, StandingsDialog)
        places = [standings.grid.item(r, 0).text() for r in range(standings.grid.rowCount())]
        prizes = [standings.grid.item(r, 2).text() for r in range(standings.grid.rowCount())]
        assert places == ["1st", "2nd"] and prizes == ["140", "60"]
        assert model.tournament.winner() is not None
        assert "won the tournament" in screen.clock.text()
