"""Play now, end to end in one process: a table full of bots, hands played through the
buttons, then the hand histories (replayed, saved) and the ledger (saved as CSV)."""

from __future__ import annotations

import asyncio
import csv

import pytest
from pokerkit import HandHistory, PokerStarsParser
from PySide6.QtCore import Qt

from desktop.app import PLAY_NOW_BOTS, Felt
from desktop.ui.dialogs import TopUpDialog
from desktop.ui.records import HandsDialog, LedgerDialog, write
from desktop.ui.table_screen import TableScreen
from host_server.protocol import client
from tests.desktop.test_end_to_end import until

# pokerkit's PokerStars parser warns about a field of its own making.
pytestmark = pytest.mark.filterwarnings("ignore:The field 'time_zone_abbreviation'")


async def autoplay(qtbot, screen: TableScreen) -> None:
    """Answer every turn through the buttons: call or check, like a calling station, and
    rebuy through the button's dialog when busted (it can happen in the first hand)."""
    model = screen.model

    def busted() -> bool:
        return model.mine is not None and model.mine.stack == 0 and model.mine.sitting_out

    for _ in range(100_000):
        if model.my_turn:
            qtbot.mouseClick(screen.action_bar.call, Qt.MouseButton.LeftButton)
        elif busted() and screen.top_up.isEnabled():
            assert screen.top_up.text() == "Rebuy"
            qtbot.mouseClick(screen.top_up, Qt.MouseButton.LeftButton)
            [dialog] = [d for d in screen.findChildren(TopUpDialog) if d.isVisible()]
            dialog.accept()
            await until(lambda: not busted())
        await asyncio.sleep(0.02)


async def test_play_now_deals_a_hand_with_bots_and_keeps_its_records(qtbot, data_home, tmp_path):
    felt = Felt(data_home, sounds=False, bot_delay=0.05, play_now={"between_hands_seconds": 0.3})
    felt.settings.host_port = 0  # any free port
    qtbot.addWidget(felt.window)
    felt.window.show()
    player: asyncio.Future[None] | None = None
    try:
        await felt.play()
        screen = felt.screen
        assert screen is not None
        model = screen.model
        await until(lambda: model.my_seat == 1 and model.street == "preflop")
        bots = {n: s for n, s in model.seats.items() if s.bot}
        assert [bots[n].bot for n in sorted(bots)] == list(PLAY_NOW_BOTS)
        assert model.seats_count == 6 and not model.free_seats

        # Hands through the app's buttons: check or call whenever it is our turn.
        player = asyncio.ensure_future(autoplay(qtbot, screen))
        me = model.seats[1].name
        showed = lambda: any(line.startswith(f"{me} shows") for line in model.log)  # noqa: E731
        await until(lambda: model.hand_no > 2 and showed(), timeout=90)
        bot_names = {s.name for s in bots.values()}
        acted = [line.split(" ")[0] for line in model.log if " calls " in line or "folds" in line]
        assert bot_names & set(acted)

        # The hand histories: listed, replayed to the end, saved in both formats.
        hands = HandsDialog(screen, screen.ask, model.name)
        await until(lambda: hands.hands.count() >= 2)
        hands.hands.setCurrentRow(hands.hands.count() - 1)  # the oldest: hand 1
        await until(lambda: bool(hands.moments))
        assert hands.hand is not None and hands.hand.hand["hand_no"] == 1
        hands.next_street.click()  # on to the flop (or the showdown if it ended sooner)
        step = hands.moments[hands.at].step
        assert hands.moments[hands.at].final or step["kind"] in ("board_dealt", "hand_shown")
        hands.to_end.click()
        assert hands.moments[hands.at].final and not hands.forward.isEnabled()
        assert hands.step_text.text().startswith("Result")
        hands.back.click()
        assert hands.forward.isEnabled()
        assert len(list(PokerStarsParser()(hands.text("pokerstars"), error_status=True))) == 1
        assert "Dealt to" in hands.text("pokerstars")
        *_, last = HandHistory.loads(hands.text("phh"))
        assert list(last.stacks) == [p["final_stack"] for p in hands.hand.hand["players"]]
        saved = tmp_path / "all.txt"
        screen.ask(client.Export(format="pokerstars"), lambda a: write(saved, a))
        await until(saved.exists)
        assert len(list(PokerStarsParser()(saved.read_text(), error_status=True))) >= 2
        hands.table.resize(800, 500)
        assert not hands.table.grab().isNull()

        # Our own hole cards show from the deal on, in hands we showed down as in the rest.
        shown_down = 0
        for row in range(hands.hands.count()):
            hands.hands.setCurrentRow(row)
            wanted: int = hands.listed[row]["hand_no"]

            def shown(wanted: int = wanted) -> bool:
                return hands.hand is not None and hands.hand.hand["hand_no"] == wanted

            await until(shown)
            assert hands.hand is not None
            ours = next(p for p in hands.hand.hand["players"] if p["seat"] == 1)
            assert hands.at == 0 and hands.model.seats[1].cards == ours["cards"], wanted
            shown_down += bool(ours["shown"])
        assert shown_down  # (the hand the log said we showed is among them)

        # The ledger: six rows that balance, the payments that settle them, saved as CSV.
        ledger = LedgerDialog(screen, screen.ask, model.name)
        await until(lambda: ledger.grid.rowCount() == 6)
        assert "every one accounted for" in ledger.check.text()
        nets = {r["member_id"]: r["net"] for r in ledger.rows}
        for payment in ledger.payments:
            nets[payment["payer"]] += payment["amount"]
            nets[payment["payee"]] -= payment["amount"]
        assert set(nets.values()) == {0} and ledger.settle.rowCount() == len(ledger.payments)
        payers = [ledger.settle.item(r, 0).text() for r in range(ledger.settle.rowCount())]
        names = {r["name"] for r in ledger.rows}
        assert all(name.removesuffix(" (bot)") in names for name in payers)
        ledger.save_csv(tmp_path / "ledger.csv")
        part, settle_part = (tmp_path / "ledger.csv").read_text().split("\n\n")
        rows = list(csv.DictReader(part.splitlines()))
        assert sum(int(r["net"]) for r in rows) == 0 and len(rows) == 6
        assert len(list(csv.DictReader(settle_part.splitlines()))) == len(ledger.payments)

    finally:
        if player is not None:
            player.cancel()
        await felt.shutdown()
