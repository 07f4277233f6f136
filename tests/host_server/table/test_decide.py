"""Members, seats, host powers, clocks and grace periods, driven with time passed in."""

from __future__ import annotations

import pytest

from host_server.rules.moves import Action
from host_server.table import commands as cmd, dealer, decide, events as ev, snapshot
from host_server.table.members import Role
from host_server.table.settings import TableSettings
from tests.support.tables import T0, Game, refused, seated


def new_game(**settings) -> Game:
    table, first = decide.create("t", TableSettings("Test", **settings), "Host", T0)
    game = Game(table)
    game.log += first
    return game


def test_join_waits_for_the_host_then_sits_and_plays():
    g = new_game(small_blind=5, big_blind=10)
    assert g.kinds(g.do(cmd.RequestJoin("Bea"))) == ["join_requested"]
    assert g.table.members[2].role is Role.PENDING
    refused(g, cmd.Sit(2, 1, 500), "not_approved")
    refused(g, cmd.Approve(2, 2), "not_host")
    g.do(cmd.Approve(1, 2))
    assert g.table.members[2].role is Role.SPECTATOR
    refused(g, cmd.Approve(1, 2), "not_pending")
    g.do(cmd.Sit(2, 4, 500))
    refused(g, cmd.Sit(1, 4, 500), "seat_taken")
    refused(g, cmd.Sit(1, 11, 500), "seat_out_of_range")
    refused(g, cmd.Sit(1, 5, 150), "amount_out_of_range")  # minimum is 20 big blinds
    refused(g, cmd.Sit(1, 5, 1001), "amount_out_of_range")  # maximum 100 big blinds
    events = g.do(cmd.Sit(1, 5, 1000))
    assert g.kinds(events) == ["seat_taken"]  # a moment to fill the table before dealing
    assert g.kinds(g.tick(3)) == ["hand_started"]
    assert g.table.members[2].role is Role.PLAYER


def test_reject_auto_approve_and_names():
    g = new_game()
    g.do(cmd.RequestJoin("Cal"))
    g.do(cmd.Reject(1, 2))
    assert g.table.members[2].role is Role.GONE
    refused(g, cmd.Sit(2, 1, 100), "unknown_member")
    refused(g, cmd.RequestJoin("  host "), "name_taken")
    refused(g, cmd.RequestJoin(""), "invalid_name")
    refused(g, cmd.RequestJoin("x" * 25), "invalid_name")
    auto = new_game(auto_approve=True)
    assert auto.kinds(auto.do(cmd.RequestJoin("Dee"))) == ["join_requested", "member_approved"]
    refused(g, cmd.RequestJoin("Tab\tby"), "invalid_name")  # no control characters
    assert g.kinds(g.do(cmd.RequestJoin("  Ann   Lee "))) == ["join_requested"]
    assert g.table.members[3].name == "Ann Lee"


def test_a_table_has_room_for_two_hundred_members():
    g = new_game(auto_approve=True)  # (else the door holds them: at most 10 wait at once)
    for n in range(199):  # the host is the first
        g.do(cmd.RequestJoin(f"Guest {n}"))
    refused(g, cmd.RequestJoin("One more"), "table_full")


def test_at_most_max_pending_wait_for_approval_and_room_comes_back():
    g = new_game(max_pending=3)
    for n in range(3):
        g.do(cmd.RequestJoin(f"Guest {n}"))
    refused(g, cmd.RequestJoin("Fourth"), "too_many_waiting")
    first = next(m.id for m in g.table.members.values() if m.role is Role.PENDING)
    g.do(cmd.Reject(1, first))
    g.do(cmd.RequestJoin("Fourth"))
    refused(g, cmd.RequestJoin("Fifth"), "too_many_waiting")


