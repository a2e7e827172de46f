"""``/boundary summary-channel #private-channel|off`` and
``/boundary summary-time <day> <HH:MM> [Time/Zone]``: where and when weekly summaries go.

Workspace admins and owners only (checked with ``users.info``, never from the payload);
anyone else gets a polite ephemeral refusal and nothing changes. A summary channel must be
a private channel the bot can see (``conversations.info``), so only its members read it.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError, SlackRequestError

from bot.errors import InvalidSetting, StorageError
from bot.listeners.commands.boundary import CommandRequest, register_subcommand
from bot.notices import UNAVAILABLE
from bot.summaries import notices
from bot.summaries.admin import (
    channel_mentions,
    describe_delivery,
    is_workspace_admin,
    parse_clock,
    parse_weekday,
)

logger = logging.getLogger(__name__)

_SLACK_ERRORS = (SlackApiError, SlackRequestError, OSError, TimeoutError)
Handler = Callable[[CommandRequest], Awaitable[dict[str, Any]]]


async def _channel(req: CommandRequest) -> dict[str, Any]:
    store = req.svc.store
    word = req.args.strip().lower()
    if word in ("off", "dm", "none"):
        settings = await store.update_workspace_settings(req.workspace_id, summary_channel_id=None)
        return notices.build_notice(
            f":white_check_mark: Summaries now go by DM. Delivery: {describe_delivery(settings)}."
        )
    channels = channel_mentions(req.args)
    if len(channels) != 1:
        return notices.build_notice(notices.CHANNEL_USAGE, "How to set the summary channel")
    channel_id = channels[0]
    try:
        info = (await req.client.conversations_info(channel=channel_id)).get("channel") or {}
    except SlackApiError:
        return notices.build_notice(
            f"I can't see <#{channel_id}>. Invite Boundary Bot to it first (`/invite`), "
            "then try again. Nothing was changed."
        )
    if not info.get("is_private"):
        return notices.build_notice(
            f"<#{channel_id}> is a public channel. Weekly summaries go to a *private* channel "
            "so only leads read them. Nothing was changed."
        )
    settings = await store.update_workspace_settings(
        req.workspace_id, summary_channel_id=channel_id
    )
    logger.info("summary channel set in %s", req.workspace_id)
    return notices.build_notice(
        f":white_check_mark: Summaries will be posted in <#{channel_id}>. "
        f"Delivery: {describe_delivery(settings)}."
    )


async def _time(req: CommandRequest) -> dict[str, Any]:
    words = req.args.split()
    if len(words) not in (2, 3):
        return notices.build_notice(notices.TIME_USAGE, "How to set the summary time")
    try:
        weekday = parse_weekday(words[0])
        at = parse_clock(words[1])
        changes: dict[str, Any] = {"summary_weekday": weekday, "summary_time": at}
        if len(words) == 3:
            changes["time_zone"] = words[2]
        settings = await req.svc.store.update_workspace_settings(req.workspace_id, **changes)
    except InvalidSetting:
        return notices.build_notice(notices.TIME_USAGE, "How to set the summary time")
    logger.info("summary time set in %s", req.workspace_id)
    return notices.build_notice(f":white_check_mark: Delivery: {describe_delivery(settings)}.")


def admin_only(handler: Handler, what: str) -> Handler:
    """Wrap ``handler`` with the ``users.info`` admin check and polite failures."""

    async def run(req: CommandRequest) -> dict[str, Any]:
        try:
            if not await is_workspace_admin(req.client, req.user_id):
                logger.info("%s refused: not an admin or owner", what)
                return notices.build_notice(notices.REFUSED, "Not allowed")
            return await handler(req)
        except (*_SLACK_ERRORS, StorageError) as exc:
            logger.warning("%s failed: %s", what, type(exc).__name__)
            return notices.build_notice(UNAVAILABLE, "Temporarily unavailable")

    return run


def register(app: AsyncApp) -> None:
    """Add ``summary-channel`` and ``summary-time`` to the ``/boundary`` command."""
    register_subcommand("summary-channel", admin_only(_channel, "summary-channel"))
    register_subcommand("summary-time", admin_only(_time, "summary-time"))
