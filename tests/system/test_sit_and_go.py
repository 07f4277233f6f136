"""A sit-and-go as a headless host runs one: `felt-host new-table --tournament` and
`serve`, bots to one winner, every invariant checked at every event the store kept;
a real client refused what a running tournament refuses, and one that rebuys and takes
the add-on over the wire."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from host_server.errors import Code
from host_server.store.sqlite import Store
from host_server.table import commands as cmd, decide, events as ev, snapshot
from host_server.table.settings import TableSettings
from tests.support.checks import assert_conserved
from tests.support.net import Client, play
from tests.support.person import until
from tests.support.processes import felt_host, free_port, start_host
from tests.system.test_restart import reference_at, run_and_kill

GAME = "sit_and_go"

SIT_AND_GO = (
    "--name", "Sunday SNG", "--seats", "6", "--tournament", "turbo", "--buy-in", "20",
    "--small-blind", "10", "--big-blind", "20", "--starting-stack", "1500",
    "--level-minutes", "0.1", "--between-hands-seconds", "0", "--action-seconds", "5",
)  # fmt: skip


def keep_every_event(db: Path) -> None:
    """The store compacts its log behind each snapshot: a trigger, committed in the host's
    own transactions, keeps a copy of every event for the checks."""
    with sqlite3.connect(db) as conn:
        conn.executescript(
            "CREATE TABLE kept (seq INTEGER, time REAL, payload TEXT);"
            "CREATE TRIGGER keep AFTER INSERT ON events BEGIN"
            " INSERT INTO kept VALUES (NEW.seq, NEW.time, NEW.payload); END;"
        )


def kept(db: Path) -> list[tuple[float, ev.Event]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT time, payload FROM kept ORDER BY seq").fetchall()
    return [(at, ev.event_from_dict(json.loads(payload))) for at, payload in rows]


def won(db: Path) -> bool:
    """Whether the store holds the winner's `player_finished`."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT payload FROM kept WHERE payload LIKE '%player_finished%'")
        return any(json.loads(p)["place"] == 1 for (p,) in rows)


async def test_six_bots_play_a_sit_and_go_to_one_winner_headless(tmp_path):
    db = tmp_path / "host.db"
    made = felt_host("new-table", "--db", str(db), *SIT_AND_GO, "--bots", "6", "--start")
    table_id = json.loads(made.stdout)["table_id"]
    with Store(db) as store:  # what new-table wrote (its log is not compacted yet)
        early = store.events_after(table_id, 0)
    assert early is not None
    keep_every_event(db)
    host = await start_host(db, free_port(), "--bot-delay", "0.01")
    try:
        await until(lambda: won(db), timeout=240)
    finally:
        host.send_signal(signal.SIGKILL)
        host.wait(timeout=10)

    first = early[0].event
    assert isinstance(first, ev.TableCreated)
    table, _ = decide.create(table_id, TableSettings.from_dict(first.settings), "Host", 0.0)
    finished: list[ev.PlayerFinished] = []
    ups: list[ev.LevelUp] = []
    events = [(r.at, r.event) for r in early[1:]] + kept(db)
    for at, event in events:  # every event as the host committed it, folded and checked
        table.apply(event, at)
        assert_conserved(table)
        if isinstance(event, ev.PlayerFinished):
            finished.append(event)
            assert [f.place for f in finished] == list(range(6, 6 - len(finished), -1))
        ups += [event] if isinstance(event, ev.LevelUp) else []
    assert table.seq == len(events) + 1
    assert table.tournament is not None and table.tournament.over
    assert sorted(f.member_id for f in finished) == sorted(table.tournament.entrants)
    assert [f.prize for f in finished][-2:] == [42, 78]  # 65/35 of 6 x 20, the odd chip to 1st
    assert ups, "the blinds never went up"
    start = next(at for at, e in events if isinstance(e, ev.TournamentStarted))
    assert [u.level for u in ups] == list(range(1, len(ups) + 1))
    assert [u.started for u in ups] == [start + 6.0 * n for n in range(1, len(ups) + 1)]
    ledger = felt_host("export", table_id, "--db", str(db), "--format", "ledger").stdout
    rows, settle_up = (part.splitlines()[1:] for part in ledger.split("\n\n"))
    nets = [int(line.split(",")[-1]) for line in rows]
    assert len(nets) == 6 and sum(nets) == 0
    assert 0 < len(settle_up) <= 5  # the winner (and the other places paid) from the rest


