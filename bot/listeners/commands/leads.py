"""``/boundary leads``, ``/boundary leads add @person [#channel …]``,
``/boundary leads remove @person``: who receives the weekly summary (admins and owners only).

The invoker's rights are checked with ``users.info``; the command payload is never trusted.
A non-admin gets a polite ephemeral refusal and nothing changes. Registered with
:func:`bot.listeners.commands.boundary.register_subcommand`.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError, SlackRequestError

from bot.errors import StorageError
from bot.listeners.commands.boundary import CommandRequest, register_subcommand
from bot.notices import UNAVAILABLE
from bot.summaries import notices
from bot.summaries.admin import (
    channel_mentions,
    describe_delivery,
    is_workspace_admin,
    user_mentions,
)

logger = logging.getLogger(__name__)


async def _list_text(req: CommandRequest) -> str:
    store = req.svc.store
    leads = await store.list_leads(req.workspace_id)
    settings = await store.get_workspace_settings(req.workspace_id)
    return notices.leads_text(leads, describe_delivery(settings))


async def handle_leads(req: CommandRequest) -> dict[str, Any]:
    """Handle ``/boundary leads …`` (see the module docstring)."""
    try:
        allowed = await is_workspace_admin(req.client, req.user_id)
    except (SlackApiError, SlackRequestError, OSError, TimeoutError) as exc:
        logger.warning("leads command: admin check failed: %s", type(exc).__name__)
        return notices.build_notice(UNAVAILABLE, "Temporarily unavailable")
    if not allowed:
        logger.info("leads command refused: not an admin or owner")
        return notices.build_notice(notices.REFUSED, "Not allowed")
    word, _, rest = req.args.partition(" ")
    word = word.lower()
    store = req.svc.store
    if word in ("", "list"):
        return notices.build_notice(await _list_text(req))
    users = user_mentions(rest)
    if word not in ("add", "remove") or not users:
        return notices.build_notice(notices.LEADS_USAGE, "How to set leads")
    if word == "add":
        scope = channel_mentions(rest) or None
        await store.ensure_workspace(req.workspace_id)
        for user in users:
            await store.add_lead(req.workspace_id, user, scope)
        logger.info("%d lead(s) added in %s", len(users), req.workspace_id)
        done = ", ".join(f"<@{u}>" for u in users)
        where = "" if scope is None else " for " + ", ".join(f"<#{c}>" for c in scope)
        text = f":white_check_mark: Added {done} as lead{'s' if len(users) > 1 else ''}{where}."
    else:
        removed = [u for u in users if await store.remove_lead(req.workspace_id, u)]
        logger.info("%d lead(s) removed in %s", len(removed), req.workspace_id)
        if removed:
            text = ":white_check_mark: Removed " + ", ".join(f"<@{u}>" for u in removed) + "."
        else:
            text = "Nobody was removed: " + ", ".join(f"<@{u}>" for u in users) + " is not a lead."
    return notices.build_notice(text + "\n\n" + await _list_text(req))


async def guarded(req: CommandRequest) -> dict[str, Any]:
    """:func:`handle_leads` with storage failures answered politely."""
    try:
        return await handle_leads(req)
    except StorageError as exc:
        logger.warning("leads command failed: %s", type(exc).__name__)
        return notices.build_notice(UNAVAILABLE, "Temporarily unavailable")


def register(app: AsyncApp) -> None:
    """Add ``/boundary leads`` to the ``/boundary`` command."""
    register_subcommand("leads", guarded)
