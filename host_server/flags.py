"""`felt-host`'s commands and their flags (`cli` runs them): new-table has a flag for
every table setting, serve one for each of its limits."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from host_server import __version__
from host_server.host.gate import TOKEN_TTL
from host_server.host.limits import Limits
from host_server.table.members import BotLevel
from host_server.table.settings import STRADDLES, VARIANTS
from host_server.table.tournament import PRESETS

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


def parser() -> argparse.ArgumentParser:
    """Every command and its flags."""
    parser = argparse.ArgumentParser(prog="felt-host", description="Felt's headless host.")
    parser.add_argument("--version", action="version", version=f"felt-host {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_db(name: str, words: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=words)
        where = command.add_mutually_exclusive_group()
        where.add_argument("--db", default=None, help="database file (default: per-user data dir)")
        where.add_argument(
            "--store", default=None, help="a PostgreSQL server's URL instead: postgresql://..."
        )
        command.add_argument(
            "--certificates",
            type=Path,
            default=None,
            help="with --store: the folder of the host's TLS certificate (default: the"
            " per-user data folder; workers that share it present the same pin)",
        )
        return command

    _new_table_flags(with_db("new-table", "create a table; prints its id and host token"))
    _serve_flags(with_db("serve", "restore every open table and serve it"))
    with_db("tables", "list the tables in the database")
    with_db("migrate", "bring the database's schema up to date (every start does, too)")
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
    _worker_flags(serve)
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


def _worker_flags(serve: argparse.ArgumentParser) -> None:
    workers = serve.add_argument_group("a worker of a community host (with --store)")
    workers.add_argument(
        "--worker", metavar="NAME", help="serve the tables this worker holds or can claim"
    )
    workers.add_argument(
        "--lease-seconds", type=positive(float), default=5.0,
        help="how long a table stays a worker's unless renewed (a dead one's: taken over then)",
    )  # fmt: skip
    workers.add_argument("--max-tables", type=positive(int), default=1000, help="at most")
    workers.add_argument(
        "--address", metavar="URL",
        help="where clients reach this worker, told to those who ask another worker for one"
        " of its tables (default: wss://THIS-HOST:PORT/ws)",
    )  # fmt: skip
