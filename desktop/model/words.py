"""The hand log in words, as a dealer would say it: pure functions of what happened, in
the player's language (`speech`; each line written out whole, so that lupdate finds it
and a translator can reorder it)."""

from __future__ import annotations

from desktop.model.speech import translate
from host_server.rules.names import Best

SUITS = {"s": "♠", "h": "♥", "d": "♦", "c": "♣"}


def pretty(card: str) -> str:
    rank = "10" if card[0] == "T" else card[0]
    return rank + SUITS[card[1]]


def pretty_cards(cards: list[str] | tuple[str, ...]) -> str:
    return " ".join(pretty(c) for c in cards)


def bot_added(name: str, level: str) -> str:
    return {
        "easy": translate("HandLog", "The host adds {}, an easy bot"),
        "standard": translate("HandLog", "The host adds {}, a standard bot"),
        "strong": translate("HandLog", "The host adds {}, a strong bot"),
    }.get(level, translate("HandLog", "The host adds {}, a bot")).format(name)


def acted(name: str, action: str, amount: int, timed_out: bool) -> str:
    line = {
        "fold": translate("HandLog", "{} folds"),
        "check": translate("HandLog", "{} checks"),
        "call": translate("HandLog", "{} calls {}"),
        "bet": translate("HandLog", "{} bets {}"),
        "raise": translate("HandLog", "{} raises to {}"),
    }[action].format(name, amount)
    return translate("HandLog", "{} (out of time)").format(line) if timed_out else line


def sat_out(name: str, reason: str) -> str:
    return {
        "timeouts": translate("HandLog", "{} sits out (timed out)"),
        "disconnected": translate("HandLog", "{} sits out (disconnected)"),
        "busted": translate("HandLog", "{} sits out (no chips)"),
    }.get(reason, translate("HandLog", "{} sits out")).format(name)


def stood_up(name: str, stack: int, reason: str) -> str:
    return {
        "freed": translate("HandLog", "{} stands up with {} (away too long)"),
        "kick": translate("HandLog", "{} stands up with {} (removed)"),
    }.get(reason, translate("HandLog", "{} stands up with {}")).format(name, stack)


def left(name: str, reason: str) -> str:
    if reason in ("kick", "removed"):
        return translate("HandLog", "{} was removed by the host").format(name)
    return translate("HandLog", "{} left").format(name)


def blinds(small: int, big: int, ante: int) -> str:
    if ante:
        line = translate("HandLog", "Blinds go to {}/{}, ante {} from the next hand")
        return line.format(small, big, ante)
    return translate("HandLog", "Blinds go to {}/{} from the next hand").format(small, big)


def won(name: str, net: int, hand_name: str | None) -> str:
    if hand_name:
        return translate("HandLog", "{} wins with {} (+{})").format(name, hand_name, net)
    return translate("HandLog", "{} wins (+{})").format(name, net)


def split(names: list[str]) -> str:
    """A chopped pot: each of them got their own chips back."""
    if not names:
        return translate("HandLog", "The pot is split")
    named = names[0]
    if len(names) > 1:  # "Ann, Bob and Cy"
        named = translate("HandLog", "{} and {}").format(", ".join(names[:-1]), names[-1])
    return translate("HandLog", "{} split the pot").format(named)


def top_up_refused(name: str, reason: str) -> str:
    if reason == "host":
        return translate("HandLog", "No more chips for {}: the host said no").format(name)
    return translate("HandLog", "No more chips for {}: the stack is at the maximum").format(name)


def button(hand_no: int, name: str | None) -> str:
    """Who has the button (None: a sit-and-go's dead button, on a seat now empty)."""
    if name is None:
        return translate("HandLog", "Hand #{}: the button stays on an empty seat").format(hand_no)
    return translate("HandLog", "Hand #{}: {} has the button").format(hand_no, name)


def straddles(name: str, amount: int) -> str:
    return translate("HandLog", "{} straddles {}").format(name, amount)


def second_board(street: str, cards: list[str]) -> str:
    return {
        "flop": translate("HandLog", "Second run, flop: {}"),
        "turn": translate("HandLog", "Second run, turn: {}"),
        "river": translate("HandLog", "Second run, river: {}"),
    }.get(street, "{}").format(pretty_cards(cards))


def run_twice_asked(names: list[str]) -> str:
    return translate("HandLog", "All in: run it twice? {} decide").format(", ".join(names))


