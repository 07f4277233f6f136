"""Run it twice: all in before the river, everyone in the hand is asked; all yes deals the
rest of the board twice from the same stored deck and each half of every pot goes to its
board's winners. Scripted hands with known outcomes (a split, a chopped second board with
its odd chips), a no, a clock that runs out, refusals that change nothing, and a table
restored mid-question."""

from __future__ import annotations

import pytest
from pokerkit import Automation, HandHistory, parse_action

from host_server.rules.moves import Action
from host_server.store.sqlite import Store
from host_server.table import commands as cmd, events as ev, snapshot
from host_server.table.home_game import question
from host_server.table.settings import TableSettings
from host_server.views.archive import hand_view
from host_server.views.exports import phh_of_view, pokerstars_text
from host_server.views.replay import replay
from tests.support import sessions
from tests.support.checks import assert_conserved
from tests.support.tables import Game, StackedDeck, refused, seated, stack_twice

pytestmark = pytest.mark.filterwarnings("ignore:The field 'time_zone_abbreviation'")
START = 1_800_000_000.0
RIT = {"run_it_twice": True, "action_seconds": 20}  # (the question's clock: 15 s)


# Heads-up: seat 2 (the big blind) is dealt first; seat 1 has the button.
SPLIT = stack_twice(["KsKh", "AsAh"], "2c5d9hJs3s", "Kd7c8h2d4c")


def all_in(game: Game, seats: tuple[int, ...]) -> None:
    game.act(seats[0], Action.ALL_IN)
    for seat in seats[1:]:
        game.act(seat, Action.CALL)


def answer(game: Game, seat: int, yes: bool) -> list[str]:
    return game.kinds(game.do(cmd.RunTwice(game.table.seats[seat].member_id, yes)))


def test_all_yes_deals_the_board_twice_and_each_board_wins_half():
    game = seated({1: 100, 2: 100}, [SPLIT], **RIT)
    table = game.table
    all_in(game, (1, 2))
    asked = question(table.hand_log)
    assert asked is not None and asked.seats == (2, 1) and asked.until == game.now + 15
    shown = [e.to_dict()["cards"] for e in table.hand_log if e.kind == "hand_shown"]
    assert shown == [("As", "Ah"), ("Ks", "Kh")]  # both turned up, before anyone answers
    assert answer(game, 2, True) == ["run_twice_answered"]
    done = answer(game, 1, True)
    assert done[:2] == ["run_twice_answered", "runs_chosen"] and "hand_ended" in done
    dealt = [e for e in game.log if isinstance(e, ev.BoardDealt)]
    assert [(e.street, e.run) for e in dealt] == [
        ("flop", 1), ("turn", 1), ("river", 1), ("flop", 2), ("turn", 2), ("river", 2),
    ]  # fmt: skip
    assert game.stacks() == {1: 100, 2: 100}  # the aces take the first board, the kings the second
    assert_conserved(table)


def test_a_no_deals_once():
    game = seated({1: 100, 2: 100}, [SPLIT], **RIT)
    all_in(game, (1, 2))
    done = answer(game, 2, False)
    assert done[:2] == ["run_twice_answered", "runs_chosen"]
    assert [e.run for e in game.log if isinstance(e, ev.BoardDealt)] == [1, 1, 1]
    assert game.stacks() == {1: 200, 2: 0}


def test_no_answer_in_time_deals_once_and_late_answers_are_refused():
    game = seated({1: 100, 2: 100}, [SPLIT], **RIT)
    table = game.table
    all_in(game, (1, 2))
    answer(game, 1, True)
    assert game.kinds(game.tick(14.9)) == []
    assert "runs_chosen" in game.kinds(game.tick(0.2))
    assert table.hand is None and game.stacks() == {1: 200, 2: 0}
    refused(game, cmd.RunTwice(table.seats[2].member_id, True), "not_asked")


def test_answers_out_of_turn_are_refused_and_change_nothing():
    game = seated(
        {1: 100, 2: 100, 3: 100},
        [stack_twice(["KsKh", "AsAh", "2c3d"], "2h5d9hJs3s", "Kd7c8h2d4c")],
        **RIT,
    )
    table = game.table
    refused(game, cmd.RunTwice(1, True), "not_asked")  # nobody is all in yet
    game.act(1, Action.FOLD)  # the button (seat 1) folds; seats 2 and 3 go all in
    all_in(game, (2, 3))
    refused(game, cmd.RunTwice(table.seats[1].member_id, True), "not_asked")  # folded
    answer(game, 2, True)
    refused(game, cmd.RunTwice(table.seats[2].member_id, False), "already_answered")
    restored = snapshot.from_dict(snapshot.to_dict(table))  # mid-question
    assert snapshot.to_dict(restored) == snapshot.to_dict(table)
    asked = question(restored.hand_log)
    assert asked is not None and asked.answers == {2: True}
    answer(game, 3, True)
    assert table.hand is None
    assert_conserved(table)


