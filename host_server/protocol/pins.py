"""A host's pin: the SHA-256 of its TLS certificate, as invites carry it and clients
check it (before a token or a name is sent) and keep it next to their seat.

Felt's hosts sign their own certificates, so no authority vouches for them; the pin
in the invite does, and a host whose certificate is not the pinned one is refused.
"""

from __future__ import annotations

import base64
import hashlib
import re

PIN = re.compile(r"^[A-Za-z0-9_-]{43}$")  # 32 bytes, base64url without padding


def pin_of(certificate_der: bytes) -> str:
    """The pin of a certificate given in DER: base64url of its SHA-256, unpadded."""
    digest = hashlib.sha256(certificate_der).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def is_pin(text: str) -> bool:
    return PIN.match(text) is not None


def spaced(pin: str) -> str:
    """A pin as a person reads it aloud to compare: groups of four."""
    return " ".join(pin[i : i + 4] for i in range(0, len(pin), 4))
