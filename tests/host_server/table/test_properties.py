"""Random tables, random commands (legal and not): the invariants hold after every event."""

from __future__ import annotations

import contextlib
import random

from hypothesis import given, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from host_server.errors import CommandError
from host_server.table import commands as cmd, decide, snapshot
from host_server.table.settings import TableSettings
from host_server.table.state import Table
from host_server.views.ledger import balanced, ledger
from tests.support.checks import LeakWatch, assert_conserved
from tests.support.random_play import NAMES, random_step

START = 1_800_000_000.0


def random_table(seats: int, ante: int, auto: bool, seed: int, **options: object) -> Table:
    settings = TableSettings(
        "Prop",
        seats=seats,
        small_blind=1,
        big_blind=2,
        ante=ante,
        min_buy_in=10,
        max_buy_in=300,
        auto_approve=auto,
        approve_top_ups=not auto,
        action_seconds=10,
        time_bank_seconds=15,
        **options,
    )
    table, _ = decide.create("prop", settings, "Host", START, random.Random(seed))
    return table


MEMBER_DOES = ["stand", "sit_out", "sit_in", "leave", "kick", "connect", "disconnect"]
MEMBER_DOES += ["top_up", "chat", "ban"]
HOST_DOES = ["pause", "pause_now", "unpause", "blinds", "bot", "unbot", "approve_top_up", "close"]
HOST_DOES += ["join_key", "bomb_pot", "bomb_pot_off"]
# The home-game options a random table plays: straddles, bomb pots (called or every few
# hands) and the 7-2 game's bounty.
OPTIONS = st.fixed_dictionaries(
    {
        "straddle": st.sampled_from(["off", "optional", "mandatory"]),
        "bomb_pot": st.sampled_from([0, 6]),
        "bomb_pot_every": st.sampled_from([0, 0, 3]),
        "seven_deuce": st.sampled_from([0, 4]),
        "run_it_twice": st.booleans(),
        "variant": st.sampled_from(["nlhe", "plo"]),
    }
).map(
    lambda o: (
        o
        | ({} if o["bomb_pot"] else {"bomb_pot_every": 0})
        | ({"seven_deuce": 0} if o["variant"] == "plo" else {})
    )
)
KEYS = [None, "k" * 16, "another-key-0123", "short"]  # (the last one the host is refused)
BUY_INS = [9, 10, 150, 300, 301]  # the edges of the random table's range, and inside it


