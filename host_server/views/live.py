"""Who may see what: the only way anything about a table leaves the host.

A member sees their own hole cards; everyone sees cards shown at showdown; nobody
else sees a hole card, ever. Pending guests see the table's public summary and
the answer to their own request, nothing more. The deck never leaves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from host_server.rules.deck import HOLE_CARDS, deal_holes
from host_server.table import events as ev
from host_server.table.home_game import question
from host_server.table.members import Role
from host_server.table.shuffle import ShuffleCommitted, ShuffleRevealed
from host_server.table.state import Table
from host_server.views.standings import stage, tournament_view

# Settings a guest may read; the rest (durations) are shown as the clock itself.
_PUBLIC_SETTINGS = (
    "name",
    "seats",
    "small_blind",
    "big_blind",
    "ante",
    "min_buy_in",
    "max_buy_in",
    "auto_approve",
    "allow_spectators",
    "action_seconds",
    "time_bank_seconds",
    "approve_top_ups",
    "reveal_hands_to_host",  # players are told, so nobody is surprised
    "variant",
    "straddle",
    "bomb_pot",
    "bomb_pot_every",
    "seven_deuce",
    "run_it_twice",
)


def summary(table: Table) -> dict[str, Any]:
    """The public face of a table: what a lobby or a pending guest may see."""
    s = table.settings
    watching = [m for m in table.members.values() if m.role in (Role.SPECTATOR, Role.HOST)]
    return {
        "table_id": table.table_id,
        "name": s.name,
        "small_blind": s.small_blind,
        "big_blind": s.big_blind,
        "ante": s.ante,
        "variant": s.variant,
        "straddle": s.straddle,
        "bomb_pot": s.bomb_pot,
        "bomb_pot_every": s.bomb_pot_every,
        "bomb_next": table.bomb_next,
        "seven_deuce": s.seven_deuce,
        "run_it_twice": s.run_it_twice,
        "min_buy_in": s.min_buy_in,
        "max_buy_in": s.max_buy_in,
        "seats": s.seats,
        "seats_taken": len(table.seats),
        "spectators": sum(1 for m in watching if table.seat_of(m.id) is None),
        "closed": table.closed,
        "tournament": stage(table),
    }


def sees_as(table: Table, viewer: int | None) -> Role:
    """The role that decides what `viewer` sees; outsiders see what pending guests see."""
    member = table.members.get(viewer) if viewer is not None else None
    if member is None:
        return Role.PENDING
    if member.role is Role.SPECTATOR and not table.settings.allow_spectators:
        return Role.PENDING  # a table without spectators shows its game to players only
    return member.role


def snapshot(table: Table, viewer: int | None) -> dict[str, Any]:
    """The whole table as `viewer` may see it (None: an anonymous onlooker)."""
    if sees_as(table, viewer) in (Role.PENDING, Role.GONE):
        return {"summary": summary(table), "you": _you(table, viewer)}
    hand, start = table.hand, table.hand_start
    view: dict[str, Any] = {
        "summary": summary(table),
        "settings": {k: getattr(table.settings, k) for k in _PUBLIC_SETTINGS},
        "seq": table.seq,
        "members": [
            {
                "member_id": m.id,
                "name": m.name,
                "role": m.role.value,
                "connected": m.connected,
                "bot": m.bot,
                "top_up_asked": m.top_up_asked,
            }
            for m in table.members.values()
            if m.role is not Role.GONE
        ],
        "seats": [_seat(table, number, viewer) for number in sorted(table.seats)],
        "button": table.button,
        "paused": table.paused,
        "join_key": table.join_key if sees_as(table, viewer) is Role.HOST else None,
        "pause_pending": table.pause_pending,
        "hand": None,
        "you": _you(table, viewer),
        "tournament": tournament_view(table),
    }
    if hand is not None and start is not None:
        view["hand"] = {
            "hand_no": table.hand_no,
            "street": hand.street,
            "board": list(hand.board),
            "pots": _pots(table),
            "actor": table.actor_seat,
            "deadline": table.turn_deadline(),
            # The hand so far, as this viewer saw it: a client that resumes can tell it.
            "steps": [project(table, step, viewer) for step in table.hand_log],
            "run_twice": _question(table),
        }
    return view


def _seat(table: Table, number: int, viewer: int | None) -> dict[str, Any]:
    seat, hand = table.seats[number], table.hand
    member = table.members[seat.member_id]
    index = table.hand_index(number)
    entry: dict[str, Any] = {
        "seat": number,
        "member_id": member.id,
        "name": member.name,
        "bot": member.bot,
        "stack": table.live_stack(number),
        "bet": hand.bets[index] if hand is not None and index is not None else 0,
        "status": _seat_status(table, number, table.actor_seat),
        "sitting_out": seat.sitting_out,  # (mid-hand it shows from the next deal)
        "time_bank": round(seat.time_bank, 3),
    }
    if hand is not None and index is not None:
        # Face down while in the hand; a folded player still sees their own cards.
        entry["cards"] = list(_visible_cards(table, number, viewer) or ())
        live = hand.in_hand(index)
        if not live and seat.member_id != viewer and number not in table.shown:
            entry["cards"] = []
        entry["hidden_cards"] = len(hand.dealt[index]) if live and not entry["cards"] else 0
    return entry


def turn(table: Table, viewer: int | None) -> dict[str, Any] | None:
    """Whose turn it is now and until when; the choices only for the one to act."""
    return turns(table, [viewer])[viewer]


Roles = Mapping[int | None, Role]  # each viewer's `sees_as`, asked once per batch


def turns(
    table: Table, viewers: Iterable[int | None], roles: Roles | None = None
) -> dict[int | None, dict[str, Any] | None]:
    """`turn` for several viewers at once. Everyone but the player to act gets the very
    same dict (so a caller can encode it once): only `legal` differs between viewers."""
    if table.hand is None:
        return dict.fromkeys(viewers)
    public: dict[str, Any] | None = None
    out: dict[int | None, dict[str, Any] | None] = {}
    actor = table.actor_seat
    acting = table.seats[actor].member_id if actor is not None else None  # (asked once)
    for viewer in viewers:
        role = roles[viewer] if roles is not None else sees_as(table, viewer)
        if role in (Role.PENDING, Role.GONE):
            out[viewer] = None
            continue
        if public is None:
            public = _public_turn(table)
        legal = _legal(table, viewer) if viewer == acting else None
        out[viewer] = public if legal is None else {**public, "legal": legal}
    return out


def _public_turn(table: Table) -> dict[str, Any]:
    hand, start = table.hand, table.hand_start
    assert hand is not None and start is not None
    actor = table.actor_seat
    stacks, bets = hand.stacks, hand.bets
    return {
        "hand_no": table.hand_no,
        "decision": table.decision,  # the same decision sent again keeps its number
        "seat": actor,
        "deadline": table.turn_deadline(),
        "paused": table.paused,
        # The hand's public numbers after this batch, so no client re-implements the rules.
        "street": hand.street,
        "board": list(hand.board),
        "pots": _pots(table),
        "seats": [
            {
                "seat": n,
                "stack": stacks[i],
                "bet": bets[i],
                "status": _seat_status(table, n, actor, i),
                "time_bank": round(table.seats[n].time_bank, 3),
            }
            for i, n in enumerate(start.seats)
            if n in table.seats
        ],
    }


def _question(table: Table) -> dict[str, Any] | None:
    asked = question(table.hand_log)
    if asked is None:
        return None
    answers = {str(seat): yes for seat, yes in asked.answers.items()}
    return {"seats": list(asked.seats), "until": asked.until, "answers": answers}


def _pots(table: Table) -> list[dict[str, Any]]:
    assert table.hand is not None and table.hand_start is not None
    seats = table.hand_start.seats
    return [
        {"amount": amount, "seats": [seats[i] for i in players]}
        for amount, players in table.hand.pots
    ]


def _you(table: Table, viewer: int | None) -> dict[str, Any] | None:
    member = table.members.get(viewer) if viewer is not None else None
    if member is None:
        return None
    seat = table.seat_of(member.id)
    you: dict[str, Any] = {
        "member_id": member.id,
        "name": member.name,
        "role": member.role.value,
        "seat": seat.number if seat else None,
        "balance": member.balance,
        "leaving": member.exit,
        "top_up": member.top_up,  # approved, arriving when your hand ends
        "top_up_asked": member.top_up_asked,  # waiting for the host
        "straddles": member.straddles,  # an optional straddle, whenever under the gun
    }
    legal = _legal(table, member.id)
    if legal is not None:  # only for the player to act
        you["legal"] = legal
    return you


def _legal(table: Table, viewer: int | None) -> dict[str, Any] | None:
    """The choices of `viewer` if it is their turn, else None."""
    hand, actor = table.hand, table.actor_seat
    if hand is None or actor is None or table.seats[actor].member_id != viewer:
        return None
    legal = hand.legal()
    if legal is None:
        return None
    return {
        "fold": legal.can_fold,
        "check": legal.can_check,
        "call": legal.call_amount,
        "bet" if legal.is_bet else "raise": (
            {"min": legal.min_to, "max": legal.max_to} if legal.can_raise else None
        ),
    }


def _visible_cards(table: Table, seat: int, viewer: int | None) -> tuple[str, ...] | None:
    if seat in table.shown:
        return table.shown[seat]
    own = table.seats.get(seat)
    index = table.hand_index(seat)
    if own is not None and own.member_id == viewer and index is not None and table.hand:
        return table.hand.hole_cards(index)
    return None


def _seat_status(table: Table, number: int, actor: int | None, index: int | None = None) -> str:
    """`index`: the seat's player index in the hand, when the caller knows it."""
    seat = table.seats[number]
    member = table.members[seat.member_id]
    index = table.hand_index(number) if index is None else index
    hand = table.hand
    if hand is not None and index is not None:
        if actor == number:
            return "acting"
        if not hand.in_hand(index):
            return "folded"
        if hand.all_in(index):
            return "all_in"
    if seat.sitting_out and index is None:  # (dealt in, they play this hand out)
        return "sitting_out"
    if not member.connected and member.disconnected_at is not None:
        return "disconnected"
    if member.exit is not None:
        return "leaving"
    return "playing" if index is not None else "waiting"


