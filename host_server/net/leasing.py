"""A worker's share of a community host's tables (issue 17). At start it serves the
tables it still holds and those it can claim (`PostgresStore.restore_all`); then, every
third of a lease, it renews its leases, lets go of any table another worker took (its
clients are closed with 1012, to resume where the table lives now), and takes over the
tables whose lease lapsed, a dead worker's, restored from the store exactly as they
were, their clocks moved on by the lease's length (the least they went unserved)."""

from __future__ import annotations

import logging

from host_server.errors import CorruptTable
from host_server.host.core import HostCore
from host_server.host.peers import Outbox
from host_server.host.session import TableSession
from host_server.store.postgres import PostgresStore
from host_server.table import commands as cmd

log = logging.getLogger(__name__)

MOVED = (1012, "the table is served by another worker now")


def lease_turn(store: PostgresStore, core: HostCore, now: float) -> Outbox:
    """Renew, let go and take over, once; what it leads to, to deliver."""
    worker = store.worker
    assert worker is not None
    held = set(store.renew())
    out = Outbox()
    for table_id in [t for t in core.sessions if t not in held]:
        log.warning("table %s is another worker's now", table_id)
        out.closes += [(peer, *MOVED) for peer in core.presence.at(table_id).values()]
        del core.sessions[table_id]
        core.presence.drop_table(table_id)
    for table_id in store.claim(worker.most - len(held)):
        try:
            table = store.load(table_id)
        except CorruptTable as error:
            log.error("%s", error)
            continue
        core.sessions[table_id] = TableSession(store, table)
        log.info("took over table %s at seq %d", table_id, table.seq)
        taken = core.run_command(table_id, cmd.Restarted(now - worker.seconds), now)
        out.writes += taken.writes
        out.sends += taken.sends
        out.tables |= taken.tables | {table_id}
    return out