def test_a_ban_kicks_and_refuses_the_name_whatever_its_case_and_survives_a_rebuild():
    g = new_game(auto_approve=True)
    g.do(cmd.RequestJoin("Mallory"))
    mallory = g.table.next_member_id - 1
    refused(g, cmd.Kick(mallory, 1, ban=True), "not_host")
    events = g.do(cmd.Kick(1, mallory, ban=True))
    assert g.kinds(events) == ["member_banned", "member_left"]
    refused(g, cmd.RequestJoin("  MALLORY "), "banned")
    g.do(cmd.RequestJoin("Trent"))  # anyone else comes in
    rebuilt = snapshot.from_dict(snapshot.to_dict(g.table))
    assert rebuilt.banned == {"mallory"}
    g.do(cmd.RequestJoin("Peggy"))
    g.do(cmd.Kick(1, g.table.next_member_id - 1, ban=True))  # a pending guest too
    assert g.table.banned == {"mallory", "peggy"}


def test_leaving_mid_hand_folds_at_their_turn_and_cashes_out_after_the_hand():
    g = seated({1: 100, 2: 100, 3: 100})  # button 1, SB 2, BB 3; seat 1 to act
    member = g.table.seats[2].member_id
    assert g.kinds(g.do(cmd.Leave(member))) == ["exit_scheduled"]
    refused(g, cmd.Stand(member), "already_leaving")
    events = g.act(1, Action.CALL)
    # Seat 2 folds automatically; the blinds it posted stay in the pot.
    assert ev.PlayerActed(2, "fold", 0, False) in events
    g.act(3, Action.CHECK)
    while g.table.hand is not None:
        g.act(g.table.actor_seat, Action.CHECK)
    left = [e for e in g.log if isinstance(e, ev.MemberLeft)]
    assert left == [ev.MemberLeft(member, "leave", 99)]
    assert 2 not in g.table.seats
    assert g.table.members[member].cashed_out == 99


def test_kick_returns_chips_to_the_balance_and_host_cannot_be_kicked():
    g = seated({1: 100, 2: 100}, start=False)
    refused(g, cmd.Kick(2, 1), "not_host")
    refused(g, cmd.Kick(1, 1), "cannot_kick_host")
    refused(g, cmd.Leave(1), "host_cannot_leave")
    events = g.do(cmd.Kick(1, 2))
    assert events == [ev.SeatLeft(2, 2, 100, "kick"), ev.MemberLeft(2, "kick", 100)]
    assert g.table.members[2].role is Role.GONE


def test_standing_keeps_the_stack_on_the_balance_for_a_later_return():
    g = seated({1: 100, 2: 150}, start=False, max_buy_in=200)
    g.do(cmd.Stand(2))
    assert g.table.members[2].balance == 150
    refused(g, cmd.Sit(2, 3, 100), "amount_out_of_range")  # no shrinking the stack on return
    g.do(cmd.Sit(2, 3, 180))  # the 150 come back, 30 are a new buy-in
    assert g.table.members[2].balance == 0
    assert g.table.members[2].bought_in == 180


def test_action_clock_then_time_bank_then_auto_fold_and_sit_out_after_two_timeouts():
    g = seated({1: 100, 2: 100, 3: 100}, action_seconds=30, time_bank_seconds=20)
    # Hand 1: button seat 1 acts first; 30 s clock plus a 20 s bank.
    assert g.table.turn_deadline() == dealer.next_deadline(g.table) == g.now + 50
    assert g.tick(49.9) == []
    assert g.tick(0.1) == [ev.PlayerActed(1, "fold", 0, True)]  # owed 2: folds
    assert g.table.seats[1].time_bank == 0 and g.table.seats[1].timeouts == 1
    g.act(2, Action.CALL)
    while g.table.hand is not None:
        g.act(g.table.actor_seat, Action.CHECK)
    # Hand 2: button seat 2, small blind seat 3, big blind seat 1 who may check for free.
    g.tick(g.table.next_hand_at - g.now)
    g.act(2, Action.CALL)
    g.act(3, Action.CALL)
    assert g.table.turn_deadline() == g.now + 30  # no bank left
    events = g.tick(30)
    assert events[:2] == [ev.PlayerActed(1, "check", 0, True), ev.SatOut(1, "timeouts")]
    assert g.table.seats[1].sitting_out


