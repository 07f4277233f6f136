"""Joining a table from an invite or a listing on the network: which of the host's
addresses answers (side by side, the pin checked), and which seat to go back to (one
of ours there already) or to ask for under the player's name."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.client.reach import first_to_answer
from desktop.hosting.invites import Target, in_url
from desktop.hosting.local_state import load_recent
from desktop.ui.join_dialog import unreachable

if TYPE_CHECKING:
    from desktop.app import Felt

translate = QCoreApplication.translate


async def join(felt: Felt, target: Target) -> None:
    address = await reach(felt, target)
    if address is None:
        return
    # A seat of ours there already (a new invite, say after the host's key changed):
    # back to it, rather than a second seat under the same name.
    places = {f"{in_url(host)}:{port}" for host, port in target.places()}
    kept = [r for r in load_recent(felt.folder) if r.table_id == target.table]
    kept = [r for r in kept if r.address in places and not r.hosted]
    token = kept and felt.credentials.load(kept[0].address, target.table, kept[0].member_id)
    if kept and token:  # (its pin is kept anew once the host has shown it)
        pin = target.pin or kept[0].pin  # (an unpinned invite never unpins a seat)
        felt.credentials.save(address, target.table, kept[0].member_id, token)
        recent = replace(kept[0], address=address)
        await felt.open_table(address, target.table, token=token, recent=recent, pin=pin)
    else:
        name, key = felt.start.player_name(), target.key
        await felt.open_table(address, target.table, name=name, pin=target.pin, key=key)
    if len(target.hosts) > 1 and felt.screen is not None:
        felt.screen.panel.note(translate("Joining", "Reached the host at {}").format(address))


async def reach(felt: Felt, target: Target) -> str | None:
    """Where to join: the one address of an old invite, else the first of the invite's
    addresses to answer with its pin (None: none did, and the start screen says so)."""
    places = [f"{in_url(host)}:{port}" for host, port in target.places()]
    if len(places) == 1 or target.pin is None:
        return places[0]
    looking = translate("Joining", "Looking for the host at {}…")
    felt.start.show_joining(looking.format(", ".join(places)))
    won, why = await first_to_answer(target.places(), target.pin)
    if won is None:
        felt.show_start(unreachable(target, why))
        return None
    return f"{in_url(won[0])}:{won[1]}"
