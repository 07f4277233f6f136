"""`felt-host`: the headless host's command line (tables in a database file, as JSON)."""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import logging
import signal
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

from host_server import __version__
from host_server.errors import Code, CorruptTable, FeltError
from host_server.host.core import HOST_MEMBER
from host_server.host.gate import TOKEN_TTL
from host_server.host.limits import Limits
from host_server.host.session import TableSession
from host_server.net.certificate import Identity, identity, server_context
from host_server.net.server import Server
from host_server.net.timing import FrameTimes
from host_server.paths import default_db
from host_server.store.sqlite import Store
from host_server.store.writes import Write
from host_server.table.commands import AddBot, StartTournament
from host_server.table.members import BotLevel
from host_server.table.settings import STRADDLES, VARIANTS, TableSettings
from host_server.table.tournament import PRESETS, Tournament
from host_server.views.archive import hand_view
from host_server.views.exports import phhs_text, pokerstars_file
from host_server.views.ledger import ledger, to_csv
from host_server.views.live import summary

# new-table's numbers: (flag, type, default, help); every table setting has a flag.
_NUMBERS: tuple[tuple[str, type, float, str | None], ...] = (
    ("--seats", int, 9, None),
    ("--small-blind", int, 1, None),
    ("--big-blind", int, 2, None),
    ("--ante", int, 0, None),
    ("--min-buy-in", int, 0, "default: 20 big blinds"),
    ("--max-buy-in", int, 0, "default: 100 big blinds"),
    ("--action-seconds", float, 30.0, None),
    ("--time-bank-seconds", float, 60.0, None),
    ("--timeouts-before-sit-out", int, 2, "timeouts in a row after which a player is sat out"),
    ("--grace-seconds", float, 300.0, "a disconnected player is sat out after this"),
    ("--seat-free-seconds", float, 600.0, "a disconnected player's seat is freed after this"),
    ("--between-hands-seconds", float, 3.0, "pause between one hand's end and the next deal"),
    ("--max-pending", int, 10, "guests waiting for approval at once (more: try later)"),
    ("--bomb-pot", int, 0, "a bomb pot's chips from each player (0: none; cash games)"),
    ("--bomb-pot-every", int, 0, "deal a bomb pot every this many hands (0: when called)"),
    ("--seven-deuce", int, 0, "the 7-2 game: a pot won with 7-2 collects this from each"),
)
_SWITCHES = (
    ("--auto-approve", "seat guests without asking"),
    ("--no-spectators", "only players watch the game"),
    ("--no-guest-chat", "only players may chat (not spectators)"),
    ("--approve-top-ups", "rebuys and top-ups wait for the host"),
    ("--reveal-hands-to-host", "the host's hand histories show every hole card (players are told)"),
    ("--announce", "list the table to players on the host's network (serve --lan)"),
    ("--run-it-twice", "all in before the river, the players may run the board twice"),
)


