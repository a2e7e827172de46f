"""Slack token rotation, serialised across every worker sharing the database.

With token rotation, a bot token expires after 12 hours and each refresh token works ONCE.
Bolt's authorize step refreshes a token that expires within
``token_rotation_expiration_minutes`` (slack_sdk's ``AsyncTokenRotator``), but it reads the
installation, calls ``oauth.v2.access`` and saves the result with nothing in between: two
workers (or two requests of one worker) that read the same expiring installation both
spend the same refresh token, and the second gets ``invalid_refresh_token``
(bolt-python #663).

:class:`SerialisedTokenRotator` replaces Bolt's rotator. When a token needs refreshing it

1. takes :meth:`Store.token_refresh_lock` for the workspace (a PostgreSQL advisory lock,
   or a lease row in ``locks`` on SQLite),
2. re-reads the installation inside the lock,
3. refreshes only if the re-read token still needs it (another worker may have refreshed
   while we waited; then its new token is used as it is),
4. saves the refreshed (encrypted) installation before releasing the lock.

:func:`serialised_authorize` builds Bolt's authorize step around it (``create_app`` passes it
to ``AsyncApp`` in OAuth mode). Tests: ``tests/bot/scenarios/test_token_rotation.py``.
"""

from __future__ import annotations

import contextvars
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, Protocol

from slack_bolt.authorization.async_authorize import AsyncInstallationStoreAuthorize
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.token_rotation.async_rotator import AsyncTokenRotator
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import LockTimeout, StorageUnavailable

logger = logging.getLogger(__name__)

#: True while this task holds the refresh lock and runs slack_sdk's own rotation, whose
#: ``perform_token_rotation`` calls ``perform_bot_token_rotation`` (which must not lock again).
_HOLDING_LOCK: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "boundary_bot_token_refresh_lock", default=False
)
_BOT_FIELDS = ("bot_token", "bot_refresh_token", "bot_token_expires_at")
_USER_FIELDS = ("user_token", "user_refresh_token", "user_token_expires_at")


class RefreshLockStore(Protocol):
    """What the rotator needs from :class:`bot.storage.Store`."""

    def token_refresh_lock(
        self, workspace_id: str, *, timeout: float = 30.0, lease: float = 60.0
    ) -> Any:
        """An async context manager held while one workspace's tokens are refreshed."""


def expiring(expires_at: int | None, minutes_before_expiration: int) -> bool:
    """True when a token with this expiry (epoch seconds) is due for a refresh."""
    return expires_at is not None and expires_at <= time.time() + minutes_before_expiration * 60


def _workspace_of(enterprise_id: str | None, team_id: str | None, is_org: bool | None) -> str:
    workspace = enterprise_id if is_org else team_id
    return workspace or enterprise_id or team_id or ""


