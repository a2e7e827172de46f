"""A fast ack for ``message`` events that cannot produce a finding (HTTP mode).

Most of what a bot in a clinicians' channel reads is ordinary chatter: the classifier finds
nothing, so the listener writes nothing and nudges nobody, and Slack gets an empty 200. Bolt's
full dispatch for such an event (context, middleware chain, listener matching, argument
injection, ack) costs more CPU than the classifier itself. :class:`MessageFastPath` lets the
HTTP server (:mod:`bot.server`) answer those events itself, after the request guard has
verified the signature and parsed the JSON, with the response Bolt would have sent (200,
empty ``text/plain`` body).

It answers only when the outcome is certain to be "200, nothing"; everything else goes
through Bolt unchanged:

* only ``event_callback`` payloads whose ``event.type`` is ``message`` (``url_verification``,
  ``ssl_check``, commands, interactivity, ``app_uninstalled``, ``tokens_revoked`` and every
  other event always reach Bolt);
* only when Bolt's authorization passes: in single-workspace mode, once Bolt's own
  ``auth.test`` succeeded and was cached (until then the request goes to Bolt); in OAuth
  mode, Bolt's authorize step itself is run here, as its middleware would run it (the
  installation read, token refresh if due, cached ``auth.test``), after classifying and
  only for a benign event; no installation, or an error, sends the request to Bolt, which
  answers it as it always has;
* only when the app is what :meth:`prepare` checked at startup: the global middleware are
  Bolt's built-ins plus ``create_app``'s services injection, and the one listener matching a
  ``message`` event is :func:`bot.listeners.events.message.handle_message` (a feature adding
  another message listener or middleware turns the fast path off);
* events the listener ignores before classifying (subtypes other than those it classifies,
  no user, bots, DMs) are acked at once, as the listener would return at once; for the
  others the text the listener would classify (the new text of an edit) is classified here:
  with no finding the listener would do nothing, so the event is acked here; with a finding,
  a text skipped as too long, or any error, the request goes to Bolt, which runs the
  listener exactly as before (dedupe, records, nudge, counters, error mapping).

Retries need nothing special: an event with no finding has no side effect to repeat.
``Services.counters["message_fast_acked"]`` counts the events answered here.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.listener.async_listener import AsyncCustomListener
from slack_bolt.middleware.async_custom_middleware import AsyncCustomMiddleware
from slack_bolt.middleware.attaching_conversation_kwargs.async_attaching_conversation_kwargs import (  # noqa: E501
    AsyncAttachingConversationKwargs,
)
from slack_bolt.middleware.attaching_function_token.async_attaching_function_token import (
    AsyncAttachingFunctionToken,
)
from slack_bolt.middleware.authorization.async_multi_teams_authorization import (
    AsyncMultiTeamsAuthorization,
)
from slack_bolt.middleware.authorization.async_single_team_authorization import (
    AsyncSingleTeamAuthorization,
)
from slack_bolt.middleware.ignoring_self_events.async_ignoring_self_events import (
    AsyncIgnoringSelfEvents,
)
from slack_bolt.middleware.request_verification.async_request_verification import (
    AsyncRequestVerification,
)
from slack_bolt.middleware.ssl_check.async_ssl_check import AsyncSslCheck
from slack_bolt.middleware.url_verification.async_url_verification import AsyncUrlVerification
from slack_bolt.request.async_internals import build_async_context
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.web.async_client import AsyncWebClient

from bot.listeners.events.message import CHANNEL_TYPES, HANDOFF_KEY, _message_of, handle_message
from bot.services import Services

logger = logging.getLogger(__name__)

#: Bolt's built-in global middleware that change nothing for a message event that reaches
#: the listener and is acked with 200 (or ack it with 200 themselves: self events).
_BUILTIN_MIDDLEWARE = (
    AsyncSslCheck,
    AsyncRequestVerification,
    AsyncSingleTeamAuthorization,
    AsyncMultiTeamsAuthorization,
    AsyncIgnoringSelfEvents,
    AsyncUrlVerification,
    AsyncAttachingFunctionToken,
)
_PROBE = {
    "type": "event_callback",
    "team_id": "T0PROBE",
    "event_id": "Ev0PROBE",
    "event": {"type": "message", "channel": "C0PROBE", "channel_type": "channel", "user": "U0"},
}
COUNTER = "message_fast_acked"


def empty_ack() -> web.Response:
    """The response Bolt's aiohttp adapter gives for ``BoltResponse(status=200, body="")``."""
    return web.Response(status=200, body="", content_type="text/plain")


