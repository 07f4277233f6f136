"""The host core with each outbox committed at once, as the network shell would at the
end of the loop turn: for tests of the core with no socket and no loop."""

from __future__ import annotations

from host_server.host.core import HostCore
from host_server.host.peers import Outbox
from host_server.table.settings import TableSettings


def committed(core: HostCore, out: Outbox) -> Outbox:
    """Commit what `out` writes, as the shell does before sending any of it."""
    core.store.commit(out.writes)
    core.committed()
    return out


def new_table(
    core: HostCore, settings: TableSettings, host_name: str, now: float
) -> tuple[str, str]:
    """`core.create_table`, committed: the table's id and the host's token."""
    table_id, token, out = core.create_table(settings, host_name, now)
    committed(core, out)
    return table_id, token
