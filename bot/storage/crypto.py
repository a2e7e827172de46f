"""Encryption at rest for Slack tokens (Fernet / MultiFernet).

``TOKEN_ENCRYPTION_KEY`` is a list of Fernet keys: the first encrypts, all of them decrypt.
Rotating means putting a new key first, running ``Store.rotate_token_key()`` (or
``boundary-bot db rotate-token-key``) so every stored token is re-encrypted with it, and
then removing the old key.
"""

from __future__ import annotations

from collections.abc import Sequence

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from bot.errors import ConfigurationError, TokenDecryptionError

#: Prefixes of plaintext secrets written before encryption was enabled; rotation encrypts them.
_PLAINTEXT_PREFIXES = ("xox", "https://hooks.slack.com/")
#: Every Fernet token starts with the version byte 0x80, i.e. "gAAAAA" in url-safe base64.
_FERNET_PREFIX = "gAAAAA"


def parse_keys(value: str | Sequence[str] | None) -> list[str]:
    """Split a ``TOKEN_ENCRYPTION_KEY`` value (comma/whitespace separated) into keys."""
    if value is None:
        return []
    items = value.replace(",", " ").split() if isinstance(value, str) else list(value)
    return [item.strip() for item in items if item and item.strip()]


class TokenCipher:
    """Encrypts with the first key and decrypts with any of the keys."""

    def __init__(self, keys: Sequence[str]) -> None:
        if not keys:
            raise ConfigurationError(
                "TOKEN_ENCRYPTION_KEY must hold at least one Fernet key "
                "(generate one with `python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())'`); received none"
            )
        fernets = []
        for position, key in enumerate(keys, start=1):
            try:
                fernets.append(Fernet(key.encode("ascii") if isinstance(key, str) else key))
            except (ValueError, TypeError, UnicodeEncodeError) as exc:
                raise ConfigurationError(
                    f"TOKEN_ENCRYPTION_KEY entry {position} is not a valid Fernet key "
                    "(expected 32 url-safe base64-encoded bytes)"
                ) from exc
        self._multi = MultiFernet(fernets)

    def encrypt(self, value: str | None) -> str | None:
        """Encrypt ``value`` with the newest key; ``None`` stays ``None``."""
        if value is None:
            return None
        return self._multi.encrypt(value.encode("utf-8")).decode("ascii")

    def decrypt(self, value: str | None) -> str | None:
        """Decrypt ``value`` with whichever key encrypted it; ``None`` stays ``None``."""
        if value is None:
            return None
        try:
            return self._multi.decrypt(value.encode("ascii")).decode("utf-8")
        except (InvalidToken, UnicodeEncodeError) as exc:
            raise TokenDecryptionError(
                "a stored Slack token could not be decrypted: expected a value encrypted with "
                "one of the configured TOKEN_ENCRYPTION_KEY keys; was the old key removed "
                "before running rotate-token-key?"
            ) from exc

    def rotate(self, value: str | None) -> str | None:
        """Re-encrypt ``value`` with the newest key.

        Plaintext Slack secrets stored before encryption was enabled are encrypted.
        """
        if value is None:
            return None
        if not value.startswith(_FERNET_PREFIX) and value.startswith(_PLAINTEXT_PREFIXES):
            return self.encrypt(value)
        try:
            return self._multi.rotate(value.encode("ascii")).decode("ascii")
        except (InvalidToken, UnicodeEncodeError) as exc:
            raise TokenDecryptionError(
                "rotate-token-key found a stored token that none of the configured "
                "TOKEN_ENCRYPTION_KEY keys decrypts; keep the old key in the list while rotating"
            ) from exc
