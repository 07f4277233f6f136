"""A random player for property and crash tests: legal moves mostly, illegal ones often.

Deterministic in its `random.Random`: the same seed and the same table give the
same commands, which is what lets a crash test replay a killed process's game.
"""

from __future__ import annotations

import random
from dataclasses import replace

from hypothesis import strategies as st

from host_server.rules.moves import Action
from host_server.table import commands as cmd
from host_server.table.home_game import question
from host_server.table.members import Role
from host_server.table.settings import TableSettings
from host_server.table.state import Table
from host_server.table.tournament import Level, Tournament

# Small stakes and short clocks: random play reaches showdowns, timeouts and busts.
RANDOM_TABLE = TableSettings(
    "Random",
    seats=6,
    min_buy_in=10,
    max_buy_in=300,
    auto_approve=True,
    action_seconds=10,
    time_bank_seconds=10,
    bomb_pot=6,  # every seventh hand, the 7-2 game and run it twice: restored mid-bomb,
    bomb_pot_every=7,  # mid-bounty and mid-question
    seven_deuce=4,
    run_it_twice=True,
    straddle="optional",  # (the random players choose it now and then)
)
# The same at Pot-Limit Omaha (which has no 7-2 game).
RANDOM_OMAHA = replace(RANDOM_TABLE, name="Random PLO", variant="plo", seven_deuce=0)

# A quick sit-and-go: a level a minute, 20 big blinds to start, so random play busts.
RANDOM_SIT_AND_GO = TableSettings.sit_and_go(
    "Random SNG",
    Tournament(
        25,
        400,
        tuple(Level(n * 10, n * 20, n if n >= 3 else 0, 1) for n in range(1, 16)),
        rebuy_until=3,
        add_on=600,
    ),
    seats=6,
    auto_approve=True,
    action_seconds=10,
    time_bank_seconds=10,
)

# A sit-and-go's rules as a property test draws them: levels by minutes or by hands,
# breaks or none, late registration or none, rebuys (and an add-on) or none.
RULES = st.fixed_dictionaries(
    {
        "hands_per_level": st.sampled_from([0, 0, 3]),
        "break_every": st.sampled_from([0, 2]),
        "break_minutes": st.sampled_from([0.5, 2.0]),
        "late_until": st.sampled_from([0, 2]),
        "rebuy_until": st.sampled_from([0, 3]),
        "add_on": st.sampled_from([0, 600]),
    }
).map(lambda rules: rules | ({} if rules["rebuy_until"] else {"add_on": 0}))


def with_rules(rules: dict[str, object]) -> TableSettings:
    """The random sit-and-go under `rules`."""
    assert RANDOM_SIT_AND_GO.tournament is not None
    return replace(RANDOM_SIT_AND_GO, tournament=replace(RANDOM_SIT_AND_GO.tournament, **rules))


NAMES = ["Ann", "Bob", "Cyd", "Dee", "Eve", "Fay", "Gus", "Hal", "Ivy", "Jon", "Kim", "Lou"]


def random_step(table: Table, rng: random.Random) -> tuple[cmd.Command, float]:
    """A command and how many seconds pass before it."""
    wait = rng.choice([0.0, 0.5, 2.0, 5.0, 20.0, 45.0, 400.0])
    hand = table.hand
    actor = table.actor_seat
    asked = question(table.hand_log) if hand is not None else None
    if asked is not None and rng.random() < 0.6:  # all in, and asked to run it twice
        seat = table.seats.get(rng.choice(asked.seats))
        return cmd.RunTwice(seat.member_id if seat else 1, rng.random() < 0.7), min(wait, 5.0)
    if hand is not None and actor is not None and rng.random() < 0.7:
        return _act(table, rng, actor), min(wait, 5.0)
    return _other(table, rng), wait


def sit_and_go_step(table: Table, rng: random.Random) -> tuple[cmd.Command, float]:
    """As `random_step`, with bots seated and the tournament started (or tried) early."""
    assert table.tournament is not None
    if not table.tournament.started and rng.random() < 0.5:
        free = [n for n in range(1, table.settings.seats + 1) if n not in table.seats]
        watching = [m.id for m in table.members.values() if m.role is Role.SPECTATOR]
        if free and rng.random() < 0.5:  # (players: they are offered rebuys, bots not)
            if not watching:
                return cmd.RequestJoin(rng.choice(NAMES)), 0.0
            return cmd.Sit(rng.choice(watching), free[0], table.settings.min_buy_in), 0.0
        if free and rng.random() < 0.75:
            return cmd.AddBot(1, free[0], "easy"), 0.0
        return cmd.StartTournament(rng.choice([1, 1, 2])), rng.choice([0.0, 3.0])
    structure = table.settings.tournament
    free = [n for n in range(1, table.settings.seats + 1) if n not in table.seats]
    late = structure is not None and table.tournament.registering(structure)
    if late and free and rng.random() < 0.05:  # (a late seat, now and then)
        return cmd.AddBot(1, free[0], "easy"), 0.0
    offered = sorted(table.tournament.offers)
    if offered and rng.random() < 0.2:  # (an offer's answer, now and then)
        member = rng.choice(offered)
        return rng.choice([cmd.Rebuy(member), cmd.DeclineRebuy(member)]), rng.choice([0.0, 5.0])
    return random_step(table, rng)


