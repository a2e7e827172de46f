"""Exception hierarchy of the ``bot`` package.

Every error raised on purpose by the Slack app derives from :class:`BoundaryBotError`.
Messages say what was expected and what was received; they never contain message text,
tokens or database passwords.
"""

from __future__ import annotations


class BoundaryBotError(Exception):
    """Base class of every error raised on purpose by the ``bot`` package."""


class ConfigurationError(BoundaryBotError):
    """A setting is missing or invalid (for example a malformed key or database URL)."""


class StorageError(BoundaryBotError):
    """The database refused an operation or holds data the app cannot use."""


class StorageUnavailable(StorageError):
    """The database cannot be reached (connection refused, timed out, locked for too long).

    Callers treat this as transient: events get a 5xx so Slack retries them, commands get a
    polite "temporarily unavailable" reply, and ``/healthz`` reports not ready.
    """


class MigrationError(StorageError):
    """Applying the database migrations failed."""


class TokenDecryptionError(StorageError):
    """A stored Slack token cannot be decrypted with any configured ``TOKEN_ENCRYPTION_KEY``."""


class LockTimeout(StorageError):
    """A database lock (for example the token-refresh lock) was not acquired in time."""


class InvalidSetting(BoundaryBotError, ValueError):
    """A setting value given by an admin or caller is out of range (names the value)."""
