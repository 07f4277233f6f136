"""The table model (no Qt): events and turns keep it equal to a fresh snapshot."""

from __future__ import annotations

import contextlib
import random
from dataclasses import replace

from hypothesis import given, settings, strategies as st

from desktop.model.happened import HANDLERS
from desktop.model.table import TableModel
from desktop.model.words import pretty_cards
from host_server.errors import CommandError
from host_server.protocol.events import Dealt
from host_server.rules.moves import Action
from host_server.table import commands as cmd, decide, events as ev
from host_server.table.shuffle import ShuffleRevealed
from host_server.table.state import Table
from tests.support import wire
from tests.support.random_play import (
    RANDOM_OMAHA,
    RANDOM_TABLE,
    RULES,
    random_step,
    sit_and_go_step,
    with_rules,
)
from tests.support.tables import T0, seated, stack, stack_twice


def feed(model: TableModel, table: Table, viewer: int, events) -> None:
    for seq, event in events:
        model.apply_event(seq, wire.event(table, seq, event, viewer))
    turn = wire.turn(table, viewer)
    if turn:
        model.apply_turn(turn)


def fresh(table: Table, viewer: int) -> TableModel:
    model = TableModel()
    model.apply_snapshot(wire.snapshot(table, viewer))
    turn = wire.turn(table, viewer)
    if turn:
        model.apply_turn(turn)
    return model


@settings(max_examples=25)
@given(
    seed=st.integers(0, 2**32),
    rng=st.randoms(use_true_random=False),
    game=st.sampled_from([RANDOM_TABLE, RANDOM_OMAHA]),
)
def test_a_model_fed_events_draws_the_same_table_as_a_fresh_snapshot(seed, rng, game):
    table, _ = decide.create("m", game, "Host", T0, random.Random(seed))
    models = {}
    now = T0
    for _ in range(120):
        command, wait = random_step(table, rng)
        now += wait
        before = table.seq
        with contextlib.suppress(CommandError):
            events = decide.handle(table, command, now)
            for viewer in table.members:
                if viewer not in models:
                    models[viewer] = fresh(table, viewer)  # joins with a snapshot
                    continue
                feed(models[viewer], table, viewer, list(enumerate(events, start=before + 1)))
        for viewer, model in models.items():
            role = table.members[viewer].role.value
            if role in ("gone", "pending"):
                continue
            assert wire.drawn(model) == wire.drawn(fresh(table, viewer)), viewer


def test_the_hand_log_reads_like_a_dealer_talking():
    g = seated({1: 100, 2: 100}, [stack(["KsKd", "7h7c"], "Kh7d2c3s9h")], start=False)
    model = fresh(g.table, 1)
    before = g.table.seq
    feed(model, g.table, 1, list(enumerate(g.tick(3), start=before + 1)))
    # Heads-up: the button (seat 1, the viewer) acts first preflop, last after the flop.
    steps = [
        (1, Action.CALL),
        (2, Action.CHECK),
        (2, Action.BET),
        (1, Action.CALL),
        (2, Action.CHECK),
        (1, Action.CHECK),
        (2, Action.CHECK),
        (1, Action.CHECK),
    ]
    for seat, action in steps:
        before = g.table.seq
        events = g.act(seat, action, 4 if action is Action.BET else None)
        feed(model, g.table, 1, list(enumerate(events, start=before + 1)))
    text = "\n".join(model.log)
    assert "You are dealt 7♥ 7♣" in text
    assert "Host calls 1" in text and "P2 bets 4" in text
    assert "Flop: K♥ 7♦ 2♣" in text
    assert "P2 shows K♠ K♦" in text and "Host mucks" in text
    assert "P2 wins with Three of a kind, kings (+" in text
    assert pretty_cards(["Td", "As"]) == "10♦ A♠"


def test_a_straddle_is_told_and_drawn_as_a_bet_before_the_cards():
    deck = stack(["7c2d", "8h3c", "AsAh", "KsKh"], "2c5d9hJs3s")
    g = seated({1: 100, 2: 100, 3: 100, 4: 100}, [deck], start=False, straddle="mandatory")
    model = fresh(g.table, 1)
    assert model.straddle == "mandatory"
    before = g.table.seq
    feed(model, g.table, 1, list(enumerate(g.tick(3), start=before + 1)))
    assert "P4 straddles 4" in model.log  # seats 2 and 3 the blinds, seat 4 after them
    assert {n: model.seats[n].bet for n in (1, 2, 3, 4)} == {1: 0, 2: 1, 3: 2, 4: 4}
    assert model.legal is not None and model.legal.raise_ is not None
    assert (model.legal.call, model.legal.raise_.min) == (4, 8)  # a raise: twice the straddle


