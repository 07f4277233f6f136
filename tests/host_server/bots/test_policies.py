"""Bots: the evaluator, what a bot may know, the levels against each other, bot seats."""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import given, strategies as st
from pokerkit import OmahaHoldemHand, StandardHighHand

from host_server.bots import omaha
from host_server.bots.cards import cards, equity, score, top_range
from host_server.bots.match import play_match
from host_server.bots.policies import Budget, decide
from host_server.bots.situation import situation_for
from host_server.errors import CommandError
from host_server.rules.deck import FULL_DECK
from host_server.rules.moves import Action
from host_server.table import commands as cmd, events as ev, snapshot
from host_server.table.decide import create as create_table, handle
from host_server.table.members import BotLevel, Role
from host_server.table.settings import TableSettings
from host_server.table.state import Table
from tests.support.checks import assert_conserved, cards_in
from tests.support.tables import T0, StackedDeck, seated

FULL = os.environ.get("FELT_SLOW") == "full"
LEVELS = st.sampled_from(list(BotLevel))


@given(st.permutations(FULL_DECK))
def test_scores_order_hands_exactly_like_pokerkit(deck):
    board = deck[4:9]
    ours = score(cards([*deck[:2], *board])), score(cards([*deck[2:4], *board]))
    theirs = [StandardHighHand.from_game("".join(h), "".join(board)) for h in (deck[:2], deck[2:4])]
    assert (ours[0] > ours[1]) == (theirs[0] > theirs[1])
    assert (ours[0] == ours[1]) == (theirs[0] == theirs[1])


def test_equity_knows_a_good_hand_from_a_bad_one():
    rng = random.Random(3)
    anything = [top_range(1.0)]
    aces = equity(cards(["Ah", "Ad"]), (), anything, rng, samples=3000)
    trash = equity(cards(["7h", "2d"]), (), anything, rng, samples=3000)
    made = equity(cards(["Ah", "Kh"]), cards(["Qh", "Jh", "Th"]), anything, rng, samples=200)
    assert 0.82 < aces < 0.88 and 0.30 < trash < 0.38 and made == 1.0
    # Against a tight range the same hand is worth less.
    assert equity(cards(["Jc", "Jd"]), (), [top_range(0.03)], rng, samples=3000) < 0.4


def bot_table(levels: list[BotLevel], deck: tuple[str, ...], variant: str = "nlhe") -> Table:
    settings = TableSettings("Bots", seats=len(levels), between_hands_seconds=1, variant=variant)
    table, _ = create_table("b", settings, "Host", T0, StackedDeck([deck]))
    for seat, level in enumerate(levels, start=1):
        handle(table, cmd.AddBot(1, seat, level.value, 60 + 20 * seat), T0)
    handle(table, cmd.Tick(), T0 + 1)  # every bot is seated: deal
    assert table.hand is not None and len(table.hand.spec.stacks) == len(levels)
    return table


@given(
    levels=st.lists(LEVELS, min_size=2, max_size=6),
    deck=st.permutations(FULL_DECK),
    seed=st.integers(0, 2**32),
)
def test_a_bot_decides_from_what_its_seat_may_see_and_nothing_else(levels, deck, seed):
    n = len(levels)
    first = bot_table(levels, tuple(deck))
    actor = first.hand.actor
    # Shuffle every card the first to act cannot see: other hands, burns, the rest.
    board = {2 * n + 1, 2 * n + 2, 2 * n + 3, 2 * n + 5, 2 * n + 7}
    hidden = [i for i in range(52) if i not in {actor, actor + n} | board]
    shuffled = [deck[i] for i in hidden]
    random.Random(seed).shuffle(shuffled)
    other = list(deck)
    for i, card in zip(hidden, shuffled, strict=True):
        other[i] = card
    second = bot_table(levels, tuple(other))
    seat = first.actor_seat
    member = first.seats[seat].member_id
    mine, theirs = situation_for(first, member), situation_for(second, member)
    assert mine == theirs
    level = levels[seat - 1]
    budget = Budget(samples=200, seconds=None)
    assert decide(level, mine, random.Random(seed), budget) == decide(
        level, theirs, random.Random(seed), budget
    )
    # And through a whole hand, no situation holds a card its seat may not see.
    rng = random.Random(seed)
    for _ in range(100):
        if first.hand is None or first.hand_no != 1:
            break
        seat = first.actor_seat
        member = first.seats[seat].member_id
        situation = situation_for(first, member)
        visible = set(first.hand.hole_cards(first.hand_index(seat))) | set(first.hand.board)
        assert cards_in(situation.__dict__) <= visible
        choice = decide(levels[seat - 1], situation, rng, budget)
        handle(first, cmd.Act(member, choice.action, 1, choice.amount), T0 + 1)
    assert first.hand_no == 2 or first.hand is None  # the hand finished


