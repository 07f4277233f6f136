"""Joining over the network as a person meets it: an invite that names the host's key
(the app checks it), a host whose key changed (refused in plain words, then back to
the same seat with the new invite), and an invite from before pins (warned first).

A real host (`EmbeddedHost`, serving wss:// on 127.0.0.1) and the app as the guest."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.app import Felt
from desktop.client.session import KEY_CHANGED
from desktop.hosting.embedded import EmbeddedHost
from desktop.hosting.local_state import HOST_FORM, load_recent, table_settings
from desktop.ui.join_dialog import JoinDialog
from desktop.ui.table_screen import GUEST_REKEYED, REKEYED
from host_server.net.certificate import KEY
from tests.support.person import answer, app, click_menu, focused, in_front, question, until

CTRL = Qt.KeyboardModifier.ControlModifier


async def join_by_dialog(qtbot: Any, felt: Felt, invite: str, *, presses: int = 1) -> JoinDialog:
    """Ctrl+J, paste the invite, Return (`presses` times); the dialog as it was left."""
    await in_front(felt.window)
    qtbot.keyClick(felt.window, Qt.Key.Key_J, CTRL)
    await until(lambda: [d for d in felt.start.findChildren(JoinDialog) if d.isVisible()])
    [dialog] = [d for d in felt.start.findChildren(JoinDialog) if d.isVisible()]
    qtbot.keyClicks(dialog.invite, invite)
    for _ in range(presses):
        qtbot.keyClick(dialog.invite, Qt.Key.Key_Return)
    return dialog


async def hosting(
    folder: Path, port: int = 0, *, auto_approve: bool = True
) -> tuple[EmbeddedHost, str]:
    host = EmbeddedHost(folder, bot_delay=0.05)
    folder.mkdir(exist_ok=True)
    await host.start(port)
    if not load_table(host):
        settings = table_settings({**HOST_FORM, "auto_approve": auto_approve, "name": "Keyed"})
        host.create_table(settings, "Hostess", sit_with=200)
    return host, load_table(host)


def load_table(host: EmbeddedHost) -> str:
    assert host.server is not None and host.server.core is not None
    return next(iter(host.server.core.sessions), "")


async def test_a_changed_host_key_is_refused_then_a_new_invite_keeps_the_seat(
    qtbot, data_home, tmp_path
):
    host, table_id = await hosting(tmp_path / "host")
    port = host.port
    try:
        async with app(qtbot, data_home) as felt:
            felt.start.name.setText("Guest")
            await join_by_dialog(qtbot, felt, f"felt://127.0.0.1:{port}/{table_id}?pin={host.pin}")
            await until(lambda: felt.screen is not None and felt.screen.model.name == "Keyed")
            screen = felt.screen
            assert screen is not None
            await in_front(felt.window)
            screen.view.setFocus()
            qtbot.keyClick(screen.view, Qt.Key.Key_S)  # the first free seat: seat 2
            await until(lambda: focused() is not None and focused().window() is not felt.window)
            qtbot.keyClick(focused(), Qt.Key.Key_Return)
            await until(lambda: screen.model.my_seat == 2)
            [kept] = load_recent(data_home)
            assert kept.pin == host.pin

            # The host's key is lost; it comes back on its port with a new one.
            await host.stop()
            (tmp_path / "host" / KEY).unlink()
            host, _ = await hosting(tmp_path / "host", port)
            assert host.key_changed
            await until(lambda: any(KEY_CHANGED in line for line in screen.model.log))
            assert screen.connection.state == "closed"  # for good: no retries
            assert screen.view.ended == KEY_CHANGED  # said on the table, too
            assert not screen.stand.isVisible() and not screen.top_up.isVisible()
            assert not screen.action_bar.sit_out_next.isVisible()

            # The new invite: back to seat 2, the same member, the new pin kept.
            await felt.back_to_lobby()
            await join_by_dialog(qtbot, felt, f"felt://127.0.0.1:{port}/{table_id}?pin={host.pin}")
            await until(lambda: felt.screen is not None and felt.screen.model.my_seat == 2)
            assert felt.screen.connection.member_id == kept.member_id
            await until(lambda: load_recent(data_home)[0].pin == host.pin)
            assert len(load_recent(data_home)) == 1
    finally:
        await host.stop()


async def test_an_invite_without_a_pin_warns_first_then_joins(qtbot, data_home, tmp_path):
    host, table_id = await hosting(tmp_path / "host")
    try:
        async with app(qtbot, data_home) as felt:
            felt.start.name.setText("Oldtimer")
            old = f"felt://127.0.0.1:{host.port}/{table_id}"
            dialog = await join_by_dialog(qtbot, felt, old)
            assert dialog.isVisible() and "carries no pin" in dialog.error.text()
            assert felt.screen is None  # nothing sent yet
            qtbot.keyClick(dialog.invite, Qt.Key.Key_Return)  # "press OK again"
            await until(lambda: felt.screen is not None and felt.screen.model.name == "Keyed")
            assert felt.screen is not None
            assert felt.screen.connection.pin == host.pin  # the host first met, from now on
            await until(lambda: load_recent(data_home) and load_recent(data_home)[0].pin)
            assert load_recent(data_home)[0].pin == host.pin
    finally:
        await host.stop()


async def test_a_host_whose_key_was_lost_says_so_once(qtbot, data_home):
    async with app(qtbot, data_home) as felt:
        await felt.start_hosting({**HOST_FORM, "name": "Mine"})
        await until(lambda: felt.screen is not None and felt.screen.model.name == "Mine")
        first = felt.host.pin
    (data_home / KEY).unlink()
    async with app(qtbot, data_home) as felt:  # its tables come back up at launch
        said = await answer(qtbot, felt.window, "OK")
        assert "new key" in said and "Invites you sent before no longer work" in said
        await until(lambda: felt.host.running)
        assert felt.host.pin != first and question(felt.window) is None
        await felt.resume(load_recent(data_home)[0])  # our own table: pinned to the new key
        await until(lambda: felt.screen is not None and felt.screen.model.name == "Mine")
        assert question(felt.window) is None  # said once


async def test_an_invite_with_every_address_joins_by_the_one_that_answers(
    qtbot, data_home, tmp_path
):
    host, table_id = await hosting(tmp_path / "host")
    try:
        async with app(qtbot, data_home) as felt:
            felt.start.name.setText("Roamer")
            invite = f"felt://127.0.0.1:{host.port}/{table_id}?pin={host.pin}&also=127.0.0.2"
            await join_by_dialog(qtbot, felt, invite)
            await until(lambda: felt.screen is not None and felt.screen.model.name == "Keyed")
            assert felt.screen is not None
            reached = [line for line in felt.screen.model.log if line.startswith("Reached")]
            assert reached in (["Reached the host at 127.0.0.1:" + str(host.port)],
                               ["Reached the host at 127.0.0.2:" + str(host.port)])  # fmt: skip
            await until(lambda: bool(load_recent(data_home)))
            assert load_recent(data_home)[0].address == reached[0].rsplit(" ", 1)[1]

            await felt.back_to_lobby()
            with socket.socket() as probe:  # a port where nobody listens, at either address
                probe.bind(("127.0.0.1", 0))
                dead = probe.getsockname()[1]
            invite = f"felt://127.0.0.1:{dead}/{table_id}?pin={host.pin}&also=127.0.0.2"
            await join_by_dialog(qtbot, felt, invite)
            await until(lambda: felt.start.notice.property("error"))
            said = felt.start.notice.text()
            assert "127.0.0.1: nothing answers on that port" in said
            assert "127.0.0.2: nothing answers on that port" in said
            assert f"forward port {dead} on their router" in said and felt.screen is None
    finally:
        await host.stop()


async def test_a_clicked_invite_opens_felt_at_the_join_dialog(qtbot, data_home, tmp_path):
    """`felt felt://...` (what a clicked link runs): the join dialog, filled in; the
    player's OK joins."""
    host, table_id = await hosting(tmp_path / "host")
    try:
        link = f"felt://127.0.0.1:{host.port}/{table_id}?pin={host.pin}"
        async with app(qtbot, data_home, link=link) as felt:
            shown = lambda: [d for d in felt.start.findChildren(JoinDialog) if d.isVisible()]  # noqa: E731
            await until(shown)
            [dialog] = shown()
            assert dialog.invite.text() == link and felt.screen is None
            qtbot.keyClick(dialog.invite, Qt.Key.Key_Return)
            await until(lambda: felt.screen is not None and felt.screen.model.name == "Keyed")
    finally:
        await host.stop()


