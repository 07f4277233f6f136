"""No-Limit Hold'em (or Pot-Limit Omaha) for one hand: a thin, deterministic wrapper over pokerkit.

A hand is fully described by its `HandSpec` (blinds, ante, starting stacks in
pokerkit's order, the deck order) and the list of steps applied to it. We own
the deck: pokerkit never deals, burns or shows on its own, so replaying the
same spec and steps always gives the same hand.

Player indices are pokerkit's: the small blind is 0, the button is last; heads-up
the button (index 1) posts the small blind and index 0 the big blind.
"""

from __future__ import annotations

import warnings
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from pokerkit import (
    Automation,
    Card,
    Deck,
    Mode,
    NoLimitTexasHoldem,
    PotLimitOmahaHoldem,
    State,
)

from host_server.errors import Code, CommandError
from host_server.rules.deck import FULL_DECK, HOLE_CARDS, deal_holes
from host_server.rules.high_hand import HighHand
from host_server.rules.moves import Action, Legal, Move

# Everything that is pure bookkeeping; dealing, burning and showing stay ours.
_AUTOMATIONS = (
    Automation.ANTE_POSTING,
    Automation.BET_COLLECTION,
    Automation.BLIND_OR_STRADDLE_POSTING,
    Automation.HAND_KILLING,
    Automation.CHIPS_PUSHING,
    Automation.CHIPS_PULLING,
)
_STREETS = ("preflop", "flop", "turn", "river")
_T = TypeVar("_T")
_River = tuple[HighHand, tuple[HighHand, ...], tuple[tuple[int, ...], ...]]


@dataclass(frozen=True)
class HandSpec:
    """Everything needed to deal a hand again."""

    small_blind: int
    big_blind: int
    ante: int
    stacks: tuple[int, ...]
    deck: tuple[str, ...]
    straddle: int = 0  # posted by the player after the big blind (pokerkit's index 2)
    bomb: int = 0  # a bomb pot: everyone's ante instead of blinds; no preflop betting
    run_twice: bool = False  # all in before the river, the players choose one run or two
    variant: str = "nlhe"  # or "plo": Pot-Limit Omaha, four hole cards, two of them played


# pokerkit's own card objects, by name: a state finds a card in its deck by identity first.
_CARD: dict[str, Card] = {repr(card): card for card in Deck.STANDARD}
_WHOLE = frozenset(FULL_DECK)


def _blinds(spec: HandSpec) -> tuple[int, ...]:
    """pokerkit's blinds or straddles, by player: small blind, big blind, straddle."""
    if spec.bomb:
        return (0, 0)
    if not spec.small_blind:  # a dead small blind: the big blind is the first player
        return (spec.big_blind, 0)
    if spec.straddle:
        return (spec.small_blind, spec.big_blind, spec.straddle)
    return (spec.small_blind, spec.big_blind)