async def test_a_headless_sit_and_go_by_hands_with_breaks_and_typed_levels(tmp_path):
    """`--levels`, `--hands-per-level`, `--break-every`: each level is dealt exactly its
    hands, a break after every second one deals nothing until it ends, and the blinds
    are the ones typed; a wrong level is refused with its code and makes nothing."""
    db = tmp_path / "host.db"
    rules = ("--levels", "10/20,20/40,40/80/5,80/160/10", "--hands-per-level", "3",
             "--break-every", "2", "--break-minutes", "0.1")  # fmt: skip
    bad = felt_host("new-table", "--db", str(db), *SIT_AND_GO, "--levels", "10/20,x", check=False)
    assert bad.returncode == 2 and json.loads(bad.stderr)["error"] == "invalid_settings"
    assert "Level 2" in json.loads(bad.stderr)["message"]
    made = felt_host("new-table", "--db", str(db), *SIT_AND_GO, *rules, "--bots", "3", "--start")
    table_id = json.loads(made.stdout)["table_id"]
    with Store(db) as store:  # what new-table wrote (the start and the first deal)
        early = store.events_after(table_id, 0)
    assert early is not None
    keep_every_event(db)

    def third_level() -> bool:
        return any(isinstance(e, ev.LevelUp) and e.level == 3 for _, e in kept(db))

    host = await start_host(db, free_port(), "--bot-delay", "0.01")
    try:
        await until(lambda: third_level() or won(db), timeout=240)
    finally:
        host.send_signal(signal.SIGKILL)
        host.wait(timeout=10)
    with Store(db) as store:
        table = store.load(table_id)
    assert table.tournament is not None and table.tournament.level == 3  # (none won before)
    dealt: list[int] = [0]  # hands dealt at each level
    on_break: float | None = None
    ups: list[ev.LevelUp] = []
    for at, event in [(r.at, r.event) for r in early] + kept(db):
        if isinstance(event, ev.HandStarted):
            assert on_break is None, "a hand dealt during the break"
            dealt[-1] += 1
        elif isinstance(event, ev.BreakStarted):
            assert len(ups) == 1 and on_break is None  # after level 2 (every second level)
            on_break = event.ends
            assert event.ends == pytest.approx(at + 6.0)
        elif isinstance(event, ev.LevelUp):
            assert at >= on_break if on_break is not None else len(ups) != 1
            on_break = None
            ups.append(event)
            dealt.append(0)
    assert dealt[:3] == [3, 3, 3]
    assert [(u.small_blind, u.big_blind, u.ante) for u in ups] == [
        (20, 40, 0), (40, 80, 5), (80, 160, 10)
    ]  # fmt: skip


async def test_a_client_starts_a_sit_and_go_and_is_refused_what_would_change_it(tmp_path):
    db = tmp_path / "host.db"
    made = json.loads(felt_host("new-table", "--db", str(db), *SIT_AND_GO, "--bots", "1").stdout)
    port = free_port()
    host = await start_host(db, port, "--bot-delay", "0")
    try:
        ann = await Client.connect(port, "ann")
        await ann.resume(made["table_id"], made["host_token"], 0)

        async def refused(kind: str, code: Code, **fields: object) -> None:
            answer = await ann.answer(await ann.send(kind, **fields))
            assert (answer["type"], answer.get("code")) == ("error", code), (kind, answer)

        await refused("start_tournament", Code.TOO_FEW_PLAYERS)  # the bot alone
        await refused("sit", Code.AMOUNT_OUT_OF_RANGE, seat=2, buy_in=1499)
        assert (await ann.answer(await ann.send("sit", seat=2, buy_in=1500)))["type"] == "ack"
        assert (await ann.answer(await ann.send("start_tournament")))["type"] == "ack"
        started = await ann.latest(lambda m: m.get("kind") == "tournament_started")
        assert sorted(started["members"]) == [1, 2]
        await refused("start_tournament", Code.TOURNAMENT_STARTED)
        await refused("stand", Code.TOURNAMENT_STARTED)
        await refused("top_up", Code.TOURNAMENT_STARTED, amount=10)
        await refused("set_blinds", Code.INVALID_BLINDS, small_blind=50, big_blind=100)
        again = await Client.connect(port, "again")
        await again.resume(made["table_id"], made["host_token"], 0)
        view = (await again.until(lambda m: m["type"] == "snapshot"))["table"]
        assert view["summary"]["tournament"] == "running"
        assert view["tournament"]["entrants"] == 2 and view["tournament"]["prizes"] == [40]
    finally:
        host.send_signal(signal.SIGKILL)
        host.wait(timeout=10)


def folding(legal: dict[str, Any]) -> tuple[str, int | None]:
    """Never more than the blinds at risk: the rebuy test's player must not bust."""
    return ("fold", None) if legal["call"] else ("check", None)


def started(message: dict[str, Any]) -> bool:
    return message.get("kind") == "hand_started"


async def topped_up(client: Client, amount: int) -> dict[str, Any]:
    """Play (folding) until `amount` lands on the stack: when the hand under way ends."""
    for _ in range(6):  # bounded: it lands at the end of the hand under way
        landed = [m for m in client.events("topped_up") if m["amount"] == amount]
        if landed:
            return landed[-1]
        await play(client, (await client.latest(started))["hand_no"], folding)
        await client.until(lambda m: m.get("kind") in ("topped_up", "hand_started"))
    raise AssertionError(f"{amount} never landed")