@given(st.permutations(FULL_DECK))
def test_omaha_hands_order_exactly_like_pokerkit(deck):
    board = deck[8:13]
    ours = [omaha.best(cards(h), cards(board)) for h in (deck[:4], deck[4:8])]
    theirs = [OmahaHoldemHand.from_game("".join(h), "".join(board)) for h in (deck[:4], deck[4:8])]
    assert (ours[0] > ours[1]) == (theirs[0] > theirs[1])
    assert (ours[0] == ours[1]) == (theirs[0] == theirs[1])


def test_omaha_equity_and_starting_hands():
    rng = random.Random(3)
    aces = cards(["As", "Ah", "Ks", "Kh"])  # the best start there is: aces, double suited
    trash = cards(["2c", "2d", "2h", "7s"])  # three of a rank: one is dead
    anything = [omaha.top_range(1.0, set(aces) | set(trash), rng)]
    assert omaha.percentile(aces) < 0.01 and omaha.percentile(cards(["Jh", "Th", "9s", "8s"])) < 0.1
    assert omaha.percentile(trash) > 0.9
    good = equity(aces, (), anything, rng, samples=1500, best=omaha.best)
    bad = equity(trash, (), anything, rng, samples=1500, best=omaha.best)
    assert 0.6 < good < 0.75 and 0.15 < bad < 0.3  # (by pokerkit's hands: 0.71 and 0.22)
    # The nut flush with the ace and a second spade in hand; a single spade makes nothing.
    board = cards(["Ks", "Qs", "7s", "2d", "3c"])
    assert equity(cards(["As", "9s", "4h", "4d"]), board, anything, rng, samples=200,
                  best=omaha.best) == 1.0  # fmt: skip


@given(
    levels=st.lists(LEVELS, min_size=2, max_size=5),
    deck=st.permutations(FULL_DECK),
    seed=st.integers(0, 2**32),
)
def test_bots_play_pot_limit_omaha_at_every_level_seeing_only_their_cards(levels, deck, seed):
    table = bot_table(levels, tuple(deck), "plo")
    rng, budget = random.Random(seed), Budget(samples=60, seconds=None)
    for _ in range(100):
        if table.hand is None or table.hand_no != 1:
            break
        seat = table.actor_seat
        member = table.seats[seat].member_id
        situation = situation_for(table, member)
        mine = table.hand.hole_cards(table.hand_index(seat))
        assert len(mine) == 4 and situation.variant == "plo"
        assert cards_in(situation.__dict__) <= set(mine) | set(table.hand.board)
        choice = decide(levels[seat - 1], situation, rng, budget)
        handle(table, cmd.Act(member, choice.action, 1, choice.amount), T0 + 1)  # (legal)
    assert table.hand_no == 2 or table.hand is None  # the hand finished
    assert_conserved(table)


@pytest.mark.slow
def test_standard_beats_easy_and_strong_beats_standard():
    """Duplicate heads-up matches with fixed seeds; z > 2: not noise (figures in
    benchmarks/RESULTS.md, from benchmarks/bots.py)."""
    easy = play_match(BotLevel.STANDARD, BotLevel.EASY, 1000 if FULL else 200)
    assert easy.total > 0 and easy.z > 2, easy
    standard = play_match(BotLevel.STRONG, BotLevel.STANDARD, 2000 if FULL else 600)
    assert standard.total > 0 and standard.z > 2, standard
    omaha = play_match(BotLevel.STANDARD, BotLevel.EASY, 200, variant="plo")  # (strong's: the
    assert omaha.total > 0 and omaha.z > 2, omaha  # benchmark's, too slow for the suite)


