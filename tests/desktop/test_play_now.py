"""Play now, end to end in one process: a table full of bots, hands played through the
buttons, then the hand histories (replayed, saved) and the ledger (saved as CSV)."""

from __future__ import annotations

import asyncio
import csv

import pytest
from pokerkit import HandHistory, PokerStarsParser
from PySide6.QtCore import Qt

from desktop.app import PLAY_NOW_BOTS, Felt
from desktop.dialogs import TopUpDialog
from desktop.records import HandsDialog, LedgerDialog
from tests.desktop.test_end_to_end import until

# pokerkit's PokerStars parser warns about a field of its own making.
pytestmark = pytest.mark.filterwarnings("ignore:The field 'time_zone_abbreviation'")


async def test_play_now_deals_a_hand_with_bots_and_keeps_its_records(qtbot, data_home, tmp_path):
    felt = Felt(data_home, sounds=False, bot_delay=0)
    qtbot.addWidget(felt.window)
    felt.window.show()
    felt.settings.table = {**felt.settings.table, "port": 0, "between_hands_seconds": 0.2}
    try:
        await felt.play()
        screen = felt.screen
        assert screen is not None
        model = screen.model
        await until(lambda: model.my_seat == 1 and model.street == "preflop")
        bots = {n: s for n, s in model.seats.items() if s.bot}
        assert [bots[n].bot for n in sorted(bots)] == list(PLAY_NOW_BOTS)
        assert model.seats_count == 6 and not model.free_seats

        # Two hands through the app's buttons: check or call whenever it is our turn.
        for _ in range(3000):  # bounded: 60 s at most
            if model.hand_no > 2:
                break
            if model.my_turn:
                qtbot.mouseClick(screen.action_bar.call, Qt.MouseButton.LeftButton)
            await asyncio.sleep(0.02)
        assert model.hand_no > 2
        bot_names = {s.name for s in bots.values()}
        assert any(
            line.split(" ")[0] in bot_names
            for line in model.log
            if "calls" in line or "folds" in line
        )

        # The hand histories: listed, replayed to the end, saved in both formats.
        hands = HandsDialog(screen, screen.ask, model.name)
        await until(lambda: hands.hands.count() >= 2)
        hands.hands.setCurrentRow(hands.hands.count() - 1)  # the oldest: hand 1
        await until(lambda: bool(hands.moments))
        assert hands.hand["hand"]["hand_no"] == 1
        hands.to_end.click()
        assert hands.moments[hands.at].final and not hands.forward.isEnabled()
        assert hands.step_text.text().startswith("Result")
        hands.back.click()
        assert hands.forward.isEnabled()
        assert len(list(PokerStarsParser()(hands.text("pokerstars"), error_status=True))) == 1
        assert "Dealt to" in hands.text("pokerstars")
        *_, last = HandHistory.loads(hands.text("phh"))
        assert list(last.stacks) == [p["final_stack"] for p in hands.hand["hand"]["players"]]
        hands.table.resize(800, 500)
        assert not hands.table.grab().isNull()

        # The ledger: six rows that balance, saved as CSV.
        ledger = LedgerDialog(screen, screen.ask, model.name)
        await until(lambda: ledger.grid.rowCount() == 6)
        assert "every one accounted for" in ledger.check.text()
        ledger.save_csv(tmp_path / "ledger.csv")
        rows = list(csv.DictReader((tmp_path / "ledger.csv").read_text().splitlines()))
        assert sum(int(r["net"]) for r in rows) == 0 and len(rows) == 6

        # A top-up through the button's dialog, once we are below the maximum: we fold
        # (losing a blind or two) until then. It lands between hands.
        for _ in range(3000):  # bounded: 60 s at most
            if model.top_up_room is not None:
                break
            if model.my_turn:
                bar = screen.action_bar
                button = bar.fold if bar.fold.isEnabled() else bar.call
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            await asyncio.sleep(0.02)
        room = model.top_up_room
        assert room is not None, "never below the maximum"
        low, high = room
        screen.top_up.click()
        dialog = screen.findChild(TopUpDialog)
        assert dialog is not None and dialog.amount.maximum() == high
        dialog.amount.setValue(low)
        dialog.accept()
        for _ in range(3000):  # play on until the chips land
            if any(f"adds {low} chips" in line for line in model.log):
                break
            if model.my_turn:
                qtbot.mouseClick(screen.action_bar.call, Qt.MouseButton.LeftButton)
            await asyncio.sleep(0.02)
        assert any(f"adds {low} chips" in line for line in model.log), model.log[-30:]
    finally:
        await felt.shutdown()
