"""Outbound calls to Slack: ephemeral nudges and answers, ``response_url`` replies.

Everything here runs in background tasks, never on the ack path.

* The Web API client gets slack_sdk's async retry handlers: 429 waits out ``Retry-After``
  plus jitter, capped per wait and in total (:class:`CappedRateLimitRetryHandler`), and
  500/503 get one bounded retry. A connection that could not be opened is retried once
  (:class:`ConnectFailureRetryHandler`); a connection lost *after* the request was sent is
  never retried (Slack may already have posted it: a retry could double-post) and the
  outcome is :attr:`Outcome.UNCERTAIN`. This replaces slack_sdk's default connection-error
  retry, which re-sends ``chat.postMessage`` after a reset.
* ``user_not_in_channel``, ``not_in_channel``, ``is_archived`` (and similar permanent
  answers) are logged by error code only and never retried.
* ``invalid_auth``, ``token_revoked``, ``account_inactive`` report the installation dead so
  the caller can mark it inactive and stop working for it.
* An expired or used ``response_url`` falls back to ``chat.postEphemeral``.
"""

from __future__ import annotations

import asyncio
import enum
import functools
import json
import logging
import random
from typing import Any
from urllib.parse import urljoin

import aiohttp
from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

logger = logging.getLogger(__name__)

#: Answers that will not change on retry: log the code, drop the message.
PERMANENT_ERRORS = frozenset(
    {
        "user_not_in_channel",
        "not_in_channel",
        "is_archived",
        "channel_not_found",
        "ekm_access_denied",
        "restricted_action",
        "user_not_found",
        "invalid_blocks",
        "msg_too_long",
    }
)
#: Answers meaning the token no longer works: the installation is dead.
DEAD_AUTH_ERRORS = frozenset({"invalid_auth", "token_revoked", "account_inactive", "not_authed"})


class Outcome(enum.Enum):
    """How one delivery attempt ended."""

    DELIVERED = "delivered"
    DROPPED = "dropped"  # permanent Slack answer; do not retry
    AUTH_DEAD = "auth_dead"  # token revoked or invalid; mark the installation inactive
    FAILED = "failed"  # transient failure left after the retry handlers gave up
    UNCERTAIN = "uncertain"  # connection lost after sending: Slack may have posted it


class ConnectFailureRetryHandler(AsyncRetryHandler):
    """Retries only when the TCP connection could not be opened (nothing reached Slack).

    A reset or disconnect after the request was written is not retried: Slack may have
    processed it, and ``chat.postEphemeral`` / ``chat.postMessage`` have no idempotency key.
    """

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return isinstance(error, aiohttp.ClientConnectorError)


class CappedRateLimitRetryHandler(AsyncRateLimitErrorRetryHandler):
    """Waits out ``Retry-After`` plus up to 1 s of jitter, never longer than ``max_wait`` per
    wait nor ``max_total_wait`` over one call (so a delivery ends well inside the outbox
    lease and the sweeper never redelivers a nudge that is still being retried)."""

    def __init__(
        self, max_retry_count: int = 3, max_wait: float = 30.0, max_total_wait: float = 40.0
    ) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait
        self.max_total_wait = max_total_wait

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None or response.status_code != 429:
            return False
        return _waited(state) < self.max_total_wait

    async def prepare_for_next_attempt_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        if response is None:  # pragma: no cover - only called for 429 responses
            raise error or RuntimeError("retry without a response")
        state.next_attempt_requested = True
        retry_after = 1.0
        for key, values in response.headers.items():
            if key.lower() == "retry-after" and values:
                try:
                    retry_after = max(0.0, float(values[0]))
                except ValueError:
                    retry_after = 1.0
        waited = _waited(state)
        wait = min(self.max_wait, retry_after + random.random(), self.max_total_wait - waited)
        if state.custom_values is None:
            state.custom_values = {}
        state.custom_values["rate_limit_waited"] = waited + wait
        await asyncio.sleep(wait)
        state.increment_current_attempt()


