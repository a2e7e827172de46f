"""Shared steps of the button listeners: ack, decode the button value, claim the click once.

A listener module writes only its own step as ``async def handle_x(click)`` (or
``(click, ref)`` for nudge buttons) and decorates it with :func:`ack_listener`,
:func:`click_listener` or :func:`nudge_listener`; the decorator returns the Bolt listener
(``ack, body, action, context, client``) that acks first, then runs the shared steps."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.listeners._common import reply_ephemeral, services, workspace_of
from bot.services import Services
from responses.actions import NudgeRef, parse_action_value
from responses.errors import ActionValueError

logger = logging.getLogger(__name__)

#: Slack accepts a replayed request for 5 minutes; keep click keys a little longer.
CLICK_KEY_TTL = timedelta(minutes=10)


def click_key(body: dict[str, Any], action: dict[str, Any]) -> str:
    """An idempotency key of one click: ``action_ts`` (else ``trigger_id``) + action id."""
    stamp = action.get("action_ts") or body.get("trigger_id") or ""
    user = (body.get("user") or {}).get("id", "")
    return f"click:{user}:{stamp}:{action.get('action_id', '')}"


def decode(action: dict[str, Any]) -> NudgeRef | None:
    """The :class:`NudgeRef` carried by a nudge button, or None for a foreign value."""
    try:
        return parse_action_value(str(action.get("value") or ""))
    except ActionValueError as exc:
        logger.warning("nudge button with an unusable value: %s", type(exc).__name__)
        return None


async def claim_click(svc: Services, body: dict[str, Any], action: dict[str, Any]) -> bool:
    """True the first time this click is seen (across workers); False for a replay."""
    return bool(await svc.store.claim_key(click_key(body, action), CLICK_KEY_TTL))


def where(body: dict[str, Any]) -> tuple[str, str | None, str | None]:
    """(user id, channel id, response_url) of an interaction payload."""
    user = str((body.get("user") or {}).get("id", ""))
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get(
        "channel_id"
    )
    return user, channel, body.get("response_url")


@dataclass(frozen=True)
class Click:
    """One button click, as Bolt hands it to a listener, plus the app's services."""

    svc: Services
    body: dict[str, Any]
    action: dict[str, Any]
    context: AsyncBoltContext
    client: AsyncWebClient

    @property
    def user(self) -> str:
        """The clicking user's id."""
        return where(self.body)[0]

    @property
    def workspace_id(self) -> str:
        """The workspace key (see :func:`bot.listeners._common.workspace_of`)."""
        return workspace_of(self.context, self.body)

    def reply_in_place(self, payload: dict[str, Any], *, what: str, name: str) -> None:
        """Replace the clicked message with ``payload`` in the background (the ack is sent)."""
        user, channel, response_url = where(self.body)
        self.svc.tasks.spawn(
            reply_ephemeral(
                self.svc,
                self.client,
                payload,
                response_url=response_url,
                channel=channel,
                user=user,
                replace_original=True,
                what=what,
            ),
            name=name,
        )


ClickHandler = Callable[[Click], Awaitable[None]]
NudgeHandler = Callable[[Click, NudgeRef], Awaitable[None]]
Listener = Callable[
    [AsyncAck, dict[str, Any], dict[str, Any], AsyncBoltContext, AsyncWebClient],
    Awaitable[None],
]


def _listener(handler: Callable[..., Awaitable[None]], run: ClickHandler) -> Listener:
    """A Bolt listener that acks, then runs ``run``; named and documented as ``handler``.

    No ``functools.wraps``: Bolt reads the listener's argument names through
    ``inspect.unwrap``, which would find the handler's ``click`` instead."""

    async def listener(
        ack: AsyncAck,
        body: dict[str, Any],
        action: dict[str, Any],
        context: AsyncBoltContext,
        client: AsyncWebClient,
    ) -> None:
        await ack()
        await run(Click(services(context), body, action, context, client))

    listener.__name__ = handler.__name__
    listener.__qualname__ = handler.__qualname__
    listener.__module__ = handler.__module__
    listener.__doc__ = handler.__doc__
    return listener


def ack_listener(handler: ClickHandler) -> Listener:
    """Ack, then run ``handler`` on every click (for idempotent or instant actions)."""
    return _listener(handler, handler)


def click_listener(handler: ClickHandler) -> Listener:
    """Ack, then run ``handler`` once per click; a replayed click does nothing."""

    async def run(click: Click) -> None:
        if await claim_click(click.svc, click.body, click.action):
            await handler(click)

    return _listener(handler, run)


def nudge_listener(handler: NudgeHandler) -> Listener:
    """Ack, decode the nudge button's :class:`NudgeRef`, then run ``handler`` once per click.

    A foreign value is dropped before the click is claimed."""

    async def run(click: Click) -> None:
        ref = decode(click.action)
        if ref is not None and await claim_click(click.svc, click.body, click.action):
            await handler(click, ref)

    return _listener(handler, run)