def test_the_host_adds_and_removes_bots_and_nobody_else_may():
    game = seated({1: 200, 2: 200}, start=False)
    table = game.table
    refused = [
        (cmd.AddBot(2, 5, "easy"), "not_host"),
        (cmd.AddBot(1, 2, "easy"), "seat_taken"),
        (cmd.AddBot(1, 11, "easy"), "seat_out_of_range"),
        (cmd.AddBot(1, 5, "genius"), "invalid_level"),
        (cmd.AddBot(1, 5, "easy", 5), "amount_out_of_range"),
        (cmd.RemoveBot(1, 2), "not_a_bot"),
        (cmd.RemoveBot(1, 7), "not_a_bot"),
    ]
    for command, code in refused:
        before = snapshot.to_dict(table)
        with pytest.raises(CommandError) as error:
            game.do(command)
        assert error.value.code == code and snapshot.to_dict(table) == before
    events = game.do(cmd.AddBot(1, 5, "strong"))
    assert [e.kind for e in events[:2]] == ["bot_added", "seat_taken"]
    bot = table.members[table.seats[5].member_id]
    assert bot.bot == "strong" and bot.connected and table.seats[5].stack == 1000
    game.do(cmd.AddBot(1, 6, "easy", 50))
    assert {table.members[table.seats[n].member_id].name for n in (5, 6)} == {"Ada", "Blaise"}
    game.tick(table.settings.between_hands_seconds)
    assert table.hand is not None and 5 in table.hand_start.seats
    # Removed mid-hand: the bot plays no more, leaves at the hand's end and is cashed out.
    events = game.do(cmd.RemoveBot(1, 5))
    assert events[0] == ev.ExitScheduled(bot.id, "removed")
    for _ in range(50):
        if table.hand is None or table.hand_no != 1:
            break
        actor = table.actor_seat
        legal = table.hand.legal()
        game.act(actor, Action.CHECK if legal.can_check else Action.CALL)
    left = [e for e in game.log if isinstance(e, ev.MemberLeft)]
    assert left and left[-1].member_id == bot.id and left[-1].reason == "removed"
    assert bot.role is Role.GONE and 5 not in table.seats
    assert_conserved(table)


def test_bots_stay_connected_through_a_host_restart():
    game = seated({1: 200}, start=False)
    game.do(cmd.AddBot(1, 2, "easy"))
    game.do(cmd.Connect(1))
    game.do(cmd.Restarted(game.now - 30), wait=60)
    bot = game.table.members[game.table.seats[2].member_id]
    assert bot.connected and not game.table.members[1].connected


def short_table(hole: tuple[str, str], stack: int) -> tuple[Table, int]:
    """Three bots of `stack` chips at 1/2; the first to act holds `hole`."""
    settings = TableSettings("Short", seats=3, min_buy_in=8, max_buy_in=400)
    rest = [c for c in FULL_DECK if c not in hole]
    deck = (rest[0], rest[1], hole[0], rest[2], rest[3], hole[1], *rest[4:])  # button first
    table, _ = create_table("s", settings, "Host", T0, StackedDeck([deck]))
    for seat in (1, 2, 3):
        handle(table, cmd.AddBot(1, seat, "standard", stack), T0)
    handle(table, cmd.Tick(), T0 + 5)
    assert table.hand is not None and table.hand.hole_cards(table.hand.actor or 0) == hole
    return table, table.seats[table.actor_seat or 0].member_id


@pytest.mark.parametrize("level", list(BotLevel))
def test_a_short_stack_shoves_or_folds_and_a_deep_one_does_not_shove(level):
    budget, rng = Budget(samples=200, seconds=None), random.Random(1)
    table, bot = short_table(("Ah", "Kd"), 14)  # 7 big blinds, a strong hand: all in
    assert decide(level, situation_for(table, bot), rng, budget).action is Action.ALL_IN
    table, bot = short_table(("7h", "2d"), 14)  # the worst hand: out
    assert decide(level, situation_for(table, bot), rng, budget).action is Action.FOLD
    table, bot = short_table(("Ah", "Kd"), 400)  # 200 big blinds: a raise, not a shove
    deep = decide(level, situation_for(table, bot), rng, budget)
    assert deep.action is not Action.ALL_IN
