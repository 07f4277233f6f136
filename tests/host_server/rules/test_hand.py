"""Real hands with a stacked deck: pots, stacks and turns after each action."""

from __future__ import annotations

import contextlib
import random

import pytest
from hypothesis import given, settings, strategies as st
from pokerkit import HandHistory

from host_server.errors import CommandError
from host_server.rules.deck import deal_holes, shuffled_deck
from host_server.rules.hand import Hand, HandSpec
from host_server.rules.moves import Action
from host_server.table import decide, events as ev
from host_server.table.archive import HandRecord
from host_server.views.archive import hand_view
from host_server.views.exports import phh_of_view
from tests.support.random_play import RANDOM_TABLE, random_step
from tests.support.tables import T0, StackedDeck, seated, stack


def ended(events: list[ev.Event]) -> ev.HandEnded:
    (end,) = [e for e in events if isinstance(e, ev.HandEnded)]
    return end


def test_three_all_ins_make_a_main_pot_and_two_side_pots():
    # Button seat 1 (D, 300); SB seat 2 (A, 50); BB seat 3 (B, 100); UTG seat 4 (C, 150).
    # A has the best hand, then B, then C, then D: each wins the pot they are in.
    deck = stack(["AsAh", "KsKh", "QsQh", "7c2d"], board="9c8d4h3s2h")
    g = seated({1: 300, 2: 50, 3: 100, 4: 150}, [deck])
    assert g.table.hand_start.seats == (2, 3, 4, 1)
    assert g.table.actor_seat == 4
    g.act(4, Action.ALL_IN)
    assert g.stacks()[4] == 0
    g.act(1, Action.CALL)
    g.act(2, Action.CALL)  # all-in for less: 50
    assert g.stacks() == {1: 150, 2: 0, 3: 98, 4: 0}
    events = g.act(3, Action.CALL)  # all-in for less: 100
    shown = [e.seat for e in events if isinstance(e, ev.HandShown)]
    assert sorted(shown) == [1, 2, 3, 4]  # every all-in hand is turned up before the runout
    assert [e.street for e in events if isinstance(e, ev.BoardDealt)] == ["flop", "turn", "river"]
    end = ended(events)
    assert dict(zip(end.seats, end.stacks, strict=True)) == {2: 200, 3: 150, 4: 100, 1: 150}
    assert dict(zip(end.seats, end.net, strict=True)) == {2: 150, 3: 50, 4: -50, 1: -150}


def test_split_pot_gives_the_odd_chip_to_the_first_seat_left_of_the_button():
    # Button seat 1 calls, SB seat 2 folds, BB seat 3 checks: pot 5, board plays for both.
    deck = stack(["Qs2c", "3d4d", "Jh3c"], board="5c6d7h8s9c")
    g = seated({1: 100, 2: 100, 3: 100}, [deck])
    g.act(1, Action.CALL)
    g.act(2, Action.FOLD)
    g.act(3, Action.CHECK)
    for _ in range(3):
        g.act(3, Action.CHECK)
        events = g.act(1, Action.CHECK)
    end = ended(events)
    assert dict(zip(end.seats, end.net, strict=True)) == {2: -1, 3: 1, 1: 0}
    assert sum(end.stacks) == 300


def test_heads_up_the_button_posts_the_small_blind_and_acts_first_preflop_only():
    g = seated({1: 100, 2: 100}, [stack(["2c3d", "AhAd"], "KcKdKh9s8s")])
    start = g.table.hand_start
    assert start.button == 1 and start.seats == (2, 1)
    assert g.table.hand.bets == (2, 1)  # seat 2 big blind, button seat 1 small blind
    assert g.table.actor_seat == 1
    g.act(1, Action.CALL)
    g.act(2, Action.CHECK)
    assert g.table.hand.street == "flop"
    assert g.table.actor_seat == 2  # the big blind acts first after the flop
    g.act(2, Action.BET, 10)
    g.act(1, Action.FOLD)
    g.tick(g.table.settings.between_hands_seconds)
    assert g.table.hand_start.button == 2  # the button moves
    assert g.table.actor_seat == 2


def test_an_uncalled_bet_is_returned():
    g = seated({1: 100, 2: 40}, [stack(["AsAd", "7c2h"], "KcQdJh4s3s")])
    # Heads-up: button seat 1 shoves 100, seat 2 calls 40 all-in and wins; 60 comes back.
    g.act(1, Action.ALL_IN)
    end = ended(g.act(2, Action.CALL))
    assert dict(zip(end.seats, end.stacks, strict=True)) == {2: 80, 1: 60}


def test_min_raise_is_the_last_raise_size_and_amounts_are_raise_to():
    g = seated({1: 500, 2: 500, 3: 500}, [shuffled_deck(StackedDeck())])
    # Button seat 1 is first to act three-handed.
    g.act(1, Action.RAISE, 6)  # raise of 4
    with pytest.raises(CommandError) as error:
        g.act(2, Action.RAISE, 9)
    assert error.value.code == "amount_out_of_range"
    assert "10" in error.value.message
    g.act(2, Action.RAISE, 10)
    with pytest.raises(CommandError) as error:
        g.act(3, Action.BET, 20)
    assert error.value.code == "illegal_action"