class MessageFastPath:
    """Answers benign ``message`` events without Bolt's dispatch (see the module docstring)."""

    def __init__(self, bolt: AsyncApp, svc: Services) -> None:
        self._bolt = bolt
        self._svc = svc
        self._auth: AsyncSingleTeamAuthorization | AsyncMultiTeamsAuthorization | None = None
        self.enabled = False

    async def prepare(self) -> bool:
        """Check the app is one the fast path can stand in for; return (and remember) it.

        It reads Bolt's middleware and listener lists (``_async_middleware_list``,
        ``_async_listeners``); a Bolt release without them turns the fast path off."""
        try:
            return await self._prepare()
        except AttributeError:
            return self._off("this slack_bolt release has no listener list to check")

    async def _prepare(self) -> bool:
        auth: AsyncSingleTeamAuthorization | AsyncMultiTeamsAuthorization | None = None
        for middleware in self._bolt._async_middleware_list:
            if isinstance(middleware, AsyncSingleTeamAuthorization | AsyncMultiTeamsAuthorization):
                auth = middleware
            elif isinstance(middleware, AsyncCustomMiddleware):
                if getattr(middleware.func, "__name__", "") != "_inject_services":
                    return self._off("a custom global middleware")
            elif not isinstance(middleware, _BUILTIN_MIDDLEWARE):
                return self._off(f"middleware {type(middleware).__name__}")
        if auth is None:
            return self._off("no authorization step")
        if isinstance(auth, AsyncMultiTeamsAuthorization) and (
            auth.user_token_resolution != "authed_user"
        ):
            return self._off("actor token resolution")
        probe = AsyncBoltRequest(body=copy.deepcopy(_PROBE), mode="socket_mode")
        matching = []
        for listener in self._bolt._async_listeners:
            if await listener.async_matches(req=probe, resp=None):  # type: ignore[arg-type]
                matching.append(listener)
        if (
            len(matching) != 1
            or not isinstance(matching[0], AsyncCustomListener)
            or matching[0].ack_function is not handle_message
            or matching[0].lazy_functions
            or any(
                not isinstance(m, AsyncAttachingConversationKwargs) for m in matching[0].middleware
            )
        ):
            return self._off("message events have other listeners")
        self._auth = auth
        self.enabled = True
        return True

    def _off(self, why: str) -> bool:
        logger.info("message fast path off: %s", why)
        self.enabled = False
        return False

    async def answer(
        self, payload: dict[str, Any] | None, handoff: dict[str, Any] | None = None
    ) -> web.Response | None:
        """The 200 for a message event that cannot produce a finding, else None (use Bolt).

        When the text was classified and has findings, ``handoff`` (the Bolt request's
        initial context) receives ``(text, assessment)`` under ``HANDOFF_KEY``, so the
        listener does not classify it again.
        """
        if payload is None or not self.enabled or payload.get("type") != "event_callback":
            return None
        event = payload.get("event")
        if not isinstance(event, dict) or event.get("type") != "message":
            return None
        auth = self._auth
        if isinstance(auth, AsyncSingleTeamAuthorization) and not auth.auth_test_result:
            return None  # Bolt has not authorised once yet (or auth.test failed): let it
        try:
            if not self._benign(event, handoff):
                return None
            if isinstance(auth, AsyncMultiTeamsAuthorization) and not await self._authorized(
                auth, payload
            ):
                return None  # no installation (or an error): Bolt answers as always
        except Exception:  # Bolt runs the same steps again and maps the error as always
            return None
        self._svc.counters[COUNTER] += 1
        return empty_ack()

    async def _authorized(
        self, auth: AsyncMultiTeamsAuthorization, payload: dict[str, Any]
    ) -> bool:
        """Run Bolt's authorize step exactly as its middleware would for this request."""
        app_client = self._bolt.client
        context = build_async_context(AsyncBoltContext(), payload)
        context["logger"] = self._bolt.logger
        context["client"] = AsyncWebClient(
            base_url=app_client.base_url,
            timeout=app_client.timeout,
            ssl=app_client.ssl,
            proxy=app_client.proxy,
            session=app_client.session,
            trust_env_in_session=app_client.trust_env_in_session,
            headers=app_client.headers,
            team_id=context.team_id,
            logger=app_client.logger,
            retry_handlers=list(app_client.retry_handlers or []) or None,
        )
        result = await auth.authorize(
            context=context,
            enterprise_id=context.enterprise_id,
            team_id=context.team_id,
            user_id=context.user_id,
        )
        return bool(result)

    def _benign(self, event: dict[str, Any], handoff: dict[str, Any] | None = None) -> bool:
        """True when ``handle_message`` would return without acting on ``event``."""
        parsed = _message_of(event)
        if parsed is None:
            return True
        message, _ = parsed
        if (
            not message.get("user")
            or message.get("bot_id")
            or message.get("subtype") == "bot_message"
            or event.get("channel_type") not in CHANNEL_TYPES
        ):
            return True
        text = message.get("text") or ""
        if not isinstance(text, str):
            return False
        assessment = self._svc.classifier.assess(text)
        # An edit's findings are a subset of its new text's: none there, none new.
        benign = not assessment.skipped and not assessment.findings
        if not benign and handoff is not None:
            handoff[HANDOFF_KEY] = (text, assessment)
        return benign
