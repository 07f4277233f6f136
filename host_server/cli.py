"""`felt-host`: the headless host's command line (tables in a database file, as JSON)."""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import logging
import signal
import socket
import sys
import time
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

from host_server.errors import Code, CorruptTable, FeltError
from host_server.flags import parser
from host_server.host.core import HOST_MEMBER
from host_server.host.limits import Limits
from host_server.host.session import TableSession
from host_server.net.certificate import Identity, identity, server_context
from host_server.net.server import Server
from host_server.net.timing import FrameTimes
from host_server.paths import default_db
from host_server.store.leases import Worker
from host_server.store.log import LogStore
from host_server.store.opening import is_url, open_store
from host_server.store.writes import Write
from host_server.table.commands import AddBot, StartTournament
from host_server.table.settings import TableSettings
from host_server.table.tournament import Tournament
from host_server.views.archive import hand_view
from host_server.views.exports import phhs_text, pokerstars_file
from host_server.views.ledger import ledger, to_csv
from host_server.views.live import summary

_SIT_AND_GO_OWNS = {
    "name", "small_blind", "big_blind", "ante", "min_buy_in", "max_buy_in", "tournament"
}  # fmt: skip


def _tournament(args: argparse.Namespace) -> Tournament | None:
    if args.tournament is None:
        if args.start:
            raise FeltError("--start is for a --tournament.", code="bad_arguments")
        return None
    return Tournament.preset(
        args.tournament, buy_in=args.buy_in, small_blind=args.small_blind,
        starting_stack=args.starting_stack, minutes=args.level_minutes, payouts=args.payouts or "",
        levels="\n".join((args.levels or "").split(",")), ante_from=args.ante_from,
        hands_per_level=args.hands_per_level, break_every=args.break_every,
        break_minutes=args.break_minutes, late_until=args.late_until,
        rebuy_until=args.rebuy_until, add_on=args.add_on,
    )  # fmt: skip


def _new_table(store: LogStore, args: argparse.Namespace) -> dict[str, Any]:
    tournament = _tournament(args)
    # (the flags named as the settings are; the three that are not, by hand)
    same = {f.name for f in fields(TableSettings)} & set(vars(args)) - {"tournament"}
    settings = TableSettings(
        **{name: getattr(args, name) for name in same},
        allow_spectators=not args.no_spectators,
        guest_chat=not args.no_guest_chat,
        disconnect_grace_seconds=args.grace_seconds,
    )
    if tournament is not None:  # its first level's blinds, everyone on its stack
        others = {k: v for k, v in settings.to_dict().items() if k not in _SIT_AND_GO_OWNS}
        settings = TableSettings.sit_and_go(args.name, tournament, **others)
    now = time.time()
    if not 0 <= args.bots <= settings.seats:
        raise FeltError(f"--bots is 0 to {settings.seats}.", code="bad_arguments")
    session, token, write = TableSession.create(store, settings, args.host_name, now)
    writes: list[Write] = [write]
    for seat in range(1, args.bots + 1):
        _, seated = session.handle(AddBot(HOST_MEMBER, seat, args.bot_level), now)
        writes += [seated] if seated is not None else []
    if args.start:
        _, started = session.handle(StartTournament(HOST_MEMBER), now)
        writes += [started] if started is not None else []
    store.commit(writes)  # the table and its bots, or (raising) nothing
    pin = host_identity(store.path, args.certificates).pin  # what `serve` will present
    return {"table_id": session.table.table_id, "host_token": token, "pin": pin}


def list_tables(store: LogStore) -> list[dict[str, Any]]:
    """Every table with its public summary; unreadable ones say why."""
    tables, errors = store.restore_all()
    broken = {e.table_id: e for e in errors}
    out = []
    for row in store.table_rows():
        entry = {
            "table_id": row["table_id"],
            "name": row["name"],
            "seq": row["seq"],
            "created_at": row["created_at"],
            "finished_at": row["finished_at"],
        }
        if row["table_id"] in tables:
            entry.update(summary(tables[row["table_id"]]))
            entry["hand_no"] = tables[row["table_id"]].hand_no
        elif row["table_id"] in broken:
            entry["error"] = {
                "code": broken[row["table_id"]].code,
                "message": broken[row["table_id"]].message,
            }
        out.append(entry)
    return out


