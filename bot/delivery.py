"""Outbound calls to Slack: ephemeral nudges and answers, ``response_url`` replies.

Everything here runs in background tasks, never on the ack path.

* The Web API client gets slack_sdk's async retry handlers: 429 waits out ``Retry-After``
  plus jitter, capped (:class:`CappedRateLimitRetryHandler`), and 500/503 get one bounded
  retry. Connection errors keep slack_sdk's single retry.
* ``user_not_in_channel``, ``not_in_channel``, ``is_archived`` (and similar permanent
  answers) are logged by error code only and never retried.
* ``invalid_auth``, ``token_revoked``, ``account_inactive`` report the installation dead so
  the caller can mark it inactive and stop working for it.
* An expired or used ``response_url`` falls back to ``chat.postEphemeral``.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import random
from typing import Any

from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
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


class CappedRateLimitRetryHandler(AsyncRateLimitErrorRetryHandler):
    """Waits out ``Retry-After`` plus up to 1 s of jitter, never longer than ``max_wait``."""

    def __init__(self, max_retry_count: int = 3, max_wait: float = 30.0) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait

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
        await asyncio.sleep(min(self.max_wait, retry_after + random.random()))
        state.increment_current_attempt()


def attach_retry_handlers(client: AsyncWebClient) -> None:
    """Add the 429 and 5xx retry handlers to ``client`` unless it already has them."""
    handlers: list[AsyncRetryHandler] = list(client.retry_handlers or [])
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
    """Post ``payload`` (``text`` + ``blocks``) ephemerally to ``user`` in ``channel``."""
    kwargs: dict[str, Any] = {
        "channel": channel,
        "user": user,
        "text": payload.get("text", ""),
        "blocks": payload.get("blocks"),
    }
    if thread_ts:
        kwargs["thread_ts"] = thread_ts
    try:
        await client.chat_postEphemeral(**kwargs)
    except SlackApiError as exc:
        code = exc.response.get("error") if exc.response is not None else None
        status = exc.response.status_code if exc.response is not None else 0
        outcome = classify_error(str(code) if code else None)
        logger.warning(
            "chat.postEphemeral for %s failed: error=%s status=%s outcome=%s",
            what,
            code or "none",
            status,
            outcome.value,
        )
        return outcome
    except (TimeoutError, SlackRequestError, OSError) as exc:
        logger.warning("chat.postEphemeral for %s failed: %s", what, type(exc).__name__)
        return Outcome.FAILED
    return Outcome.DELIVERED


async def respond_via_url(
    response_url: str,
    payload: dict[str, Any],
    *,
    replace_original: bool = False,
    retry_handlers: list[AsyncRetryHandler] | None = None,
) -> bool:
    """POST an ephemeral reply to a ``response_url``; False when Slack refused it."""
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
