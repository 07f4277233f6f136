"""The 7-2 game's bounty: a pot won holding a seven and a deuce (shown, uncontested or
not) collects a set amount from every other player dealt in, each paying what is left
on their stack at most. Pure: a finished hand in, the chips each player moves out."""

from __future__ import annotations

from pokerkit import ChipsPushing

from host_server.rules.hand import Hand

SEVEN_DEUCE = frozenset("72")


def holds_seven_deuce(cards: tuple[str, ...]) -> bool:
    """A seven and a deuce, suited or not."""
    return len(cards) == 2 and {card[0] for card in cards} == SEVEN_DEUCE


def pot_winners(hand: Hand) -> tuple[int, ...]:
    """The players pushed chips from a pot (a bet nobody called coming back is not a pot)."""
    won: set[int] = set()
    for operation in hand.state.operations:
        if isinstance(operation, ChipsPushing):
            won.update(i for i, amount in enumerate(operation.amounts) if amount > 0)
    return tuple(sorted(won))


def seven_deuce(hand: Hand, amount: int) -> list[tuple[int, tuple[int, ...]]]:
    """Each bounty of a finished hand, winner by winner in the hand's order: (the
    winner, every player's change of stack). The changes of all of them sum to zero."""
    if not amount:
        return []
    stacks = list(hand.stacks)
    paid = []
    for winner in pot_winners(hand):
        if not holds_seven_deuce(hand.hole_cards(winner)):
            continue
        change = [0] * len(stacks)
        for payer in range(len(stacks)):
            if payer != winner:
                change[payer] = -min(amount, stacks[payer])
        change[winner] = -sum(change)
        if not change[winner]:
            continue  # (nobody else has a chip left to pay with)
        stacks = [s + c for s, c in zip(stacks, change, strict=True)]
        paid.append((winner, tuple(change)))
    return paid
