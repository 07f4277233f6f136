"""The ledger: who brought how many chips to a table, and where they are now.

For every member who ever held chips: buy-ins, rebuys and top-ups, cash-outs,
the stack on the table (and what is in the current hand's pot), the balance
kept off the table, and the net. The columns balance to the chip: everything
bought in is on the table, in the pot, on a balance, or cashed out. A tournament's
ledger counts buy-ins and prizes instead (`_tournament_ledger`). Both end in the
settle-up: the fewest payments that square everyone's net (`settle`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any

from host_server.table.state import Table
from host_server.views.settle import Payment, settle_up


@dataclass(frozen=True)
class LedgerRow:
    member_id: int
    name: str
    bot: bool
    buy_ins: int
    top_ups: int
    cashed_out: int
    stack: int  # behind, on the table
    in_pot: int  # put into the current hand so far
    balance: int  # off the table, kept for a return
    net: int
    bounties: int = 0  # the 7-2 game: collected less paid (in the net already)

    def to_dict(self) -> dict[str, int | str | bool]:
        return asdict(self)


POOL = 0  # the member id of a tournament's prize pool row


def ledger(table: Table) -> list[LedgerRow]:
    if table.tournament is not None and table.tournament.started:
        return _tournament_ledger(table)
    rows = []
    for member in table.members.values():
        if not member.bought_in:
            continue
        seat = table.seat_of(member.id)
        stack = in_pot = 0
        if seat is not None:
            stack = table.live_stack(seat.number)
            index = table.hand_index(seat.number)
            if index is not None and table.hand_start is not None:
                in_pot = table.hand_start.stacks[index] - stack
        held = stack + in_pot + member.balance + member.cashed_out
        rows.append(
            LedgerRow(
                member_id=member.id,
                name=member.name,
                bot=member.bot is not None,
                buy_ins=member.bought_in - member.topped_up,
                top_ups=member.topped_up,
                cashed_out=member.cashed_out,
                stack=stack,
                in_pot=in_pot,
                balance=member.balance,
                net=held - member.bought_in,
                bounties=member.bounties,
            )
        )
    return rows


def _tournament_ledger(table: Table) -> list[LedgerRow]:
    """A tournament's ledger is in the buy-in's units, not chips: each entrant paid the
    buy-in (and one more for each rebuy and the add-on, in `top_ups`) and is paid a prize
    on finishing; what is not paid yet is the prize pool's."""
    tournament, structure = table.tournament, table.settings.tournament
    assert tournament is not None and structure is not None
    rows = []
    for member_id in tournament.entrants:
        member = table.members[member_id]
        bot = member.bot is not None
        paid, prize = structure.buy_in, member.prize
        more = tournament.rebuys.get(member_id, 0) + (member_id in tournament.add_ons)
        again = structure.buy_in * more
        rows.append(
            LedgerRow(
                member_id, member.name, bot, paid, again, prize, 0, 0, 0, prize - paid - again
            )
        )
    left = tournament.pool(structure) - sum(r.cashed_out for r in rows)
    if left:
        rows.append(LedgerRow(POOL, "Prize pool", False, 0, 0, 0, 0, 0, left, left))
    return rows


def balanced(rows: list[LedgerRow]) -> bool:
    """Bought in = on the table + in the pot + balances + cashed out, to the chip."""
    brought = sum(r.buy_ins + r.top_ups for r in rows)
    held = sum(r.stack + r.in_pot + r.balance + r.cashed_out for r in rows)
    return brought == held


def payments(rows: Sequence[LedgerRow | dict[str, Any]]) -> list[Payment]:
    """Who pays whom to settle the evening, as few payments as can be (`settle`); none
    for a ledger that does not balance (it says so, and nothing can square it)."""
    dicts = [row.to_dict() if isinstance(row, LedgerRow) else row for row in rows]
    nets = {int(row["member_id"]): int(row["net"]) for row in dicts}
    return settle_up(nets) if not sum(nets.values()) else []


def to_csv(rows: Sequence[LedgerRow | dict[str, Any]]) -> str:
    """The ledger as CSV, from rows or from their dicts (as the protocol carries them),
    and after a blank line the settle-up: who pays whom, by name."""
    dicts = [row.to_dict() if isinstance(row, LedgerRow) else row for row in rows]
    out = io.StringIO()
    writer = csv.DictWriter(out, [f.name for f in fields(LedgerRow)], lineterminator="\n")
    writer.writeheader()
    writer.writerows(dicts)
    names = {row["member_id"]: row["name"] for row in dicts}
    settle = csv.writer(out, lineterminator="\n")
    settle.writerow([])
    settle.writerow(["payer", "payee", "amount"])
    for p in payments(dicts):
        settle.writerow([names[p.payer], names[p.payee], p.amount])
    return out.getvalue()