def test_fold_is_refused_when_checking_is_free_and_all_in_becomes_a_real_action():
    g = seated({1: 100, 2: 100, 3: 30}, [shuffled_deck(StackedDeck())])
    g.act(1, Action.CALL)
    g.act(2, Action.CALL)
    with pytest.raises(CommandError) as error:
        g.act(3, Action.FOLD)  # big blind, nothing to call
    assert error.value.code == "illegal_action"
    events = g.act(3, Action.ALL_IN)
    assert events[0] == ev.PlayerActed(3, "raise", 30, False)
    with pytest.raises(CommandError) as error:
        g.act(3, Action.CHECK)
    assert error.value.code == "not_your_turn"


def test_button_skips_a_busted_seat():
    # Order (2, 3, 1): small blind seat 2 shoves 7-2 into the big blind's kings and busts.
    deck = stack(["7c2h", "KsKd", "AsAd"], "AcQdJh4s3s")
    g = seated({1: 100, 2: 20, 3: 100}, [deck], between_hands_seconds=1)
    g.act(1, Action.FOLD)
    g.act(2, Action.ALL_IN)
    events = g.act(3, Action.CALL)
    assert g.table.seats[2].stack == 0
    assert ev.SatOut(2, "busted") in events
    g.tick(1)
    assert g.table.hand_start.seats == (1, 3)  # heads-up now: button seat 3, seat 1 big blind
    assert g.table.hand_start.button == 3


def test_hand_is_replayable_from_its_spec_and_steps_and_pokerkit_reads_its_phh():
    deck = stack(["AsAd", "KcKd"], "2c7d9hTsJs")
    g = seated({1: 200, 2: 200}, [deck], ante=1)
    g.act(1, Action.RAISE, 7)
    g.act(2, Action.CALL)
    g.act(2, Action.CHECK)
    g.act(1, Action.BET, 20)
    g.act(2, Action.CALL)
    g.act(2, Action.CHECK)
    g.act(1, Action.CHECK)
    g.act(2, Action.CHECK)
    events = g.act(1, Action.CHECK)
    end = ended(events)
    (done,) = g.table.take_finished_hands()
    start = done.start
    record = HandRecord("t", "Test", T0, start, done.steps, done.end, ("P2", "Host"), T0)
    *_, final = HandHistory.loads(phh_of_view(hand_view(record, None, every_card=True)))
    assert tuple(final.stacks) == end.stacks
    replay = Hand(
        HandSpec(start.small_blind, start.big_blind, start.ante, start.stacks, start.deck)
    )
    assert replay.hole_cards(0) == deal_holes(start.deck, 2)[0] == ("As", "Ad")


def test_a_deck_must_be_a_whole_deck():
    with pytest.raises(ValueError):
        Hand(HandSpec(1, 2, 0, (100, 100), ("As",) * 52))


@settings(max_examples=30)
@given(seed=st.integers(0, 2**32), rng=st.randoms(use_true_random=False))
def test_the_choices_are_pokerkits_own_at_every_decision(seed, rng):
    """Legal's bet and raise range is read with two of pokerkit's checks, not eight:
    at every decision of random play (short stacks, all-ins, side pots) it says what
    pokerkit's own verification says (hypothesis's examples reach hundreds of them), but
    for the first raise over a straddle, which Felt makes twice the straddle."""
    table, _ = decide.create("v", RANDOM_TABLE, "Host", 0.0, random.Random(seed))
    now = 0.0
    for _ in range(200):
        hand = table.hand
        if hand is not None and (legal := hand.legal()) is not None:
            state = hand.state
            assert legal.can_raise == state.can_complete_bet_or_raise_to()
            if legal.can_raise:
                low = state.verify_completion_betting_or_raising_to()
                straddle = hand.spec.straddle  # (over a straddle: twice it, Felt's rule)
                if straddle and state.street_index == 0 and max(state.bets) == straddle:
                    low = min(max(low, 2 * straddle), legal.max_to)
                assert legal.min_to == low
                assert state.can_complete_bet_or_raise_to(legal.max_to)
                assert not state.can_complete_bet_or_raise_to(legal.max_to + 1)
        command, wait = random_step(table, rng)
        now += wait
        with contextlib.suppress(CommandError):
            decide.handle(table, command, now)


@settings(max_examples=60)
@given(
    stacks=st.lists(st.integers(3, 400), min_size=2, max_size=6),
    rng=st.randoms(use_true_random=False),
)
def test_who_shows_at_the_river_is_what_pokerkit_says_can_win(stacks, rng):
    """`should_show` asks each best hand once (pokerkit's `can_win_now` forms them all again
    for every player who shows): at every showdown of random play, with side pots from
    uneven stacks, both say the same."""
    deck = list(shuffled_deck(rng))
    hand = Hand(HandSpec(1, 2, 0, tuple(stacks), tuple(deck)))
    for _ in range(100):  # a hand ends in far fewer steps
        if hand.finished:
            break
        if hand.board_due:
            hand.deal_board()
        elif (player := hand.showdown_player) is not None:
            show = hand.should_show(player)
            if len(hand.board) == 5:
                assert show == hand.state.can_win_now(player)
            hand.show_or_muck(player, show)
        else:
            legal = hand.legal()
            assert legal is not None
            options = [Action.CALL if legal.can_call else Action.CHECK, Action.ALL_IN]
            options += [Action.FOLD] * legal.can_fold
            hand.play(hand.verify(legal.player, rng.choice(options)))
    assert hand.finished
