"""The host's views as a client receives them: encoded by the host's codec, read back by
the client's, so a model under test is fed exactly what the wire would carry."""

from __future__ import annotations

from typing import Any

from host_server.protocol import codec, host
from host_server.protocol.events import WireEvent, read_event
from host_server.table import events as ev
from host_server.table.state import Table
from host_server.views import live


def snapshot(table: Table, viewer: int) -> host.Snapshot:
    message = codec.decode(codec.snapshot_frame(table.seq, live.snapshot(table, viewer)))
    assert isinstance(message, host.Snapshot)
    return message


def turn(table: Table, viewer: int) -> host.Turn | None:
    data = live.turn(table, viewer)
    if data is None:
        return None
    message = codec.decode(codec.turn_frame(table.seq, data))
    assert isinstance(message, host.Turn)
    return message


def event(table: Table, seq: int, happened: ev.Event, viewer: int) -> WireEvent:
    message = codec.decode(codec.event_frame(seq, live.project(table, happened, viewer)))
    assert isinstance(message, host.Event)
    return read_event({"kind": message.kind, **message.data})


def drawn(model: Any) -> dict[str, object]:
    """What the window draws from a table model (between hands the last hand's cards stay
    on show in a running model, so cards are compared while a hand is on)."""
    live_hand = model.street is not None
    return {
        "seats": {
            n: (
                s.member_id,
                s.bot,
                s.stack,
                s.bet,
                sorted(s.cards) if live_hand else None,
                s.hidden if live_hand else None,
                s.sitting_out,
            )
            for n, s in model.seats.items()
        },
        "street": model.street,
        "variant": model.variant,
        "board": model.board if live_hand else None,
        "pot": model.pot_total if live_hand else None,
        "actor": model.actor,
        "legal": model.legal,
        "hand": model.hand_no if model.street else None,
        "paused": model.paused,
        "my_seat": model.my_seat,
        "top_ups": sorted((m.member_id, m.top_up_asked) for m in model.top_up_requests),
        "top_up_waiting": model.top_up_waiting,
        "blinds": (model.small_blind, model.big_blind, model.ante),
        "tournament": _tournament(model.tournament),
    }


def _tournament(t: Any) -> object:
    """A sit-and-go's clock line and standings, but for when its level ends (which a
    model fed events reads off its own clock)."""
    if t is None:
        return None
    return (
        t.stage, t.entrants, t.level, t.level_hands, t.on_break, t.level_ends is None,
        t.level_left is None, t.finished, t.rebuys, t.add_ons, sorted(t.offers),
        sorted(t.offers_left), t.prizes(t.entrants), t.chips_in_play,
    )  # fmt: skip
