"""Settle-up: the fewest payments that square an evening's ledger (who pays whom, how
much), to the chip.

Everyone's net sums to zero. Players who can be split into groups whose nets each
sum to zero can settle inside each group, with one payment fewer than the group has
members. So the fewest payments is the number of players owed or owing, less the
most such groups. Finding those groups is a search over subsets (`_groups`, exact up
to EXACT players with a net). Above that, one group is taken: the biggest debtor pays
the biggest creditor until all are square: never more than one payment fewer than
there are players with a net.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

EXACT = 12  # players with a net beyond which the subset search (2^n steps) is not tried


@dataclass(frozen=True)
class Payment:
    payer: int  # member ids, as the ledger's rows carry them
    payee: int
    amount: int

    def to_dict(self) -> dict[str, int]:
        return {"payer": self.payer, "payee": self.payee, "amount": self.amount}


def settle_up(nets: Mapping[int, int]) -> list[Payment]:
    """The payments that bring every net to zero, as few as can be (see above)."""
    if sum(nets.values()):
        raise ValueError(f"nets sum to {sum(nets.values())}, not 0: nothing settles them")
    owed = sorted((member, net) for member, net in nets.items() if net)
    groups = _groups(owed) if len(owed) <= EXACT else [owed]
    return [payment for group in groups for payment in _within(group)]


def _within(group: list[tuple[int, int]]) -> list[Payment]:
    """A zero-sum group settled in at most one payment fewer than its members: each
    time, the biggest debtor pays the biggest creditor as much as one of them needs."""
    debts = {member: -net for member, net in group if net < 0}
    credits = {member: net for member, net in group if net > 0}
    payments = []
    while debts:
        payer = max(debts, key=lambda m: (debts[m], -m))
        payee = max(credits, key=lambda m: (credits[m], -m))
        amount = min(debts[payer], credits[payee])
        payments.append(Payment(payer, payee, amount))
        for side, member in ((debts, payer), (credits, payee)):
            side[member] -= amount
            if not side[member]:
                del side[member]
    return payments


def _groups(owed: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """`owed` split into the most groups that each sum to zero.

    best[mask] is the most zero-sum groups that the players in `mask` (a subset,
    as bits) can be cut into, counting the last, unfinished one only once it sums to
    zero; taking one player out at a time, every subset that sums to zero on the way
    closes a group."""
    n = len(owed)
    sums = [0] * (1 << n)
    best = [0] * (1 << n)
    for mask in range(1, 1 << n):
        low = (mask & -mask).bit_length() - 1
        sums[mask] = sums[mask & (mask - 1)] + owed[low][1]
        best[mask] = max(best[mask & ~(1 << i)] for i in range(n) if mask >> i & 1)
        best[mask] += sums[mask] == 0
    groups: list[list[tuple[int, int]]] = []
    mask, group = (1 << n) - 1, list[tuple[int, int]]()
    while mask:
        # A player whose leaving keeps the most groups (closing one if `mask` sums to 0).
        i = next(
            i
            for i in range(n)
            if mask >> i & 1 and best[mask & ~(1 << i)] + (sums[mask] == 0) == best[mask]
        )
        if sums[mask] == 0 and group:
            groups.append(group)
            group = []
        group.append(owed[i])
        mask &= ~(1 << i)
    if group:
        groups.append(group)
    return groups
