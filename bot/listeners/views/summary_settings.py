"""The summary settings modal: opened by App Home's "Summary settings" button, saved by its
``view_submission``. Admins and owners only, checked with ``users.info`` both when opening
and when saving (never trusted from the payload); a non-admin's submission is refused with
an error on the form and nothing changes."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import InvalidSetting, StorageError
from bot.listeners._common import services, workspace_of
from bot.summaries import modal
from bot.summaries.admin import is_workspace_admin
from responses import ids

logger = logging.getLogger(__name__)

_SLACK_ERRORS = (SlackApiError, SlackRequestError, OSError, TimeoutError)


async def handle_open(
    ack: AsyncAck, body: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
) -> None:
    """App Home button: open the modal for admins (the trigger id is valid for 3 s)."""
    await ack()
    svc = services(context)
    user = str((body.get("user") or {}).get("id") or "")
    workspace = workspace_of(context, body)
    try:
        if not await is_workspace_admin(client, user):
            logger.info("summary settings refused: not an admin or owner")
            return
        settings = await svc.store.get_workspace_settings(workspace)
        leads = [lead.user_id for lead in await svc.store.list_leads(workspace)]
        view = modal.build_settings_modal(settings, leads)
        await client.views_open(trigger_id=body.get("trigger_id"), view=view)
    except (*_SLACK_ERRORS, StorageError) as exc:
        logger.warning("summary settings not opened: %s", type(exc).__name__)


async def handle_submit(
    ack: AsyncAck,
    body: dict[str, Any],
    view: dict[str, Any],
    context: AsyncBoltContext,
    client: AsyncWebClient,
) -> None:
    """Save the modal: leads (existing leads keep their team scope), delivery, day, time."""
    svc = services(context)
    user = str((body.get("user") or {}).get("id") or "")
    workspace = workspace_of(context, body)
    try:
        allowed = await is_workspace_admin(client, user)
    except _SLACK_ERRORS as exc:
        logger.warning("summary settings: admin check failed: %s", type(exc).__name__)
        await ack(response_action="errors", errors={modal.BLOCK_LEADS: "Please try again."})
        return
    if not allowed:
        logger.info("summary settings submission refused: not an admin or owner")
        await ack(
            response_action="errors",
            errors={modal.BLOCK_LEADS: "Only workspace admins and owners can change this."},
        )
        return
    parsed = modal.parse_submission(view)
    if isinstance(parsed, dict):
        await ack(response_action="errors", errors=parsed)
        return
    store = svc.store
    try:
        current = {lead.user_id for lead in await store.list_leads(workspace)}
        for lead in parsed.lead_ids:
            if lead not in current:
                await store.add_lead(workspace, lead)
        for lead in current - set(parsed.lead_ids):
            await store.remove_lead(workspace, lead)
        await store.update_workspace_settings(
            workspace,
            summary_channel_id=parsed.channel_id,
            summary_weekday=parsed.weekday,
            summary_time=parsed.at,
            time_zone=parsed.time_zone,
        )
    except InvalidSetting:
        await ack(response_action="errors", errors={modal.BLOCK_TZ: "Check this value."})
        return
    except StorageError as exc:
        logger.warning("summary settings not saved: %s", type(exc).__name__)
        await ack(response_action="errors", errors={modal.BLOCK_LEADS: "Please try again."})
        return
    logger.info("summary settings saved in %s", workspace)
    await ack()


def register(app: AsyncApp) -> None:
    """Register the button and the submission listener."""
    app.action(ids.ACTION_HOME_OPEN_SUMMARY_SETTINGS)(handle_open)
    app.view(modal.CALLBACK_SUMMARY_SETTINGS)(handle_submit)