def project(table: Table, event: ev.Event, viewer: int | None) -> dict[str, Any] | None:
    """`event` as `viewer` may see it, or None when it is none of their business.

    Pure in the event: the same event gives the same projection whatever the
    table went on to do, so missed events can be replayed from the store.
    """
    role = sees_as(table, viewer)
    if isinstance(event, ev.ChatPosted) and role is Role.PENDING:
        return event.to_dict() if table.settings.guest_chat else None
    if role in (Role.PENDING, Role.GONE):
        about_them = isinstance(
            event, (ev.MemberApproved, ev.MemberRejected, ev.JoinRequested, ev.MemberLeft)
        )
        if about_them and getattr(event, "member_id", None) == viewer:
            return event.to_dict()
        return {"kind": "table_closed"} if isinstance(event, ev.TableClosed) else None
    if isinstance(event, ev.JoinKeyChanged) and role is not Role.HOST:
        return None  # the key is the host's to hand out
    if isinstance(event, ShuffleRevealed):
        return event.seen_by(viewer)
    data = event.to_dict()
    if isinstance(event, ShuffleCommitted):
        return {"kind": event.kind, "hand_no": event.hand_no, "commitment": event.commitment}
    if isinstance(event, ev.HandStarted):
        for secret in ("deck", "secret"):
            del data[secret]
        if viewer in event.members:
            holes = deal_holes(event.deck, len(event.seats), HOLE_CARDS[event.variant])
            data["your_cards"] = list(holes[event.members.index(viewer)])
    return data


def projections(
    table: Table, event: ev.Event, viewers: Iterable[int | None], roles: Roles | None = None
) -> dict[int | None, dict[str, Any] | None]:
    """`project` for several viewers; those who see the same get the very same dict (so
    a caller can encode it once). Only a hand's start differs between seated players."""
    if isinstance(event, (ev.HandStarted, ShuffleRevealed)):  # (each one's own cards)
        return {viewer: project(table, event, viewer) for viewer in viewers}
    common: dict[str, Any] | None = None
    out: dict[int | None, dict[str, Any] | None] = {}
    for viewer in viewers:
        role = roles[viewer] if roles is not None else sees_as(table, viewer)
        if role in (Role.PENDING, Role.GONE):
            out[viewer] = project(table, event, viewer)
            continue
        if common is None:
            common = project(table, event, viewer)
        out[viewer] = common
    return out