def _act(table: Table, rng: random.Random, actor: int) -> cmd.Command:
    assert table.hand is not None
    legal = table.hand.legal()
    assert legal is not None
    member = table.seats[actor].member_id
    choices: list[tuple[Action, int | None]] = []
    if legal.can_fold:
        choices.append((Action.FOLD, None))
    if legal.can_check:
        choices += [(Action.CHECK, None)] * 3
    if legal.can_call:
        choices += [(Action.CALL, None)] * 3
    if legal.can_raise:
        kind = Action.BET if legal.is_bet else Action.RAISE
        to = rng.choice([legal.min_to, legal.max_to, rng.randint(legal.min_to, legal.max_to)])
        choices += [(kind, to), (Action.ALL_IN, None)]
    if rng.random() < 0.15:  # something the rules refuse
        choices = [
            (Action.RAISE if legal.is_bet else Action.BET, legal.min_to),
            (Action.CHECK if legal.can_call else Action.FOLD, None),
            (Action.RAISE, legal.max_to + rng.randint(1, 50)),
            (Action.BET, -5),
        ]
    action, amount = rng.choice(choices)
    hand_no = table.hand_no if rng.random() > 0.03 else table.hand_no - 1
    return cmd.Act(member, action, hand_no, amount)


def _other(table: Table, rng: random.Random) -> cmd.Command:
    ids = [*table.members, table.next_member_id + 3]
    someone = rng.choice(ids)
    present = [m for m in table.members.values() if m.role is not Role.GONE]
    pending = [m.id for m in present if m.role is Role.PENDING]
    s = table.settings
    roll = rng.random()
    if roll < 0.14 and len(present) < 12:
        return cmd.RequestJoin(rng.choice([*NAMES, "  ", "x" * 40]))
    if roll < 0.22 and pending:
        target = rng.choice(pending)
        return cmd.Approve(1, target) if rng.random() < 0.8 else cmd.Reject(1, target)
    if roll < 0.42:
        buy_in = rng.choice(
            [
                s.min_buy_in,
                s.max_buy_in,
                rng.randint(s.min_buy_in, s.max_buy_in),
                s.min_buy_in - 1,
                10**15,
            ]
        )
        return cmd.Sit(someone, rng.randint(0, s.seats + 1), buy_in)
    if roll < 0.60:
        return cmd.Tick()
    options: list[cmd.Command] = [
        cmd.Stand(someone),
        cmd.SitOut(someone),
        cmd.SitIn(someone),
        cmd.SitIn(someone),
        cmd.Leave(someone),
        cmd.Kick(rng.choice([1, someone]), someone),
        cmd.Kick(1, someone, ban=True),
        cmd.Pause(rng.choice([1, someone]), immediate=rng.random() < 0.5),
        cmd.Unpause(1),
        cmd.Unpause(1),
        cmd.SetBlinds(
            rng.choice([1, someone]),
            rng.choice([1, 2, 5]),
            rng.choice([2, 4, 10, 1]),
            rng.choice([0, 0, 1]),
        ),
        cmd.Chat(someone, rng.choice(["gl", "nice hand", "", "x" * 600])),
        cmd.Connect(someone),
        cmd.Disconnect(someone),
        cmd.Disconnect(someone),
        cmd.Act(someone, rng.choice(list(Action)), table.hand_no, rng.randint(-10, 500)),
        cmd.AddBot(
            rng.choice([1, 1, someone]),
            rng.randint(0, s.seats + 1),
            rng.choice(["easy", "standard", "strong", "genius"]),
            rng.choice([None, s.min_buy_in, s.max_buy_in + 1]),
        ),
        cmd.RemoveBot(rng.choice([1, 1, someone]), rng.randint(0, s.seats + 1)),
        cmd.TopUp(someone, rng.choice([1, 50, s.max_buy_in, -3])),
        cmd.TopUp(someone, rng.choice([1, 50, s.max_buy_in, -3])),
        cmd.Rebuy(someone),
        cmd.Rebuy(someone),
        cmd.DeclineRebuy(someone),
        cmd.AddOn(someone),
        cmd.ApproveTopUp(rng.choice([1, 1, someone]), someone),
        cmd.RejectTopUp(rng.choice([1, someone]), someone),
        cmd.RunTwice(someone, rng.random() < 0.5),
        cmd.Straddle(someone, rng.random() < 0.6),
        cmd.BombPot(rng.choice([1, 1, someone]), on=rng.random() < 0.7),
    ]
    if rng.random() < 0.02:
        options.append(cmd.Close(1))
    return rng.choice(options)