class Hand:
    """One hand of No-Limit Hold'em or Pot-Limit Omaha, dealt from a deck we own."""

    def __init__(self, spec: HandSpec) -> None:
        if len(spec.deck) != len(FULL_DECK) or set(spec.deck) != _WHOLE:
            raise ValueError("the deck must hold each of the 52 cards once")
        self.spec = spec
        omaha = spec.variant == "plo"
        self.game = (PotLimitOmahaHoldem if omaha else NoLimitTexasHoldem)(
            _AUTOMATIONS,
            True,
            spec.bomb or spec.ante,
            _blinds(spec),
            spec.big_blind,
            # (pokerkit asks for the number of runs in cash-game mode only)
            mode=Mode.CASH_GAME if spec.run_twice else Mode.TOURNAMENT,
        )
        self.state: State = self.game(spec.stacks, len(spec.stacks))
        if not omaha:  # (Omaha keeps pokerkit's own hands: two hole cards and three of the board)
            self.state.hand_types = (HighHand,)  # the game stays a NoLimitTexasHoldem (PHH)
        # pokerkit's deck in our order: each card dealt is found at the front of it, not
        # after a search through the deck pokerkit shuffled for itself (which nobody uses).
        self.state.deck_cards = deque(_CARD[c] for c in spec.deck)
        # pokerkit forgets folded and mucked cards; their owners may still see them.
        each = HOLE_CARDS[spec.variant]
        self.dealt = deal_holes(spec.deck, len(spec.stacks), each)
        for player, cards in enumerate(self.dealt):
            self.state.deal_hole(tuple(_CARD[c] for c in cards), player)
        self._next_card = each * len(spec.stacks)
        while spec.bomb and self.state.street_index == 0 and self.state.actor_index is not None:
            self.state.check_or_call()  # a bomb pot has no preflop betting: play starts on the flop
        # What the table reads several times per action (the checks, every viewer's
        # turn, the bots), costly in pokerkit: kept until pokerkit's next operation.
        self._kept: dict[str, tuple[int, Any]] = {}  # name -> (operations applied, value)
        self._river: _River | None = None
        self._board: tuple[str, ...] = ()

    def _draw(self) -> Card:
        card = _CARD[self.spec.deck[self._next_card]]
        self._next_card += 1
        return card

    # --- what the table reads -------------------------------------------------

    @property
    def finished(self) -> bool:
        return not self.state.status

    @property
    def actor(self) -> int | None:
        return self.state.actor_index

    @property
    def street(self) -> str:
        index = self.state.street_index
        return "showdown" if index is None else _STREETS[index]

    @property
    def stacks(self) -> tuple[int, ...]:
        return tuple(self.state.stacks)

    @property
    def bets(self) -> tuple[int, ...]:
        return tuple(self.state.bets)

    @property
    def pots(self) -> tuple[tuple[int, tuple[int, ...]], ...]:
        """Main pot then side pots: (amount, eligible players)."""
        return self._until_next_step("pots", self._compute_pots)

    def _compute_pots(self) -> tuple[tuple[int, tuple[int, ...]], ...]:
        return tuple((pot.amount, tuple(pot.player_indices)) for pot in self.state.pots)

    @property
    def total_chips(self) -> int:
        """Chips in this hand, anywhere: stacks, bets and pots."""
        # pokerkit's pot total already includes the bets not yet collected.
        return sum(self.state.stacks) + self.state.total_pot_amount

    @property
    def board(self) -> tuple[str, ...]:
        """The board (the first run's, when it is run twice)."""
        return self._board  # (only `deal_board` changes it)

    @property
    def second_board(self) -> tuple[str, ...]:
        """The second run's board (the cards dealt before the all-in, then its own), or ()."""
        if self.state.board_count < 2:
            return ()
        return tuple(repr(card) for card in self.state.get_board_cards(1))

    @property
    def runs_asked(self) -> bool:
        """All in with cards to come, at a table that runs it twice: how many runs?"""
        return any(self.state.runout_count_selector_statuses)

    def choose_runs(self, count: int) -> None:
        """Deal the rest of the board once or twice (as every player chose)."""
        if not self.runs_asked or count not in (1, 2):
            raise RuntimeError(f"no choice of {count} runs is due")
        while self.runs_asked:
            # (pokerkit 0.7 reads a player index given here as the count: none given,
            # it takes each player who chooses in turn.)
            self.state.select_runout_count(count)

    @property
    def runs(self) -> int:
        return self.state.runout_count or 1

    def hole_cards(self, player: int) -> tuple[str, ...]:
        """The two cards dealt to a player, kept after a fold or a muck."""
        return self.dealt[player]

    def in_hand(self, player: int) -> bool:
        """Still holding cards (not folded or mucked)."""
        return bool(self.state.statuses[player])

    def all_in(self, player: int) -> bool:
        return self.in_hand(player) and self.state.stacks[player] == 0

    # --- deciding -------------------------------------------------------------

    def legal(self) -> Legal | None:
        """The choices of the player to act, or None when nobody is to act."""
        return self._until_next_step("legal", self._compute_legal)

    def _until_next_step(self, name: str, compute: Callable[[], _T]) -> _T:
        applied = len(self.state.operations)
        kept = self._kept.get(name)
        if kept is None or kept[0] != applied:
            kept = self._kept[name] = (applied, compute())
        value: _T = kept[1]
        return value

    def _compute_legal(self) -> Legal | None:
        state = self.state
        player = state.actor_index
        if player is None:
            return None
        call = state.checking_or_calling_amount or 0
        # pokerkit checks the whole betting state again for each of these: the minimum is
        # None exactly when no bet or raise is allowed (can_complete_bet_or_raise_to()
        # would check it six times more to say the same).
        low = state.min_completion_betting_or_raising_to_amount
        high = state.max_completion_betting_or_raising_to_amount if low is not None else None
        straddle = self.spec.straddle
        if low is not None and high is not None and straddle and max(state.bets) == straddle:
            # The straddle is the preflop bet to raise: at least twice it (pokerkit
            # would allow the big blind's increment on top), or all in.
            low = min(max(low, 2 * straddle), high) if state.street_index == 0 else low
        return Legal(
            player=player,
            can_fold=call > 0,  # folding for free is refused (and upsets pokerkit)
            can_check=call == 0,
            call_amount=call,
            can_raise=low is not None,
            is_bet=max(state.bets) == 0,
            min_to=low or 0,
            max_to=high or 0,
        )

    def verify(self, player: int, action: Action, amount: int | None = None) -> Move:
        """Check a decision against the rules; raise a `CommandError` saying why not."""
        legal = self.legal()
        if legal is None:
            raise CommandError("Nobody is to act in this hand right now.", code=Code.NOT_YOUR_TURN)
        if legal.player != player:
            raise CommandError("It is not your turn.", code=Code.NOT_YOUR_TURN)
        if action is Action.ALL_IN:
            if legal.can_raise:
                return Move(player, Action.RAISE if not legal.is_bet else Action.BET, legal.max_to)
            if legal.can_call:
                return Move(player, Action.CALL, legal.call_amount)
            raise CommandError("You have no chips left to put in.", code=Code.ILLEGAL_ACTION)
        if action is Action.FOLD:
            if not legal.can_fold:
                raise CommandError(
                    "Nothing to call: check instead of folding.", code=Code.ILLEGAL_ACTION
                )
            return Move(player, action, 0)
        if action is Action.CHECK:
            if not legal.can_check:
                raise CommandError(
                    f"You cannot check: {legal.call_amount} to call.", code=Code.ILLEGAL_ACTION
                )
            return Move(player, action, 0)
        if action is Action.CALL:
            if not legal.can_call:
                raise CommandError("Nothing to call: check instead.", code=Code.ILLEGAL_ACTION)
            return Move(player, action, legal.call_amount)
        # bet or raise
        if not legal.can_raise:
            raise CommandError("You cannot bet or raise now.", code=Code.ILLEGAL_ACTION)
        # (Each message whole, numbers aside: the desktop says it in the player's language.)
        low, high, out = legal.min_to, legal.max_to, Code.AMOUNT_OUT_OF_RANGE
        if legal.is_bet:
            if action is not Action.BET:
                raise CommandError("There is no bet: bet instead.", code=Code.ILLEGAL_ACTION)
            if amount is None:
                raise CommandError("Say how much to bet.", code=out)
            if not low <= amount <= high:
                raise CommandError(f"Bet between {low} and {high}.", code=out)
        else:
            if action is not Action.RAISE:
                raise CommandError("There is a bet: raise instead.", code=Code.ILLEGAL_ACTION)
            if amount is None:
                raise CommandError("Say how much to raise to.", code=out)
            if not low <= amount <= high:
                raise CommandError(f"Raise to between {low} and {high}.", code=out)
        return Move(player, action, amount)

    # --- steps (each is recorded by the table and replayed in the same order) --

    def play(self, move: Move) -> None:
        """Apply a verified move."""
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            if move.action is Action.FOLD:
                self.state.fold()
            elif move.action in (Action.CHECK, Action.CALL):
                self.state.check_or_call()
            else:
                self.state.complete_bet_or_raise_to(move.amount)

    @property
    def board_due(self) -> bool:
        """A street's cards are due (after a betting round, or all-in runouts)."""
        # Ask with our next card: asking with none makes pokerkit draw its own. (Its
        # check begins with every dealable card: first the flag it would check last.)
        state = self.state
        return state.card_burning_status and state.can_burn_card(
            _CARD[self.spec.deck[self._next_card]]
        )

    def next_board(self) -> tuple[str, int, tuple[str, ...]]:
        """What `deal_board` will deal: the street, which run (1, or 2 for the second of a
        board run twice) and the cards (after one burn, three for the flop, else one)."""
        state = self.state
        index = state.street_index
        assert index is not None
        count = state.streets[index].board_dealing_count
        start = self._next_card + 1
        run = 2 if len(self._board) == 5 else 1
        return _STREETS[index], run, self.spec.deck[start : start + count]

    def deal_board(self) -> tuple[str, ...]:
        """Burn one card and deal the street from our deck."""
        if not self.board_due:
            raise RuntimeError("no board dealing is due")
        self.state.burn_card(self._draw())
        cards = tuple(self._draw() for _ in range(self.state.board_dealing_count or 0))
        self.state.deal_board(cards)
        dealt = tuple(repr(c) for c in cards)
        if len(self._board) < 5:  # (the second run's cards are pokerkit's second board)
            self._board += dealt
        return dealt

    @property
    def showdown_player(self) -> int | None:
        """Who must show or muck next, in proper showdown order."""
        if not self.state.can_show_or_muck_hole_cards(True):  # a bool: no evaluation
            return None
        return self.state.showdown_index

    def should_show(self, player: int) -> bool:
        """All-in before the river: every hand is turned up for the runout.
        At a complete board: show what can still win a pot, muck what cannot."""
        if len(self.board) < 5:
            return True
        return self._can_win_now(player)

    def _can_win_now(self, player: int) -> bool:
        """pokerkit's `can_win_now` for our one board and hand type: can `player`'s hand
        beat or tie, in some pot it is in, every hand shown so far (one not shown counts
        as the board alone)? pokerkit forms every hand again for each player who shows;
        here each is formed once, when the river is out."""
        state = self.state
        if not state.statuses[player]:
            return False
        if self.spec.variant == "plo":  # (no hand is the board's alone: pokerkit's own answer)
            return state.can_win_now(player)
        board, best, pots = self._river_hands()
        shown = [
            (best[i] if all(state.hole_card_statuses[i]) else board) if status else None
            for i, status in enumerate(state.statuses)
        ]
        for players in pots:
            if player in players:
                top = max((h for i in players if (h := shown[i]) is not None), default=None)
                if top is None or top <= best[player]:
                    return True
        return False

    def _river_hands(self) -> _River:
        """The board's own hand, each player's best and who is in each pot, once all five
        cards are out. (A hand mucked later leaves the pots it was in; it shows nothing,
        so the answer for anyone still in is the same as with pokerkit's pots then.)"""
        if self._river is None:
            cards = tuple(self.state.get_board_cards(0))
            best = tuple(HighHand.from_game(tuple(h), cards) for h in self.state.hole_cards)
            pots = tuple(players for _, players in self.pots)
            self._river = (HighHand.from_game((), cards), best, pots)
        return self._river

    def show_or_muck(self, player: int, show: bool) -> None:
        if self.showdown_player != player:
            raise RuntimeError(f"player {player} is not the one to show")
        self.state.show_or_muck_hole_cards(show)

    def winnings(self) -> tuple[int, ...]:
        """Chips each player won or lost in this hand (final minus starting stack)."""
        return tuple(
            now - start for now, start in zip(self.state.stacks, self.spec.stacks, strict=True)
        )
