"""Hazards and small losses at the table, driven as a person drives the app: a stack
shoved by one key, a seat that needs a mouse, a log lost on resume, a window closed
mid-hand, buttons that still click while the host is gone."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog

from desktop.hosting.local_state import HOST_FORM, load_recent
from desktop.model.state import SeatView, TableState
from desktop.ui.dialogs import BuyInDialog
from desktop.ui.records import HandsDialog, LedgerDialog
from tests.support.person import LEFT, answer, app, heads_up, in_front, playing, until

CTRL = Qt.KeyboardModifier.ControlModifier


def click_felt(qtbot, screen) -> None:
    """A click in the middle of the felt (no seat there): the table has the keys."""
    view = screen.view
    qtbot.mouseClick(view, LEFT, pos=QPoint(view.width() // 2, view.height() // 2))
    assert QApplication.focusWidget() is view


async def test_all_in_by_key_takes_a_second_press(qtbot, data_home):
    async with app(qtbot, data_home) as felt:
        screen, friend = await heads_up(felt)
        model, bar = screen.model, screen.action_bar
        async with playing(friend):
            await until(lambda: model.my_turn and model.legal is not None)
            decision = model.decision
            click_felt(qtbot, screen)
            qtbot.keyClick(screen.view, Qt.Key.Key_A)
            assert bar.bet_raise.text() == "All-in? Press A again"
            assert model.my_turn and model.decision == decision  # nothing sent
            assert model.mine is not None
            everything = model.mine.stack + model.mine.bet
            qtbot.keyClick(screen.view, Qt.Key.Key_A)
            # (The log, not the seat: a called all-in may be lost, and the seat busted,
            # before a look at it.)
            shoved = {f"Player raises to {everything}", f"Player bets {everything}"}
            await until(lambda: bool(shoved & set(model.log)))


async def test_a_first_press_of_a_is_forgotten_after_a_while(qtbot, data_home):
    async with app(qtbot, data_home) as felt:
        screen, friend = await heads_up(felt)
        model, bar = screen.model, screen.action_bar
        async with playing(friend):
            await until(lambda: model.my_turn and model.legal is not None)
            click_felt(qtbot, screen)
            qtbot.keyClick(screen.view, Qt.Key.Key_A)
            assert bar.armed.isActive()
            bar.armed.timeout.emit()  # (the timer's time passed in, not waited for)
            bar.armed.stop()
            assert not bar.bet_raise.text().startswith("All-in?")
            qtbot.keyClick(screen.view, Qt.Key.Key_A)  # a first press again: it asks again
            assert bar.bet_raise.text() == "All-in? Press A again" and model.my_turn


async def test_a_seat_is_taken_without_a_mouse(qtbot, data_home):
    """S opens the buy-in for the first free seat; Return takes it."""
    async with app(qtbot, data_home) as felt:
        await felt.start_hosting({**HOST_FORM, "name": "Keys"})
        screen = felt.screen
        assert screen is not None
        await until(lambda: screen.model.name == "Keys" and screen.view.hasFocus())
        qtbot.keyClick(screen.view, Qt.Key.Key_S)
        dialog = screen.findChild(BuyInDialog)
        assert dialog is not None and dialog.isVisible()
        await in_front(dialog)
        chips = dialog.amount.value()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        await until(lambda: screen.model.my_seat == 1)
        assert screen.model.seats[1].stack == chips


async def test_a_resumed_table_tells_the_hand_so_far(qtbot, data_home):
    """Back to the lobby mid-hand (Ctrl+W), "Your tables" names the table; Resume, and
    the log tells the hand as it went, from the deal."""
    async with app(qtbot, data_home) as felt:
        screen, friend = await heads_up(felt)
        async with playing(friend):
            model = screen.model
            await until(lambda: model.my_turn and model.street == "preflop")
            dealt = max(i for i, line in enumerate(model.log) if line.startswith("Hand #"))
            told = model.log[dealt:]  # this hand, from the deal: blinds, cards, actions
            qtbot.keyClick(felt.window, Qt.Key.Key_W, CTRL)
            await until(lambda: felt.screen is None)
            item = felt.start.tables.item(0)
            assert item.text().startswith("Paths")  # its name, not its id
            assert load_recent(data_home)[0].table_name == "Paths"
            qtbot.mouseClick(felt.start.resume, LEFT)
            await until(lambda: felt.screen is not None and felt.screen.model.my_turn)
            again = felt.screen.model.log
            assert told[0] in again and again[again.index(told[0]) :] == told, (again, told)
            assert felt.screen.panel.log.count() == len(again)


async def test_closing_the_window_mid_hand_asks_first(qtbot, data_home):
    async with app(qtbot, data_home) as felt:
        screen, friend = await heads_up(felt)
        async with playing(friend):
            await until(lambda: screen.model.in_hand)
            qtbot.keyClick(felt.window, Qt.Key.Key_Q, CTRL)
            assert "middle of a hand" in await answer(qtbot, felt.window, "Stay")
            assert not felt.finished.is_set() and felt.screen is screen
            await in_front(felt.window)
            felt.window.close()  # the window's close button
            await answer(qtbot, felt.window, "Go anyway")
            await answer(qtbot, felt.window, "Keep and quit")
            await until(felt.finished.is_set)
    assert [r.table_name for r in load_recent(data_home)] == ["Paths"]


async def test_nothing_to_press_while_the_host_is_unreachable(qtbot, data_home):
    async with app(qtbot, data_home) as felt:
        screen, friend = await heads_up(felt)
        model, bar = screen.model, screen.action_bar
        async with playing(friend):
            await until(lambda: model.my_turn and bar.call.isEnabled())
        port = felt.host.port
        await felt.host.stop()
        await until(lambda: screen.view.offline)
        assert model.my_turn  # still our turn, as far as we know; but nothing to press
        assert not bar.call.isEnabled() and not bar.bet_raise.isEnabled()
        assert not bar.sit_out_next.isVisible()
        click_felt(qtbot, screen)
        qtbot.keyClick(screen.view, Qt.Key.Key_C)
        qtbot.keyClick(screen.view, Qt.Key.Key_A)
        assert not bar.armed.isActive() and not screen.connection.session.resends()
        await felt.host.start(port)
        await until(lambda: not screen.view.offline and model.my_turn and bar.call.isEnabled())


async def test_records_closed_before_the_answer_comes_leave_nothing_behind(qtbot, data_home):
    async with app(qtbot, data_home) as felt:
        screen, _friend = await heads_up(felt)

        async def twice_closed_then_read(kind: type[QDialog], key: Qt.Key) -> QDialog:
            for _ in range(2):  # closed by Escape before the host's answer is in
                await in_front(felt.window)
                qtbot.keyClick(felt.window, key, CTRL)
                [dialog] = [d for d in screen.findChildren(kind) if d.isVisible()]
                qtbot.keyClick(dialog, Qt.Key.Key_Escape)
                assert not dialog.isVisible()
            await in_front(felt.window)
            qtbot.keyClick(felt.window, key, CTRL)
            await until(lambda: len(screen.findChildren(kind)) == 1)  # the closed are gone
            [last] = screen.findChildren(kind)
            return last

        ledger = await twice_closed_then_read(LedgerDialog, Qt.Key.Key_L)
        assert isinstance(ledger, LedgerDialog)
        await until(lambda: ledger.grid.rowCount() == 2)  # answered after the others
        qtbot.keyClick(ledger, Qt.Key.Key_Escape)
        hands = await twice_closed_then_read(HandsDialog, Qt.Key.Key_H)
        assert isinstance(hands, HandsDialog)
        await until(lambda: hands.step_text.text().startswith("No hands"))
        assert screen.connection.state.name == "ONLINE"


def test_your_seat_names_your_hand_and_away_seats_wear_a_badge():
    model = TableState()
    model.me, model.street = 7, "flop"
    model.board = ["Kd", "7c", "2s"]
    model.seats = {
        1: SeatView(1, 7, "Me", 100, 0, "playing", ["Kh", "7h"], 0),
        2: SeatView(2, 8, "Gone", 100, 0, "playing", [], 2, connected=False),
        3: SeatView(3, 9, "Out", 100, 0, "sitting_out", [], 0, sitting_out=True),
    }
    assert model.made_hand == "Two pair, kings and sevens"
    assert [n for n, s in model.seats.items() if s.away] == [2, 3]
    model.seats[1].status = "folded"
    assert model.made_hand is None
