"""The host's certificate: made once (EC P-256, the key readable by its owner only),
the same one after, a new one (and said so) when its files are lost, and served; a
new one made while the host runs (`renew`, `Server.rekey`)."""

from __future__ import annotations

import asyncio
import ssl
import stat

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from desktop.client.connection import Connection
from desktop.client.session import KEY_CHANGED
from host_server.net.certificate import CERTIFICATE, KEY, identity, renew, server_context
from host_server.net.server import Server
from host_server.protocol.pins import is_pin, pin_of
from host_server.table.settings import TableSettings
from tests.support.person import until


def test_the_certificate_is_made_once_and_kept_private(tmp_path):
    first = identity(tmp_path / "data")
    assert first.made and is_pin(first.pin)
    for path in (first.certificate, first.key):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    key = serialization.load_pem_private_key(first.key.read_bytes(), password=None)
    assert isinstance(key, ec.EllipticCurvePrivateKey) and key.curve.name == "secp256r1"
    made = x509.load_pem_x509_certificate(first.certificate.read_bytes())
    assert first.pin == pin_of(made.public_bytes(serialization.Encoding.DER))

    again = identity(tmp_path / "data")
    assert not again.made and again.pin == first.pin


def test_a_lost_or_damaged_key_is_a_new_certificate_and_says_so(tmp_path):
    first = identity(tmp_path)
    (tmp_path / KEY).unlink()
    second = identity(tmp_path)
    assert second.made and second.pin != first.pin
    (tmp_path / CERTIFICATE).write_text("not a certificate")
    third = identity(tmp_path)
    assert third.made and third.pin not in (first.pin, second.pin)


async def test_the_context_serves_the_certificate_whose_pin_it_is(tmp_path):
    found = identity(tmp_path)

    async def hang_up(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.close()

    server = await asyncio.start_server(hang_up, "127.0.0.1", 0, ssl=server_context(found))
    port = server.sockets[0].getsockname()[1]
    anything = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    anything.check_hostname, anything.verify_mode = False, ssl.CERT_NONE
    async with server:
        _, writer = await asyncio.open_connection("127.0.0.1", port, ssl=anything)
        shown = writer.get_extra_info("ssl_object").getpeercert(binary_form=True)
        writer.close()
    assert pin_of(shown) == found.pin


def test_a_key_and_certificate_that_are_not_one_pair_are_made_anew(tmp_path):
    """(Say a crash between writing the two files of a new key.)"""
    first = identity(tmp_path / "one")
    other = identity(tmp_path / "two")
    (tmp_path / "one" / KEY).write_bytes(other.key.read_bytes())
    again = identity(tmp_path / "one")
    assert again.made and again.pin not in (first.pin, other.pin)
    server_context(again)  # (a pair that serves)


async def test_a_new_key_is_served_at_once_and_told_to_every_open_connection(tmp_path):
    """`Server.rekey`: the connection open before hears the new pin over the old key
    (and its client checks that one from now on); a new connection is served the new
    key without a restart: its pin joins, the old one is refused before anything is sent."""
    old = identity(tmp_path)
    server = Server(tmp_path / "host.db", "127.0.0.1", 0, tls=server_context(old))
    await server.start()
    table_id, token = server.create_table(TableSettings("Keys", auto_approve=True), "Host")
    url = f"wss://127.0.0.1:{server.port}/ws"
    connections: list[Connection] = []
    try:
        owner = Connection(url, table_id, token=token, pin=old.pin)
        connections.append(owner)
        owner.start()
        await until(lambda: owner.state == "online")
        new = renew(tmp_path)
        server.rekey(new)
        await until(lambda: owner.pin == new.pin)
        late = Connection(url, table_id, name="Late", pin=new.pin)
        stale = Connection(url, table_id, name="Stale", pin=old.pin)
        connections += [late, stale]
        late.start()
        stale.start()
        await until(lambda: late.state == "online" and stale.state == "closed")
        assert stale.closed_reason == KEY_CHANGED and owner.state == "online"
    finally:
        for connection in connections:
            await connection.stop()
        await server.stop()
