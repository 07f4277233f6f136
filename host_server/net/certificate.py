"""The host's TLS identity: a self-signed EC P-256 certificate, made once and kept in
the host's data folder (the key readable by its owner only), and the server-side TLS
context that serves it. Guests trust it by its pin (`protocol.pins`), not by a CA.
"""

from __future__ import annotations

import datetime
import os
import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from host_server.protocol.pins import pin_of

CERTIFICATE, KEY = "host-certificate.pem", "host-key.pem"
YEARS = 20  # a pinned certificate has no reason to expire while its invites live


@dataclass(frozen=True)
class Identity:
    certificate: Path
    key: Path
    pin: str
    made: bool  # made just now (a new key: invites sent before no longer match)


def identity(folder: Path) -> Identity:
    """The host's certificate in `folder`, made there the first time (or when either
    file is missing or unreadable, or they are not one pair: then it is a new key, and
    `made` says so)."""
    certificate, key = folder / CERTIFICATE, folder / KEY
    try:
        loaded = x509.load_pem_x509_certificate(certificate.read_bytes())
        private = serialization.load_pem_private_key(key.read_bytes(), password=None)
        if _public(loaded.public_key()) == _public(private.public_key()):
            der = loaded.public_bytes(serialization.Encoding.DER)
            return Identity(certificate, key, pin_of(der), made=False)
    except (OSError, ValueError):
        pass
    return renew(folder)


def renew(folder: Path) -> Identity:
    """A new key and certificate in `folder`, in place of the old (whose pin no invite
    made from now on names)."""
    certificate, key = folder / CERTIFICATE, folder / KEY
    der = _make(certificate, key)
    return Identity(certificate, key, pin_of(der), made=True)


def _public(key: Any) -> bytes:
    return bytes(
        key.public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )


def server_context(found: Identity) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(found.certificate, found.key)
    return context


def _make(certificate: Path, key: Path) -> bytes:
    private = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Felt host")])
    now = datetime.datetime.now(datetime.UTC)
    made = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(private.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365 * YEARS))
        .sign(private, hashes.SHA256())
    )
    pem_key = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    certificate.parent.mkdir(parents=True, exist_ok=True)
    _write_private(key, pem_key)
    _write_private(certificate, made.public_bytes(serialization.Encoding.PEM))
    return made.public_bytes(serialization.Encoding.DER)


def _write_private(path: Path, data: bytes) -> None:
    """Created 0600 from the start (never readable by others, even briefly), then moved
    into place whole."""
    temporary = path.with_suffix(".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(data)
    os.replace(temporary, path)
