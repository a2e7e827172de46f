"""``app_home_opened``: publish the Home tab (topics, the user's mute state, and for leads and
admins their summary details).

``is_admin`` comes from ``users.info`` (asked once per Home render, never taken from the
payload); ``is_lead`` from the workspace's leads; the last summary from the sent summary
claims (linked with ``chat.getPermalink``). A Slack error on any of these only hides that
part of the Home tab.
"""

from __future__ import annotations

import logging
import re
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

_CHANNEL_LINK = re.compile(r"<#[A-Z0-9]+(?:\|[^>]*)?>")


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
    try:
        lead_state = await lead_state_of(svc, client, workspace_id, user_id)
    except StorageError as exc:
        logger.warning("home not published: %s", type(exc).__name__)
        return
    view = build_home(user_state, lead_state, svc.guidance)
    try:
        await client.views_publish(user_id=user_id, view=view)
    except (SlackApiError, SlackRequestError, OSError) as exc:
        code = getattr(getattr(exc, "response", None), "get", lambda _k: None)("error")
        logger.warning("views.publish failed: %s %s", type(exc).__name__, code or "")


async def lead_state_of(
    svc: Services, client: AsyncWebClient, workspace_id: str, user_id: str
) -> HomeLeadState:
    """The Home tab's lead/admin part for ``user_id`` (see the module docstring)."""
    from bot.summaries.admin import describe_delivery, is_workspace_admin

    try:
        is_admin = await is_workspace_admin(client, user_id)
    except (SlackApiError, SlackRequestError, OSError, TimeoutError) as exc:
        logger.warning("users.info for home failed: %s", type(exc).__name__)
        is_admin = False
    leads = await svc.store.list_leads(workspace_id)
    is_lead = any(lead.user_id == user_id for lead in leads)
    if not (is_lead or is_admin):
        return HomeLeadState()
    settings = await svc.store.get_workspace_settings(workspace_id)
    week = url = None
    if is_lead:
        recipient = settings.summary_channel_id or user_id
        claim = await svc.store.last_sent_summary(workspace_id, recipient)
        if claim is not None:
            week = claim.week
            url = await _permalink(client, claim.channel_id, claim.message_ts)
    return HomeLeadState(
        is_lead=is_lead,
        is_admin=is_admin,
        last_summary_week=week,
        last_summary_url=url,
        # build_home escapes this text, so a mrkdwn channel link would show raw: name it.
        delivery=_CHANNEL_LINK.sub("the summary channel", describe_delivery(settings))[:200],
    )


async def _permalink(client: AsyncWebClient, channel: str | None, ts: str | None) -> str | None:
    if not channel or not ts:
        return None
    try:
        response = await client.chat_getPermalink(channel=channel, message_ts=ts)
    except (SlackApiError, SlackRequestError, OSError, TimeoutError) as exc:
        logger.warning("chat.getPermalink for home failed: %s", type(exc).__name__)
        return None
    link = response.get("permalink")
    return link if isinstance(link, str) and link.startswith("https://") else None


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
