"""``app_uninstalled``: delete every row of the workspace, idempotently, before the 200."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext

from bot.listeners._common import services, workspace_of

logger = logging.getLogger(__name__)


async def handle_app_uninstalled(body: dict[str, Any], context: AsyncBoltContext) -> None:
    """Delete the workspace's data; a second delivery (or ``tokens_revoked``) deletes nothing."""
    svc = services(context)
    workspace_id = workspace_of(context, body)
    deleted = await svc.store.delete_workspace(workspace_id)
    logger.info("app_uninstalled: deleted %d row(s) of workspace %s", deleted, workspace_id)


def register(app: AsyncApp) -> None:
    """Register the listener."""
    app.event("app_uninstalled")(handle_app_uninstalled)
