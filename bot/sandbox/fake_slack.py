"""A fake Slack Web API: a real aiohttp HTTP server on 127.0.0.1, port 0.

Tests and the local sandbox point slack_sdk clients at it, so the app's outbound calls
travel real HTTP and are recorded. Modelled on how slack-sdk and bolt-python test
themselves (a local server recording requests), but bound to an ephemeral port.

Usage::

    fake = FakeSlack(team_id="T0SANDBOX", bot_user_id="UBOTSANDBOX", bot_id="BSANDBOX")
    await fake.start()
    client = AsyncWebClient(token="xoxb-test", base_url=fake.api_url)
    await client.chat_postEphemeral(channel="C1", user="U1", text="hi")
    [call] = await fake.wait_for("chat.postEphemeral")
    call.params["text"]          # "hi"
    await fake.stop()            # or ``async with FakeSlack() as fake:``

API (all times in seconds):

- ``api_url``: base URL ending in ``/api/`` for ``AsyncWebClient(base_url=...)``; ``url``: the root.
- ``calls``: every :class:`RecordedCall` in arrival order; ``calls_to(method)``;
  ``await wait_for(method, count=1, timeout=5)`` returns the first ``count`` calls to ``method``
  or raises ``TimeoutError`` naming the methods seen; ``clear()`` forgets recorded calls.
- ``queue(method, *, status=200, json=None, headers=None, times=1, reset=False, delay=0)``:
  the next ``times`` calls to ``method`` get this answer instead of the canned one (FIFO).
  ``json`` defaults to ``{"ok": false, "error": "ratelimited"}`` for 429, ``internal_error`` for
  5xx, ``{"ok": true}`` otherwise. ``reset=True`` aborts the TCP connection without a response.
  ``method`` may be ``"response_url"``. ``queue_error(method, error)`` is shorthand for
  HTTP 200 ``{"ok": false, "error": error}``; ``clear_queue(method=None)`` forgets unused ones.
- ``latency[method] = seconds``: the canned (real) answer to ``method`` is sent after this
  delay, e.g. to hold two workers inside the same ``oauth.v2.access`` refresh at once.
- ``set_user(user_id, *, is_admin=False, is_owner=False, tz=..., team_id=None, name=None,
  is_bot=False)`` and ``set_channel(channel_id, *, creator="U0CREATOR", is_ext_shared=False,
  name=None, is_private=None, is_archived=False)`` shape ``users.info`` / ``conversations.info``;
  unknown ids answer as an ordinary member / public channel of the home team.
- ``new_response_url(*, max_uses=5, ttl=1800) -> str``: POSTs to it are recorded with method
  ``"response_url"`` (``call.response_url`` is the URL). After ``max_uses`` uses, after ``ttl``,
  or after ``expire_response_url(url)`` it answers 404 ``{"ok": false, "error": "expired_url"}``.
- Tokens: ``xoxb-``, ``xoxp-``, ``xoxe.xoxb-`` are valid for Web API methods, ``xapp-`` only for
  ``apps.connections.open``; others get ``invalid_auth``, a missing token ``not_authed``.
  ``invalidate_token(token, error="invalid_auth")`` makes a token fail (e.g. ``token_revoked``).
- Canned methods: see :data:`bot.sandbox.fake_slack_methods.HANDLERS`; anything else is
  ``{"ok": true}``. ``oauth.v2.access`` handles code and refresh grants
  (``token_rotation=True`` issues single-use refresh tokens).
- Socket Mode (``apps.connections.open`` returns ``ws://.../socket-mode``): the fake sends
  ``hello`` on connect unless ``withhold_hello`` is true; ``await socket_send(envelope)`` pushes
  to the newest connection (an ``envelope_id`` is added if missing and returned);
  ``socket_acks`` records every client message; ``await wait_for_ack(envelope_id)``;
  ``await wait_for_socket(count=1)``; ``await socket_disconnect(reason=None)`` sends Slack's
  ``disconnect`` message when ``reason`` is given, then closes (abruptly when not).
"""

from __future__ import annotations

import asyncio
import contextlib
import json as jsonlib
import socket
import struct
import time
import uuid
from collections import deque
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web
from multidict import CIMultiDict

from bot.sandbox.fake_slack_calls import (
    DirectoryMixin,
    QueuedResponse,
    RecordedCall,
    _check_token,
    _client_credentials,
    _ResponseUrl,
    _token,
)
from bot.sandbox.fake_slack_methods import (
    HANDLERS,
    NO_TOKEN_METHODS,
    FakeState,
    MethodError,
    decode_json_params,
    generic_ok,
)
from bot.sandbox.fake_slack_socket import SocketModeMixin, _Socket, socket_envelope

__all__ = ["RESPONSE_URL", "FakeSlack", "QueuedResponse", "RecordedCall", "socket_envelope"]

RESPONSE_URL = "response_url"


