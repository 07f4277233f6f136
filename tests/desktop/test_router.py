"""Hosting for the internet as a host meets it: the host form's box (on by default)
asks the router for the port, the table's bar says what came of it (and its tooltip
what to do), invites name the router's address, and quitting gives the port back.

A real router on 127.0.0.1 (`tests.support.router`) and the app, driven by keys and
clicks."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.app import Felt
from desktop.hosting.invites import parse_invite
from desktop.ui.host_dialog import HostDialog
from tests.support.person import LEFT, answer, app, in_front, until

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


async def host_by_form(qtbot: Any, felt: Felt, *, internet: bool = True) -> None:
    """Ctrl+Shift+N, the internet box as asked, OK; until the table shows."""
    qtbot.keyClick(felt.window, Qt.Key.Key_N, CTRL_SHIFT)
    await until(lambda: felt.start.findChild(HostDialog) is not None)
    dialog = felt.start.findChild(HostDialog)
    await in_front(dialog)
    assert dialog.internet.isChecked()  # (on unless the host turned it off)
    if not internet:
        qtbot.mouseClick(dialog.internet, LEFT)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, LEFT)
    await until(lambda: felt.screen is not None and felt.screen.model.table_id)


async def test_the_port_is_mapped_said_named_in_invites_and_given_back_at_quit(
    qtbot, data_home, router
):
    async with app(qtbot, data_home, router=router.address) as felt:
        await host_by_form(qtbot, felt)
        screen = felt.screen
        port = felt.host.port
        shown = f"Reachable from the internet at {router.external}:{port} (not checked)"
        await until(lambda: screen.reach.isVisible() and screen.reach.text() == f"● {shown}")
        assert "NAT-PMP" in screen.reach.toolTip()
        assert router.mappings == {port: "NAT-PMP"}
        internet = [i for i in screen.invite.invites if i.network == "the internet"]
        assert [i.address for i in internet] == [router.external]
        assert all(
            router.external in i.code for i in screen.invite.invites if i.address != "127.0.0.1"
        )
        menu = [a.text() for a in screen.invite.menu().actions()]
        assert f"Copy invite for the internet ({router.external})" in menu

        await in_front(felt.window)
        felt.window.close()  # the window's close button: the quit question
        await answer(qtbot, felt.window, "Keep and quit")
        await until(felt.finished.is_set)
    assert router.mappings == {} and router.log[-1] == ("NAT-PMP", "unmap", port, 0)


async def test_a_router_that_opens_another_port_is_named_with_it_in_the_invites(
    qtbot, data_home, router
):
    """The port outside is the router's choice: the bar and the internet's invite name
    that one, and the LAN's addresses in it keep the host's own."""
    router.moved = 1000
    async with app(qtbot, data_home, router=router.address) as felt:
        await host_by_form(qtbot, felt)
        screen, port = felt.screen, felt.host.port
        outside = port + 1000
        shown = f"Reachable from the internet at {router.external}:{outside} (not checked)"
        await until(lambda: screen.reach.text() == f"● {shown}")
        assert router.mappings == {outside: "NAT-PMP"}
        [internet] = [i for i in screen.invite.invites if i.network == "the internet"]
        target = parse_invite(internet.code)
        assert target is not None and target.places()[0] == (router.external, outside)
        assert all(p == port for _, p in target.places()[1:]) and len(target.places()) > 1
        lan = parse_invite(screen.invite.invites[0].code)
        assert lan is not None and (router.external, outside) in lan.places()
        assert lan.places()[0][1] == port
    assert router.mappings == {}  # (given back at quit)


@pytest.mark.parametrize(
    ("natpmp", "upnp", "external", "line", "more"),
    [
        ("refuse", "refuse", "81.2.69.142", "your router refused the port", "Turn on UPnP"),
        ("grant", "grant", "100.72.9.1", "your provider shares its address (CGNAT)", "VPN"),
        ("silent", "grant", "192.168.0.3", "your router is behind another router", "bridge"),
    ],
)
async def test_a_router_that_cannot_help_is_said_plainly(
    qtbot, data_home, router, natpmp, upnp, external, line, more
):
    router.natpmp, router.upnp, router.external = natpmp, upnp, external
    async with app(qtbot, data_home, router=router.address) as felt:
        await host_by_form(qtbot, felt)
        screen = felt.screen
        await until(lambda: screen.reach.text() == f"● Not reachable from the internet: {line}")
        assert more in screen.reach.toolTip()
        assert not [i for i in screen.invite.invites if i.network == "the internet"]


async def test_no_router_is_said_and_a_table_kept_at_home_asks_none(qtbot, data_home, router):
    async with app(qtbot, data_home) as felt:  # (no router: a closed port on loopback)
        await host_by_form(qtbot, felt)
        screen = felt.screen
        said = "● Not reachable from the internet: no router answered"
        await until(lambda: screen.reach.text() == said)
        assert f"forward TCP port {felt.host.port}" in screen.reach.toolTip()
    async with app(qtbot, data_home / "other", router=router.address) as felt:
        await host_by_form(qtbot, felt, internet=False)
        assert felt.host.mapping is None and not felt.screen.reach.isVisible()
        assert router.log == []