async def test_an_invite_from_a_newer_felt_or_none_at_all_is_told_apart(qtbot, data_home):
    async with app(qtbot, data_home) as felt:
        pin = "P" * 43
        dialog = await join_by_dialog(qtbot, felt, f"felt://127.0.0.1:9/abc123?v=2&pin={pin}")
        assert dialog.isVisible() and felt.screen is None
        assert dialog.error.text() == "This invite was made by a newer Felt: update Felt to join."
        dialog.invite.clear()
        qtbot.keyClicks(dialog.invite, "let's play tonight")
        qtbot.keyClick(dialog.invite, Qt.Key.Key_Return)
        assert dialog.error.text().startswith("That does not look like an invite")


async def test_a_new_host_key_from_the_menu_keeps_connected_guests_and_voids_old_invites(
    qtbot, data_home, tmp_path
):
    """Felt > New host key…, confirmed: a guest at the table now is told the new key
    over the old (and keeps it with the seat, so the next connection checks it), the
    host's invites carry it, and the old invite is refused as a changed key."""
    async with app(qtbot, data_home) as felt:
        await felt.start_hosting({**HOST_FORM, "name": "Rekeyed", "auto_approve": True})
        await until(lambda: felt.screen is not None and felt.screen.model.name == "Rekeyed")
        old_pin, port, screen = felt.host.pin, felt.host.port, felt.screen
        assert felt.recent is not None
        old_invite = f"felt://127.0.0.1:{port}/{felt.recent.table_id}?pin={old_pin}"
        async with app(qtbot, tmp_path / "guest") as guest:
            guest.start.name.setText("Guest")
            await join_by_dialog(qtbot, guest, old_invite)
            await until(lambda: guest.screen is not None and guest.screen.model.name == "Rekeyed")
            await until(lambda: bool(load_recent(tmp_path / "guest")))

            await in_front(felt.window)
            await click_menu(qtbot, felt, "Felt", "New host key…")
            said = await answer(qtbot, felt.window, "Make a new key")
            assert "Invites you sent before stop working" in said
            await until(lambda: felt.host.pin != old_pin)
            new_pin = felt.host.pin
            await until(lambda: guest.screen.connection.pin == new_pin)
            assert GUEST_REKEYED in guest.screen.model.log
            await until(lambda: load_recent(tmp_path / "guest")[0].pin == new_pin)
            assert REKEYED in screen.model.log and f"pin={new_pin}" in screen.invite.code

            # The host comes back (its key, the new one): the guest resumes, pinned to it.
            await felt.host.stop()
            await until(lambda: guest.screen.connection.state == "reconnecting")
            await felt.host.start(port)
            await until(lambda: guest.screen.connection.state == "online", timeout=30)

            await guest.back_to_lobby()
            await join_by_dialog(qtbot, guest, old_invite)
            await until(lambda: guest.start.notice.text() == KEY_CHANGED)