def test_a_table_without_it_deals_once_unasked():
    game = seated({1: 100, 2: 100}, [SPLIT])
    all_in(game, (1, 2))
    assert "run_twice_offered" not in game.kinds() and game.table.hand is None


def test_a_chopped_second_board_splits_its_half_and_the_first_run_has_the_odd_chip():
    """Three all in for 33: a pot of 99. The first board's half is 50 (the odd chip), all
    the aces'; the second board is a straight on the board, chopped three ways: 17, 16, 16
    (a board's odd chip to the first player after the button)."""
    holes = ["KsKh", "QsQh", "AsAh"]  # seats 2, 3 and the button, seat 1
    deck = stack_twice(holes, "2c5d9hJs3s", "4c5c6c7d8d")
    game = seated({1: 33, 2: 33, 3: 33}, [deck], **RIT)
    all_in(game, (1, 2, 3))
    for seat in (2, 3, 1):
        answer(game, seat, True)
    assert game.stacks() == {1: 66, 2: 17, 3: 16}
    assert_conserved(game.table)


def test_a_hand_run_twice_is_recorded_replayed_and_written_for_trackers_and_pokerkit():
    store = Store(":memory:")
    settings = TableSettings("Twice", seats=2, auto_approve=True, **RIT)
    session, _ = sessions.create(store, settings, "Host", START, rng=StackedDeck([SPLIT]))
    sessions.run(session, cmd.Sit(1, 1, 100), START)
    sessions.run(session, cmd.RequestJoin("Bob"), START)
    sessions.run(session, cmd.Sit(2, 2, 100), START)
    sessions.run(session, cmd.Tick(), START + 5)
    table = session.table
    for seat, action in ((1, Action.ALL_IN), (2, Action.CALL)):
        sessions.run(session, cmd.Act(table.seats[seat].member_id, action, 1), START + 6)
    for seat in (2, 1):
        sessions.run(session, cmd.RunTwice(table.seats[seat].member_id, True), START + 7)
    (record,) = store.hand_records(table.table_id)
    view = hand_view(record, None)
    last = replay(view)[-2]  # the last step before the pot is pushed
    assert last.board == ["2c", "5d", "9h", "Js", "3s"]
    assert last.second_board == ["Kd", "7c", "8h", "2d", "4c"]
    text = pokerstars_text(view, 2)
    for line in ("*** FIRST FLOP *** [2c 5d 9h]", "*** SECOND FLOP *** [Kd 7c 8h]",
                 "*** SECOND RIVER *** [Kd 7c 8h 2d] [4c]", "Hand was run twice",
                 "FIRST Board [2c 5d 9h Js 3s]", "SECOND Board [Kd 7c 8h 2d 4c]"):  # fmt: skip
        assert line in text.splitlines(), line
    phh = HandHistory.loads(phh_of_view(view))
    assert phh.user_defined_fields == {"_runs": 2}
    assert phh.finishing_stacks == [100, 100]
    # pokerkit reads the actions; dealt twice as `_runs` says, its stacks are the record's.
    phh.automations = tuple(
        a for a in phh.automations if a is not Automation.RUNOUT_COUNT_SELECTION
    )
    state, runs = phh.create_state(), phh.user_defined_fields["_runs"]
    for line in phh.actions:
        text = line.removeprefix("# second run: ")
        while state.can_select_runout_count():
            state.select_runout_count(runs)
        if text.startswith("d db") and state.can_burn_card():
            state.burn_card("??")
        parse_action(state, text)
    assert list(state.stacks) == [100, 100]
    store.close()


def test_a_host_restart_moves_the_question_s_clock_on_and_keeps_the_answers():
    game = seated({1: 100, 2: 100}, [SPLIT], **RIT)
    table = game.table
    all_in(game, (1, 2))
    answer(game, 2, True)
    asked = question(table.hand_log)
    assert asked is not None
    down = game.now
    game.now += 600  # the host was down ten minutes
    game.do(cmd.Restarted(down))
    again = question(table.hand_log)
    assert again is not None and again.until == asked.until + 600 and again.answers == {2: True}
    assert game.kinds(game.tick(10)) == []  # (still open: 5 s of its 15 left)
    assert "runs_chosen" in game.kinds(game.tick(6))
