"""The Bolt app factory.

``create_app(settings, client=None, *, store=None, classifier=None, guidance=None)`` builds an
``AsyncApp`` configured for a PHI-safe, retry-safe bot:

* ``process_before_response=True``: a listener's durable work (dedupe, flag record, outbox)
  commits before Slack gets its 200. Slow Slack Web API calls run in tracked background
  tasks (:class:`bot.tasks.BackgroundTasks`), never on the ack path.
* ``raise_error_for_unhandled_request=True`` plus :func:`_on_error`: an unhandled request gets
  200 (so Slack does not retry a subtype we ignore); a database outage gets 503 so Slack
  retries later; an unexpected failure gets 500 with ``x-slack-no-retry``.
* Bolt's loggers get a WARNING-level, redacting base logger (:mod:`bot.logging`).
* The Web API client carries slack_sdk's async retry handlers for 429 and 5xx.

Tests and the sandbox inject a client pointed at a local fake Slack Web API.
"""

from __future__ import annotations

import logging
import time
import weakref
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.error import BoltUnhandledRequestError
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.delivery import attach_retry_handlers
from bot.errors import ConfigurationError, StorageUnavailable
from bot.logging import bolt_base_logger, pin_library_loggers
from bot.services import Services, build_services
from bot.settings import Settings
from bot.token_rotation import serialised_authorize

logger = logging.getLogger(__name__)

_SERVICES: weakref.WeakKeyDictionary[AsyncApp, Services] = weakref.WeakKeyDictionary()


def services_of(app: AsyncApp) -> Services:
    """The :class:`Services` (store, classifier, guidance, tasks) behind ``app``."""
    return _SERVICES[app]


def _drop_token_skipped_warning(record: logging.LogRecord) -> bool:
    return record.getMessage() != warning_client_prioritized_and_token_skipped()


def _make_client(settings: Settings, client: AsyncWebClient | None) -> AsyncWebClient:
    if client is None:
        client = AsyncWebClient(
            token=settings.secret("slack_bot_token"),
            base_url=settings.slack_api_url,
            logger=logging.getLogger("slack_sdk.web.async_client"),
        )
    attach_retry_handlers(client)
    return client


def _oauth_settings(settings: Settings, svc: Services) -> AsyncOAuthSettings:
    client_secret = settings.secret("slack_client_secret")
    if not settings.slack_client_id or not client_secret:  # pragma: no cover - settings check this
        raise ConfigurationError("SLACK_CLIENT_ID: OAuth mode needs client id and secret")
    return AsyncOAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=client_secret,
        scopes=settings.scopes,
        install_path=settings.slack_install_path,
        redirect_uri_path=settings.slack_redirect_uri_path,
        installation_store=svc.installation_store(),
        state_store=svc.oauth_state_store(),
    )


class AuthTestCache(dict[str, Any]):
    """Bolt's per-token cache of ``auth.test`` results (OAuth mode), bounded and short-lived.

    Bolt's installation-store authorize step reads the installation from the database and
    then calls Slack's ``auth.test`` with its token, for every event, before any listener
    runs: a Web API round trip on every ack path. With ``cache_enabled`` it keeps the
    result per token. The installation is still read from the database per event, so an
    uninstall or a token revocation recorded by ANY worker (which deletes the workspace's
    installation rows) takes effect at once on every worker: no token, no cache lookup.
    What is cached is what ``auth.test`` says about a token (the bot user, bot and team
    ids), which cannot change for that token; a rotated token is a new key. Entries expire
    after ``ttl`` seconds (so scopes shown in the result follow a reinstall within that
    time) and the cache holds at most ``max_entries`` tokens (the oldest go first).
    The app requests bot scopes only, so a result never carries a user token (Bolt keys
    the cache by the bot token alone).
    """

    def __init__(self, ttl: float = 600.0, max_entries: int = 10_000) -> None:
        super().__init__()
        self.ttl = ttl
        self.max_entries = max_entries
        self._stored: dict[str, float] = {}

    def __contains__(self, token: object) -> bool:
        if not isinstance(token, str) or token not in self._stored:
            return False
        if time.monotonic() - self._stored[token] > self.ttl:
            self.pop(token, None)
            self._stored.pop(token, None)
            return False
        return True

    def __setitem__(self, token: str, result: Any) -> None:
        while len(self._stored) >= self.max_entries:
            oldest = next(iter(self._stored))
            self._stored.pop(oldest)
            self.pop(oldest, None)
        self._stored[token] = time.monotonic()
        super().__setitem__(token, result)


