""" "Mute for 24h" on a nudge: mute the user's nudges for a day and confirm in place."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.listeners._common import reply_ephemeral, services, workspace_of
from bot.listeners.actions._nudge import claim_click, where
from responses import ids
from responses.nudge import build_mute_confirmation


async def handle_mute_24h(
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    context: AsyncBoltContext,
    client: AsyncWebClient,
) -> None:
    """Mute for 24 hours from the click; a replayed click changes nothing."""
    await ack()
    svc = services(context)
    if not await claim_click(svc, body, action):
        return
    user, channel, response_url = where(body)
    until = await svc.store.set_mute(
        workspace_of(context, body), user, datetime.now(UTC) + timedelta(hours=24)
    )
    svc.tasks.spawn(
        reply_ephemeral(
            svc,
            client,
            build_mute_confirmation(until),
            response_url=response_url,
            channel=channel,
            user=user,
            replace_original=True,
            what="mute confirmation",
        ),
        name="mute-confirmation",
    )


def register(app: AsyncApp) -> None:
    """Register the listener."""
    app.action(ids.ACTION_MUTE_24H)(handle_mute_24h)
