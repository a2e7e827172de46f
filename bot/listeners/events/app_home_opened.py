"""``app_home_opened``: publish the Home tab (topics, the user's mute state)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import StorageError
from bot.listeners._common import services, workspace_of
from bot.services import Services
from responses.home import HomeLeadState, HomeUserState, build_home

logger = logging.getLogger(__name__)


async def publish_home(
    svc: Services, client: AsyncWebClient, workspace_id: str, user_id: str
) -> None:
    """Render and publish the Home tab for ``user_id`` (runs in the background)."""
    try:
        muted_until = await svc.store.get_mute(workspace_id, user_id)
        active = await svc.store.is_installation_active(workspace_id)
    except StorageError as exc:
        logger.warning("home not published: %s", type(exc).__name__)
        return
    user_state = HomeUserState(
        muted_until=muted_until, now=datetime.now(UTC), nudges_enabled_in_workspace=active
    )
    view = build_home(user_state, HomeLeadState(), svc.guidance)
    try:
        await client.views_publish(user_id=user_id, view=view)
    except (SlackApiError, SlackRequestError, OSError) as exc:
        code = getattr(getattr(exc, "response", None), "get", lambda _k: None)("error")
        logger.warning("views.publish failed: %s %s", type(exc).__name__, code or "")


async def handle_app_home_opened(
    body: dict[str, Any],
    event: dict[str, Any],
    context: AsyncBoltContext,
    client: AsyncWebClient,
) -> None:
    """Publish the Home tab when the user opens it (the Messages tab needs nothing)."""
    if event.get("tab", "home") != "home" or not event.get("user"):
        return
    svc = services(context)
    svc.tasks.spawn(
        publish_home(svc, client, workspace_of(context, body), str(event["user"])),
        name="home-publish",
    )


def register(app: AsyncApp) -> None:
    """Register the listener."""
    app.event("app_home_opened")(handle_app_home_opened)
