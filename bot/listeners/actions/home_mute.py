"""App Home mute controls (24h, 7d, unmute): change the mute, republish the Home tab."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.listeners._common import services, workspace_of
from bot.listeners.actions._nudge import claim_click
from bot.listeners.events.app_home_opened import publish_home
from responses import ids

DURATIONS: dict[str, timedelta | None] = {
    ids.ACTION_HOME_MUTE_24H: timedelta(hours=24),
    ids.ACTION_HOME_MUTE_7D: timedelta(days=7),
    ids.ACTION_HOME_UNMUTE: None,
}


async def handle_home_mute(
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    context: AsyncBoltContext,
    client: AsyncWebClient,
) -> None:
    """Apply the mute the button names, once per click, then refresh the Home tab."""
    await ack()
    svc = services(context)
    if not await claim_click(svc, body, action):
        return
    duration = DURATIONS[str(action.get("action_id"))]
    user = str((body.get("user") or {}).get("id", ""))
    workspace_id = workspace_of(context, body)
    until = None if duration is None else datetime.now(UTC) + duration
    await svc.store.set_mute(workspace_id, user, until)
    svc.tasks.spawn(publish_home(svc, client, workspace_id, user), name="home-publish")


def register(app: AsyncApp) -> None:
    """Register the listener for the three mute buttons."""
    for action_id in DURATIONS:
        app.action(action_id)(handle_home_mute)