async def test_a_client_rebuys_and_takes_the_add_on_over_the_wire(tmp_path):
    db = tmp_path / "host.db"
    rules = ("--rebuy-until", "1", "--add-on", "1000", "--level-minutes", "5", "--bots", "1")
    made = json.loads(felt_host("new-table", "--db", str(db), *SIT_AND_GO, *rules).stdout)
    port = free_port()
    host = await start_host(db, port, "--bot-delay", "0")
    try:
        ann = await Client.connect(port, "ann")
        await ann.resume(made["table_id"], made["host_token"], 0)
        assert (await ann.answer(await ann.send("sit", seat=2, buy_in=1500)))["type"] == "ack"
        assert (await ann.answer(await ann.send("start_tournament")))["type"] == "ack"
        me = (await ann.latest(lambda m: m.get("kind") == "seat_taken"))["member_id"]

        # Mid-hand (the stack behind at most a starting stack): paid now, chips at the end.
        for _ in range(6):  # bounded: the bot may have folded the blinds to her first
            first = await ann.answer(await ann.send("rebuy"))
            if first.get("code") != Code.STACK_TOO_BIG:
                break
            await play(ann, (await ann.latest(started))["hand_no"], folding)
        assert first["type"] == "ack", first
        rebought = await ann.latest(lambda m: m.get("kind") == "rebought")
        assert (rebought["member_id"], rebought["chips"], rebought["add_on"]) == (me, 1500, False)
        again = await ann.answer(await ann.send("rebuy"))
        assert again.get("code") == Code.TOP_UP_PENDING  # one at a time
        assert (await topped_up(ann, 1500))["member_id"] == me
        too_big = await ann.answer(await ann.send("rebuy"))
        assert too_big.get("code") == Code.STACK_TOO_BIG  # above a starting stack now

        assert (await ann.answer(await ann.send("add_on")))["type"] == "ack"
        added = await ann.latest(lambda m: m.get("kind") == "rebought" and m["add_on"])
        assert (added["member_id"], added["chips"]) == (me, 1000)
        waiting = await ann.answer(await ann.send("add_on"))  # still on its way, or landed
        assert waiting.get("code") in (Code.TOP_UP_PENDING, Code.REBUYS_CLOSED)
        assert (await topped_up(ann, 1000))["member_id"] == me
        twice = await ann.answer(await ann.send("add_on"))
        assert twice.get("code") == Code.REBUYS_CLOSED  # once per player

        watcher = await Client.connect(port, "watcher")
        await watcher.resume(made["table_id"], made["host_token"], 0)
        view = (await watcher.until(lambda m: m["type"] == "snapshot"))["table"]["tournament"]
        assert (view["rebuys"], view["add_ons"], view["pool"]) == (1, [me], 80)
        assert sum(view["prizes"]) == 80
    finally:
        host.send_signal(signal.SIGKILL)
        host.wait(timeout=10)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("kill", "at"),
    [(0, "level_up"), (1, "player_finished"), (2, "tournament_started"), (3, None), (4, None)],
)
def test_sigkill_mid_tournament_comes_back_at_the_same_level_clock_and_standings(
    tmp_path, kill, at
):
    """A real child plays a random sit-and-go into a real file and is killed (at a level
    change, an elimination, the start, or anywhere); the restored table equals the
    uninterrupted one, and after the restart its level clock has lost no time."""
    rng = random.Random(2000 + kill)
    seed = rng.randrange(2**32)
    delay = rng.choice([0.0, 0.0005, 0.002])
    acknowledged = run_and_kill(tmp_path / "c.db", seed, rng.randint(5, 200), delay, GAME, at)
    with Store(tmp_path / "c.db") as store:
        restored = store.load("crash")
    assert restored.seq >= acknowledged
    reference, _, now = reference_at(seed, restored.seq, GAME)
    assert snapshot.to_dict(restored) == snapshot.to_dict(reference)
    assert restored.tournament is not None and reference.tournament is not None
    aimed = {  # the kill came where it was aimed (or later: it lands after what it saw)
        "level_up": restored.tournament.level > 0,
        "player_finished": bool(restored.tournament.finished),
        "tournament_started": restored.tournament.started,
        None: True,
    }
    assert aimed[at], at
    structure = restored.settings.tournament
    assert structure is not None
    if restored.closed:  # (the random host closed the table: no clock left to move)
        return
    ends = reference.tournament.level_ends(structure)
    decide.handle(restored, cmd.Restarted(down_since=now), now + 42.5)  # down for 42.5 s
    after = restored.tournament.level_ends(structure)
    moved = ends is not None and reference.tournament.started  # (not before the start)
    assert after == (ends + 42.5 if moved and ends is not None else ends)
    assert restored.tournament.finished == reference.tournament.finished