class RandomTable(RuleBasedStateMachine):
    """A table and any command anyone may send, legal or not; after each, every invariant.

    A failure shrinks to a short list of commands (not to a seed): the table is driven
    one rule per kind of command, each drawing its arguments from small choices."""

    def __init__(self) -> None:
        super().__init__()
        self.table: Table = random_table(6, 0, True, 0)
        self.watch = LeakWatch()
        self.now = START
        self.refused = 0

    @initialize(
        seats=st.integers(2, 10),
        ante=st.sampled_from([0, 1]),
        auto=st.booleans(),
        seed=st.integers(0, 2**32),
        options=OPTIONS,
    )
    def deal_a_table(
        self, seats: int, ante: int, auto: bool, seed: int, options: dict[str, object]
    ) -> None:
        self.table = random_table(seats, ante, auto, seed, **options)

    def run(self, command: cmd.Command, wait: float = 0.0) -> None:
        table = self.table
        self.now += wait
        before = snapshot.to_dict(table)
        try:
            events = decide.handle(table, command, self.now)
        except CommandError as error:
            self.refused += 1
            assert error.code and error.message
            assert snapshot.to_dict(table) == before, f"{command} was refused but changed the table"
            return
        self.watch.follow(table, events)

    def someone(self, pick: int) -> int:
        ids = [*self.table.members, self.table.next_member_id + 3]  # a stranger, too
        return ids[pick % len(ids)]

    @rule(name=st.sampled_from([*NAMES[:6], "  ", "x" * 40]), keyed=st.sampled_from(KEYS))
    def join(self, name: str, keyed: str | None) -> None:
        self.run(cmd.RequestJoin(name, keyed))

    @rule(pick=st.integers(0, 20), yes=st.booleans())
    def answer_a_guest(self, pick: int, yes: bool) -> None:
        target = self.someone(pick)
        self.run(cmd.Approve(1, target) if yes else cmd.Reject(1, target))

    @rule(
        pick=st.integers(0, 20),
        seat=st.integers(0, 11),
        buy_in=st.sampled_from([9, 10, 150, 300, 301]),
    )
    def sit(self, pick: int, seat: int, buy_in: int) -> None:
        self.run(cmd.Sit(self.someone(pick), seat, buy_in))

    @rule(choice=st.integers(0, 99))
    def act(self, choice: int) -> None:
        """The player to act (or, now and then, someone else) does something."""
        if self.table.actor_seat is None:
            return
        command, _ = random_step(self.table, random.Random(choice))
        self.run(command)

    @rule(wait=st.sampled_from([0.5, 5.0, 20.0, 45.0, 400.0]))
    def time_passes(self, wait: float) -> None:
        self.run(cmd.Tick(), wait)

    @rule(pick=st.integers(0, 20), kind=st.sampled_from(MEMBER_DOES))
    def member_does(self, pick: int, kind: str) -> None:
        who = self.someone(pick)
        made = {
            "stand": lambda: cmd.Stand(who),
            "sit_out": lambda: cmd.SitOut(who),
            "sit_in": lambda: cmd.SitIn(who),
            "leave": lambda: cmd.Leave(who),
            "kick": lambda: cmd.Kick(1, who),
            "ban": lambda: cmd.Kick(1, who, ban=True),
            "connect": lambda: cmd.Connect(who),
            "disconnect": lambda: cmd.Disconnect(who),
            "top_up": lambda: cmd.TopUp(who, 50),
            "chat": lambda: cmd.Chat(who, "gl"),
        }
        self.run(made[kind]())

    @rule(kind=st.sampled_from(HOST_DOES), pick=st.integers(0, 20))
    def host_does(self, kind: str, pick: int) -> None:
        who, seats = self.someone(pick), self.table.settings.seats
        made = {
            "pause": lambda: cmd.Pause(1),
            "pause_now": lambda: cmd.Pause(1, immediate=True),
            "unpause": lambda: cmd.Unpause(1),
            "blinds": lambda: cmd.SetBlinds(1, 2, 4, pick % 2),
            "bot": lambda: cmd.AddBot(1, pick % (seats + 2), "standard"),
            "unbot": lambda: cmd.RemoveBot(1, pick % (seats + 2)),
            "approve_top_up": lambda: cmd.ApproveTopUp(1, who),
            "close": lambda: cmd.Close(1),
            "join_key": lambda: cmd.SetJoinKey(pick % 2 + 1, KEYS[pick % len(KEYS)]),
            "bomb_pot": lambda: cmd.BombPot(pick % 2 + 1),
            "bomb_pot_off": lambda: cmd.BombPot(1, on=False),
        }
        self.run(made[kind]())

    @invariant()
    def chips_are_conserved_and_the_ledger_balances(self) -> None:
        assert_conserved(self.table)
        rows = ledger(self.table)
        assert balanced(rows), rows
        assert sum(r.buy_ins + r.top_ups for r in rows) == self.table.chips_accounted()[0]

    @invariant()
    def no_snapshot_shows_a_card_it_should_not(self) -> None:
        self.watch.check_snapshots(self.table)


TestRandomTable = RandomTable.TestCase
TestRandomTable.settings = settings(max_examples=60, stateful_step_count=60, deadline=None)


def test_random_play_does_reach_refusals_showdowns_and_busts():
    """The driver really plays: hands end, illegal commands are tried (so the checks above
    ran on something), across a few seeds."""
    ended = refused = 0
    for seed in range(5):
        table, rng, now = random_table(6, 0, True, seed), random.Random(seed), START
        for _ in range(400):
            command, wait = random_step(table, rng)
            now += wait
            try:
                ended += sum(e.kind == "hand_ended" for e in decide.handle(table, command, now))
            except CommandError:
                refused += 1
    assert ended > 0 and refused > 0, (ended, refused)


@given(seed=st.integers(0, 2**32), rng=st.randoms(use_true_random=False))
def test_rebuilt_from_events_equals_the_original(seed, rng):
    """state = fold(events): replaying the log, or a snapshot, gives the same table."""
    table = random_table(6, 0, True, seed)
    created = table.settings
    log = []
    now = START
    for _ in range(150):
        command, wait = random_step(table, rng)
        now += wait
        with contextlib.suppress(CommandError):
            log += [(e, now) for e in decide.handle(table, command, now)]
    replayed, _ = decide.create("prop", created, "Host", START)
    for event, at in log:
        replayed.apply(event, at)
    assert snapshot.to_dict(replayed) == snapshot.to_dict(table)
    assert snapshot.to_dict(snapshot.from_dict(snapshot.to_dict(table))) == snapshot.to_dict(table)
