"""Settle-up: random evenings settle to the chip in the fewest payments (checked against
an exhaustive search where one is quick), and a ledger that does not sum is refused."""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given, strategies as st

from host_server.views.settle import EXACT, Payment, settle_up


def evening(values: list[int]) -> dict[int, int]:
    """Members 1..n with these nets, the last making them sum to zero."""
    nets = dict(enumerate(values, start=1))
    nets[len(values) + 1] = -sum(values)
    return nets


def squared(nets: dict[int, int], payments: list[Payment]) -> dict[int, int]:
    left = dict(nets)
    for p in payments:
        assert p.amount > 0 and p.payer != p.payee
        left[p.payer] += p.amount
        left[p.payee] -= p.amount
    return left


def most_groups(nets: list[int]) -> int:
    """The most zero-sum groups the nets can be cut into, by trying every subset that
    holds the first one (slow: small evenings only)."""
    if not nets:
        return 0
    first, rest = nets[0], nets[1:]
    best = 0
    for size in range(len(rest) + 1):
        for others in combinations(range(len(rest)), size):
            if first + sum(rest[i] for i in others) == 0:
                left = [v for i, v in enumerate(rest) if i not in others]
                best = max(best, 1 + most_groups(left))
    return best


@given(st.lists(st.integers(-500, 500), max_size=6))
def test_a_small_evening_settles_in_the_fewest_payments(values):
    nets = evening(values)
    payments = settle_up(nets)
    assert all(v == 0 for v in squared(nets, payments).values())  # to the chip
    owed = [v for v in nets.values() if v]
    assert len(payments) == len(owed) - most_groups(owed)


@given(st.lists(st.integers(-10_000, 10_000), min_size=EXACT, max_size=EXACT + 8))
def test_a_big_evening_settles_in_fewer_payments_than_players(values):
    nets = evening(values)
    payments = settle_up(nets)
    assert all(v == 0 for v in squared(nets, payments).values())
    assert len(payments) <= max(0, sum(1 for v in nets.values() if v) - 1)


def test_pairs_that_square_each_other_pay_each_other():
    nets = {1: -50, 2: 50, 3: -30, 4: 10, 5: 20}
    assert settle_up(nets) == [Payment(1, 2, 50), Payment(3, 5, 20), Payment(3, 4, 10)]
    assert settle_up({1: 0, 2: 0}) == []


def test_nets_that_do_not_sum_to_zero_are_refused():
    with pytest.raises(ValueError, match="sum to 5"):
        settle_up({1: 10, 2: -5})
