"""The real app in its own process, driven as a player would (for the two-process test).

    python -m tests.support.app_child host PORT ROUTER | join INVITE | resume ROUTER
                                      | sit-and-go PORT

It hosts (and sits), joins by invite (and sits), hosts a sit-and-go against two bots
(and presses Start), or resumes its most recent table from "Your tables", then checks
or calls whenever it is its turn, after a short think. It prints one JSON line
whenever what it shows changes (at a sit-and-go, its level, time left and standings).
Its data folder, keyring (none: tokens go to the private file) and Qt platform come
from the environment the parent sets.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sys
import time
from typing import Any

import qasync
from PySide6.QtWidgets import QApplication

from desktop.app import Felt
from desktop.hosting.invites import parse_invite
from desktop.hosting.local_state import data_folder, load_recent
from host_server.protocol import client
from host_server.rules.moves import Action
from host_server.table.members import Role


def say(**fields: Any) -> None:
    print(json.dumps(fields), flush=True)


async def drive(mode: str, argument: str) -> None:
    felt = Felt(data_folder(), sounds=False)
    felt.settings.lan = "off"  # (tests never list tables beyond loopback)
    felt.window.show()
    if mode == "host":
        felt.start.name.setText("Hostess")
        port, felt.settings.router = argument.split(" ")
        felt.settings.host_port = int(port)
        options = {"auto_approve": True, "between_hands_seconds": 0.5}
        await felt.start_hosting({**felt.settings.table, "name": "Two apps", **options}, sit=True)
        felt.open_to_internet(True)  # (as the host form's box, on by default, does)
        assert felt.screen is not None
        say(invite=felt.screen.invite.code)
    elif mode == "sit-and-go":
        felt.settings.host_port = int(argument)
        rules = {"game": "sit_and_go", "name": "Killed SNG", "level_minutes": 1.0,
                 "starting_stack": 3000, "between_hands_seconds": 0.5}  # fmt: skip
        await felt.start_hosting({**felt.settings.table, **rules}, sit=True, bots=["easy", "easy"])
        assert felt.screen is not None
        start = felt.screen.host_controls.start
        for _ in range(200):  # (enabled once the bots' seats are shown)
            if start.isEnabled():
                break
            await asyncio.sleep(0.05)
        start.click()
    elif mode == "join":
        target = parse_invite(argument)
        assert target is not None
        # Over wss, the host checked by the invite's pin; at 127.0.0.1 (loopback only).
        await felt.join_table(target._replace(hosts=("127.0.0.1",), ports=()))
    else:
        felt.settings.router = argument
        await felt.resume(load_recent(data_folder())[0])
    screen = felt.screen
    assert screen is not None
    model, last = screen.model, None
    for _ in range(10**6):  # the parent kills this process; bounded all the same
        if mode == "join" and model.role is Role.SPECTATOR and model.my_seat is None:
            screen.connection.send(client.Sit(seat=2, buy_in=model.max_buy_in))
            mode = "joined"
        if model.my_turn and model.legal is not None:
            await asyncio.sleep(0.25)  # think, so that a kill can land mid-hand
            if model.my_turn and model.legal is not None:
                screen.act(Action.CALL if model.legal.call else Action.CHECK, None)
        state = {
            "hand_no": model.hand_no if model.street else None,
            "street": model.street,
            "seat": model.my_seat,
            "online": screen.connection.state == "online",
            "seq": model.seq,
            "reach": screen.reach.text() if screen.reach.isVisible() else None,
            **_tournament(model),
        }
        if state != last and model.seq:
            say(**state)
            last = state
        await asyncio.sleep(0.05)


def _tournament(model: Any) -> dict[str, Any]:
    t = model.tournament
    if t is None:
        return {}
    left = t.seconds_left(time.time())
    return {"stage": t.stage, "level": t.level, "left": None if left is None else int(left),
            "finished": [[f.member_id, f.place] for f in t.finished]}  # fmt: skip


def main() -> None:
    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop, contextlib.suppress(asyncio.CancelledError):
        loop.run_until_complete(drive(sys.argv[1], " ".join(sys.argv[2:])))


if __name__ == "__main__":
    main()
