"""Queries: hand histories, exports and the ledger, answered to the asker alone.

Nothing changes; what a member gets goes through the same privacy rule as play:
players see the hands they were dealt into (their own cards and shown ones),
spectators none, the host every hand (every card only where the table says so).
"""

from __future__ import annotations

from host_server import protocol as wire
from host_server.errors import Code, CommandError
from host_server.store import Store
from host_server.table.members import Role
from host_server.table.state import Table
from host_server.views.archive import hand_view, summary_line
from host_server.views.exports import phh_of_view, phhs_text, pokerstars_file, pokerstars_text
from host_server.views.ledger import balanced, ledger


def answer_query(table: Table, store: Store, member_id: int, message: wire.Message) -> str:
    """The answer to `message` (a query) for `member_id`: as this member may see it."""
    member = table.members[member_id]
    if not member.approved:
        raise CommandError("Wait for the host to let you in.", code=Code.NOT_APPROVED)
    if message.type == "ledger":
        rows = ledger(table)
        return wire.answer(
            "ledger", message.id, rows=[r.to_dict() for r in rows], balanced=balanced(rows)
        )
    host = member.role is Role.HOST
    every_card = host and table.settings.reveal_hands_to_host
    number = message.args.get("hand_no")
    last = 1000 if message.type == "export" else 100
    records = [
        r
        for r in store.hand_records(table.table_id, hand_no=number, last=last)
        if host or r.dealt_in(member_id)  # players get the hands they were dealt into
    ]
    if message.type == "export":
        kind = message.args["format"]
        seen = [hand_view(r, member_id, every_card=every_card) for r in records]
        if kind == "phh":
            text = phhs_text(seen)
        elif kind == "pokerstars":
            text = pokerstars_file(seen, table.settings.seats)
        else:
            raise CommandError("Export as phh or pokerstars.", code=Code.WRONG_TYPE)
        return wire.answer("export", message.id, format=kind, hands=len(seen), text=text)
    if message.type == "hands":
        return wire.answer("hands", message.id, hands=[summary_line(r, member_id) for r in records])
    if not records:
        raise CommandError(f"You have no hand number {number} here.", code=Code.UNKNOWN_HAND)
    view = hand_view(records[0], member_id, every_card=every_card)
    return wire.answer(
        "hand",
        message.id,
        hand=view,
        phh=phh_of_view(view),
        pokerstars=pokerstars_text(view, table.settings.seats),
    )
