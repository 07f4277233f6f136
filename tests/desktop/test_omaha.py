"""Pot-Limit Omaha in the app, as a person plays it: chosen in the host form with the
keyboard (the 7-2 row goes off), four cards dealt (one's own face up, the friend's face
down), the Pot button's raise as big as the rules allow and no all-in button, and the
winner's Omaha hand named in the log."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.hosting.local_state import HOST_FORM, Settings
from tests.support.net import Client
from tests.support.person import (
    LEFT,
    SPEEDY,
    app,
    autoplay,
    host_form,
    playing,
    type_into,
    until,
)
from tests.support.tables import StackedDeck, stack

ROYAL, PAIR = "AsAhKsKh", "9s2d3d4h"  # on this board: a royal flush; only a pair of twos
DECK = stack([ROYAL, PAIR], "QsJsTs2c7d")  # (the nine of spades alone makes no flush)


async def test_the_host_form_deals_pot_limit_omaha(qtbot, data_home):
    async with app(qtbot, data_home) as felt:
        dialog = await host_form(qtbot, felt)
        assert dialog.variant.currentData() == "nlhe" and dialog.seven_deuce.isEnabled()
        dialog.variant.setFocus()
        qtbot.keyClick(dialog.variant, Qt.Key.Key_Down)
        assert dialog.variant.currentText() == "Pot-Limit Omaha"
        assert not dialog.seven_deuce.isEnabled()  # the 7-2 game is Hold'em's
        type_into(qtbot, dialog.name, "Omaha night")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        await until(lambda: felt.screen is not None and felt.screen.model.name == "Omaha night")
        assert felt.screen is not None and felt.screen.model.variant == "plo"
        assert "PLO 1/2" in felt.screen.title.text()
        assert Settings.load(data_home).table["variant"] == "plo"


async def test_four_cards_each_a_pot_raise_and_an_omaha_hand_named(qtbot, data_home):
    async with app(qtbot, data_home) as felt:
        form = {**HOST_FORM, **SPEEDY, "name": "Omaha", "auto_approve": True, "variant": "plo"}
        await felt.start_hosting(form, sit=True)
        screen = felt.screen
        assert screen is not None
        model, bar = screen.model, screen.action_bar
        await until(lambda: model.my_seat == 1)
        [session] = felt.host.server.core.sessions.values()
        session.table.rng = StackedDeck([DECK])  # (before the first deal: no values yet)
        friend = await Client.connect(felt.host.port, "friend", tls=True)
        await friend.hello(model.table_id, "Friend")
        await friend.answer(await friend.send("sit", seat=2, buy_in=200))
        await until(lambda: len(model.seats[1].cards) == 4)
        mine = "".join(model.seats[1].cards)
        assert mine in (ROYAL, PAIR) and model.seats[2].hidden == 4  # face down, all four
        async with playing(friend):  # (the friend checks or calls: one turn each preflop)
            await until(lambda: model.my_turn and model.legal is not None)
            qtbot.mouseClick(bar.call, LEFT)
            await until(
                lambda: model.my_turn and model.legal is not None and model.street == "flop"
            )
            assert not bar.presets["All-in"].isVisible()
            qtbot.mouseClick(bar.presets["Pot"], LEFT)
            legal = model.legal
            assert legal is not None and legal.bet is not None
            assert bar.amount.value() == legal.bet.max == model.pot_total  # a pot-sized bet
            assert bar.bet_raise.text() == f"Bet {model.pot_total}"  # (not "All-in")
            qtbot.mouseClick(bar.bet_raise, LEFT)
            async with autoplay(qtbot, screen):
                await until(lambda: any("wins with" in line for line in model.log), timeout=30)
        [won] = [line for line in model.log if "wins with" in line]
        assert "Royal flush" in won
