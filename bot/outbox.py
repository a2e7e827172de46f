"""Delivery of recorded nudges, and the sweeper that redelivers after a crash.

The message listener records flags and an outbox row in one transaction, then hands the
rendered nudge (built in memory from the assessment) to :func:`deliver_nudge` in a
background task. The outbox row holds no message text: after a restart,
:func:`redeliver_pending` re-renders the nudge from the row's category, rule id and nudge
id (:func:`render_from_outbox`), delivers fresh rows and drops stale ones, logging how many.
The same loop runs the daily retention purge.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.delivery import Outcome, post_ephemeral
from bot.errors import StorageError

if TYPE_CHECKING:
    from bot.services import Services

logger = logging.getLogger(__name__)

SWEEP_INTERVAL_SECONDS = 30.0  # default of OUTBOX_SWEEP_SECONDS
PURGE_INTERVAL_SECONDS = 24 * 3600.0


async def deliver_nudge(
    svc: Services,
    client: AsyncWebClient,
    *,
    nudge_id: str,
    workspace_id: str,
    channel_id: str,
    user_id: str,
    thread_ts: str | None,
    payload: dict[str, Any],
) -> Outcome:
    """Post one nudge ephemerally and settle its outbox row according to the outcome."""
    outcome = await post_ephemeral(
        client,
        channel=channel_id,
        user=user_id,
        thread_ts=thread_ts,
        payload=payload,
        what="nudge",
    )
    store = svc.store
    try:
        if outcome is Outcome.DELIVERED:
            await store.mark_delivered(nudge_id)
        elif outcome is Outcome.UNCERTAIN:
            # Slack may have posted it: redelivering could show the nudge twice.
            await store.mark_delivered(nudge_id)
        elif outcome is Outcome.DROPPED:
            await store.mark_undeliverable(nudge_id)
        elif outcome is Outcome.AUTH_DEAD:
            await store.mark_undeliverable(nudge_id)
            await store.mark_installation_inactive(workspace_id, "auth_failed")
            logger.warning("installation %s marked inactive after an auth error", workspace_id)
        else:
            await store.release_nudge(nudge_id)
    except StorageError as exc:
        # The lease expires on its own; the sweeper settles the row later.
        logger.warning("could not settle nudge %s: %s", nudge_id, type(exc).__name__)
    return outcome


def render_from_outbox(svc: Services, item: Any) -> dict[str, Any]:
    """Re-render a nudge from an outbox row (category, rule id, nudge id; no message text).

    The compact nudge quotes the triggering phrase, which is gone after a restart, so the
    redelivered nudge is the expanded one: the guidance for the category and the rule id.
    """
    from responses.actions import NudgeRef, safe_rule_id
    from responses.nudge import build_nudge_expanded

    ref = NudgeRef(
        nudge_id=item.id,
        category=item.category,
        rule_id=safe_rule_id(item.rule_id or "unknown"),
    )
    payload: dict[str, Any] = build_nudge_expanded(ref, svc.guidance)
    return payload


async def sweep_once(svc: Services) -> tuple[int, int]:
    """Drop stale nudges and deliver fresh unleased ones; returns (delivered, dropped)."""
    store = svc.store
    max_age = timedelta(seconds=svc.settings.outbox_max_age_seconds)
    dropped = await store.drop_stale_nudges(max_age=max_age)
    if dropped:
        logger.warning("dropped %d nudge(s) older than %s without delivering", dropped, max_age)
    delivered = 0
    lease = timedelta(seconds=svc.settings.outbox_lease_seconds)
    for item in await store.claim_pending_nudges(max_age=max_age, lease=lease):
        client = await svc.client_for(item.workspace_id)
        if client is None or not await store.is_installation_active(item.workspace_id):
            await store.mark_undeliverable(item.id)
            continue
        outcome = await deliver_nudge(
            svc,
            client,
            nudge_id=item.id,
            workspace_id=item.workspace_id,
            channel_id=item.channel_id,
            user_id=item.user_id,
            thread_ts=item.thread_ts,
            payload=render_from_outbox(svc, item),
        )
        delivered += outcome is Outcome.DELIVERED
    if delivered:
        logger.info("redelivered %d pending nudge(s)", delivered)
    return delivered, dropped


async def redeliver_pending(
    svc: Services,
    *,
    interval: float | None = None,
    stop: asyncio.Event | None = None,
) -> None:
    """Sweep the outbox now and every ``interval`` seconds (``OUTBOX_SWEEP_SECONDS``);
    purge old events daily."""
    stop = stop or svc.stopping
    interval = svc.settings.outbox_sweep_seconds if interval is None else interval
    loop = asyncio.get_running_loop()
    next_purge = loop.time()
    while not stop.is_set():
        try:
            await sweep_once(svc)
            if loop.time() >= next_purge:
                result = await svc.store.purge_older_than(svc.settings.retention_days)
                logger.info("retention purge removed %d row(s)", result.total)
                next_purge = loop.time() + PURGE_INTERVAL_SECONDS
        except StorageError as exc:
            logger.warning("outbox sweep skipped: %s", type(exc).__name__)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=interval)
