""" "Show guidance": replace the nudge with the full guidance, via ``response_url``."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.listeners._common import reply_ephemeral, services
from bot.listeners.actions._nudge import claim_click, decode, where
from responses import ids
from responses.nudge import build_nudge_expanded


async def handle_show_guidance(
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    context: AsyncBoltContext,
    client: AsyncWebClient,
) -> None:
    """Render the guidance from the button's category and rule id (no message text)."""
    await ack()
    svc = services(context)
    ref = decode(action)
    if ref is None or not await claim_click(svc, body, action):
        return
    user, channel, response_url = where(body)
    payload = build_nudge_expanded(ref, svc.guidance)
    svc.tasks.spawn(
        reply_ephemeral(
            svc,
            client,
            payload,
            response_url=response_url,
            channel=channel,
            user=user,
            replace_original=True,
            what="guidance",
        ),
        name="show-guidance",
    )


def register(app: AsyncApp) -> None:
    """Register the listener."""
    app.action(ids.ACTION_SHOW_GUIDANCE)(handle_show_guidance)
