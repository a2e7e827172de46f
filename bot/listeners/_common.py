"""Helpers shared by listeners: services lookup, workspace ids, replying ephemerally."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.delivery import Outcome, post_ephemeral, respond_via_url
from bot.services import Services

logger = logging.getLogger(__name__)


def services(context: AsyncBoltContext) -> Services:
    """The :class:`Services` injected by ``create_app``'s middleware."""
    svc: Services = context["services"]
    return svc


def workspace_of(context: AsyncBoltContext, body: dict[str, Any]) -> str:
    """The workspace key: the enterprise id for org-wide installs, else the team id."""
    if context.is_enterprise_install and context.enterprise_id:
        return str(context.enterprise_id)
    team = context.team_id or body.get("team_id") or (body.get("team") or {}).get("id")
    if not team:
        team = context.enterprise_id or body.get("enterprise_id") or "unknown"
    return str(team)


async def reply_ephemeral(
    svc: Services,
    client: AsyncWebClient,
    payload: dict[str, Any],
    *,
    response_url: str | None,
    channel: str | None,
    user: str,
    replace_original: bool = False,
    what: str = "reply",
) -> bool:
    """Answer privately: via ``response_url`` when there is one, else (or when it expired)
    via ``chat.postEphemeral``. Returns True when Slack accepted one of them."""
    if response_url:
        handlers = list(client.retry_handlers or [])
        if await respond_via_url(
            response_url,
            payload,
            replace_original=replace_original,
            retry_handlers=handlers,
            session=client.session,
        ):
            return True
    if not channel:
        logger.warning("%s not delivered: no response_url and no channel", what)
        return False
    outcome = await post_ephemeral(client, channel=channel, user=user, payload=payload, what=what)
    return outcome is Outcome.DELIVERED
