"""Queries: hand histories, exports and the ledger, answered to the asker alone.

Nothing changes. Which hands and which cards a member gets, the views decide
(`views.archive`), by the same privacy rule as play.
"""

from __future__ import annotations

from host_server.errors import Code, CommandError
from host_server.protocol import client, codec, host
from host_server.store.log import LogStore
from host_server.table.state import Table
from host_server.views.archive import every_card, hand_view, may_see, summary_line
from host_server.views.exports import phh_of_view, phhs_text, pokerstars_file, pokerstars_text
from host_server.views.ledger import balanced, ledger, payments

HANDS_LISTED, HANDS_EXPORTED = 100, 1000


def answer_query(table: Table, store: LogStore, member_id: int, query: client.Query) -> str:
    """The answer to `query` for `member_id`: as this member may see it."""
    if not table.members[member_id].approved:
        raise CommandError("Wait for the host to let you in.", code=Code.NOT_APPROVED)
    if isinstance(query, client.Ledger):
        rows = ledger(table)
        answer: host.Message = host.LedgerAnswer(
            id=query.id,
            rows=[r.to_dict() for r in rows],
            balanced=balanced(rows),
            payments=[p.to_dict() for p in payments(rows)],
        )
        return codec.encode(answer)
    all_cards = every_card(table, member_id)
    number = query.hand_no if isinstance(query, client.Hand) else None
    last = HANDS_EXPORTED if isinstance(query, client.Export) else HANDS_LISTED
    records = [
        r
        for r in store.hand_records(table.table_id, hand_no=number, last=last)
        if may_see(table, member_id, r)
    ]
    if isinstance(query, client.Export):
        seen = [hand_view(r, member_id, every_card=all_cards) for r in records]
        if query.format == "phh":
            text = phhs_text(seen)
        elif query.format == "pokerstars":
            text = pokerstars_file(seen, table.settings.seats)
        else:
            raise CommandError("Export as phh or pokerstars.", code=Code.WRONG_TYPE)
        answer = host.ExportAnswer(id=query.id, format=query.format, hands=len(seen), text=text)
    elif isinstance(query, client.Hands):
        answer = host.HandsAnswer(id=query.id, hands=[summary_line(r, member_id) for r in records])
    else:
        if not records:
            raise CommandError(f"You have no hand number {number} here.", code=Code.UNKNOWN_HAND)
        view = hand_view(records[0], member_id, every_card=all_cards)
        seats = table.settings.seats
        answer = host.HandAnswer(
            id=query.id, hand=view, phh=phh_of_view(view), pokerstars=pokerstars_text(view, seats)
        )
    return codec.encode(answer)
