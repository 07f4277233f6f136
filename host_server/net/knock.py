"""Which key a Felt host shows at an address: a TLS handshake, then goodbye.

Felt's hosts sign their own certificates; the pin (`protocol.pins`) is what vouches
for them, so the TLS here checks no authority and no host name. Guests knock on an
invite's addresses with it (`desktop.client.reach`); the host knocks on its own
external address to see that the router's mapping leads back to it (`mapping`).
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl

from host_server.protocol.pins import pin_of

TIMEOUT = 5.0


def client_context() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


async def pin_at(host: str, port: int, timeout: float = TIMEOUT) -> str | None:
    """The pin of the certificate shown at `host`:`port` (None: no certificate);
    OSError or TimeoutError when nothing answers there."""
    _, writer = await asyncio.wait_for(
        asyncio.open_connection(host, port, ssl=client_context()), timeout
    )
    tls = writer.get_extra_info("ssl_object")
    shown = tls.getpeercert(binary_form=True) if tls is not None else None
    writer.close()
    with contextlib.suppress(OSError):
        await writer.wait_closed()
    return pin_of(shown) if shown else None
