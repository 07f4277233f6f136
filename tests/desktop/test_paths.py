"""The everyday paths a home game walks in its first evening, driven as a person drives
the app: keys and clicks delivered to the focused widget, questions answered by their
buttons, a real host on 127.0.0.1 and a scripted friend at the other seat.

Each test names the broken path it keeps fixed (issue 12's numbered list)."""

from __future__ import annotations

import asyncio
import random
import socket
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.app import PLAY_NOW
from desktop.hosting.embedded import EmbeddedHost
from desktop.hosting.local_state import HOST_FORM, Settings, load_recent, table_settings
from desktop.ui.dialogs import TopUpDialog
from desktop.ui.host_dialog import HostDialog
from desktop.ui.join_dialog import JoinDialog
from host_server.rules.deck import FULL_DECK
from host_server.table.members import Role
from tests.support.net import Client
from tests.support.person import (
    LEFT,
    SPEEDY,
    answer,
    app,
    autoplay,
    focused,
    heads_up,
    host_form,
    in_front,
    no_wait,
    playing,
    question,
    type_into,
    until,
)


async def test_enter_in_the_chat_box_sends_the_line_and_never_acts(qtbot, data_home):
    """1. On your turn, "hi" and Return in the chat box is a chat line, not a raise; a key
    typed there is only typed; a click on the felt gives the table its keys back."""
    async with app(qtbot, data_home) as felt:
        screen, friend = await heads_up(felt)
        async with playing(friend):
            model, entry = screen.model, screen.panel.entry
            await until(lambda: model.my_turn and model.legal is not None)
            decision = model.decision
            qtbot.mouseClick(entry, LEFT)
            assert focused() is entry
            qtbot.keyClicks(entry, "hi")
            qtbot.keyClick(entry, Qt.Key.Key_Return)
            await until(lambda: any(text == "hi" for _, text in model.chat))
            qtbot.keyClicks(entry, "call me")  # C is the call key, but not in here
            qtbot.keyClick(entry, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
            await until(lambda: any(text == "call me" for _, text in model.chat))
            assert entry.text() == "" and model.my_turn and model.decision == decision

            # A click on the felt (its middle: no seat there) and the table keys work again.
            view = screen.view
            qtbot.mouseClick(view, LEFT, pos=QPoint(view.width() // 2, view.height() // 2))
            assert focused() is view
            qtbot.keyClick(view, Qt.Key.Key_C)
            await until(lambda: model.decision != decision or not model.my_turn)


async def test_an_approved_guest_sees_the_whole_table(qtbot, data_home, tmp_path):
    """2. Let in by the host, the guest's app shows every seat taken (the host's too) and
    the hand with its players, at once, without a restart."""
    host = EmbeddedHost(tmp_path / "host", bot_delay=0.05)
    (tmp_path / "host").mkdir()
    await host.start(0)
    try:
        table_id, token = host.create_table(
            table_settings({**HOST_FORM, "between_hands_seconds": 0.3}), "Hostess", sit_with=200
        )
        boss = await Client.connect(host.port, "boss", tls=True)
        await boss.resume(table_id, token, last_seq=0)
        async with app(qtbot, data_home) as felt:
            felt.start.name.setText("Guest")
            await felt.open_table(f"127.0.0.1:{host.port}", table_id, name="Guest", pin=host.pin)
            screen = felt.screen
            assert screen is not None
            waiting = "Waiting for the host to let you in…"
            await until(lambda: screen.status.text() == waiting)
            assert felt.window.pages.currentWidget() is screen and screen.model.role is Role.PENDING
            pending = await boss.until(lambda m: m.get("kind") == "join_requested")
            await boss.answer(await boss.send("approve", member_id=pending["member_id"]))
            model = screen.model
            await until(lambda: model.role is Role.SPECTATOR and 1 in model.seats)
            assert model.seats[1].name == "Hostess" and 1 not in model.free_seats
            assert screen.status.text() == "Watching: click an empty seat to sit down"

            # The guest sits by clicking seat 2 and Return on the buy-in; the hand shows both.
            screen.view.grab()
            seat_two = screen.view._seat_rects[2].center().toPoint()
            qtbot.mouseClick(screen.view, LEFT, pos=seat_two)
            await until(lambda: focused() is not None and focused().window() is not felt.window)
            qtbot.keyClick(focused(), Qt.Key.Key_Return)
            await until(lambda: model.my_seat == 2 and model.street == "preflop")
            assert {s.name for s in model.seats.values()} == {"Hostess", "Guest"}
            assert model.button in (1, 2) and model.pot_total == 3

            # "Your tables" names it as the host does, not by its id.
            await felt.back_to_lobby()
            assert felt.start.tables.item(0).text().startswith("Home game")
        await boss.close()
    finally:
        await host.stop()


async def test_sitting_out_next_hand_and_saying_i_am_back(qtbot, data_home):
    """3. "Sit out next hand" plays this hand out and sits out from the next; the seat and
    the action bar then say "Sitting out · I'm back", and one click deals you back in."""
    async with app(qtbot, data_home) as felt:
        screen, friend = await heads_up(felt)
        model, bar = screen.model, screen.action_bar
        async with playing(friend):
            await until(lambda: model.street == "preflop")
            hand = model.hand_no
            assert bar.sit_out_next.isVisible() and not bar.back.isVisible()
            qtbot.mouseClick(bar.sit_out_next, LEFT)
            await until(lambda: model.mine is not None and model.mine.sitting_out)
            assert model.hand_no == hand and model.in_hand  # this hand goes on with us in it
            assert bar.sit_out_next.isChecked() and not bar.back.isVisible()
            async with autoplay(qtbot, screen):
                await until(lambda: model.street is None, timeout=30)
            await until(bar.back.isVisible)
            assert bar.back.text() == "Sitting out · I'm back" and not bar.sit_out_next.isVisible()
            assert model.mine.sitting_out and model.hand_no == hand  # heads-up: no one to play

            qtbot.mouseClick(bar.back, LEFT)
            await until(lambda: not model.mine.sitting_out and model.hand_no > hand, timeout=30)
            assert model.in_hand and not bar.back.isVisible()

            # From the menu (Ctrl+P) and back by a click on one's own seat, this time.
            qtbot.keyClick(felt.window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
            await until(lambda: model.mine.sitting_out)
            async with autoplay(qtbot, screen):
                await until(lambda: model.street is None, timeout=30)
            await until(bar.back.isVisible)
            screen.view.grab()
            own = screen.view._seat_rects[1].center().toPoint()
            qtbot.mouseClick(screen.view, LEFT, pos=own)
            await until(lambda: not model.mine.sitting_out and model.in_hand, timeout=30)


class StackedDeck(random.Random):
    """A random source whose every shuffle lays the deck out in one order (a stacked
    deck: a device outside the product, like a clock passed in)."""

    def __init__(self, order: list[str]) -> None:
        super().__init__(0)
        self.order = order

    def shuffle(self, x: Any) -> None:
        x[:] = self.order


def friend_gets_aces() -> list[str]:
    """Heads-up, the first hand deals seat 2, seat 1, seat 2, seat 1: aces to the
    friend, seven-deuce to the app, and a board that helps neither."""
    top = ["As", "7d", "Ah", "2c", "5s", "Kc", "Qd", "9h", "5h", "4s", "5c", "3d"]
    return top + [c for c in FULL_DECK if c not in top]


async def test_a_busted_player_rebuys_from_the_seat_and_is_dealt_in(qtbot, data_home):
    """3, busted: all in and beaten, the seat and the bar say "Busted · Rebuy" (not an
    "I'm back" the host would refuse); the click opens the rebuy, which deals you in."""
    async with app(qtbot, data_home) as felt:
        form = {**HOST_FORM, **SPEEDY, "name": "Paths", "auto_approve": True, "max_buy_in": 150}
        await felt.start_hosting(form, sit=True)
        screen = felt.screen
        assert screen is not None and felt.host.server is not None
        model, bar = screen.model, screen.action_bar
        await until(lambda: model.my_seat == 1)
        core = felt.host.server.core
        assert core is not None
        core.sessions[model.table_id].table.rng = StackedDeck(friend_gets_aces())
        friend = await Client.connect(felt.host.port, "friend", tls=True)
        await friend.hello(model.table_id, "Friend")
        await friend.answer(await friend.send("sit", seat=2, buy_in=150))
        hand = 1
        async with playing(friend):
            await until(lambda: model.my_turn and bar.bet_raise.isEnabled())
            view = screen.view
            qtbot.mouseClick(view, LEFT, pos=QPoint(view.width() // 2, view.height() // 2))
            qtbot.keyClick(view, Qt.Key.Key_A)
            qtbot.keyClick(view, Qt.Key.Key_A)  # all in, preflop; the friend calls
            await until(lambda: model.mine.stack == 0 and model.mine.sitting_out, timeout=30)
            await until(bar.back.isVisible)
            assert bar.back.text() == "Busted · Rebuy…"
            assert screen.top_up.text() == "Rebuy"
            qtbot.mouseClick(bar.back, LEFT)
            [rebuy] = [d for d in screen.findChildren(TopUpDialog) if d.isVisible()]
            assert rebuy.windowTitle() == "Rebuy" and rebuy.amount.value() == 150
            await in_front(rebuy)
            qtbot.keyClick(focused(), Qt.Key.Key_Return)
            await until(lambda: model.mine.stack == 150 and not model.mine.sitting_out)
            await until(lambda: model.in_hand and model.hand_no > hand, timeout=30)
    assert not [line for line in model.log if "rebuy first" in line]


async def test_a_top_up_through_the_button_lands_when_the_hand_is_over(qtbot, data_home):
    """Below the maximum (a folded blind), Top up opens its dialog; the chips land once
    the hand is over, and the seat plays on."""
    async with app(qtbot, data_home) as felt:
        screen, friend = await heads_up(felt)
        model = screen.model
        assert model.mine is not None and model.mine.stack == model.max_buy_in
        assert not screen.top_up.isEnabled()  # at the table's maximum: nothing to add
        async with playing(friend):
            await until(lambda: model.my_turn and screen.action_bar.fold.isEnabled())
            qtbot.mouseClick(screen.action_bar.fold, LEFT)  # the small blind, given up
            await until(lambda: model.mine.stack < model.max_buy_in and screen.top_up.isEnabled())
            short = model.max_buy_in - model.mine.stack
            qtbot.mouseClick(screen.top_up, LEFT)
            [dialog] = [d for d in screen.findChildren(TopUpDialog) if d.isVisible()]
            assert dialog.windowTitle() == "Top up" and dialog.amount.maximum() == short
            await in_front(dialog)
            qtbot.keyClick(focused(), Qt.Key.Key_Return)  # the most it may add: back to full
            await until(lambda: any(f"adds {short} chips" in line for line in model.log))
            await until(lambda: model.mine.stack + model.mine.bet == model.max_buy_in)


async def test_a_taken_port_is_named_and_resume_goes_where_the_table_is(qtbot, data_home):
    """4. With the host's port held by another program, Play now says so and offers a free
    one; that port is kept, and after a restart Resume finds the table there."""
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        busy = squatter.getsockname()[1]
        async with app(qtbot, data_home) as felt:
            felt.settings.host_port = busy
            qtbot.mouseClick(felt.start.play, LEFT)
            text = await answer_port(qtbot, felt)
            assert f"port {busy}" in text
            await until(lambda: felt.screen is not None and felt.screen.model.my_seat == 1)
            moved = felt.host.port
            assert moved != busy and Settings.load(data_home).host_port == moved
            assert load_recent(data_home)[0].address == f"127.0.0.1:{moved}"
    async with app(qtbot, data_home, any_port=False) as again:
        await until(lambda: again.host.running)  # it hosts its tables again as it starts
        assert again.host.port == moved
        qtbot.mouseClick(again.start.resume, LEFT)
        await until(lambda: again.screen is not None and again.screen.model.my_seat == 1)
        assert again.host.port == moved and again.connection.state.value == "online"


async def answer_port(qtbot, felt) -> str:
    """Click "Use port N" in the question about the taken port; the question's text."""
    await until(lambda: question(felt.window) is not None)
    box = question(felt.window)
    assert box is not None
    words = next(b.text() for b in box.buttons() if b.text().startswith("Use port"))
    return await answer(qtbot, felt.window, words)


async def test_tables_closed_on_quit_leave_your_tables(qtbot, data_home):
    """4. Ctrl+Q while hosting asks; "Close tables and quit" closes them for good and
    they leave "Your tables"; "Keep and quit" keeps them to resume."""
    async with app(qtbot, data_home) as felt:
        await felt.start_hosting({**HOST_FORM, "name": "Kept"})
        await until(lambda: felt.screen is not None and felt.screen.model.name == "Kept")
        qtbot.keyClick(felt.window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        assert "You are hosting" in await answer(qtbot, felt.window, "Keep and quit")
        await until(felt.finished.is_set)
    assert [r.table_name for r in load_recent(data_home)] == ["Kept"]
    async with app(qtbot, data_home) as felt:
        qtbot.mouseClick(felt.start.resume, LEFT)
        await until(lambda: felt.screen is not None and felt.screen.model.name == "Kept")
        qtbot.keyClick(felt.window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        await answer(qtbot, felt.window, "Close tables and quit")
        await until(felt.finished.is_set)
    assert load_recent(data_home) == []


async def test_the_host_form_refuses_what_cannot_make_a_table(qtbot, data_home):
    """6. Blinds upside down, or buy-ins the wrong way round: the dialog says which field,
    stays open and saves nothing; Play now keeps its own table whatever the form says."""
    async with app(qtbot, data_home) as felt:
        saved = data_home / "settings.json"
        before = saved.read_text() if saved.exists() else None
        dialog = await host_form(qtbot, felt)
        type_into(qtbot, dialog.small, "50")
        type_into(qtbot, dialog.min_buy, "500")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, LEFT)
        said = dialog.error.text()
        assert dialog.isVisible() and "big blind must be at least the small blind" in said
        assert "maximum buy-in is at least the minimum" in said
        assert dialog.big.property("error") and dialog.max_buy.property("error")
        assert not dialog.name.property("error") and dialog.big.hasFocus()
        assert (saved.read_text() if saved.exists() else None) == before
        assert felt.screen is None

        type_into(qtbot, dialog.big, "100")
        type_into(qtbot, dialog.max_buy, "5000")
        qtbot.mouseClick(ok, LEFT)
        await until(lambda: felt.screen is not None and felt.screen.model.big_blind == 100)
        assert not [d for d in felt.start.findChildren(HostDialog) if d.isVisible()]
        assert Settings.load(data_home).table["big_blind"] == 100

        # Play now: six seats at 1/2 as ever, whatever the host form last said.
        await felt.back_to_lobby()
        qtbot.mouseClick(felt.start.play, LEFT)
        await until(lambda: felt.screen is not None and felt.screen.model.seats_count == 6)
        assert felt.screen is not None
        model = felt.screen.model
        await until(lambda: model.big_blind == PLAY_NOW["big_blind"] and len(model.seats) == 6)


async def test_the_host_form_sets_a_mandatory_straddle(qtbot, data_home):
    """The Straddle row, chosen with the keyboard: the table's title says it, the host
    form remembers it, and a sit-and-go has no such row."""
    async with app(qtbot, data_home) as felt:
        dialog = await host_form(qtbot, felt)
        assert dialog.straddle.currentData() == "off"
        dialog.straddle.setFocus()
        qtbot.keyClick(dialog.straddle, Qt.Key.Key_Down)
        assert dialog.straddle.currentData() == "optional"
        qtbot.keyClick(dialog.straddle, Qt.Key.Key_Down)
        assert dialog.straddle.currentData() == "mandatory"
        qtbot.keyClick(dialog.game, Qt.Key.Key_Down)  # a sit-and-go: no straddle row
        assert dialog.sit_and_go and not dialog.form.isRowVisible(dialog.straddle)
        qtbot.keyClick(dialog.game, Qt.Key.Key_Up)
        assert dialog.form.isRowVisible(dialog.straddle)
        type_into(qtbot, dialog.name, "Straddle night")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        await until(lambda: felt.screen is not None and felt.screen.model.name == "Straddle night")
        assert felt.screen is not None and felt.screen.model.straddle == "mandatory"
        assert "1/2/4 straddle" in felt.screen.title.text()
        assert Settings.load(data_home).table["straddle"] == "mandatory"


async def test_the_host_form_sets_bomb_pots_the_seven_deuce_game_and_run_it_twice(qtbot, data_home):
    """Typed into the cash game's rows: a bomb pot every few hands needs its amount (the
    form says so at the field), then the table plays them (and runs it twice: its box
    clicked), and its title says so."""
    async with app(qtbot, data_home) as felt:
        dialog = await host_form(qtbot, felt)
        assert dialog.bomb.text() == "None" and dialog.seven_deuce.text() == "Not played"
        type_into(qtbot, dialog.name, "Home game")
        type_into(qtbot, dialog.bomb_every, "5")
        qtbot.keyClick(dialog.bomb_every, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.bomb.property("error")
        assert "Say what each player puts in a bomb pot." in dialog.error.text()
        type_into(qtbot, dialog.bomb, "10")
        type_into(qtbot, dialog.seven_deuce, "5")
        qtbot.mouseClick(dialog.run_twice, LEFT)  # Offer to run it twice when all in
        qtbot.keyClick(dialog.seven_deuce, Qt.Key.Key_Return)
        await until(lambda: felt.screen is not None and felt.screen.model.name == "Home game")
        model = felt.screen.model
        assert (model.bomb_pot, model.bomb_pot_every, model.seven_deuce) == (10, 5, 5)
        assert model.run_it_twice
        assert "7-2 game (5)" in felt.screen.title.text()
        remembered = Settings.load(data_home).table
        assert (remembered["bomb_pot"], remembered["seven_deuce"]) == (10, 5)
        assert remembered["run_it_twice"] is True


async def test_the_host_calls_a_bomb_pot_from_the_top_bar(qtbot, data_home):
    """Bomb pot on the host's bar: the next hand deals everyone in for it, on the flop."""
    async with app(qtbot, data_home) as felt:
        screen, friend = await heads_up(felt, bomb_pot=10)
        bomb = screen.host_controls.bomb
        assert bomb.isVisible() and bomb.text() == "Bomb pot"
        async with playing(friend), autoplay(qtbot, screen):
            qtbot.mouseClick(bomb, LEFT)
            await until(lambda: screen.model.bomb_next)
            assert bomb.text() == "Call off the bomb pot"
            await until(
                lambda: "Bomb pot: everyone puts in 10, and the flop comes" in screen.model.log
            )
            assert bomb.text() == "Bomb pot" and not screen.model.bomb_next


async def test_all_in_the_player_is_asked_and_runs_it_twice_with_a_click(qtbot, data_home):
    """All in against a friend at a table that runs it twice: the strip above the action
    bar asks, with its seconds; the click answers, the friend says yes, and the table
    draws two boards."""
    async with app(qtbot, data_home) as felt:
        screen, friend = await heads_up(felt, run_it_twice=True)
        assert screen.model.run_it_twice
        await until(lambda: screen.model.my_turn and screen.action_bar.call.isEnabled())
        screen.view.setFocus()
        qtbot.keyClick(screen.view, Qt.Key.Key_A)
        qtbot.keyClick(screen.view, Qt.Key.Key_A)  # all in
        turn = await friend.until(lambda m: m["type"] == "turn" and m.get("legal") is not None)
        await friend.send("act", action="call", hand_no=turn["hand_no"], decision=turn["decision"])
        bar = screen.run_twice
        await until(bar.isVisible)
        assert bar.text.text().startswith("Everyone is all in: run the rest of the board twice?")
        qtbot.mouseClick(bar.twice, LEFT)
        assert not bar.isVisible()
        await friend.until(lambda m: m.get("kind") == "run_twice_answered")
        await friend.send("run_twice", yes=True)
        await until(lambda: len(screen.model.second_board) == 5)
        assert "Running it twice: two boards, half of each pot on each" in screen.model.log
        await friend.close()


async def test_a_player_ticks_the_optional_straddle_and_straddles_under_the_gun(qtbot, data_home):
    """At a table with an optional straddle the action bar has the box; ticked, the player
    posts the straddle each time they are under the gun (three players: the friend, a bot)."""
    async with app(qtbot, data_home) as felt:
        screen, friend = await heads_up(felt, straddle="optional")
        screen.host_controls.add_bot("easy")
        box = screen.action_bar.straddles
        await until(box.isVisible)
        assert not box.isChecked()
        qtbot.mouseClick(box, LEFT)
        await until(lambda: screen.model.straddles)
        assert "You will straddle whenever you are under the gun" in screen.model.log
        me = screen.model.seat_name(1)
        async with playing(friend), autoplay(qtbot, screen):
            await until(lambda: f"{me} straddles 4" in screen.model.log, timeout=60)
        assert box.isChecked()


async def test_a_value_too_late_for_its_hand_is_not_told_as_a_refusal(qtbot, data_home):
    """With no pause between hands the next deal comes before the app's value can: the
    host refuses it (the hand is dealt), and the player is not told of it."""
    async with app(qtbot, data_home) as felt:
        screen, friend = await heads_up(felt, between_hands_seconds=0)
        model = screen.model
        async with playing(friend), autoplay(qtbot, screen):
            await until(lambda: model.hand_no == 4, timeout=60)
        assert not [line for line in model.log if line.startswith("⚠")], model.log


async def test_the_app_adds_its_value_to_each_shuffle_and_checks_the_deck(qtbot, data_home):
    """Between hands the app gives the host a value of its own for the next deck; the
    deck dealt mixes it in, and at the hand's end the app says the deck checked out."""
    async with app(qtbot, data_home) as felt:
        screen, friend = await heads_up(felt, between_hands_seconds=2)
        model = screen.model
        async with playing(friend), autoplay(qtbot, screen):
            await until(lambda: model.hand_no == 2, timeout=60)
        [session] = felt.host.server.core.sessions.values()
        start = session.table.hand_start
        assert start is not None and start.hand_no == 2
        assert model.given[2] in start.entropy and model.entropy == start.entropy
        verified = "Deck verified: dealt as committed, with the players' values"
        assert verified in model.log


async def test_hosting_a_table_from_the_play_now_table_opens_the_new_one(qtbot, data_home):
    """The table left closes its connection as the new one is on its way: that close is
    the old table's, and the new one still opens (it was dropped, "could not be reached")."""
    async with app(qtbot, data_home) as felt:
        qtbot.mouseClick(felt.start.play, LEFT)
        await until(lambda: felt.screen is not None and felt.screen.model.seq > 0)
        dialog = await host_form(qtbot, felt)
        type_into(qtbot, dialog.name, "Second game")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        await until(lambda: felt.screen is not None and felt.screen.model.name == "Second game")
        await until(lambda: felt.window.pages.currentWidget() is felt.screen)
        assert felt.start.notice.text() != "The table could not be reached."


async def test_a_bad_invite_says_why_on_the_start_screen(qtbot, data_home):
    """7. A wrong table id, or a host nobody answers at: joining shows progress with a
    Cancel, then says why on the start screen; no made-up table ever shows."""
    async with app(qtbot, data_home, sleep=no_wait) as felt:
        await felt.start_hosting({**HOST_FORM, "name": "Real"})
        await until(lambda: felt.screen is not None and felt.screen.model.name == "Real")
        port = felt.host.port
        await felt.back_to_lobby()

        async def join(invite: str) -> None:
            qtbot.keyClick(felt.window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
            shown = lambda: [d for d in felt.start.findChildren(JoinDialog) if d.isVisible()]  # noqa: E731
            await until(shown)
            [dialog] = shown()
            qtbot.keyClicks(dialog.invite, invite)
            qtbot.keyClick(dialog.invite, Qt.Key.Key_Return)
            await until(lambda: not shown())
            await in_front(felt.window)

        await join(f"felt://127.0.0.1:{port}/000000000000?pin={felt.host.pin}")
        start = felt.start
        await until(lambda: start.notice.property("error"))
        assert "no open table" in start.notice.text()
        assert felt.window.pages.currentWidget() is start
        assert felt.screen is None and start.play.isEnabled()

        with socket.socket() as probe:  # a port where nobody listens
            probe.bind(("127.0.0.1", 0))
            dead = probe.getsockname()[1]
        between_tries = asyncio.Event()  # (held, so the progress can be seen; then passed)

        async def held(_: float) -> None:
            await between_tries.wait()

        felt.sleep = held
        await join(f"felt://127.0.0.1:{dead}/000000000000?pin={felt.host.pin}")
        await until(lambda: start.notice.text() == f"Joining 000000000000 at 127.0.0.1:{dead}…")
        assert start.cancel.isVisible() and not start.play.isEnabled()
        between_tries.set()
        await until(lambda: "tries" in start.notice.text())
        said = start.notice.text()
        assert f"127.0.0.1:{dead} after 5 tries" in said and start.notice.property("error")
        assert felt.screen is None and felt.window.pages.currentWidget() is start


async def test_joining_can_be_cancelled(qtbot, data_home):
    """7. While the app is still trying to reach a host, Cancel goes back to the start."""
    async with app(qtbot, data_home) as felt:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            dead = probe.getsockname()[1]
        await felt.open_table(f"127.0.0.1:{dead}", "000000000000", name="Me")
        start = felt.start
        assert start.cancel.isVisible() and not start.play.isEnabled()
        assert start.notice.text().startswith("Joining")
        qtbot.mouseClick(start.cancel, LEFT)
        await until(lambda: felt.connection is None and start.play.isEnabled())
        assert not start.cancel.isVisible() and start.notice.text() == ""