def test_a_player_who_is_away_gets_the_action_clock_and_keeps_the_time_bank():
    g = seated({1: 100, 2: 100, 3: 100}, action_seconds=30, time_bank_seconds=20)
    for member in (1, 2, 3):
        g.do(cmd.Connect(member))
    g.do(cmd.Disconnect(1), wait=12)  # seat 1 is to act; it goes 12 s into its turn
    assert g.table.turn_deadline() == g.now + 30  # the clock from when it went, no bank
    assert g.tick(29.9) == []
    assert g.tick(0.1) == [ev.PlayerActed(1, "fold", 0, True)]
    assert g.table.seats[1].time_bank == 20  # kept for when it is back
    g.do(cmd.Disconnect(2))  # away before its turn: the action clock from its turn
    assert g.table.actor_seat == 2 and g.table.turn_deadline() == g.now + 30
    g.do(cmd.Connect(2), wait=5)  # back in time: the bank is there again
    assert g.table.turn_deadline() == g.now - 5 + 50


def test_acting_late_spends_the_time_bank():
    g = seated({1: 100, 2: 100}, action_seconds=10, time_bank_seconds=30)
    g.now += 25
    g.act(1, Action.CALL)
    assert g.table.seats[1].time_bank == pytest.approx(15)


def test_disconnect_grace_then_sat_out_then_seat_freed_with_stack_kept():
    g = seated({1: 100, 2: 100}, start=False, disconnect_grace_seconds=300, seat_free_seconds=600)
    g.do(cmd.Connect(2))
    g.do(cmd.Disconnect(2))
    g.do(cmd.Pause(1))  # no hands, so only the grace clocks run
    assert dealer.next_deadline(g.table) == g.now + 300
    assert g.tick(299) == []
    assert g.tick(1) == [ev.SatOut(2, "disconnected")]
    assert g.kinds(g.do(cmd.Connect(2))) == ["connected", "sat_in"]
    g.do(cmd.Disconnect(2))
    g.tick(300)
    assert g.tick(300) == [ev.SeatLeft(2, 2, 100, "freed")]
    assert g.table.members[2].balance == 100


def test_pause_stops_the_clock_immediately_and_resume_restarts_it_where_it_stood():
    g = seated({1: 100, 2: 100}, action_seconds=30, time_bank_seconds=0)
    g.tick(10)
    refused(g, cmd.Pause(2, immediate=True), "not_host")
    g.do(cmd.Pause(1, immediate=True))
    refused(g, cmd.Act(1, Action.CALL, g.table.hand_no), "paused")
    assert dealer.next_deadline(g.table) is None
    assert g.tick(1000) == []
    g.do(cmd.Unpause(1))
    assert g.table.turn_deadline() == pytest.approx(g.now + 20)
    refused(g, cmd.Unpause(1), "not_paused")


def test_pause_between_hands_lets_the_hand_finish_and_deals_no_more():
    g = seated({1: 100, 2: 100})
    assert g.kinds(g.do(cmd.Pause(1))) == ["pause_scheduled"]
    g.act(1, Action.FOLD)
    assert g.table.paused
    assert g.kinds(g.tick(100)) == []
    g.do(cmd.Unpause(1))
    assert g.kinds(g.tick(3)) == ["hand_started"]


def test_the_next_hand_is_dealt_by_the_clock_even_with_no_pause_between_hands():
    # The action that ends a hand is not kept waiting for the next deal.
    g = seated({1: 100, 2: 100}, between_hands_seconds=0)
    events = g.act(1, Action.FOLD)
    assert g.kinds(events)[-3:] == ["shuffle_revealed", "hand_ended", "shuffle_committed"]
    assert g.table.hand is None
    assert dealer.next_deadline(g.table) == g.now  # due at once
    assert g.kinds(g.tick(0)) == ["hand_started"]
    assert g.table.hand_no == 2