def _waited(state: RetryState) -> float:
    return float((state.custom_values or {}).get("rate_limit_waited", 0.0))


def attach_retry_handlers(client: AsyncWebClient) -> None:
    """Give ``client`` our retry handlers: 429 (capped), 5xx (once), connect failures (once).

    slack_sdk's default :class:`AsyncConnectionErrorRetryHandler` is replaced: it also
    retries after a reset of a request Slack may already have processed (a double post).
    """
    handlers: list[AsyncRetryHandler] = [
        h
        for h in client.retry_handlers or []
        if not isinstance(h, AsyncConnectionErrorRetryHandler)
    ]
    if not any(isinstance(h, ConnectFailureRetryHandler) for h in handlers):
        handlers.append(ConnectFailureRetryHandler(max_retry_count=1))
    if not any(isinstance(h, AsyncRateLimitErrorRetryHandler) for h in handlers):
        handlers.append(CappedRateLimitRetryHandler())
    if not any(isinstance(h, AsyncServerErrorRetryHandler) for h in handlers):
        handlers.append(AsyncServerErrorRetryHandler(max_retry_count=1))
    client.retry_handlers = handlers


def classify_error(error: str | None) -> Outcome:
    """Map a Slack error code to what the caller should do."""
    if error in PERMANENT_ERRORS:
        return Outcome.DROPPED
    if error in DEAD_AUTH_ERRORS:
        return Outcome.AUTH_DEAD
    return Outcome.FAILED


async def post_ephemeral(
    client: AsyncWebClient,
    *,
    channel: str,
    user: str,
    payload: dict[str, Any],
    thread_ts: str | None = None,
    what: str = "message",
) -> Outcome:
    """Post ``payload`` (``text`` + ``blocks``) ephemerally to ``user`` in ``channel``.

    With the client's shared ``aiohttp`` session open (the served app), the call goes out
    through :func:`post_json`: the same request body, headers and retry handlers as
    ``client.chat_postEphemeral``, without slack_sdk's per-call request and response
    objects. A client without an open session goes through slack_sdk itself.
    """
    kwargs: dict[str, Any] = {
        "channel": channel,
        "user": user,
        "text": payload.get("text", ""),
        "blocks": payload.get("blocks"),
    }
    if kwargs["blocks"] is None:
        del kwargs["blocks"]
    if thread_ts:
        kwargs["thread_ts"] = thread_ts
    try:
        if client.session is not None and not client.session.closed:
            status, answer = await post_json(client, "chat.postEphemeral", kwargs)
            if status == 200 and answer is not None and answer.get("ok"):
                return Outcome.DELIVERED
            code = answer.get("error") if answer is not None else None
            return _refused(what, str(code) if code else None, status)
        await client.chat_postEphemeral(**kwargs)
    except SlackApiError as exc:
        code = exc.response.get("error") if exc.response is not None else None
        status = exc.response.status_code if exc.response is not None else 0
        return _refused(what, str(code) if code else None, status)
    except aiohttp.ClientConnectorError as exc:  # never reached Slack: safe to try later
        logger.warning("chat.postEphemeral for %s failed: %s", what, type(exc).__name__)
        return Outcome.FAILED
    except (aiohttp.ClientError, OSError, TimeoutError) as exc:  # Slack may have it
        logger.warning(
            "chat.postEphemeral for %s: connection lost after sending (%s); not retried",
            what,
            type(exc).__name__,
        )
        return Outcome.UNCERTAIN
    except SlackRequestError as exc:
        logger.warning("chat.postEphemeral for %s failed: %s", what, type(exc).__name__)
        return Outcome.FAILED
    return Outcome.DELIVERED


def _refused(what: str, code: str | None, status: int) -> Outcome:
    outcome = classify_error(code)
    logger.warning(
        "chat.postEphemeral for %s failed: error=%s status=%s outcome=%s",
        what,
        code or "none",
        status,
        outcome.value,
    )
    return outcome


