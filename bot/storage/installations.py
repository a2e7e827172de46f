"""slack_sdk installation store with Slack tokens encrypted at rest.

:class:`EncryptedInstallationStore` wraps slack_sdk's ``AsyncSQLAlchemyInstallationStore``:
bot, user and refresh tokens (and the incoming-webhook URL) are encrypted with
:class:`~bot.storage.crypto.TokenCipher` before they are written and decrypted after they
are read, so Bolt's OAuth flow and authorize step see plaintext while the database never
does. The tables are created by the Alembic migration, not by ``create_tables()``.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.crypto import TokenCipher

_INSTALLATION_SECRETS = (
    "bot_token",
    "bot_refresh_token",
    "user_token",
    "user_refresh_token",
    "incoming_webhook_url",
)
_BOT_SECRETS = ("bot_token", "bot_refresh_token")

_T = TypeVar("_T", Installation, Bot)

logger = logging.getLogger(__name__)


def _transform(entity: _T, fields: tuple[str, ...], func: Callable[[str | None], str | None]) -> _T:
    clone = copy.copy(entity)
    for field in fields:
        setattr(clone, field, func(getattr(entity, field, None)))
    return clone


class EncryptedInstallationStore(AsyncInstallationStore):
    """An ``AsyncInstallationStore`` that encrypts secrets with ``TOKEN_ENCRYPTION_KEY``."""

    def __init__(
        self,
        *,
        client_id: str,
        engine: AsyncEngine,
        cipher: TokenCipher,
        on_saved: Callable[[str], Awaitable[None]] | None = None,
    ) -> None:
        self._inner = AsyncSQLAlchemyInstallationStore(
            client_id=client_id, engine=engine, logger=logger
        )
        self._cipher = cipher
        self._on_saved = on_saved

    @property
    def logger(self) -> logging.Logger:
        return logger

    async def async_save(self, installation: Installation) -> None:
        """Encrypt and save an installation (and its bot); reactivates the workspace."""
        await self._inner.async_save(
            _transform(installation, _INSTALLATION_SECRETS, self._cipher.encrypt)
        )
        workspace = (
            installation.enterprise_id
            if installation.is_enterprise_install
            else installation.team_id
        )
        if self._on_saved is not None and workspace:
            await self._on_saved(workspace)

    async def async_save_bot(self, bot: Bot) -> None:
        """Encrypt and save a bot installation."""
        await self._inner.async_save_bot(_transform(bot, _BOT_SECRETS, self._cipher.encrypt))

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        """Find the latest bot installation, with decrypted tokens."""
        bot = await self._inner.async_find_bot(
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=is_enterprise_install,
        )
        return None if bot is None else _transform(bot, _BOT_SECRETS, self._cipher.decrypt)

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        """Find the latest installation, with decrypted tokens."""
        installation = await self._inner.async_find_installation(
            enterprise_id=enterprise_id,
            team_id=team_id,
            user_id=user_id,
            is_enterprise_install=is_enterprise_install,
        )
        if installation is None:
            return None
        return _transform(installation, _INSTALLATION_SECRETS, self._cipher.decrypt)

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        """Delete bot rows of a workspace."""
        await self._inner.async_delete_bot(enterprise_id=enterprise_id, team_id=team_id)

    async def async_delete_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
    ) -> None:
        """Delete installation rows of a workspace (or of one user in it)."""
        await self._inner.async_delete_installation(
            enterprise_id=enterprise_id, team_id=team_id, user_id=user_id
        )
