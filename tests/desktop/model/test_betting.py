"""Bet sizes, presets, pre-actions and what a click becomes: no widgets."""

from __future__ import annotations

from desktop.model.betting import (
    PreAction,
    Sizing,
    all_in,
    bet_or_raise,
    call_or_check,
    limits,
    pre_action,
    preset,
)
from host_server.protocol.shapes import Legal, Sizing as Range
from host_server.rules.moves import Action

FACING = Legal(fold=True, check=False, call=10, raise_=Range(min=30, max=500))
OPEN = Legal(fold=False, check=True, call=0, bet=Range(min=10, max=500))
SHOVE_ONLY = Legal(fold=True, check=False, call=200)


def test_a_click_becomes_the_action_the_rules_name():
    assert call_or_check(FACING) is Action.CALL and call_or_check(OPEN) is Action.CHECK
    assert bet_or_raise(FACING, 120, 500) == (Action.RAISE, 120)
    assert bet_or_raise(OPEN, 40, 500) == (Action.BET, 40)
    assert bet_or_raise(FACING, 500, 500) == (Action.ALL_IN, None)  # the top is all-in
    # Pot-limit: the top of the range is the pot, short of the stack: a raise to it.
    assert bet_or_raise(FACING, 500, 900) == (Action.RAISE, 500)
    assert all_in(FACING, 500, 500) and not all_in(FACING, 500, 900)
    assert limits(SHOVE_ONLY) is None and limits(None) is None


def test_presets_size_from_the_pot_and_stay_in_range():
    # Pot 30, 10 to call, 5 in front: a pot raise is call (10) + the pot after it (40).
    assert preset("Pot", FACING, pot_total=30, my_bet=5) == 55
    assert preset("½ Pot", FACING, pot_total=30, my_bet=5) == 35
    assert preset("Min", FACING, 30, 5) == 30 and preset("All-in", FACING, 30, 5) == 500
    assert preset("¾ Pot", FACING, pot_total=10_000, my_bet=0) == 500  # capped


def test_a_ticked_box_acts_as_it_says_when_the_turn_comes():
    assert pre_action(PreAction.CHECK_FOLD, OPEN) is Action.CHECK
    assert pre_action(PreAction.CHECK_FOLD, FACING) is Action.FOLD
    assert pre_action(PreAction.CALL_ANY, FACING) is Action.CALL
    assert pre_action(PreAction.NONE, FACING) is None


def test_the_amount_being_sized_survives_a_refresh_but_not_a_new_decision():
    sizing = Sizing()
    assert sizing.follow(FACING, (1, 3)) == (30, 500) and sizing.amount == 30
    sizing.choose(180)
    assert sizing.follow(FACING, (1, 3)) == (30, 500) and sizing.amount == 180  # a chat line
    sizing.choose(9_999)
    assert sizing.amount == 500  # kept within the range
    sizing.follow(FACING, (1, 5))  # the next decision, even at the same range
    assert sizing.amount == 30
