""" "Not relevant": record feedback for the nudge's category and rule, then thank the user."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.listeners._common import reply_ephemeral, services, workspace_of
from bot.listeners.actions._nudge import claim_click, decode, where
from responses import ids
from responses.nudge import build_feedback_thanks


async def handle_not_relevant(
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    context: AsyncBoltContext,
    client: AsyncWebClient,
) -> None:
    """Record "not relevant" once per click (the store update itself is idempotent too)."""
    await ack()
    svc = services(context)
    ref = decode(action)
    if ref is None or not await claim_click(svc, body, action):
        return
    await svc.store.record_feedback(
        workspace_of(context, body), ref.nudge_id, ref.category, ref.rule_id
    )
    user, channel, response_url = where(body)
    svc.tasks.spawn(
        reply_ephemeral(
            svc,
            client,
            build_feedback_thanks(),
            response_url=response_url,
            channel=channel,
            user=user,
            replace_original=True,
            what="feedback thanks",
        ),
        name="feedback-thanks",
    )


def register(app: AsyncApp) -> None:
    """Register the listener."""
    app.action(ids.ACTION_NOT_RELEVANT)(handle_not_relevant)
