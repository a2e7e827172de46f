"""The aiohttp web server in front of the Bolt app (HTTP mode).

Routes:

* ``POST /slack/events``: events, slash commands and interactivity. A hardening layer runs
  before Bolt on the raw bytes: a body over ``MAX_BODY_BYTES`` is refused with 413 before it
  is read in full, the Slack signature and timestamp are verified here (401, never 500),
  and a payload that is not the JSON or form Slack sends is refused with 400. Nothing in
  this path logs a body or a header value.
* ``GET /healthz``: 200 when the database answers, 503 when it does not.
* ``GET /slack/install`` and ``GET /slack/oauth_redirect`` when OAuth is configured.

:func:`start_http` runs the whole thing on a loopback port for tests and the sandbox.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.web.async_client import AsyncWebClient

from bot.app import create_app, services_of
from bot.errors import ConfigurationError
from bot.fast_path import MessageFastPath
from bot.request_guard import RequestRejected, check_payload, verify_signature
from bot.settings import Settings

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"

BOLT_APP_KEY: web.AppKey[AsyncApp] = web.AppKey("bolt_app", AsyncApp)
FAST_PATH_KEY: web.AppKey[MessageFastPath] = web.AppKey("message_fast_path", MessageFastPath)


def _reject(exc: RequestRejected) -> web.Response:
    logger.warning("rejected request: %s (HTTP %d)", exc.reason, exc.status)
    headers = {"x-slack-no-retry": "1"} if exc.status in (400, 413) else {}
    return web.json_response({"ok": False, "error": exc.reason}, status=exc.status, headers=headers)


async def _read_limited(request: web.Request, limit: int) -> bytes:
    """Read the body, refusing with 413 as soon as it is known to exceed ``limit``."""
    length = request.content_length
    if length is not None and length > limit:
        raise RequestRejected(413, "body too large")
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = await request.content.read(65_536)
        if not chunk:
            break
        size += len(chunk)
        if size > limit:
            raise RequestRejected(413, "body too large")
        chunks.append(chunk)
    return b"".join(chunks)


def _make_events_handler(bolt: AsyncApp, settings: Settings, fast: MessageFastPath) -> Any:
    secret = settings.secret("slack_signing_secret")
    if not secret:
        raise ConfigurationError("SLACK_SIGNING_SECRET: required to serve HTTP requests")

    async def handle_events(request: web.Request) -> web.StreamResponse:
        try:
            body = await _read_limited(request, settings.max_body_bytes)
            verify_signature(
                request.headers,
                body,
                secret,
                max_age_seconds=settings.signature_max_age_seconds,
            )
            payload = check_payload(request.headers.get("Content-Type", ""), body)
        except RequestRejected as exc:
            return _reject(exc)
        handoff: dict[str, Any] = {}
        answered = await fast.answer(payload, handoff)
        if answered is not None:
            return answered
        bolt_request = AsyncBoltRequest(
            body=body.decode("utf-8"),
            query=request.query_string,
            headers=dict(request.headers),
            context=handoff or None,
        )
        bolt_response = await bolt.async_dispatch(bolt_request)
        return await to_aiohttp_response(bolt_response)

    return handle_events


def _make_health_handler(bolt: AsyncApp) -> Any:
    async def handle_health(request: web.Request) -> web.Response:
        svc = services_of(bolt)
        try:
            ok = await asyncio.wait_for(svc.store.ping(), timeout=3.0)
        except Exception as exc:  # any failure means "not ready"
            logger.warning("health check: database unavailable (%s)", type(exc).__name__)
            ok = False
        if ok is False:
            return web.json_response({"ok": False, "database": "unavailable"}, status=503)
        return web.json_response({"ok": True, "database": "ok", "mode": svc.settings.mode})

    return handle_health


def _make_oauth_handler(bolt: AsyncApp, *, callback: bool) -> Any:
    async def handle_oauth(request: web.Request) -> web.StreamResponse:
        flow = bolt.oauth_flow
        if flow is None:  # pragma: no cover - routes exist only with a flow
            raise web.HTTPNotFound()
        bolt_request = AsyncBoltRequest(
            body="", query=request.query_string, headers=dict(request.headers)
        )
        if callback:
            bolt_response = await flow.handle_callback(bolt_request)
        else:
            bolt_response = await flow.handle_installation(bolt_request)
        return await to_aiohttp_response(bolt_response)

    return handle_oauth


def build_web_app(
    settings: Settings,
    *,
    client: AsyncWebClient | None = None,
    store: Any = None,
    classifier: Any = None,
    guidance: Any = None,
    bolt_app: AsyncApp | None = None,
    freeze_heap: bool = True,
) -> web.Application:
    """Build the aiohttp application around a Bolt app made by :func:`bot.app.create_app`.

    ``freeze_heap`` (on for ``serve`` and the workers; :func:`start_http` turns it off, as
    its callers share a process with other work): once started, the process's objects so
    far (classifier, guidance, libraries: all long-lived) are moved out of the garbage
    collector's reach (``gc.freeze``). Without it, every full collection walks that heap
    and pauses every in-flight request for tens to hundreds of milliseconds.
    """
    # Every request reaches Bolt through handle_events, which verified its signature.
    bolt = bolt_app or create_app(
        settings,
        client,
        store=store,
        classifier=classifier,
        guidance=guidance,
        verified_upstream=True,
    )
    web_app = web.Application(client_max_size=settings.max_body_bytes + 1)
    web_app[BOLT_APP_KEY] = bolt
    fast = MessageFastPath(bolt, services_of(bolt))
    web_app[FAST_PATH_KEY] = fast
    web_app.router.add_post(EVENTS_PATH, _make_events_handler(bolt, settings, fast))
    web_app.router.add_get(HEALTH_PATH, _make_health_handler(bolt))
    flow = bolt.oauth_flow
    if flow is not None:
        web_app.router.add_get(flow.install_path, _make_oauth_handler(bolt, callback=False))
        web_app.router.add_get(flow.redirect_uri_path, _make_oauth_handler(bolt, callback=True))

    async def on_startup(_: web.Application) -> None:
        await services_of(bolt).start()
        await fast.prepare()
        # issue 5: the weekly summary scheduler runs with the app (stopped by Services.stop)
        from bot.summaries.scheduler import start_in

        start_in(services_of(bolt))
        if freeze_heap:
            gc.collect()
            gc.freeze()

    async def on_shutdown(_: web.Application) -> None:
        await services_of(bolt).stop()

    web_app.on_startup.append(on_startup)
    web_app.on_shutdown.append(on_shutdown)
    return web_app


@dataclass
class RunningServer:
    """A started server: its base URL, port, the Bolt app and a way to stop it."""

    url: str
    port: int
    runner: web.AppRunner
    web_app: web.Application

    @property
    def bolt_app(self) -> AsyncApp:
        """The Bolt app behind the server."""
        return self.web_app[BOLT_APP_KEY]

    @property
    def events_url(self) -> str:
        """The URL Slack posts events, commands and interactivity to."""
        return self.url + EVENTS_PATH

    async def stop(self) -> None:
        """Stop accepting requests, drain background work, close the store."""
        await self.runner.cleanup()


async def start_http(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    client: AsyncWebClient | None = None,
    store: Any = None,
    classifier: Any = None,
    guidance: Any = None,
) -> RunningServer:
    """Start the HTTP server on ``host:port`` (port 0 picks a free one) and return it."""
    web_app = build_web_app(
        settings,
        client=client,
        store=store,
        classifier=classifier,
        guidance=guidance,
        freeze_heap=False,
    )
    # access_log=None: the access log would record OAuth codes and states in query strings.
    runner = web.AppRunner(web_app, access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    try:
        await site.start()
    except BaseException:
        await runner.cleanup()
        raise
    sockets = [s for s in runner.addresses if isinstance(s, tuple)]
    bound_port = int(sockets[0][1]) if sockets else port
    shown_host = "127.0.0.1" if host in ("0.0.0.0", "") else host
    return RunningServer(
        url=f"http://{shown_host}:{bound_port}", port=bound_port, runner=runner, web_app=web_app
    )
