"""A sit-and-go's dead button: when the big blind busts, nobody posts the next small
blind; when the small blind busts, the button stays on the empty seat; the big blind
always moves one seat on. Both hands play, replay, and read back as PokerStars and PHH
text in pokerkit."""

from __future__ import annotations

import random

import pytest
from pokerkit import HandHistory, PokerStarsParser

from host_server.host.session import TableSession
from host_server.rules.moves import Action
from host_server.store.sqlite import Store
from host_server.table import commands as cmd, events as ev, snapshot
from host_server.table.settings import TableSettings
from host_server.table.tournament import Tournament
from host_server.views.archive import hand_view
from host_server.views.exports import phh_of_view, pokerstars_text
from tests.support import sessions
from tests.support.checks import assert_conserved

pytestmark = pytest.mark.filterwarnings("ignore:The field 'time_zone_abbreviation'")
START = 1_800_000_000.0
STRUCTURE = Tournament.preset("turbo", buy_in=10, starting_stack=400, minutes=60)


def blinds_clash(seed: int, store: Store) -> tuple[TableSession, ev.HandStarted, int]:
    """Four players; the first hand's small and big blind all in against each other, the
    others fold: (session, that hand's start, the seat that busted) or a chop's None."""
    s = TableSettings.sit_and_go("Dead", STRUCTURE, seats=4, auto_approve=True,
                                 between_hands_seconds=0)  # fmt: skip
    session, _ = sessions.create(store, s, "Host", START, rng=random.Random(seed))
    for seat, name in enumerate(("Ann", "Bob", "Cyd", "Dee"), start=1):
        sessions.run(session, cmd.RequestJoin(name), START)
        sessions.run(session, cmd.Sit(seat + 1, seat, 400), START)
    sessions.run(session, cmd.StartTournament(1), START)
    table = session.table
    start = table.hand_start
    assert start is not None and table.hand is not None
    small, big, utg, button = start.seats
    member = {n: table.seats[n].member_id for n in start.seats}
    for seat, action in ((utg, Action.FOLD), (button, Action.FOLD), (small, Action.ALL_IN),
                         (big, Action.CALL)):  # fmt: skip
        sessions.run(session, cmd.Act(member[seat], action, table.hand_no), START + 1)
    busted = [n for n in (small, big) if n not in table.seats]
    return session, start, busted[0] if busted else 0


def clash(which: str) -> tuple[TableSession, ev.HandStarted, Store]:
    """The first seed whose clash busts the small blind ("small") or the big ("big")."""
    for seed in range(40):
        store = Store(":memory:")
        session, start, busted = blinds_clash(seed, store)
        if busted and busted == start.seats[0 if which == "small" else 1]:
            return session, start, store
        store.close()
    raise AssertionError(f"no seed busted the {which} blind")


def next_hand(session: TableSession) -> ev.HandStarted:
    out = sessions.run(session, cmd.Tick(), START + 5)
    (started,) = [r.event for r in out if isinstance(r.event, ev.HandStarted)]
    return started


def test_the_big_blind_busts_so_nobody_posts_the_next_small_blind():
    session, first, store = clash("big")
    small, big, utg, button = first.seats
    second = next_hand(session)
    assert second.dead_small_blind == big  # the small blind's seat, empty now
    assert second.seats == (utg, button, small) and second.button == small
    hand = session.table.hand
    assert hand is not None
    assert list(hand.bets) == [STRUCTURE.levels[0].big_blind, 0, 0]  # the big blind alone
    assert session.table.actor_seat == button  # the first to act: after the big blind
    assert_conserved(session.table)
    third = _played_out_then_next(session)
    assert third.dead_small_blind is None  # the hand after: blinds as usual
    assert third.seats[:2] == (utg, button) and third.button == big  # a dead button
    _reads_back(store, session, second.hand_no, blinds=("big",))
    store.close()


def test_the_small_blind_busts_so_the_button_stays_on_the_empty_seat():
    session, first, store = clash("small")
    small, big, utg, button = first.seats
    second = next_hand(session)
    assert second.button == small and small not in session.table.seats  # the dead button
    assert second.seats == (big, utg, button) and second.dead_small_blind is None
    third = _played_out_then_next(session)
    assert third.seats == (utg, button, big) and third.button == big
    _reads_back(store, session, second.hand_no, blinds=("small", "big"))
    restored = snapshot.from_dict(snapshot.to_dict(session.table))
    assert snapshot.to_dict(restored) == snapshot.to_dict(session.table)
    store.close()


def _played_out_then_next(session: TableSession) -> ev.HandStarted:
    table = session.table
    for _ in range(10):
        if table.hand is None:
            break
        legal = table.hand.legal()
        assert legal is not None and table.actor_seat is not None
        action = Action.FOLD if legal.can_fold else Action.CHECK
        member = table.seats[table.actor_seat].member_id
        sessions.run(session, cmd.Act(member, action, table.hand_no), START + 4)
    return next_hand(session)


def _reads_back(store: Store, session: TableSession, hand_no: int, blinds) -> None:
    (record,) = [
        r for r in store.hand_records(session.table.table_id) if r.start.hand_no == hand_no
    ]
    view = hand_view(record, None)
    text = pokerstars_text(view, 4)
    assert ("posts small blind" in text) == ("small" in blinds)
    assert f"Seat #{view['button']} is the button" in text
    finals = [p["final_stack"] for p in view["players"]]
    (parsed,) = PokerStarsParser()(text, error_status=True)
    assert list(parsed)[-1].stacks == finals
    phh = HandHistory.loads(phh_of_view(view))
    assert list(list(phh)[-1].stacks) == finals
