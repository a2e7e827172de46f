"""Keyed pseudonyms for Slack users: HMAC-SHA256 of ``"{workspace}:{user}"``.

The same key always gives the same pseudonym; a different key gives an unrelated one, so
rotating ``PSEUDONYM_KEY`` severs the link to previously stored rows. The key must live
outside the database (environment or KMS).
"""

from __future__ import annotations

import hashlib
import hmac

from bot.errors import ConfigurationError

#: Keys shorter than this are refused: a short key makes pseudonyms guessable by brute force
#: over the (small) space of Slack user ids.
MIN_KEY_BYTES = 16


def normalise_key(key: bytes | str) -> bytes:
    """Return the pseudonym key as bytes, refusing empty or short keys."""
    raw = key.encode("utf-8", errors="surrogatepass") if isinstance(key, str) else bytes(key)
    if len(raw) < MIN_KEY_BYTES:
        raise ConfigurationError(
            f"PSEUDONYM_KEY must be at least {MIN_KEY_BYTES} bytes; received {len(raw)} bytes"
        )
    return raw


def pseudonymise(key: bytes, workspace_id: str, user_id: str) -> str:
    """Return the 64-hex-digit pseudonym of ``user_id`` in ``workspace_id``.

    ``workspace_id`` is the team id, or the enterprise id for org-wide installs. Input that
    is not valid UTF-8 (lone surrogates) is hashed byte-for-byte via ``surrogatepass`` and
    never raises.
    """
    message = f"{workspace_id}:{user_id}".encode("utf-8", errors="surrogatepass")
    return hmac.new(key, message, hashlib.sha256).hexdigest()