@functools.lru_cache(maxsize=64)
def _api_url(base_url: str, method: str) -> str:
    """The Web API URL of ``method``, joined as slack_sdk joins it."""
    return urljoin(base_url, method)


async def post_json(
    client: AsyncWebClient, method: str, body: dict[str, Any]
) -> tuple[int, dict[str, Any] | None]:
    """POST ``body`` as JSON to the Web API ``method`` on ``client``'s open session.

    Same request as slack_sdk's (``client.base_url``, the bot token as a bearer, the
    client's headers and user agent, ``ssl``/``proxy``) and the same retry protocol: after
    each response or connection error, the first of ``client.retry_handlers`` that may
    retry prepares the next attempt (waits), else the answer stands or the error is raised.
    Returns the HTTP status and the JSON answer (None when the body is not JSON).
    """
    session = client.session
    if session is None:
        raise SlackRequestError("post_json needs a client with an open aiohttp session")
    url = _api_url(client.base_url, method)
    headers = {
        **client.headers,
        "Content-Type": "application/json;charset=utf-8",
        "Authorization": f"Bearer {client.token}",
    }
    data = json.dumps(body).encode()
    options: dict[str, Any] = {"proxy": client.proxy}
    if client.ssl is not None:
        options["ssl"] = client.ssl
    request = HttpRequest(method="POST", url=url, headers=headers, data=data)
    state = RetryState()
    handlers = client.retry_handlers or []
    for _ in range(100):  # the handlers' own counts end retries long before this
        state.next_attempt_requested = False
        response: HttpResponse | None = None
        try:
            async with session.post(url, data=data, headers=headers, **options) as res:
                raw = await res.read()
                answer: dict[str, Any] | None = None
                if res.content_type == "application/json":
                    try:
                        answer = json.loads(raw)
                    except ValueError:
                        answer = None
                response = HttpResponse(status_code=res.status, headers=res.headers, body=answer)  # type: ignore[arg-type]
                for handler in handlers:
                    if await handler.can_retry_async(
                        state=state, request=request, response=response
                    ):
                        await handler.prepare_for_next_attempt_async(
                            state=state, request=request, response=response
                        )
                        break
                if not state.next_attempt_requested:
                    return res.status, answer
        except Exception as exc:
            for handler in handlers:
                if await handler.can_retry_async(
                    state=state, request=request, response=response, error=exc
                ):
                    await handler.prepare_for_next_attempt_async(
                        state=state, request=request, response=response, error=exc
                    )
                    break
            if not state.next_attempt_requested:
                raise
    raise SlackRequestError(f"{method}: retries did not end")


async def respond_via_url(
    response_url: str,
    payload: dict[str, Any],
    *,
    replace_original: bool = False,
    retry_handlers: list[AsyncRetryHandler] | None = None,
    session: aiohttp.ClientSession | None = None,
) -> bool:
    """POST an ephemeral reply to a ``response_url``; False when Slack refused it.

    ``session``: a shared ``aiohttp.ClientSession`` (the Web API client's), so a reply
    reuses a pooled keep-alive connection instead of opening one."""
    body = {
        "response_type": "ephemeral",
        "text": payload.get("text", ""),
        "blocks": payload.get("blocks", []),
        "replace_original": replace_original,
    }
    hook = AsyncWebhookClient(
        response_url,
        logger=logging.getLogger("slack_sdk.webhook.async_client"),
        retry_handlers=retry_handlers,
        session=session,
    )
    try:
        result = await hook.send_dict(body)
    except (TimeoutError, OSError, SlackRequestError) as exc:
        logger.warning("response_url reply failed: %s", type(exc).__name__)
        return False
    if result.status_code != 200:
        # Slack answers 404 "expired_url"/"used_url" once the URL is spent.
        logger.warning("response_url reply refused: status=%s", result.status_code)
        return False
    return True
