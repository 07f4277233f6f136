"""Which of an invite's addresses answers: all tried side by side (each next one a
moment after the one before, LAN first as the invite lists them), the first whose
TLS handshake shows the pinned certificate wins, and what each of the others said.

A probe only: the connection that follows checks the pin again (`carrier`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from desktop.client.carrier import in_words
from host_server.net.knock import pin_at

STAGGER = 0.25  # seconds before the next address is tried too
TIMEOUT = 5.0  # for each address


Place = tuple[str, int]  # a host and its port


async def first_to_answer(
    places: Sequence[Place], pin: str, *, stagger: float = STAGGER
) -> tuple[Place | None, dict[str, str]]:
    """(the first place to show `pin`, or None; why each other host did not)."""
    why: dict[str, str] = {}

    async def attempt(at: int, place: Place) -> Place | None:
        await asyncio.sleep(at * stagger)
        host, port = place
        try:
            shown = await pin_at(host, port, TIMEOUT)
        except (OSError, TimeoutError) as error:
            why[host] = in_words(error)
            return None
        if shown == pin:
            return place
        why[host] = "a host with another key answered there"
        return None

    tries = [asyncio.ensure_future(attempt(at, place)) for at, place in enumerate(places)]
    try:
        for next_done in asyncio.as_completed(tries):
            if (place := await next_done) is not None:
                return place, why
        return None, why
    finally:
        for task in tries:
            task.cancel()
        await asyncio.gather(*tries, return_exceptions=True)