class FakeSlack(SocketModeMixin, DirectoryMixin):
    """A fake Slack Web API (and Socket Mode endpoint) on loopback; see the module docstring."""

    def __init__(
        self,
        team_id: str = "T0SANDBOX",
        bot_user_id: str = "UBOTSANDBOX",
        bot_id: str = "BSANDBOX",
        *,
        app_id: str = "A0SANDBOX",
        team_name: str = "Sandbox",
        token_rotation: bool = False,
    ) -> None:
        self.state = FakeState(
            team_id=team_id,
            bot_user_id=bot_user_id,
            bot_id=bot_id,
            app_id=app_id,
            team_name=team_name,
            token_rotation=token_rotation,
        )
        self.calls: list[RecordedCall] = []
        self.socket_acks: list[dict[str, Any]] = []
        self.withhold_hello = False
        self.latency: dict[str, float] = {}
        self.invalid_tokens: dict[str, str] = {}
        self._queued: dict[str, deque[QueuedResponse]] = {}
        self._response_urls: dict[str, _ResponseUrl] = {}
        self._sockets: list[_Socket] = []
        self._socket_count = 0
        self._changed: asyncio.Condition | None = None
        self._runner: web.AppRunner | None = None
        self._port = 0

    # ---------------------------------------------------------------- lifecycle
    @property
    def team_id(self) -> str:
        """The workspace id the fake answers for."""
        return self.state.team_id

    @property
    def bot_user_id(self) -> str:
        """The bot's user id (``auth.test``)."""
        return self.state.bot_user_id

    @property
    def bot_id(self) -> str:
        """The bot id (``auth.test``)."""
        return self.state.bot_id

    @property
    def port(self) -> int:
        """The bound TCP port (0 before :meth:`start`)."""
        return self._port

    @property
    def url(self) -> str:
        """Root URL, ``http://127.0.0.1:PORT/``."""
        if not self._port:
            raise RuntimeError("FakeSlack is not started: expected `await fake.start()` first")
        return f"http://127.0.0.1:{self._port}/"

    @property
    def api_url(self) -> str:
        """Web API base URL ending in ``/api/``, for ``AsyncWebClient(base_url=...)``."""
        return f"{self.url}api/"

    async def start(self) -> FakeSlack:
        """Bind 127.0.0.1 on an ephemeral port and start serving."""
        app = web.Application(client_max_size=8 * 1024 * 1024)
        app.router.add_route("*", "/api/{method}", self._handle_api)
        app.router.add_post("/response_url/{rid}", self._handle_response_url)
        app.router.add_get("/socket-mode", self._handle_socket)
        self._changed = asyncio.Condition()
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self._port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()
        self.state.socket_url = f"ws://127.0.0.1:{self._port}/socket-mode"
        return self

    async def stop(self) -> None:
        """Close Socket Mode connections and stop the server. Safe to call twice."""
        for sock in list(self._sockets):
            await sock.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeSlack:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    # ---------------------------------------------------------------- configuration
    def queue(
        self,
        method: str,
        *,
        status: int = 200,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        times: int = 1,
        reset: bool = False,
        delay: float = 0.0,
    ) -> None:
        """Answer the next ``times`` calls to ``method`` with this instead of the canned reply."""
        if json is None:
            if status == 429:
                json = {"ok": False, "error": "ratelimited"}
            elif status >= 500:
                json = {"ok": False, "error": "internal_error"}
            else:
                json = {"ok": True}
        item = QueuedResponse(status=status, json=json, headers=headers, reset=reset, delay=delay)
        self._queued.setdefault(method, deque()).extend(item for _ in range(times))

    def clear_queue(self, method: str | None = None) -> None:
        """Forget scripted answers not used yet (for ``method``, or for every method)."""
        if method is None:
            self._queued.clear()
        else:
            self._queued.pop(method, None)

    def queue_error(self, method: str, error: str, *, times: int = 1) -> None:
        """Make the next call(s) to ``method`` answer HTTP 200 ``{"ok": false, "error": error}``."""
        self.queue(method, json={"ok": False, "error": error}, times=times)

    def invalidate_token(self, token: str, error: str = "invalid_auth") -> None:
        """Make every call with ``token`` fail with ``error`` (``token_revoked`` ...)."""
        self.invalid_tokens[token] = error

    def new_response_url(self, *, max_uses: int = 5, ttl: float = 1800.0) -> str:
        """A fresh ``response_url`` on the fake, usable ``max_uses`` times within ``ttl``."""
        rid = uuid.uuid4().hex
        self._response_urls[rid] = _ResponseUrl(max_uses, time.monotonic() + ttl)
        return f"{self.url}response_url/{rid}"

    def expire_response_url(self, url: str) -> None:
        """Make ``url`` answer 404 ``expired_url`` from now on."""
        self._response_urls[url.rstrip("/").rsplit("/", 1)[-1]].expired = True

    # ---------------------------------------------------------------- inspection
    def calls_to(self, method: str) -> list[RecordedCall]:
        """Recorded calls to ``method`` (``"response_url"`` for response URLs), in order."""
        return [c for c in self.calls if c.method == method]

    def clear(self) -> None:
        """Forget every recorded call and Socket Mode ack."""
        self.calls.clear()
        self.socket_acks.clear()

    async def wait_for(
        self, method: str, count: int = 1, timeout: float = 5.0
    ) -> list[RecordedCall]:
        """Wait until ``count`` calls to ``method`` arrived; return the first ``count`` of them."""
        await self._wait(lambda: len(self.calls_to(method)) >= count, timeout, f"{count}x {method}")
        return self.calls_to(method)[:count]

    async def wait_until(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        """Wait until ``predicate()`` is true; it is re-checked after every request."""
        await self._wait(predicate, timeout, "the condition")

    async def _wait(self, predicate: Callable[[], bool], timeout: float, what: str) -> None:
        if self._changed is None:
            raise RuntimeError("FakeSlack is not started: expected `await fake.start()` first")
        try:
            async with self._changed:
                await asyncio.wait_for(self._changed.wait_for(predicate), timeout)
        except TimeoutError:
            seen = sorted({c.method for c in self.calls})
            raise TimeoutError(f"expected {what} within {timeout}s; received {seen}") from None

    async def _notify(self) -> None:
        if self._changed is not None:
            async with self._changed:
                self._changed.notify_all()

    # ---------------------------------------------------------------- HTTP handlers
    async def _read_params(self, request: web.Request) -> tuple[bytes, dict[str, Any]]:
        body = await request.read()
        params: dict[str, Any] = dict(request.query)
        if body:
            if request.content_type == "application/json":
                try:
                    parsed = jsonlib.loads(body)
                except ValueError:
                    parsed = None
                if isinstance(parsed, dict):
                    params.update(parsed)
            elif request.content_type == "application/x-www-form-urlencoded":
                params.update(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
        with contextlib.suppress(MethodError):  # undecodable values stay strings
            decode_json_params(params)
        return body, params

    async def _record(
        self, request: web.Request, response: web.Response | None, **fields: Any
    ) -> None:
        answered = None
        if response is not None and response.text is not None:
            with contextlib.suppress(ValueError):
                answered = jsonlib.loads(response.text)
        call = RecordedCall(
            headers=CIMultiDict(request.headers),
            time=time.monotonic(),
            status=response.status if response is not None else 0,
            response=answered,
            **fields,
        )
        self.calls.append(call)
        await self._notify()

    async def _scripted(self, request: web.Request, key: str) -> web.Response | None:
        pending = self._queued.get(key)
        if not pending:
            return None
        item = pending.popleft()
        if item.delay:
            await asyncio.sleep(item.delay)
        if item.reset:
            transport = request.transport
            if transport is not None:
                sock = transport.get_extra_info("socket")
                if sock is not None:  # SO_LINGER 0: close() sends a TCP reset
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                transport.abort()
            raise asyncio.CancelledError
        return web.json_response(item.json, status=item.status, headers=item.headers)

    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        body, params = await self._read_params(request)
        token = _token(request, params)
        if method in NO_TOKEN_METHODS:
            _client_credentials(request, params)
        record = {"method": method, "params": params, "body": body, "token": token}
        try:
            response = await self._scripted(request, method)
        except asyncio.CancelledError:
            await self._record(request, None, **record)
            raise
        if response is None:
            if self.latency.get(method):
                await asyncio.sleep(self.latency[method])
            response = self._answer(method, params, token)
        await self._record(request, response, **record)
        return response

    def _answer(self, method: str, params: dict[str, Any], token: str | None) -> web.Response:
        try:
            if method not in NO_TOKEN_METHODS:
                _check_token(method, token, self.invalid_tokens)
            decode_json_params(params)  # raises invalid_arguments for malformed JSON values
            handler = HANDLERS.get(method, generic_ok)
            result = handler(self.state, params, token or "")
        except MethodError as exc:
            return web.json_response({"ok": False, "error": exc.error})
        return web.json_response({"ok": True, **result})

    async def _handle_response_url(self, request: web.Request) -> web.StreamResponse:
        rid = request.match_info["rid"]
        body, params = await self._read_params(request)
        url = str(request.url)
        record = {"method": RESPONSE_URL, "params": params, "body": body, "response_url": url}
        try:
            response = await self._scripted(request, RESPONSE_URL)
        except asyncio.CancelledError:
            await self._record(request, None, **record)
            raise
        if response is None:
            entry = self._response_urls.get(rid)
            if entry is not None and not entry.expired and time.monotonic() > entry.expires_at:
                entry.expired = True
            if entry is None or entry.expired or entry.uses >= entry.max_uses:
                response = web.json_response({"ok": False, "error": "expired_url"}, status=404)
            else:
                entry.uses += 1
                response = web.json_response({"ok": True})
        await self._record(request, response, **record)
        return response