def test_blinds_change_from_the_next_hand():
    g = seated({1: 500, 2: 500})
    refused(g, cmd.SetBlinds(1, 10, 5, 0), "invalid_blinds")
    least = g.table.settings.min_buy_in
    before = g.table.seq
    refused(g, cmd.SetBlinds(1, 1, least + 1, 0), "invalid_blinds")  # no buy-in covers it
    assert g.table.seq == before and g.table.settings.big_blind == 2
    g.do(cmd.SetBlinds(1, 5, 10, 1))
    assert g.table.hand.bets == (2, 1)  # this hand keeps its blinds
    g.act(1, Action.FOLD)
    g.tick(3)
    assert g.table.hand_start.small_blind == 5 and g.table.hand_start.ante == 1


def test_close_cashes_everyone_out_and_refuses_everything_after():
    g = seated({1: 100, 2: 100}, start=False)
    g.do(cmd.Close(1))
    assert g.table.closed
    assert sum(m.cashed_out for m in g.table.members.values()) == 200
    refused(g, cmd.RequestJoin("Late"), "table_closed")
    assert dealer.next_deadline(g.table) is None


def test_a_host_restart_moves_every_clock_on_by_the_downtime_and_disconnects_everyone():
    g = seated({1: 100, 2: 100}, action_seconds=30, time_bank_seconds=0)
    g.do(cmd.Connect(2))
    g.tick(10)  # seat 1 has 20 s left
    deadline = g.table.turn_deadline()
    down_since = g.now
    g.now += 120  # the host was down for two minutes
    assert g.do(cmd.Restarted(down_since)) == [ev.HostRestarted(120)]
    assert g.table.turn_deadline() == deadline + 120  # still 20 s to act
    assert not g.table.members[2].connected
    assert g.table.members[2].disconnected_at == g.now  # the grace period starts now
    assert g.tick(19.9) == []


def test_chat_is_logged_and_guests_chat_only_when_the_table_allows():
    g = seated({1: 100, 2: 100}, start=False, guest_chat=False)
    assert g.do(cmd.Chat(2, "  good   luck ")) == [ev.ChatPosted(2, "good luck")]
    g.do(cmd.RequestJoin("Rail"))
    refused(g, cmd.Chat(3, "hi"), "chat_not_allowed")
    refused(g, cmd.Chat(2, ""), "invalid_chat")


def test_the_join_key_admits_its_holder_and_a_new_or_no_key_voids_it():
    g = new_game()
    g.do(cmd.RequestJoin("Guest"))  # member 2, waiting
    key, fresh = "a" * 16, "b" * 16
    refused(g, cmd.SetJoinKey(2, key), "not_host")
    refused(g, cmd.SetJoinKey(1, "too short"), "bad_key")
    assert g.kinds(g.do(cmd.SetJoinKey(1, key))) == ["join_key_changed"]
    assert g.kinds(g.do(cmd.RequestJoin("Keyed", key))) == ["join_requested", "member_approved"]
    assert g.kinds(g.do(cmd.RequestJoin("Guessed", "c" * 16))) == ["join_requested"]
    g.do(cmd.SetJoinKey(1, fresh))
    assert g.kinds(g.do(cmd.RequestJoin("Late", key))) == ["join_requested"]  # voided
    assert snapshot.from_dict(snapshot.to_dict(g.table)).join_key == fresh
    g.do(cmd.SetJoinKey(1, None))
    assert g.kinds(g.do(cmd.RequestJoin("Later", fresh))) == ["join_requested"]
    assert g.do(cmd.SetJoinKey(1, None)) == []  # (off already: nothing happens)
    full = new_game(max_pending=1)
    full.do(cmd.SetJoinKey(1, key))
    full.do(cmd.RequestJoin("Waits"))
    refused(full, cmd.RequestJoin("Waits too"), "too_many_waiting")
    full.do(cmd.RequestJoin("Keyed", key))  # a key holder never waits, so is never held