def test_a_bomb_pot_called_by_the_host_is_told_and_starts_on_the_flop():
    deck = stack(["AsAh", "KsKh", "8c3d"], "2c5d9hJs4s")
    g = seated({1: 100, 2: 100, 3: 100}, [deck], start=False, bomb_pot=10)
    model = fresh(g.table, 1)
    assert model.bomb_pot == 10 and not model.bomb_next
    for command in (cmd.BombPot(1), cmd.Tick()):
        before = g.table.seq
        feed(model, g.table, 1, list(enumerate(g.do(command, 3), start=before + 1)))
    assert "The host calls a bomb pot for the next hand" in model.log
    assert "Bomb pot: everyone puts in 10, and the flop comes" in model.log
    assert not model.bomb_next and model.board == ["2c", "5d", "9h"]
    assert model.pots[0].amount == 30 and all(seat.bet == 0 for seat in model.seats.values())


def test_a_seven_deuce_bounty_turns_the_cards_up_and_is_told():
    deck = stack(["AsAh", "KsKh", "7c2d"], "2c5d9hJs4s")  # the button (seat 1) has 7-2
    g = seated({1: 100, 2: 100, 3: 100}, [deck], start=False, seven_deuce=5)
    model = fresh(g.table, 2)
    assert model.seven_deuce == 5
    for seat, action, amount in ((0, None, None), (1, Action.RAISE, 6), (2, Action.FOLD, None),
                                 (3, Action.FOLD, None)):  # fmt: skip
        before = g.table.seq
        events = g.tick(3) if action is None else g.act(seat, action, amount)
        feed(model, g.table, 2, list(enumerate(events, start=before + 1)))
    assert "Host wins with 7♣ 2♦ and collects the 7-2 bounty: 5 from each (+10)" in model.log
    assert model.seats[1].cards == ["7c", "2d"] and model.seats[1].stack == 113


def test_run_it_twice_is_asked_answered_and_drawn_as_two_boards():
    deck = stack_twice(["KsKh", "AsAh"], "2c5d9hJs3s", "Kd7c8h2d4c")  # seats 2, 1
    g = seated({1: 100, 2: 100}, [deck], start=False, run_it_twice=True)
    model = fresh(g.table, 1)
    assert model.run_it_twice

    def step(events) -> None:
        feed(model, g.table, 1, list(enumerate(events, start=g.table.seq - len(events) + 1)))

    step(g.tick(3))
    step(g.act(1, Action.ALL_IN))
    step(g.act(2, Action.CALL))
    asked = model.run_twice
    assert asked is not None and asked.seats == (2, 1) and not asked.answers
    assert "All in: run it twice? P2, Host decide" in model.log
    again = fresh(g.table, 1)  # a resume mid-question: the same question, from the snapshot
    assert again.run_twice == asked
    step(g.do(cmd.RunTwice(2, True)))
    assert model.run_twice is not None and model.run_twice.answers == {2: True}
    step(g.do(cmd.RunTwice(1, True)))
    assert model.run_twice is None
    assert model.board == ["2c", "5d", "9h", "Js", "3s"]
    assert model.second_board == ["Kd", "7c", "8h", "2d", "4c"]
    for line in ("P2 says yes to running it twice",
                 "Running it twice: two boards, half of each pot on each",
                 "Second run, river: K♦ 7♣ 8♥ 2♦ 4♣"):  # fmt: skip
        assert line in model.log, line
    assert model.seats[1].stack == 100 and model.seats[2].stack == 100
    assert {model.seats[n].status for n in (1, 2)} == {"playing"}  # (not "All-in" any more)