_SIT_AND_GO_OWNS = {
    "name", "small_blind", "big_blind", "ante", "min_buy_in", "max_buy_in", "tournament"
}  # fmt: skip


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="felt-host", description="Felt's headless host.")
    parser.add_argument("--version", action="version", version=f"felt-host {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_db(name: str, words: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=words)
        command.add_argument(
            "--db", default=None, help="database file (default: per-user data dir)"
        )
        return command

    _new_table_flags(with_db("new-table", "create a table; prints its id and host token"))
    _serve_flags(with_db("serve", "restore every open table and serve it"))
    with_db("tables", "list the tables in the database")
    export = with_db("export", "a table's hands (PHH or PokerStars text) or its ledger (CSV)")
    export.add_argument("table_id")
    export.add_argument("--format", choices=["phh", "pokerstars", "ledger"], default="phh")
    clean = with_db("cleanup", "delete tables closed long ago")
    clean.add_argument("--days", type=float, default=30.0)
    return parser


def _new_table_flags(new: argparse.ArgumentParser) -> None:
    new.add_argument("--name", required=True)
    new.add_argument("--host-name", default="Host", help="the host's display name")
    for flag, kind, default, words in _NUMBERS:
        new.add_argument(flag, type=kind, default=default, help=words)
    for flag, words in _SWITCHES:
        new.add_argument(flag, action="store_true", help=words)
    new.add_argument(
        "--variant",
        choices=VARIANTS,
        default="nlhe",
        help="the game: nlhe (No-Limit Hold'em) or plo (Pot-Limit Omaha)",
    )
    new.add_argument(
        "--straddle",
        choices=STRADDLES,
        default="off",
        help="mandatory: the player after the big blind posts twice it, blind (cash games)",
    )
    new.add_argument("--bots", type=int, default=0, help="seat this many bots from seat 1 on")
    new.add_argument("--bot-level", default="standard", choices=[b.value for b in BotLevel])
    sng = new.add_argument_group("a sit-and-go (the blinds come from its levels)")
    sng.add_argument("--tournament", choices=list(PRESETS), help="a sit-and-go of this preset")
    sng.add_argument("--buy-in", type=int, default=100, help="in the ledger's units, not chips")
    sng.add_argument("--starting-stack", type=int, help="chips (default: the preset's)")
    sng.add_argument("--level-minutes", type=float, help="minutes per level (default: preset's)")
    sng.add_argument(
        "--payouts", help="percentages for 1st, 2nd, ..., as 50,30,20 (default: by entrants)"
    )
    sng.add_argument("--levels", help='its own levels, as "10/20,20/40,50/100/10" (sb/bb/ante)')
    sng.add_argument("--hands-per-level", type=int, default=0, help="levels by hands (0: minutes)")
    sng.add_argument("--break-every", type=int, default=0, help="a break after every N levels")
    sng.add_argument("--break-minutes", type=float, default=5.0, help="how long a break lasts")
    sng.add_argument("--late-until", type=int, default=0, help="late seats until this level")
    sng.add_argument("--ante-from", type=int, default=5, help="antes from this level (0: none)")
    sng.add_argument("--rebuy-until", type=int, default=0, help="rebuys until this level")
    sng.add_argument("--add-on", type=int, default=0, help="add-on chips (last rebuy level)")
    sng.add_argument("--start", action="store_true", help="start it at once (with --bots)")


def positive(kind: Callable[[str], float]) -> Callable[[str], float]:
    """An argparse type: `kind`, above zero."""

    def parse(text: str) -> float:
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be above 0, not {text}")
        return value

    return parse


def _serve_flags(serve: argparse.ArgumentParser) -> None:
    serve.add_argument("--bind", default="0.0.0.0", help="the address to listen on")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument(
        "--bot-delay", type=float, default=1.0, help="about how long bots think, in seconds"
    )
    serve.add_argument(
        "--token-minutes",
        type=float,
        default=TOKEN_TTL / 60,
        help="a rejoin token expires this long after its member was last connected,"
        " unless the member holds a seat or chips",
    )
    serve.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    serve.add_argument(
        "--in-memory",
        action="store_true",
        help="serve a copy of the database in memory; nothing is saved (for measurements)",
    )
    serve.add_argument(
        "--no-tls",
        action="store_true",
        help="serve plain ws:// (only behind a TLS proxy: otherwise cards and tokens"
        " cross the network in clear)",
    )
    defaults = Limits()
    for flag, kind, default, words in (
        ("--connections-per-address", int, defaults.connections_per_address, "open at once"),
        ("--hellos-per-minute", int, defaults.hellos_per_minute, "join requests, per address"),
        ("--chat-lines", int, defaults.chat_lines, "per member, in any --chat-seconds"),
        ("--chat-seconds", float, defaults.chat_seconds, "the window of --chat-lines"),
    ):
        serve.add_argument(flag, type=positive(kind), default=default, help=words)
    serve.add_argument(
        "--limit-loopback",
        action="store_true",
        help="hold 127.0.0.1 to the limits too (behind a TLS proxy on this machine)",
    )
    serve.add_argument(
        "--lan",
        nargs="?",
        const="",
        metavar="ADDRESS",
        help="list the --announce tables on the local network (multicast DNS): on every "
        "network of this machine, or on the one of ADDRESS",
    )
    serve.add_argument(
        "--timing",
        metavar="FILE",
        type=Path,
        help="for benchmarks: each frame's host-side latency and CPU, written to FILE on exit",
    )
    serve.add_argument(
        "--compression",
        choices=["none", "deflate"],
        default="none",
        help="accept permessage-deflate from clients (costs host CPU; default none)",
    )


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


def _new_table(store: Store, args: argparse.Namespace) -> dict[str, Any]:
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
    pin = host_identity(store.path).pin  # what `serve` will present to guests
    return {"table_id": session.table.table_id, "host_token": token, "pin": pin}


def list_tables(store: Store) -> list[dict[str, Any]]:
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


def export(store: Store, table_id: str, kind: str) -> str:
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


def host_identity(db: str) -> Identity:
    """The host's certificate, kept next to its database (made there the first time)."""
    return identity(Path(db).resolve().parent)


async def _serve(args: argparse.Namespace) -> None:
    db = args.db or str(default_db())
    if args.lan is not None and args.no_tls:
        raise FeltError("--lan lists tables by their pin: it needs TLS.", code="bad_arguments")
    found = None if args.no_tls else host_identity(db)
    server = Server(
        db,
        args.bind,
        args.port,
        token_ttl=args.token_minutes * 60,
        bot_delay=args.bot_delay,
        in_memory=args.in_memory,
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
    args = _parser().parse_args(argv)
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
        store = Store(args.db or default_db())
        try:
            result: Any
            if args.command == "new-table":
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
