"""Rejoin tokens: 256 random bits for the member, only a SHA-256 hash for the database."""

from __future__ import annotations

import hashlib
import hmac
import secrets

TOKEN_BYTES = 32


def new_token() -> tuple[str, str]:
    """A fresh token and the hash to store in its place."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def matches(token: str, stored_hash: str) -> bool:
    """Compare in constant time, whatever the token looks like."""
    return hmac.compare_digest(token_hash(token), stored_hash)