async def _on_error(error: Exception, request: AsyncBoltRequest) -> BoltResponse:
    """Map listener failures to responses Slack handles well; log the error type only."""
    if isinstance(error, BoltUnhandledRequestError):
        return BoltResponse(status=200, body="")
    if isinstance(error, StorageUnavailable):
        logger.warning("database unavailable; asking Slack to retry")
        return BoltResponse(status=503, body="")
    logger.error("listener failed: %s", type(error).__name__)
    return BoltResponse(status=500, body="", headers={"x-slack-no-retry": "1"})


def create_app(
    settings: Settings,
    client: AsyncWebClient | None = None,
    *,
    store: Any = None,
    classifier: Any = None,
    guidance: Any = None,
    verified_upstream: bool = False,
) -> AsyncApp:
    """Build the Bolt ``AsyncApp`` with every listener registered.

    ``store``, ``classifier`` and ``guidance`` default to ones built from ``settings``; a
    store passed in is not closed by the app. ``verified_upstream=True`` turns off Bolt's
    own signature check: only for an app whose every request has already passed
    :func:`bot.request_guard.verify_signature` (the HTTP server in :mod:`bot.server` does
    exactly that, so each request is not verified twice).
    """
    pin_library_loggers()
    if settings.mode == "sandbox":
        raise ConfigurationError(
            "SLACK_BOT_TOKEN: no Slack credentials are set; use 'boundary-bot run' for the sandbox"
        )
    web_client = _make_client(settings, client)
    svc = build_services(
        settings, web_client, store=store, classifier=classifier, guidance=guidance
    )
    kwargs: dict[str, Any] = {
        "name": "boundary-bot",
        "logger": bolt_base_logger(),
        "process_before_response": True,
        "raise_error_for_unhandled_request": True,
        "signing_secret": settings.secret("slack_signing_secret") or "",
        "client": web_client,
        "request_verification_enabled": not verified_upstream,
    }
    if settings.mode == "oauth":
        kwargs["oauth_settings"] = _oauth_settings(settings, svc)
        kwargs["installation_store"] = kwargs["oauth_settings"].installation_store
        # Token rotation: refreshes serialised across workers (bot/token_rotation.py).
        kwargs["authorize"] = serialised_authorize(
            kwargs["oauth_settings"], store=svc.store, client=web_client, logger=bolt_base_logger()
        )
        # auth.test once per token, not per event (see AuthTestCache)
        kwargs["authorize"].cache_enabled = True
        kwargs["authorize"].authorize_result_cache = AuthTestCache()
        svc.token_rotator = kwargs["authorize"].token_rotator
        svc.token_rotation_minutes = kwargs["oauth_settings"].token_rotation_expiration_minutes
    elif web_client.token is None:
        web_client.token = settings.secret("slack_bot_token")
    # Bolt reads SLACK_BOT_TOKEN from the environment and warns that it is unused when a
    # client is given; ours carries that token, so the warning is noise.
    base_logger = bolt_base_logger()
    base_logger.addFilter(_drop_token_skipped_warning)
    try:
        app = AsyncApp(**kwargs)
    finally:
        base_logger.removeFilter(_drop_token_skipped_warning)
    _SERVICES[app] = svc
    svc.bind(app)

    @app.middleware
    async def _inject_services(context: Any, next: Any) -> None:
        context["services"] = svc
        await next()

    app.error(_on_error)

    from bot.listeners import register_all

    register_all(app)
    # issue 5 (weekly summaries): /boundary leads|summary-channel|summary-time, settings modal
    from bot.summaries.wiring import register as register_summaries

    register_summaries(app)
    return app
