"""The PostgreSQL store's own parts (what both stores share: test_store.py): its numbered
migrations, applied once whoever opens the database first, and a server that cannot be
reached told as the environment's fault."""

from __future__ import annotations

import psycopg
import pytest

from host_server.errors import StorageUnavailable
from host_server.store.postgres import SCHEMA_VERSION, PostgresStore, migrate
from tests.support.processes import free_port


def test_migrations_are_numbered_and_applied_once(postgres):
    dsn = postgres.database()
    with PostgresStore(dsn), PostgresStore(dsn):  # the second finds them applied
        pass
    with psycopg.connect(dsn, autocommit=True) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM felt_migrations ORDER BY name")]
        assert names == ["0001_initial", "0002_leases", "0003_lease_addresses"]
        assert len(names) == SCHEMA_VERSION
        assert migrate(conn) == []


def test_a_server_that_cannot_be_reached_is_the_environments_fault():
    nowhere = f"postgresql://felt@127.0.0.1:{free_port()}/felt"
    with pytest.raises(StorageUnavailable) as error:
        PostgresStore(nowhere, connect_timeout=1)
    assert error.value.code == "storage_unavailable" and "cannot be used" in error.value.message
