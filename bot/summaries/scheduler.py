"""Sending weekly summaries that are due, exactly once per (workspace, week, recipient).

:func:`send_due` is one pass over every active workspace: it works out the latest complete
week whose send moment (the workspace's day and time, in its time zone; Monday 09:00 by
default) has passed, and for each recipient — every lead by DM, or the configured summary
channel — claims the send in the database (:meth:`Store.claim_summary`) *before* computing
and posting it. Only one worker wins a claim, however many run at once. A failed send is
marked failed and retried by a later pass (up to the Store's attempt limit); a sent one
is never sent again.

:func:`run_periodically` is the in-process loop that ``serve`` starts with the app's
lifecycle; ``boundary-bot summaries send-due`` runs one pass for cron deployments.
Logs name workspaces, weeks and error codes only, never recipients' ids or content.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import BoundaryBotError
from bot.storage.models import WorkspaceSettings
from bot.summaries.compute import MIN_GROUP_SIZE, build_weekly_summary
from bot.summaries.weeks import due_week
from responses.summary import build_summary
from responses.summary_model import WeeklySummary

logger = logging.getLogger(__name__)

ClientFor = Callable[[str], Awaitable[AsyncWebClient | None]]


@dataclass(frozen=True)
class Recipient:
    """Who gets one summary: a lead (``dm``) or the summary channel (``channel``)."""

    id: str
    kind: str  # "dm" or "channel"
    channel_ids: frozenset[str] | None = None


@dataclass
class RunReport:
    """What one :func:`send_due` pass did (counts, and (workspace, week) of each send)."""

    sent: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: int = 0

    def merge(self, other: RunReport) -> None:
        """Add ``other``'s results to this report."""
        self.sent += other.sent
        self.failed += other.failed
        self.skipped += other.skipped


async def recipients_of(store: Any, settings: WorkspaceSettings) -> list[Recipient]:
    """The summary channel when one is configured, else every lead (with their scope)."""
    if settings.summary_channel_id:
        return [Recipient(settings.summary_channel_id, "channel")]
    leads = await store.list_leads(settings.workspace_id)
    return [Recipient(lead.user_id, "dm", lead.channel_ids) for lead in leads]


async def _workspace_name(client: AsyncWebClient, workspace_id: str) -> str:
    try:  # auth.test needs no extra scope and names the bot's workspace
        return str((await client.auth_test()).get("team") or workspace_id)
    except (SlackApiError, SlackRequestError, OSError):
        return workspace_id


def _error_code(exc: BaseException) -> str:
    response = getattr(exc, "response", None)
    code = response.get("error") if response is not None and hasattr(response, "get") else None
    return f"{type(exc).__name__} {code}" if code else type(exc).__name__


async def post_summary(
    client: AsyncWebClient, recipient: Recipient, payload: dict[str, Any]
) -> tuple[str, str]:
    """Post ``payload`` by DM (``conversations.open`` + ``chat.postMessage``) or to the
    summary channel; returns (channel id, message ts)."""
    channel = recipient.id
    if recipient.kind == "dm":
        opened = await client.conversations_open(users=recipient.id)
        channel = str((opened.get("channel") or {}).get("id") or "")
        if not channel:
            raise BoundaryBotError("conversations.open returned no channel id")
    response = await client.chat_postMessage(
        channel=channel,
        text=payload["text"],
        blocks=payload["blocks"],
        unfurl_links=False,
        unfurl_media=False,
    )
    return str(response.get("channel") or channel), str(response.get("ts") or "")


async def send_workspace(
    store: Any,
    settings: WorkspaceSettings,
    client_for: ClientFor,
    *,
    now: datetime,
    min_group_size: int = MIN_GROUP_SIZE,
) -> RunReport:
    """Send the due summary of one workspace to each recipient not yet served."""
    report = RunReport()
    ws = settings.workspace_id
    week, _moment = due_week(
        now, settings.time_zone, settings.summary_weekday, settings.summary_time
    )
    cache: dict[frozenset[str] | None, WeeklySummary] = {}
    client: AsyncWebClient | None = None
    name: str | None = None
    for recipient in await recipients_of(store, settings):
        if not await store.is_workspace_installed(ws):
            # Uninstalled (or revoked) while we were sending: stop, and claim nothing that
            # would recreate rows for a deleted workspace.
            logger.info("summary %s for %s stopped: workspace uninstalled", week, ws)
            break
        existing = await store.get_summary_claim(ws, week, recipient.id)
        if existing is not None and existing.status == "sent":
            report.skipped += 1
            continue
        if not await store.claim_summary(ws, week, recipient.id, now=now):
            report.skipped += 1  # another worker has it, or attempts are exhausted
            continue
        try:
            if client is None:
                client = await client_for(ws)
                if client is None:
                    raise BoundaryBotError("no bot token for this workspace (uninstalled?)")
                name = await _workspace_name(client, ws)
            if recipient.channel_ids not in cache:
                cache[recipient.channel_ids] = await build_weekly_summary(
                    store,
                    ws,
                    week,
                    channel_ids=recipient.channel_ids,
                    workspace_name=name,
                    min_group_size=min_group_size,
                )
            payload = build_summary(cache[recipient.channel_ids])
            channel, ts = await post_summary(client, recipient, payload)
        except (SlackApiError, SlackRequestError, OSError, TimeoutError, BoundaryBotError) as exc:
            logger.warning("summary %s for %s not sent: %s", week, ws, _error_code(exc))
            await store.mark_summary_failed(ws, week, recipient.id)
            report.failed.append((ws, week))
            continue
        await store.mark_summary_sent(ws, week, recipient.id, channel_id=channel, message_ts=ts)
        logger.info("summary %s for %s sent (%s)", week, ws, recipient.kind)
        report.sent.append((ws, week))
    return report


async def send_due(
    store: Any,
    client_for: ClientFor,
    *,
    now: datetime | None = None,
    min_group_size: int = MIN_GROUP_SIZE,
) -> RunReport:
    """One pass: send every due summary of every active workspace (see module docstring)."""
    now = now or datetime.now(UTC)
    report = RunReport()
    for settings in await store.list_workspaces(active_only=True):
        try:
            report.merge(
                await send_workspace(
                    store, settings, client_for, now=now, min_group_size=min_group_size
                )
            )
        except BoundaryBotError as exc:  # one workspace's trouble must not stop the others
            logger.warning("summaries for %s skipped: %s", settings.workspace_id, _error_code(exc))
    return report


async def run_periodically(svc: Any, interval: float | None = None) -> None:
    """Run :func:`send_due` every ``interval`` seconds until ``svc.stopping`` is set.

    ``svc`` is the app's :class:`bot.services.Services`; ``interval`` defaults to the
    ``SUMMARY_INTERVAL_SECONDS`` setting (60; 0 disables the loop).
    """
    if interval is None:
        interval = svc.settings.summary_interval_seconds
    if interval <= 0:
        logger.info("summary scheduler disabled")
        return
    stopping: asyncio.Event = svc.stopping
    while not stopping.is_set():
        try:
            await send_due(svc.store, svc.client_for, min_group_size=svc.settings.min_group_size)
        except Exception as exc:  # keep the loop alive; log the type only
            logger.warning("summary pass failed: %s", _error_code(exc))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), timeout=interval)


def start_in(svc: Any, interval: float | None = None) -> None:
    """Start :func:`run_periodically` as a daemon task of the app (stopped on shutdown)."""
    svc.tasks.spawn(run_periodically(svc, interval), name="summary-scheduler", daemon=True)
