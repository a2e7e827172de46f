"""Outbox of pending nudges: survives a crash between the flag record and the Slack post.

A row is written in the same transaction as the flag events, leased to the worker that
recorded it, deleted on delivery, and dropped (with the drop counted) once older than
``OUTBOX_MAX_AGE``. A worker that crashed loses its lease and another worker redelivers.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.storage._base import as_utc, fail_waiters, utcnow
from bot.storage._group import HotPathMixin
from bot.storage.models import FindingRecord, OutboxItem
from bot.storage.tables import flag_events, outbox

#: Nudges older than this are no longer relevant and are dropped instead of delivered.
OUTBOX_MAX_AGE = timedelta(minutes=10)
#: How long the recording worker (or a claimer) owns a row before others may retry it.
OUTBOX_LEASE = timedelta(seconds=60)
#: At most this many delivered rows are deleted in one transaction.
_DELIVERED_BATCH = 200


def _decode_findings(raw: str) -> tuple[FindingRecord, ...]:
    return tuple(
        FindingRecord(
            category=item["category"],
            rule_ids=tuple(item["rule_ids"]),
            severity=item["severity"],
        )
        for item in json.loads(raw)
    )


class OutboxMixin(HotPathMixin):
    """Outbox operations of the Store."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._delivered_pending: list[tuple[str, asyncio.Future[bool]]] = []
        self._delivered_flusher: asyncio.Task[None] | None = None

    async def claim_pending_nudges(
        self,
        *,
        limit: int = 100,
        max_age: timedelta = OUTBOX_MAX_AGE,
        lease: timedelta = OUTBOX_LEASE,
        now: datetime | None = None,
    ) -> list[OutboxItem]:
        """Lease up to ``limit`` fresh nudges that nobody is delivering, oldest first.

        Each returned row is leased to the caller for ``lease`` and its ``attempts`` is
        increased; concurrent callers (other workers) never receive the same row.
        """
        now = as_utc(now) if now else utcnow()
        candidates = (
            select(outbox.c.id)
            .where(and_(outbox.c.created_at > now - max_age, outbox.c.lease_until <= now))
            .order_by(outbox.c.created_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        statement = (
            update(outbox)
            .where(outbox.c.id.in_(candidates.scalar_subquery()))
            .values(lease_until=now + lease, attempts=outbox.c.attempts + 1)
            .returning(*outbox.c)
        )
        async with self._write() as connection:
            rows = (await connection.execute(statement)).mappings().all()
        items = [
            OutboxItem(
                id=row["id"],
                workspace_id=row["workspace_id"],
                channel_id=row["channel_id"],
                user_id=row["user_id"],
                thread_ts=row["thread_ts"],
                category=row["category"],
                rule_id=row["rule_id"],
                severity=row["severity"],
                findings=_decode_findings(row["findings"]),
                attempts=row["attempts"],
                created_at=row["created_at"],
            )
            for row in rows
        ]
        return sorted(items, key=lambda item: item.created_at)

    async def mark_delivered(self, nudge_id: str) -> bool:
        """Delete a delivered nudge's outbox row; False if it was already gone.

        Concurrent calls share transactions: while one batch is being deleted, the ids
        that arrive wait and go together in the next (one ``DELETE ... IN``), so under load
        a worker spends one transaction on many deliveries. A call returns once its row's
        deletion has committed; alone, it costs one transaction as before.
        """
        loop = asyncio.get_running_loop()
        done: asyncio.Future[bool] = loop.create_future()
        self._delivered_pending.append((nudge_id, done))
        if self._delivered_flusher is None or self._delivered_flusher.done():
            self._delivered_flusher = loop.create_task(self._flush_delivered())
        return await done

    async def _flush_delivered(self) -> None:
        queue = self._delivered_pending
        while queue:
            batch = queue[:_DELIVERED_BATCH]
            del queue[:_DELIVERED_BATCH]
            ids = [nudge_id for nudge_id, _ in batch]
            try:
                deleted = await self._delete_delivered(ids)
            except BaseException as exc:
                fail_waiters([done for _, done in batch], exc)
                continue
            for nudge_id, done in batch:
                # The same id twice in one batch was deleted once: only the first says so.
                was_deleted = nudge_id in deleted
                deleted.discard(nudge_id)
                if not done.done():
                    done.set_result(was_deleted)

    async def close(self) -> None:
        """Finish a :meth:`mark_delivered` batch in progress, then close the engine."""
        flusher = self._delivered_flusher
        if flusher is not None and not flusher.done():
            with contextlib.suppress(Exception):
                await flusher
        await super().close()

    async def mark_undeliverable(self, nudge_id: str) -> bool:
        """Give up on a nudge (e.g. ``user_not_in_channel``): delete the row and record that
        no nudge was sent for its flag events. False if the row was already gone."""
        async with self._write() as connection:
            result = await connection.execute(delete(outbox).where(outbox.c.id == nudge_id))
            if result.rowcount:
                await self._unmark_nudges(connection, [nudge_id])
        return bool(result.rowcount)

    async def release_nudge(self, nudge_id: str, *, now: datetime | None = None) -> None:
        """Release the lease after a transient failure so the next sweep retries it."""
        now = as_utc(now) if now else utcnow()
        async with self._write() as connection:
            await connection.execute(
                update(outbox).where(outbox.c.id == nudge_id).values(lease_until=now)
            )

    async def drop_stale_nudges(
        self, *, max_age: timedelta = OUTBOX_MAX_AGE, now: datetime | None = None
    ) -> int:
        """Delete nudges older than ``max_age``; returns how many were dropped (log it)."""
        now = as_utc(now) if now else utcnow()
        async with self._write() as connection:
            ids = (
                (
                    await connection.execute(
                        delete(outbox)
                        .where(outbox.c.created_at <= now - max_age)
                        .returning(outbox.c.id)
                    )
                )
                .scalars()
                .all()
            )
            await self._unmark_nudges(connection, list(ids))
        return len(ids)

    async def pending_nudge_count(self) -> int:
        """How many nudges are waiting in the outbox (for health and metrics)."""
        async with self._read() as connection:
            result = await connection.execute(select(func.count()).select_from(outbox))
            return int(result.scalar_one())

    @staticmethod
    async def _unmark_nudges(connection: AsyncConnection, ids: list[str]) -> None:
        if not ids:
            return
        for start in range(0, len(ids), 500):
            await connection.execute(
                update(flag_events)
                .where(flag_events.c.occurrence_id.in_(ids[start : start + 500]))
                .values(nudge_sent=False)
            )