def export(store: LogStore, table_id: str, kind: str) -> str:
    """What the host may export: every hand (hole cards as the table's setting allows)."""
    try:
        table = store.load(table_id)
    except CorruptTable as error:
        raise FeltError(f"No readable table {table_id!r} here.", code=Code.UNKNOWN_TABLE) from error
    if kind == "ledger":
        return to_csv(ledger(table))
    every = table.settings.reveal_hands_to_host
    views = [hand_view(r, HOST_MEMBER, every_card=every) for r in store.hand_records(table_id)]
    if kind == "pokerstars":
        return pokerstars_file(views, table.settings.seats)
    return phhs_text(views)


def host_identity(db: str, certificates: Path | None = None) -> Identity:
    """The host's certificate, kept next to its database (made there the first time); a
    host on a PostgreSQL server keeps it in `certificates`, or the per-user data folder
    (workers that share it present the same pin)."""
    if not is_url(db):
        return identity(Path(db).resolve().parent)
    return identity(certificates or default_db().parent)


def _where(args: argparse.Namespace) -> str:
    """The store the command names: `--store`'s URL, `--db`'s file, or the default file."""
    return str(args.store or args.db or default_db())


def _worker(args: argparse.Namespace) -> Worker | None:
    """`--worker`'s lease, and where it serves (by default, this machine's name)."""
    if not args.worker:
        return None
    here = args.bind if args.bind not in ("0.0.0.0", "::") else socket.getfqdn()
    address = args.address or f"{'ws' if args.no_tls else 'wss'}://{here}:{args.port}/ws"
    return Worker(args.worker, args.lease_seconds, int(args.max_tables), address)


async def _serve(args: argparse.Namespace) -> None:
    db = _where(args)
    if args.lan is not None and args.no_tls:
        raise FeltError("--lan lists tables by their pin: it needs TLS.", code="bad_arguments")
    found = None if args.no_tls else host_identity(db, args.certificates)
    server = Server(
        db,
        args.bind,
        args.port,
        token_ttl=args.token_minutes * 60,
        bot_delay=args.bot_delay,
        in_memory=args.in_memory,
        worker=_worker(args),
        compression=args.compression == "deflate",
        timing=None if args.timing is None else FrameTimes(args.timing),
        tls=None if found is None else server_context(found),
        limits=Limits(
            connections_per_address=args.connections_per_address,
            hellos_per_minute=args.hellos_per_minute,
            chat_lines=args.chat_lines,
            chat_seconds=args.chat_seconds,
            exempt_loopback=not args.limit_loopback,
        ),
    )
    await server.start()
    # What start-up made (modules, restored tables) lives as long as the process: the
    # collector leaves it be, and looks for cycles a fourteenth as often (it took 4% of
    # the CPU under load; refcounting frees what a command makes: no cycles were found).
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
    announcer = None
    if found is not None and args.lan is not None:
        # Only a host on its LAN loads multicast DNS (zeroconf: 4 MiB, 33 modules).
        from host_server.net.lan import Announcer

        networks = [args.lan] if args.lan else None
        announcer = Announcer(server.listed, server.port, found.pin, networks)
        announcer.start()
    log = logging.getLogger("felt")
    if found is None:
        log.warning("serving plain ws:// (--no-tls): put a TLS proxy in front")
    else:
        log.info("serving wss:// with pin %s%s", found.pin, " (a new key)" if found.made else "")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        if announcer is not None:
            await announcer.stop()
        await server.stop()


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "serve":
        logging.basicConfig(
            level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
        try:
            asyncio.run(_serve(args))
        except FeltError as error:
            logging.getLogger("felt").error("%s", error)
            return 2
        except OSError as error:
            logging.getLogger("felt").error(
                "cannot listen on %s:%d: %s", args.bind, args.port, error
            )
            return 2
        return 0
    try:
        store = open_store(_where(args))
        try:
            result: Any
            if args.command == "migrate":
                result = {"applied": store.applied_now}
            elif args.command == "new-table":
                result = _new_table(store, args)
            elif args.command == "tables":
                result = list_tables(store)
            elif args.command == "export":
                print(export(store, args.table_id, args.format), end="")
                return 0
            else:
                result = {"deleted": store.cleanup(time.time(), args.days)}
        finally:
            store.close()
    except FeltError as error:
        print(json.dumps({"error": error.code, "message": error.message}), file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
