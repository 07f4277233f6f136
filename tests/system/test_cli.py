"""`felt-host` from the command line, as a host would run it (a real process, a real file)."""

from __future__ import annotations

import json
from dataclasses import fields

from desktop.client.connection import Connection
from desktop.client.session import KEY_CHANGED
from host_server.net.certificate import KEY
from host_server.net.lan import Browser, LanTable
from host_server.protocol.pins import is_pin
from host_server.store.sqlite import Store
from host_server.table.settings import TableSettings
from tests.support.person import until
from tests.support.processes import felt_host, free_port, start_host


def test_new_table_then_list_tables(tmp_path):
    db = str(tmp_path / "host.db")
    made = felt_host(
        "new-table",
        "--db",
        db,
        "--name",
        "Friday",
        "--seats",
        "6",
        "--small-blind",
        "5",
        "--big-blind",
        "10",
        "--auto-approve",
    )
    assert made.returncode == 0, made.stderr
    created = json.loads(made.stdout)
    assert set(created) == {"table_id", "host_token", "pin"} and len(created["host_token"]) >= 43
    assert is_pin(created["pin"])
    listed = felt_host("tables", "--db", db)
    assert listed.returncode == 0, listed.stderr
    (table,) = json.loads(listed.stdout)
    assert table["table_id"] == created["table_id"]
    assert (table["name"], table["seats"], table["big_blind"], table["seats_taken"]) == (
        "Friday",
        6,
        10,
        0,
    )


def test_bad_settings_are_refused_with_a_code_and_nothing_is_written(tmp_path):
    db = str(tmp_path / "host.db")
    bad = felt_host(
        "new-table",
        "--db",
        db,
        "--name",
        "X",
        "--small-blind",
        "10",
        "--big-blind",
        "5",
        check=False,
    )
    assert bad.returncode == 2
    assert json.loads(bad.stderr)["error"] == "invalid_settings"
    assert json.loads(felt_host("tables", "--db", db).stdout) == []


def test_every_table_setting_has_a_flag(tmp_path):
    db = tmp_path / "host.db"
    made = felt_host(
        "new-table", "--db", str(db), "--name", "Every", "--seats", "6",
        "--small-blind", "5", "--big-blind", "10", "--ante", "1",
        "--min-buy-in", "300", "--max-buy-in", "900", "--auto-approve", "--no-spectators",
        "--no-guest-chat", "--approve-top-ups", "--reveal-hands-to-host",
        "--action-seconds", "20", "--time-bank-seconds", "40", "--timeouts-before-sit-out", "3",
        "--grace-seconds", "100", "--seat-free-seconds", "200", "--between-hands-seconds", "1",
        "--max-pending", "4", "--announce", "--straddle", "mandatory", "--bomb-pot", "20",
        "--bomb-pot-every", "5", "--seven-deuce", "10", "--run-it-twice",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    with Store(db) as store:
        settings = store.load(json.loads(made.stdout)["table_id"]).settings
    defaults = TableSettings("Every")
    unchanged = [
        f.name
        for f in fields(TableSettings)
        if f.name not in ("name", "tournament")  # (--tournament: test_sit_and_go.py's)
        and getattr(settings, f.name) == getattr(defaults, f.name)
    ]
    assert unchanged == ["variant"], f"settings with no flag: {unchanged}"
    # (Omaha has no 7-2 game: its own table.)
    made = felt_host("new-table", "--db", str(db), "--name", "PLO", "--variant", "plo")
    assert made.returncode == 0, made.stderr
    with Store(db) as store:
        assert store.load(json.loads(made.stdout)["table_id"]).settings.variant == "plo"


async def test_serve_speaks_tls_with_the_pin_new_table_printed(tmp_path):
    """By default: wss://, the certificate (its key 0600) next to the database, and the
    pin `new-table` printed is the one served; a guest with another pin is refused."""
    db = tmp_path / "host.db"
    made = json.loads(felt_host("new-table", "--db", str(db), "--name", "Pinned").stdout)
    assert (tmp_path / KEY).stat().st_mode & 0o777 == 0o600
    port = free_port()
    host = await start_host(db, port, tls=True)
    try:
        url = f"wss://127.0.0.1:{port}/ws"
        owner = Connection(url, made["table_id"], token=made["host_token"], pin=made["pin"])
        stranger = Connection(url, made["table_id"], name="Eve", pin="A" * 43)
        owner.start()
        stranger.start()
        try:
            await until(lambda: owner.state == "online" and stranger.state == "closed")
            assert stranger.closed_reason == KEY_CHANGED and owner.member_id == 1
        finally:
            await owner.stop()
            await stranger.stop()
    finally:
        host.kill()
        host.wait()


async def test_serve_lists_the_announced_tables_on_the_network_it_is_told(tmp_path):
    """`serve --lan 127.0.0.1`: the tables made with --announce are found by a browser on
    loopback, with the port and the pin `new-table` printed; the others are not."""
    db = tmp_path / "host.db"
    listed = json.loads(
        felt_host("new-table", "--db", str(db), "--name", "Listed", "--announce").stdout
    )
    felt_host("new-table", "--db", str(db), "--name", "Unlisted")
    seen: list[list[LanTable]] = []
    browser = Browser(seen.append, ["127.0.0.1"])
    browser.start()
    port = free_port()
    host = await start_host(db, port, "--lan", "127.0.0.1", tls=True)
    try:
        await until(lambda: bool(seen) and bool(seen[-1]))
        [table] = seen[-1]
        assert (table.table_id, table.name) == (listed["table_id"], "Listed")
        assert (table.port, table.pin, table.hosts) == (port, listed["pin"], ("127.0.0.1",))
    finally:
        host.kill()
        host.wait()
        await browser.stop()


def test_serve_refuses_to_list_tables_without_tls(tmp_path):
    refused = felt_host(
        "serve", "--db", str(tmp_path / "host.db"), "--lan", "--no-tls", check=False
    )
    assert refused.returncode == 2 and "needs TLS" in refused.stderr