class SerialisedTokenRotator(AsyncTokenRotator):
    """An ``AsyncTokenRotator`` that refreshes under a database lock, re-reading first.

    ``refreshes`` counts the ``oauth.v2.access`` refreshes this rotator made.
    """

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        client: AsyncWebClient,
        store: RefreshLockStore,
        installation_store: AsyncInstallationStore,
        lock_timeout: float = 30.0,
    ) -> None:
        super().__init__(client_id=client_id, client_secret=client_secret, client=client)
        self._store = store
        self._installations = installation_store
        self._lock_timeout = lock_timeout
        self.refreshes = 0

    # ------------------------------------------------------------ installations
    async def perform_token_rotation(
        self, *, installation: Installation, minutes_before_expiration: int = 120
    ) -> Installation | None:
        """Refresh the installation's expiring tokens once across all workers.

        Returns None when nothing needs refreshing, else the installation with the tokens
        to use (refreshed here, or by another worker while we waited for the lock).
        """
        if _HOLDING_LOCK.get() or not (
            expiring(installation.bot_token_expires_at, minutes_before_expiration)
            or expiring(installation.user_token_expires_at, minutes_before_expiration)
        ):
            return await super().perform_token_rotation(
                installation=installation, minutes_before_expiration=minutes_before_expiration
            )
        workspace = _workspace_of(
            installation.enterprise_id, installation.team_id, installation.is_enterprise_install
        )
        async with self._locked(workspace, installation.bot_token_expires_at):
            current = await self._reread_installation(installation)
            if current is None:  # uninstalled meanwhile: nothing to refresh or save
                return None
            refreshed = await super().perform_token_rotation(
                installation=current, minutes_before_expiration=minutes_before_expiration
            )
            if refreshed is None:
                # Another worker refreshed while we waited: use its tokens, spend nothing.
                return None if _same_tokens(current, installation) else current
            await self._installations.async_save(refreshed)
            self.refreshes += 1
            logger.info("Slack tokens of workspace %s refreshed", workspace)
            return refreshed

    async def _reread_installation(self, seen: Installation) -> Installation | None:
        """``seen`` with its tokens replaced by the stored ones (read inside the lock).

        Bot tokens come from the workspace's latest installation (where Bolt reads them);
        user tokens from the installation of ``seen``'s user, and only when ``seen`` carries
        them (Bolt clears another installer's user token; it stays cleared).
        """
        latest = await self._installations.async_find_installation(
            enterprise_id=seen.enterprise_id,
            team_id=seen.team_id,
            is_enterprise_install=seen.is_enterprise_install,
        )
        if latest is None:
            return None
        current = Installation(**seen.to_dict_for_copying())
        for name in _BOT_FIELDS:
            setattr(current, name, getattr(latest, name))
        if seen.user_refresh_token is not None:
            mine = await self._installations.async_find_installation(
                enterprise_id=seen.enterprise_id,
                team_id=seen.team_id,
                user_id=seen.user_id,
                is_enterprise_install=seen.is_enterprise_install,
            )
            if mine is not None:
                for name in _USER_FIELDS:
                    setattr(current, name, getattr(mine, name))
        return current

    # ---------------------------------------------------------------- bot rows
    async def perform_bot_token_rotation(
        self, *, bot: Bot, minutes_before_expiration: int = 120
    ) -> Bot | None:
        """Refresh an expiring bot token once across all workers (Bolt's ``find_bot`` path)."""
        if _HOLDING_LOCK.get() or not expiring(bot.bot_token_expires_at, minutes_before_expiration):
            return await super().perform_bot_token_rotation(
                bot=bot, minutes_before_expiration=minutes_before_expiration
            )
        workspace = _workspace_of(bot.enterprise_id, bot.team_id, bot.is_enterprise_install)
        async with self._locked(workspace, bot.bot_token_expires_at):
            current = await self._installations.async_find_bot(
                enterprise_id=bot.enterprise_id,
                team_id=bot.team_id,
                is_enterprise_install=bot.is_enterprise_install,
            )
            if current is None:
                return None
            refreshed = await super().perform_bot_token_rotation(
                bot=current, minutes_before_expiration=minutes_before_expiration
            )
            if refreshed is None:
                return None if current.bot_token == bot.bot_token else current
            await self._installations.async_save_bot(refreshed)
            self.refreshes += 1
            logger.info("Slack bot token of workspace %s refreshed", workspace)
            return refreshed

    # -------------------------------------------------------------------- lock
    @asynccontextmanager
    async def _locked(self, workspace: str, expires_at: int | None) -> AsyncIterator[None]:
        """Hold the workspace's refresh lock (and mark this task as holding it).

        A lock that cannot be had in time means another worker is stuck refreshing: the
        request is answered 503 (Slack retries) rather than spending the token again.
        """
        try:
            async with self._store.token_refresh_lock(workspace, timeout=self._lock_timeout):
                marker = _HOLDING_LOCK.set(True)
                try:
                    yield
                finally:
                    _HOLDING_LOCK.reset(marker)
        except LockTimeout as exc:
            logger.warning("token refresh lock of workspace %s not acquired in time", workspace)
            raise StorageUnavailable(
                f"token refresh of workspace {workspace} is in progress elsewhere; "
                f"expected the lock within {self._lock_timeout:g}s"
            ) from exc


def _same_tokens(a: Installation, b: Installation) -> bool:
    return all(getattr(a, n) == getattr(b, n) for n in (*_BOT_FIELDS, *_USER_FIELDS))


def serialised_authorize(
    oauth_settings: AsyncOAuthSettings,
    *,
    store: RefreshLockStore,
    client: AsyncWebClient,
    logger: logging.Logger,
    lock_timeout: float = 30.0,
) -> AsyncInstallationStoreAuthorize:
    """Bolt's installation-store authorize step, configured like ``oauth_settings`` would
    configure it, but refreshing tokens through a :class:`SerialisedTokenRotator`.

    Pass it to ``AsyncApp(authorize=...)`` next to ``oauth_settings``: Bolt then uses it
    (and sets its ``token_rotation_expiration_minutes`` from ``oauth_settings``) instead of
    building its own. ``oauth.v2.access`` goes to ``client``'s Slack API URL.
    """
    authorize = AsyncInstallationStoreAuthorize(
        logger=logger,
        installation_store=oauth_settings.installation_store,
        client_id=oauth_settings.client_id,
        client_secret=oauth_settings.client_secret,
        token_rotation_expiration_minutes=oauth_settings.token_rotation_expiration_minutes,
        bot_only=oauth_settings.installation_store_bot_only or False,
        client=client,
        user_token_resolution=oauth_settings.user_token_resolution,
    )
    authorize.token_rotator = SerialisedTokenRotator(
        client_id=oauth_settings.client_id,
        client_secret=oauth_settings.client_secret,
        # A client of its own (slack_sdk sends the client credentials, no bot token) on the
        # app client's Slack API URL, without the app's 5xx retry: a refresh Slack may have
        # processed must not be sent again with the same single-use refresh token.
        client=AsyncWebClient(
            base_url=client.base_url, logger=client.logger, timeout=client.timeout
        ),
        store=store,
        installation_store=oauth_settings.installation_store,
        lock_timeout=lock_timeout,
    )
    return authorize
