"""The questions the app asks before it does something a player may regret, each awaited
on the app's loop (a dialog opened, never exec'd: the loop keeps running)."""

from __future__ import annotations

import asyncio
from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

translate = QCoreApplication.translate


class Quit(StrEnum):
    KEEP = "keep"
    """Quit, and the hosted tables resume where they are next time."""
    CLOSE = "close"
    """Close the hosted tables for good (those between hands), then quit."""
    STAY = "stay"


async def answer(box: QMessageBox) -> QAbstractButton | None:
    """Open `box` and wait for the button it was closed with (None: Escape)."""
    done: asyncio.Future[QAbstractButton | None] = asyncio.get_running_loop().create_future()

    def finished(_: int) -> None:
        if not done.done():
            done.set_result(box.clickedButton())

    box.finished.connect(finished)
    box.open()
    try:
        return await done
    finally:
        box.deleteLater()  # asked once: the next question is a new box


async def leave_mid_hand(parent: QWidget) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("Questions", "You are in a hand"),
        translate(
            "Questions",
            "You are in the middle of a hand. If you go now, your hand is checked or folded when "
            "your time runs out, and your seat waits for you. Go anyway?",
        ),
        parent=parent,
    )
    go = box.addButton(translate("Questions", "Go anyway"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(translate("Questions", "Stay"), QMessageBox.ButtonRole.RejectRole)
    return await answer(box) is go


async def quit_while_hosting(parent: QWidget) -> Quit:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("Questions", "Quit Felt"),
        translate(
            "Questions",
            "You are hosting. Keep your tables for next time (they resume where they are when "
            "you start Felt again), or close them for good?",
        ),
        parent=parent,
    )
    keep = box.addButton(translate("Questions", "Keep and quit"), QMessageBox.ButtonRole.AcceptRole)
    close = box.addButton(
        translate("Questions", "Close tables and quit"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    chosen = await answer(box)
    return Quit.KEEP if chosen is keep else Quit.CLOSE if chosen is close else Quit.STAY


async def another_port(parent: QWidget, taken: int, free: int) -> int | None:
    """Another program holds the host's port: offer a free one (None: do not host now)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("Questions", "The port is taken"),
        translate(
            "Questions",
            "Another program is using port {taken}, where Felt hosts your tables. Host on "
            "port {free} instead? Friends will need a new invite (Felt keeps port {free} "
            "from now on). Or close the other program and try again.",
        ).format(taken=taken, free=free),
        parent=parent,
    )
    move = box.addButton(
        translate("Questions", "Use port {}").format(free), QMessageBox.ButtonRole.AcceptRole
    )
    again = box.addButton(translate("Questions", "Try again"), QMessageBox.ButtonRole.ResetRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    chosen = await answer(box)
    return free if chosen is move else taken if chosen is again else None


async def make_new_key(parent: QWidget) -> bool:
    """Asked first: a new host key voids every invite sent before."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("Questions", "Make a new host key?"),
        translate(
            "Questions",
            "Guests check your tables by your host key. Make a new one if an invite reached "
            "someone it should not have, or this machine's key may have been copied. Invites "
            "you sent before stop working (send new ones: Copy invite, at the table). Friends "
            "connected now are told the new key and keep their seats; friends away now need "
            "a new invite.",
        ),
        parent=parent,
    )
    make = box.addButton(
        translate("Questions", "Make a new key"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    return await answer(box) is make


async def new_host_key(parent: QWidget) -> None:
    """Told once: this machine's host certificate was made anew (its files were lost),
    so every invite sent before names a key this host no longer has."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("Questions", "A new host key"),
        translate(
            "Questions",
            "Felt made a new key for hosting on this machine (the old one was missing or "
            "damaged). Invites you sent before no longer work, and friends who sat at your "
            "tables will be told the host's key changed: send them a new invite (Copy invite, "
            "at the table).",
        ),
        parent=parent,
    )
    box.addButton(QMessageBox.StandardButton.Ok)
    await answer(box)
