"""The hand log's words in the player's language: hand names in German, and the
desktop's words equal to the host's English where no translator is installed."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from desktop.model import words
from desktop.ui import language
from host_server.rules.names import best, describe
from tests.host_server.rules.test_names import DECK, SAID


@pytest.mark.parametrize(("hole", "board", "english", "german"), SAID)
def test_a_hand_is_named_in_german(qapp, hole, board, english, german):
    translators = language.install("de")
    try:
        assert words.hand(best(hole, board)) == german
    finally:
        language.uninstall(translators)


@given(st.permutations(DECK).map(lambda deck: deck[:7]))
def test_the_desktop_names_each_hand_as_the_host_does_in_english(cards):
    assert words.hand(best(cards[:2], cards[2:])) == describe(cards[:2], cards[2:])


def test_the_hand_log_speaks_german(qapp):
    translators = language.install("de")
    try:
        assert words.acted("Ann", "raise", 60, True) == "Ann erhöht auf 60 (Zeit abgelaufen)"
        assert words.split(["Ann", "Bob", "Cy"]) == "Ann, Bob und Cy teilen sich den Pot"
        assert words.won("Dora", 52, "Paar Asse") == "Dora gewinnt (+52): Paar Asse"  # (reordered)
        assert words.board("turn", ["Ah", "Td", "2c", "9s"]) == "Turn: A♥ 10♦ 2♣ 9♠"
        assert (
            words.bot_added("Carl", "strong") == "Der Gastgeber holt Carl dazu, einen starken Bot"
        )
    finally:
        language.uninstall(translators)