def run_twice_answer(name: str, yes: bool) -> str:
    if yes:
        return translate("HandLog", "{} says yes to running it twice").format(name)
    return translate("HandLog", "{} says no to running it twice").format(name)


def runs(count: int) -> str:
    if count == 2:
        return translate("HandLog", "Running it twice: two boards, half of each pot on each")
    return translate("HandLog", "Running it once")


def deck_checked(right: bool, mine_mixed: bool = True) -> str:
    if not mine_mixed:
        return translate("HandLog", "DECK CHECK FAILED: the host left your value out of the deck")
    if right:
        return translate("HandLog", "Deck verified: dealt as committed, with the players' values")
    return translate("HandLog", "DECK CHECK FAILED: the cards dealt are not the deck committed to")


def straddle_choice(on: bool) -> str:
    if on:
        return translate("HandLog", "You will straddle whenever you are under the gun")
    return translate("HandLog", "You no longer straddle")


def bomb_pot(amount: int) -> str:
    return translate("HandLog", "Bomb pot: everyone puts in {}, and the flop comes").format(amount)


def bomb_pot_called(on: bool) -> str:
    if on:
        return translate("HandLog", "The host calls a bomb pot for the next hand")
    return translate("HandLog", "The host calls off the bomb pot")


def seven_deuce(name: str, cards: tuple[str, ...], each: int, total: int) -> str:
    words = translate("HandLog", "{} wins with {} and collects the 7-2 bounty: {} from each (+{})")
    return words.format(name, pretty_cards(cards), each, total)


def dealt(cards: list[str] | tuple[str, ...]) -> str:
    return translate("HandLog", "You are dealt {}").format(pretty_cards(cards))


def board(street: str, cards: list[str]) -> str:
    return {
        "flop": translate("HandLog", "Flop: {}"),
        "turn": translate("HandLog", "Turn: {}"),
        "river": translate("HandLog", "River: {}"),
    }.get(street, "{}").format(pretty_cards(cards))


def shows(name: str, cards: list[str] | tuple[str, ...]) -> str:
    return translate("HandLog", "{} shows {}").format(name, pretty_cards(cards))


def mucks(name: str) -> str:
    return translate("HandLog", "{} mucks").format(name)


def rank(rank: str, many: bool) -> str:
    """A rank's name, one or many ("king", "kings")."""
    one, several = {
        "2": (translate("Hand", "two"), translate("Hand", "twos")),
        "3": (translate("Hand", "three"), translate("Hand", "threes")),
        "4": (translate("Hand", "four"), translate("Hand", "fours")),
        "5": (translate("Hand", "five"), translate("Hand", "fives")),
        "6": (translate("Hand", "six"), translate("Hand", "sixes")),
        "7": (translate("Hand", "seven"), translate("Hand", "sevens")),
        "8": (translate("Hand", "eight"), translate("Hand", "eights")),
        "9": (translate("Hand", "nine"), translate("Hand", "nines")),
        "T": (translate("Hand", "ten"), translate("Hand", "tens")),
        "J": (translate("Hand", "jack"), translate("Hand", "jacks")),
        "Q": (translate("Hand", "queen"), translate("Hand", "queens")),
        "K": (translate("Hand", "king"), translate("Hand", "kings")),
        "A": (translate("Hand", "ace"), translate("Hand", "aces")),
    }[rank]
    return several if many else one


def hand(best: Best | None) -> str | None:
    """The best hand in the player's words, as `names.english` says it in English."""
    if best is None:
        return None
    one = [rank(r, False) for r in best.ranks]
    many = [rank(r, True) for r in best.ranks]
    return {
        "Royal flush": lambda: translate("Hand", "Royal flush"),
        "Straight flush": lambda: translate("Hand", "Straight flush, {} high").format(*one),
        "Four of a kind": lambda: translate("Hand", "Four of a kind, {}").format(*many),
        "Full house": lambda: translate("Hand", "Full house, {} full of {}").format(*many),
        "Flush": lambda: translate("Hand", "Flush, {} high").format(*one),
        "Straight": lambda: translate("Hand", "Straight, {} high").format(*one),
        "Three of a kind": lambda: translate("Hand", "Three of a kind, {}").format(*many),
        "Two pair": lambda: translate("Hand", "Two pair, {} and {}").format(*many),
        "One pair": lambda: translate("Hand", "Pair of {}").format(*many),
    }.get(best.kind, lambda: translate("Hand", "High card, {}").format(*one))()


# --- a sit-and-go ------------------------------------------------------------------


