"""``tokens_revoked``: when the bot token is revoked, delete the workspace's data.

It can arrive before or after ``app_uninstalled``; deleting twice is harmless. A revocation
of user tokens only (the app requests none) changes nothing.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext

from bot.listeners._common import services, workspace_of

logger = logging.getLogger(__name__)


async def handle_tokens_revoked(
    body: dict[str, Any], event: dict[str, Any], context: AsyncBoltContext
) -> None:
    """Delete the workspace's data when a bot token was revoked."""
    tokens = event.get("tokens") or {}
    if tokens and not tokens.get("bot"):
        logger.info("tokens_revoked for user tokens only: nothing to delete")
        return
    svc = services(context)
    workspace_id = workspace_of(context, body)
    deleted = await svc.store.delete_workspace(workspace_id)
    logger.info("tokens_revoked: deleted %d row(s) of workspace %s", deleted, workspace_id)


def register(app: AsyncApp) -> None:
    """Register the listener."""
    app.event("tokens_revoked")(handle_tokens_revoked)
