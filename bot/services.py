"""The objects listeners work with, bundled: settings, store, classifier, guidance, tasks.

Listeners reach them through ``context["services"]`` (set by a global middleware in
:func:`bot.app.create_app`). :meth:`Services.start` opens the store (applying migrations
unless ``migrate`` is False) and redelivers nudges a previous process recorded but did not
post; :meth:`Services.stop` drains background tasks and closes what it opened.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import aiohttp
from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import ConfigurationError
from bot.settings import Settings
from bot.tasks import BackgroundTasks

if TYPE_CHECKING:
    from slack_bolt.async_app import AsyncApp

logger = logging.getLogger(__name__)


@dataclass
class Services:
    """Everything a listener needs besides the request itself."""

    settings: Settings
    client: AsyncWebClient
    store: Any
    classifier: Any
    guidance: Any
    owns_store: bool = False
    migrate: bool = True
    tasks: BackgroundTasks = field(default_factory=BackgroundTasks)
    app: AsyncApp | None = None
    stopping: asyncio.Event = field(default_factory=asyncio.Event)
    #: Process-local counters (names only, never text), e.g. ``message_skipped_too_long``.
    counters: Counter[str] = field(default_factory=Counter)
    _started: bool = False
    #: The Web API client's shared HTTP session, opened by :meth:`start` (see there).
    _http_session: aiohttp.ClientSession | None = None
    #: OAuth mode: the rotator Bolt's authorize step uses (refreshes serialised across
    #: workers), so background sends (outbox redelivery, weekly summaries) refresh an
    #: expiring token the same way a request does.
    token_rotator: Any = None
    token_rotation_minutes: int = 120

    def count(self, name: str, amount: int = 1) -> int:
        """Increase the counter ``name`` and return its new value."""
        self.counters[name] += amount
        return self.counters[name]

    def bind(self, app: AsyncApp) -> None:
        """Remember the Bolt app (used to find per-workspace tokens for redelivery)."""
        self.app = app

    async def start(self) -> None:
        """Open the store if we own it, then redeliver fresh pending nudges in the background."""
        if self._started:
            return
        self._started = True
        self.stopping = asyncio.Event()
        if self.owns_store:
            await self.store.start(migrate=self.migrate)
        self._open_http_session()
        from bot.outbox import redeliver_pending

        self.tasks.spawn(redeliver_pending(self), name="outbox-sweeper", daemon=True)

    async def stop(self) -> None:
        """Drain background work (bounded), then close the store if we opened it."""
        self.stopping.set()
        await self.tasks.drain(self.settings.shutdown_drain_seconds)
        await self._close_http_session()
        if self.owns_store:
            await self.store.close()
        self._started = False

    def _open_http_session(self) -> None:
        """Give the Web API client one shared ``aiohttp.ClientSession`` (keep-alive pool).

        Without one, slack_sdk opens a session and a new TCP (and TLS) connection for every
        call. Bolt's per-request clients and :meth:`client_for` reuse ``client.session``.
        A client that came with its own session keeps it (and its owner closes it).
        """
        if self.client.session is not None and not self.client.session.closed:
            return
        self._http_session = aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=self.client.timeout),
            connector=aiohttp.TCPConnector(limit=100, keepalive_timeout=15),
        )
        self.client.session = self._http_session

    async def _close_http_session(self) -> None:
        session, self._http_session = self._http_session, None
        if session is None:
            return
        if self.client.session is session:
            self.client.session = None
        await session.close()

    def installation_store(self) -> AsyncInstallationStore:
        """The encrypted installation store (OAuth mode), resolved when first used.

        The store's engine opens in :meth:`start`, after Bolt was configured, so Bolt gets
        a proxy that asks the store for the real (encrypting) installation store per call.
        """
        return _LazyInstallationStore(self)

    def oauth_state_store(self) -> AsyncOAuthStateStore:
        """slack-sdk's async SQLAlchemy OAuth state store on our database, resolved lazily."""
        return _LazyStateStore(self)

    async def client_for(self, workspace_id: str) -> AsyncWebClient | None:
        """A Web API client with the bot token of ``workspace_id`` (None when uninstalled)."""
        if self.settings.mode != "oauth":
            return self.client
        store = self.installation_store()
        bot = await store.async_find_bot(
            enterprise_id=workspace_id if workspace_id.startswith("E") else None,
            team_id=None if workspace_id.startswith("E") else workspace_id,
            is_enterprise_install=workspace_id.startswith("E"),
        )
        if bot is None or not bot.bot_token:
            return None
        if self.token_rotator is not None and bot.bot_refresh_token:
            refreshed = await self.token_rotator.perform_bot_token_rotation(
                bot=bot, minutes_before_expiration=self.token_rotation_minutes
            )
            if refreshed is not None and refreshed.bot_token:
                bot = refreshed
        return AsyncWebClient(
            token=bot.bot_token,
            base_url=self.client.base_url,
            logger=self.client.logger,
            retry_handlers=list(self.client.retry_handlers or []),
            session=self.client.session,
        )


class _LazyInstallationStore(AsyncInstallationStore):
    def __init__(self, svc: Services) -> None:
        self._svc = svc

    def _real(self) -> AsyncInstallationStore:
        store: AsyncInstallationStore = self._svc.store.installation_store(
            self._svc.settings.slack_client_id or ""
        )
        return store

    @property
    def logger(self) -> logging.Logger:
        return logger

    async def async_save(self, installation: Installation) -> None:
        await self._real().async_save(installation)

    async def async_save_bot(self, bot: Bot) -> None:
        await self._real().async_save_bot(bot)

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        return await self._real().async_find_bot(
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=is_enterprise_install,
        )

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        return await self._real().async_find_installation(
            enterprise_id=enterprise_id,
            team_id=team_id,
            user_id=user_id,
            is_enterprise_install=is_enterprise_install,
        )

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await self._real().async_delete_bot(enterprise_id=enterprise_id, team_id=team_id)

    async def async_delete_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
    ) -> None:
        await self._real().async_delete_installation(
            enterprise_id=enterprise_id, team_id=team_id, user_id=user_id
        )

    async def async_delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await self._real().async_delete_all(enterprise_id=enterprise_id, team_id=team_id)


class _LazyStateStore(AsyncOAuthStateStore):
    def __init__(self, svc: Services) -> None:
        self._svc = svc

    @property
    def logger(self) -> logging.Logger:
        return logger

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        return str(await self._svc.store.oauth_state_store().async_issue(*args, **kwargs))

    async def async_consume(self, state: str) -> bool:
        return bool(await self._svc.store.oauth_state_store().async_consume(state))


def build_services(
    settings: Settings,
    client: AsyncWebClient,
    *,
    store: Any = None,
    classifier: Any = None,
    guidance: Any = None,
) -> Services:
    """Build :class:`Services`, creating what was not passed in from ``settings``."""
    owns_store = store is None
    if store is None:
        from bot.storage.crypto import parse_keys
        from bot.storage.store import Store

        key = settings.secret("pseudonym_key")
        if not key:
            raise ConfigurationError("PSEUDONYM_KEY: required to store pseudonymous users")
        store = Store(
            settings.database_url,
            key,
            token_encryption_keys=parse_keys(settings.secret("token_encryption_key")) or None,
            pool_size=settings.database_pool_size,
        )
    if classifier is None:
        from classifiers import load_classifier

        classifier = load_classifier(settings)
    if guidance is None:
        from responses import load_guidance

        guidance = load_guidance(settings.guidance_dir)
    return Services(
        settings=settings,
        client=client,
        store=store,
        classifier=classifier,
        guidance=guidance,
        owns_store=owns_store,
    )