def place(n: int) -> str:
    """1st, 2nd, ... (a table has at most ten places)."""
    return {
        1: translate("Places", "1st"), 2: translate("Places", "2nd"),
        3: translate("Places", "3rd"), 4: translate("Places", "4th"),
        5: translate("Places", "5th"), 6: translate("Places", "6th"),
        7: translate("Places", "7th"), 8: translate("Places", "8th"),
        9: translate("Places", "9th"), 10: translate("Places", "10th"),
    }.get(n, str(n))  # fmt: skip


def prize_list(prizes: tuple[int, ...]) -> str:
    return " / ".join(str(p) for p in prizes)


def tournament_started(players: int, prizes: tuple[int, ...]) -> str:
    line = translate("HandLog", "The tournament begins: {} players, seats drawn; prizes {}")
    return line.format(players, prize_list(prizes))


def blinds_up(level: int, small: int, big: int, ante: int) -> str:
    if ante:
        line = translate("HandLog", "Blinds up: level {}, {}/{}, ante {}, from the next hand")
        return line.format(level, small, big, ante)
    line = translate("HandLog", "Blinds up: level {}, {}/{}, from the next hand")
    return line.format(level, small, big)


def finished(name: str, place_: int, prize: int) -> str:
    if place_ == 1:
        return translate("HandLog", "{} wins the tournament and {}").format(name, prize)
    if prize:
        return translate("HandLog", "{} finishes {}, wins {}").format(name, place(place_), prize)
    return translate("HandLog", "{} finishes {}").format(name, place(place_))


def rebuy_offered(name: str, buy_in: int, mine: bool) -> str:
    if mine:
        line = translate("HandLog", "You are out of chips: rebuy for {} to play on")
        return line.format(buy_in)
    return translate("HandLog", "{} is out of chips and may rebuy").format(name)


def rebought(name: str, buy_in: int, add_on: bool) -> str:
    """What was paid (the chips come with `topped_up`: now, or when the hand ends)."""
    if add_on:
        return translate("HandLog", "{} takes the add-on for {}").format(name, buy_in)
    return translate("HandLog", "{} rebuys for {}").format(name, buy_in)


def registering(buy_in: int, stack: int, seated: int, prizes: tuple[int, ...]) -> str:
    line = translate("Tournament", "Sit-and-go · buy-in {} · {} chips · {} seated · prizes {}")
    return line.format(buy_in, stack, seated, prize_list(prizes))


def tournament_won(name: str, prize: int) -> str:
    return translate("Tournament", "{} won the tournament and {}").format(name, prize)


PARTS = "  ·  "  # between the parts of a tournament's clock line


def level_head(level: int, small: int, big: int, ante: int) -> str:
    blinds = f"{small}/{big}" + (translate("Tournament", " ante {}").format(ante) if ante else "")
    return translate("Tournament", "Level {}: {}").format(level, blinds)


def time_left(left: float, next_small: int, next_big: int) -> str:
    minutes, seconds = divmod(int(left), 60)
    line = translate("Tournament", ", {}:{:02d} to {}/{}")
    return line.format(minutes, seconds, next_small, next_big)


def hands_left(hand: int, hands: int) -> str:
    return translate("Tournament", ", hand {} of {}").format(hand, hands)


def on_break(left: float | None, level: int, small: int, big: int) -> str:
    minutes, seconds = divmod(int(left or 0), 60)
    line = translate("Tournament", "Break: {}:{:02d}, then level {}: {}/{}")
    return line.format(minutes, seconds, level, small, big)


def break_started(minutes: float) -> str:
    length, seconds = divmod(round(minutes * 60), 60)
    line = translate("HandLog", "Break for {}:{:02d}: the next level starts after it")
    return line.format(length, seconds)


def standings_line(
    head: str,
    players: int,
    entrants: int,
    average: int,
    prizes: tuple[int, ...],
    late: int,
    rebuys: int = 0,
) -> str:
    """The clock line after its head: who is left, the average stack, the prizes, and
    until which level late players may still sit down, and rebuy (0: no more)."""
    parts = [head, translate("Tournament", "{} of {} left").format(players, entrants)]
    parts.append(translate("Tournament", "average {}").format(average))
    parts.append(translate("Tournament", "prizes {}").format(prize_list(prizes)))
    if late:
        parts.append(translate("Tournament", "late seats until level {}").format(late))
    if rebuys:
        parts.append(translate("Tournament", "rebuys until level {}").format(rebuys))
    return PARTS.join(parts)
