"""What each role sees: own cards only, shown cards to all, summaries to pending guests."""

from __future__ import annotations

import contextlib
import json
import random

from hypothesis import given, settings, strategies as st

from host_server.errors import CommandError
from host_server.rules.moves import Action
from host_server.table import commands as cmd, decide, events as ev
from host_server.views import live as views
from tests.support.checks import cards_in
from tests.support.random_play import RANDOM_TABLE, random_step
from tests.support.tables import seated, stack

DECK = stack(["AsAd", "KcKd"], "2c7d9hTsJs")  # seat 2 (big blind) AsAd, seat 1 (button) KcKd


def watched_game():
    g = seated({1: 100, 2: 100}, [DECK], auto_approve=False)
    g.do(cmd.RequestJoin("Watcher"))
    g.do(cmd.Approve(1, 3))
    g.do(cmd.RequestJoin("Knocking"))  # member 4 stays pending
    return g


def test_snapshots_show_own_cards_only():
    g = watched_game()
    host, player, watcher, pending = 1, 2, 3, 4
    assert cards_in(views.snapshot(g.table, host)) == {"Kc", "Kd"}
    assert cards_in(views.snapshot(g.table, player)) == {"As", "Ad"}
    assert cards_in(views.snapshot(g.table, watcher)) == set()
    seats = views.snapshot(g.table, watcher)["seats"]
    assert [s["hidden_cards"] for s in seats] == [2, 2]
    guest = views.snapshot(g.table, pending)
    assert set(guest) == {"summary", "you"}  # the public summary, nothing of the game
    assert guest["summary"]["seats_taken"] == 2
    assert "deck" not in json.dumps(views.snapshot(g.table, host))


def test_hand_started_gives_each_player_their_own_cards_and_never_the_deck():
    g = watched_game()
    (start,) = [e for e in g.log if isinstance(e, ev.HandStarted)]
    host_view = views.project(g.table, start, 1)
    assert host_view["your_cards"] == ["Kc", "Kd"] and "deck" not in host_view
    assert views.project(g.table, start, 2)["your_cards"] == ["As", "Ad"]
    assert "your_cards" not in views.project(g.table, start, 3)
    assert views.project(g.table, start, 4) is None


def test_only_the_player_to_act_is_told_their_choices():
    g = watched_game()
    assert views.snapshot(g.table, 1)["you"]["legal"] == {
        "fold": True,
        "check": False,
        "call": 1,
        "raise": {"min": 4, "max": 100},
    }
    assert "legal" not in views.snapshot(g.table, 2)["you"]


def test_showdown_shows_cards_to_everyone_and_a_fold_shows_nothing():
    g = watched_game()
    g.act(1, Action.CALL)
    g.act(2, Action.CHECK)
    for _ in range(3):  # the big blind acts first after the flop
        g.act(2, Action.CHECK)
        events = g.act(1, Action.CHECK)
    shown = [e for e in events if isinstance(e, (ev.HandShown, ev.HandMucked))]
    assert shown[0] == ev.HandShown(2, ("As", "Ad"))  # first to act shows first
    assert shown[1] == ev.HandMucked(1)  # kings lose: mucked, never seen
    for viewer in (1, 3):
        assert cards_in(views.project(g.table, shown[0], viewer)) == {"As", "Ad"}
        assert cards_in(views.project(g.table, shown[1], viewer)) == set()
    assert views.project(g.table, shown[0], 4) is None


def test_pending_guests_hear_only_about_their_own_request():
    g = seated({1: 100, 2: 100}, start=False, auto_approve=False)
    events = g.do(cmd.RequestJoin("Knock"))
    assert views.project(g.table, events[0], 3) == events[0].to_dict()
    other = g.do(cmd.SitOut(2))[0]
    assert views.project(g.table, other, 3) is None
    approved = g.do(cmd.Approve(1, 3))[0]
    assert views.project(g.table, approved, 3) == {"kind": "member_approved", "member_id": 3}


@settings(max_examples=30)
@given(seed=st.integers(0, 2**32), rng=st.randoms(use_true_random=False))
def test_views_for_many_viewers_are_each_viewers_own_view(seed, rng):
    """The host encodes a shared view once for everyone it is handed to: sharing must
    never give a viewer anything but their own view (own cards, own choices)."""
    table, _ = decide.create("v", RANDOM_TABLE, "Host", 0.0, random.Random(seed))
    now = 0.0
    for _ in range(120):
        command, wait = random_step(table, rng)
        now += wait
        with contextlib.suppress(CommandError):
            events = decide.handle(table, command, now)
            viewers = [*table.members, None, max(table.members) + 1]  # + outsiders
            for event in events:
                shared = views.projections(table, event, viewers)
                assert shared == {v: views.project(table, event, v) for v in viewers}
            turns = views.turns(table, viewers)
            for viewer in viewers:
                alone = views.turns(table, [viewer])[viewer]
                assert turns[viewer] == alone
                if alone is not None and alone.get("legal") is not None:
                    actor = table.actor_seat
                    assert actor is not None and table.seats[actor].member_id == viewer


def test_a_player_sitting_out_from_the_next_hand_plays_this_one_and_shows_so():
    g = seated({1: 200, 2: 200, 3: 200})
    actor = g.table.actor_seat
    other = next(n for n in (1, 2, 3) if n != actor)
    g.do(cmd.SitOut(g.table.seats[other].member_id))
    seat = next(s for s in views.snapshot(g.table, 1)["seats"] if s["seat"] == other)
    assert seat["sitting_out"] is True and seat["status"] == "playing"  # dealt in still
    for _ in range(40):  # everyone checks or calls it down (bounded)
        if g.table.hand is None:
            break
        try:
            g.act(g.table.actor_seat, Action.CHECK)
        except CommandError:
            g.act(g.table.actor_seat, Action.CALL)
    seat = next(s for s in views.snapshot(g.table, 1)["seats"] if s["seat"] == other)
    assert seat["status"] == "sitting_out"


def test_the_join_key_is_seen_by_the_host_alone():
    g = watched_game()
    host, player, watcher, pending = 1, 2, 3, 4
    [changed] = g.do(cmd.SetJoinKey(host, "k" * 16))
    assert views.project(g.table, changed, host) == {"kind": "join_key_changed", "key": "k" * 16}
    for other in (player, watcher, pending, None):
        assert views.project(g.table, changed, other) is None
        assert "k" * 16 not in json.dumps(views.snapshot(g.table, other))
    assert views.snapshot(g.table, host)["join_key"] == "k" * 16
