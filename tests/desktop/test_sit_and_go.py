"""A sit-and-go from the app, as a host runs one: the host form's tournament fields
(checked field by field), the Start button, the clock in the top bar, and the
standings window at the end; keys and clicks on the focused widget, a real host."""

from __future__ import annotations

import asyncio
import random
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from desktop.hosting.local_state import HOST_FORM, Settings
from desktop.ui.dialogs import BuyInDialog
from desktop.ui.host_dialog import HostDialog
from desktop.ui.tournament import StandingsDialog
from tests.support.person import LEFT, SPEEDY, app, autoplay, host_form, in_front, type_into, until


def shown(parent, kind):
    return [d for d in parent.findChildren(kind) if d.isVisible()]


def choose_sit_and_go(qtbot, dialog: HostDialog) -> None:
    qtbot.mouseClick(dialog.game, LEFT)  # (opens its list; Escape closes it)
    qtbot.keyClick(dialog.game.view(), Qt.Key.Key_Escape)
    qtbot.keyClick(dialog.game, Qt.Key.Key_Down)  # Sit-and-go tournament
    assert dialog.sit_and_go


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


async def test_rebuy_and_add_on_from_the_top_bar_in_the_first_level(qtbot, data_home):
    """Rebuys in level 1 with an add-on of 400 (typed in the form): the top bar offers
    both from the start; each click is one more buy-in, the chips land when the hand
    ends, the prizes grow with the pool, and both buttons go once taken or closed."""
    async with app(qtbot, data_home) as felt:
        dialog = await host_form(qtbot, felt)
        choose_sit_and_go(qtbot, dialog)
        form = dialog.tournament
        assert not form.add_on.isEnabled()  # (no rebuys: no add-on)
        type_into(qtbot, form.rebuy_until, "1")
        assert form.add_on.isEnabled()
        type_into(qtbot, form.add_on, "400")
        type_into(qtbot, form.stack, "200")
        type_into(qtbot, form.hands, "3")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, LEFT)
        await until(lambda: felt.screen is not None and felt.screen.model.tournament is not None)
        screen = felt.screen
        assert screen is not None
        model = screen.model
        t = model.tournament
        assert t is not None and (t.rebuy_until, t.add_on) == (1, 400)
        await sit_down_with_a_bot(qtbot, felt, screen)
        assert not screen.rebuys.isVisible() and not screen.top_up.isVisible()  # (registering)
        await until(screen.host_controls.start.isEnabled)
        qtbot.mouseClick(screen.host_controls.start, LEFT)
        await until(screen.rebuys.isVisible)
        buttons = screen.rebuys
        assert buttons.rebuy.text() == "Rebuy (100)" and buttons.add_on.text() == "Add-on (100)"
        assert "rebuys until level 1" in screen.clock.line and not screen.top_up.isVisible()
        qtbot.mouseClick(buttons.rebuy, LEFT)
        await until(lambda: t.rebuys == 1 and not model.top_up_waiting, timeout=30)
        await until(buttons.add_on.isVisible)
        assert not buttons.rebuy.isVisible()  # (400 chips, or so: above the starting stack)
        qtbot.mouseClick(buttons.add_on, LEFT)
        await until(lambda: t.add_ons == [model.me] and not model.top_up_waiting, timeout=30)
        assert not buttons.isVisible()
        assert "prizes 400" in screen.clock.line  # 2 entries, a rebuy, an add-on
        told = model.log[model.log.index("Player rebuys for 100") :]
        assert told[:4] == [
            "Player rebuys for 100", "Player adds 200 chips",
            "Player takes the add-on for 100", "Player adds 400 chips",
        ]  # fmt: skip


def moved_on(model, legal) -> bool:
    return not model.my_turn or model.legal != legal