def test_the_deck_revealed_is_checked_and_a_lie_is_told_as_one():
    g = seated({1: 100, 2: 100}, [stack(["KsKh", "AsAh"], "2c5d9hJs3s")], start=False)
    model = fresh(g.table, 1)

    def step(events) -> None:
        feed(model, g.table, 1, list(enumerate(events, start=g.table.seq - len(events) + 1)))

    step(g.tick(3))
    assert model.commitment == g.table.hand_start.commitment
    step(g.act(1, Action.FOLD))
    assert "Deck verified: dealt as committed, with the players' values" in model.log
    [revealed] = [e for e in g.log if isinstance(e, ShuffleRevealed)]
    mine = revealed.opened_to(1)
    lie = ShuffleRevealed(mine.leaves, tuple((p, "2h", s) for p, _, s in mine.opened))
    model.apply_event(model.seq + 1, lie)  # (as if the host had dealt other cards)
    assert model.log[-1] == "DECK CHECK FAILED: the cards dealt are not the deck committed to"


def test_a_host_that_took_my_value_and_left_it_out_of_the_deck_is_caught():
    g = seated({1: 100, 2: 100}, start=False)
    model = fresh(g.table, 1)

    def step(events) -> None:
        feed(model, g.table, 1, list(enumerate(events, start=g.table.seq - len(events) + 1)))

    def fold_it() -> None:
        while g.table.hand is not None:
            step(g.act(g.table.actor_seat or 0, Action.FOLD))

    step(g.tick(3))
    fold_it()  # hand 1 is over: hand 2's deck is committed, and I give it a value
    value = model.to_give(2)
    assert value is not None
    step(g.do(cmd.Entropy(1, 2, value)))
    assert model.taken == 2
    dealt = g.tick(g.table.settings.between_hands_seconds)
    start = next(e for e in dealt if isinstance(e, ev.HandStarted))
    assert value in start.entropy
    forged = [replace(e, entropy=()) if e is start else e for e in dealt]  # as if left out
    step(forged)
    fold_it()
    assert "DECK CHECK FAILED: the host left your value out of the deck" in model.log
    verified = "Deck verified: dealt as committed, with the players' values"
    assert model.log.count(verified) == 1  # hand 1's (no value of mine: nothing to miss)


def test_every_event_a_member_may_receive_has_a_handler():
    """(Two had none: every hand logged an error for each.)"""
    missing = [kind for kind, cls in ev.EVENT_TYPES.items() if cls not in HANDLERS]
    assert missing == ["hand_started"] and Dealt in HANDLERS  # (it arrives as `Dealt`)


def test_a_chopped_pot_is_told_as_a_split():
    board = "AsKsQsJsTs"  # a royal flush on board: both players play it
    g = seated({1: 100, 2: 100}, [stack(["2c3d", "2d3c"], board)], start=False)
    model = fresh(g.table, 1)
    before = g.table.seq
    feed(model, g.table, 1, list(enumerate(g.tick(3), start=before + 1)))
    steps = [(1, Action.CALL), (2, Action.CHECK)] + [(2, Action.CHECK), (1, Action.CHECK)] * 3
    for seat, action in steps:
        before = g.table.seq
        feed(model, g.table, 1, list(enumerate(g.act(seat, action), start=before + 1)))
    assert not model.winners
    assert model.log[-1] == "P2 and Host split the pot"  # in the order the hand seats them


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 2**32), play=st.integers(0, 2**32), rules=RULES)
def test_a_sit_and_go_fed_events_draws_the_same_clock_and_standings_as_a_snapshot(
    seed, play, rules
):
    """The level, its hands, a break, the players left (late ones too), who finished
    where, the blinds: events keep a model where a fresh snapshot puts it, from
    registration to the winner, under any of the host's rules."""
    rng = random.Random(play)
    table, _ = decide.create("m", with_rules(rules), "Host", T0, random.Random(seed))
    models = {1: fresh(table, 1)}
    now = T0
    for _ in range(400):
        if table.tournament is not None and table.tournament.over:
            break
        command, wait = sit_and_go_step(table, rng)
        now += wait
        before = table.seq
        with contextlib.suppress(CommandError):
            events = decide.handle(table, command, now)
            feed(models[1], table, 1, list(enumerate(events, start=before + 1)))
        if table.closed:
            break  # (the host closed it between hands: everyone is gone, the host too)
        assert wire.drawn(models[1]) == wire.drawn(fresh(table, 1))
    assert models[1].tournament is not None