async def shove_to_the_offer(qtbot, screen) -> None:
    """All in at every turn (A twice, or C when only a call is left), by the keys,
    until the rebuy offer shows."""
    for _ in range(3000):
        if screen.offer.isVisible():
            return
        if shown(screen, StandingsDialog):
            break  # (the player won the tournament: these decks do not bust them)
        legal = screen.model.legal
        if screen.model.my_turn and legal is not None and screen.action_bar.call.isEnabled():
            screen.view.setFocus()
            keys = [Qt.Key.Key_A, Qt.Key.Key_A] if legal.sizing else [Qt.Key.Key_C]
            for key in keys:
                qtbot.keyClick(screen.view, key)
            await until(partial(moved_on, screen.model, legal))
        await asyncio.sleep(0.02)
    mine, model = screen.model.mine, screen.model
    said = (mine and (mine.stack, mine.status, mine.sitting_out), model.hand_no, model.log[-6:])
    raise AssertionError(f"never busted: (stack, status, sitting out), hand, log: {said}")


SEED = 4  # (decks that bust the player: see bust_at_a_sit_and_go)


async def bust_at_a_sit_and_go(qtbot, felt):  # (-> TableScreen)
    """Host a heads-up sit-and-go with rebuys against a bot, start it, and go all in to
    the rebuy offer. The table's random source is seeded, so its seat draw and first deck
    are the same each run (the first hand is dealt from the deck committed to, with no
    player's value mixed in); the easy bot's preflop play is a function of its cards, and
    with this deck it calls and wins. (Folding to the offer instead left the bot blinded
    out first in about 1 run in 25.)"""
    form = {**HOST_FORM, **SPEEDY, "game": "sit_and_go", "starting_stack": 200,
            "hands_per_level": 2, "rebuy_until": 20, "auto_approve": True}  # fmt: skip
    await felt.start_hosting(form, sit=True, bots=["easy"])
    await until(lambda: felt.screen is not None and len(felt.screen.model.seats) == 2)
    screen = felt.screen
    assert screen is not None
    [session] = felt.host.server.core.sessions.values()
    session.table.rng = random.Random(SEED)
    await in_front(felt.window)
    qtbot.mouseClick(screen.host_controls.start, LEFT)
    await shove_to_the_offer(qtbot, screen)
    model = screen.model
    assert model.tournament is not None and model.mine is not None and model.mine.stack == 0
    assert model.hand_no == 1  # (a first hand is dealt as drawn: no player's value is in it)
    text = screen.offer.text.text()
    assert text.startswith("You are out of chips: rebuy for 100 (200 chips) within ")
    assert text.endswith(" s, or finish 2nd.")
    return screen


async def test_a_busted_player_rebuys_from_the_offer(qtbot, data_home):
    """Out of chips while rebuys are open: a strip above the action bar says so, with
    the seconds left; Rebuy puts a starting stack back and the pool counts it."""
    async with app(qtbot, data_home) as felt:
        screen = await bust_at_a_sit_and_go(qtbot, felt)
        model, t = screen.model, screen.model.tournament
        qtbot.mouseClick(screen.offer.rebuy, LEFT)
        await until(lambda: model.mine is not None and model.mine.stack == 200)
        assert not screen.offer.isVisible() and t.rebuys == 1
        assert not shown(screen, StandingsDialog)


async def test_a_busted_player_declines_the_offer_and_finishes_second(qtbot, data_home):
    """No thanks finishes the player at once, second, in the standings."""
    async with app(qtbot, data_home) as felt:
        screen = await bust_at_a_sit_and_go(qtbot, felt)
        model, t = screen.model, screen.model.tournament
        qtbot.mouseClick(screen.offer.decline, LEFT)
        await until(lambda: shown(screen, StandingsDialog))
        [standings] = shown(screen, StandingsDialog)
        places = [standings.grid.item(r, 0).text() for r in range(standings.grid.rowCount())]
        assert places == ["1st", "2nd"] and t.finished[0].member_id == model.me
        notes = [label.text() for label in standings.findChildren(QLabel)]
        assert "2 entrants, 100 each: a prize pool of 200." in notes  # (no rebuy was taken)
