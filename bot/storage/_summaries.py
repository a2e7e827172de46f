"""Leads, summary delivery claims, and the SQL aggregations behind the weekly summary.

Every aggregation is one ``GROUP BY`` query over ``flag_events`` for a half-open UTC range
``[start, end)`` applied to the hour bucket, optionally restricted to a set of channels (a
lead's team). Nothing here returns a pseudonym or a per-person count.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, delete, distinct, func, literal, select, update
from sqlalchemy.sql.elements import ColumnElement

from bot.storage._base import StoreBase, as_utc, utcnow
from bot.storage.models import (
    CategoryCount,
    ChannelCount,
    ChannelNudges,
    FeedbackRate,
    Lead,
    RuleFeedback,
    SummaryClaim,
    Totals,
)
from bot.storage.tables import flag_events, leads, summary_claims, workspaces

#: A claim still "claimed" after this long belongs to a crashed sender and may be retaken.
SUMMARY_CLAIM_LEASE = timedelta(minutes=15)
#: Failed sends are retried on later runs until this many attempts were made.
SUMMARY_MAX_ATTEMPTS = 5

_fe = flag_events.c


def _count_if(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


_IS_NUDGE = and_(_fe.source == "message", _fe.nudge_sent.is_(True))
_IS_QUESTION = _fe.source == "command"
_IS_FLAG = _fe.source == "message"


class SummaryMixin(StoreBase):
    """Lead configuration, exactly-once summary claims and summary aggregations."""

    # ----------------------------------------------------------------- leads
    async def add_lead(
        self, workspace_id: str, user_id: str, channel_ids: Collection[str] | None = None
    ) -> Lead:
        """Add (or update) a lead; ``channel_ids`` limits their summary to those channels."""
        scope = None if channel_ids is None else json.dumps(sorted(set(channel_ids)))
        statement = self._upsert(
            leads,
            {"workspace_id": workspace_id, "user_id": user_id},
            {"channel_scope": scope},
            insert_only={"created_at": utcnow()},
        )
        async with self._write() as connection:
            await connection.execute(statement)
        return Lead(user_id, None if channel_ids is None else frozenset(channel_ids))

    async def remove_lead(self, workspace_id: str, user_id: str) -> bool:
        """Remove a lead; False when they were not a lead."""
        async with self._write() as connection:
            result = await connection.execute(
                delete(leads).where(
                    and_(leads.c.workspace_id == workspace_id, leads.c.user_id == user_id)
                )
            )
        return bool(result.rowcount)

    async def list_leads(self, workspace_id: str) -> list[Lead]:
        """The workspace's leads, ordered by user id."""
        async with self._read() as connection:
            rows = await connection.execute(
                select(leads.c.user_id, leads.c.channel_scope)
                .where(leads.c.workspace_id == workspace_id)
                .order_by(leads.c.user_id)
            )
            return [
                Lead(
                    row.user_id,
                    None if row.channel_scope is None else frozenset(json.loads(row.channel_scope)),
                )
                for row in rows
            ]

    # -------------------------------------------------------- summary claims
    async def claim_summary(
        self,
        workspace_id: str,
        week: str,
        recipient: str,
        *,
        lease: timedelta = SUMMARY_CLAIM_LEASE,
        max_attempts: int = SUMMARY_MAX_ATTEMPTS,
        now: datetime | None = None,
    ) -> bool:
        """Claim the right to send ``week``'s summary to ``recipient``; True for one caller.

        A new claim wins; so does retaking a ``failed`` claim (under ``max_attempts``) or a
        ``claimed`` one older than ``lease`` (its sender crashed). A ``sent`` claim never
        wins again. Safe with any number of concurrent workers.

        Only an installed workspace (its ``workspaces`` row exists and is active) can be
        claimed for: the claim is ``INSERT ... SELECT`` from that row in ONE statement, so
        an uninstall that lands between the scheduler's installed-check and the claim
        leaves no claim behind. On PostgreSQL the row is read ``FOR SHARE``: a concurrent
        :meth:`delete_workspace` (which deletes the ``workspaces`` row first) either waits
        for the claim and then deletes it too, or commits first and the claim finds nothing.
        """
        now = as_utc(now) if now else utcnow()
        c = summary_claims.c
        values = {
            "workspace_id": workspace_id,
            "week": week,
            "recipient": recipient,
            "status": "claimed",
            "attempts": 1,
            "claimed_at": now,
        }
        installed = (
            select(*(literal(value, c[name].type).label(name) for name, value in values.items()))
            .select_from(workspaces)
            .where(
                and_(
                    workspaces.c.workspace_id == workspace_id,
                    workspaces.c.active.is_(True),
                )
            )
            .with_for_update(read=True)
        )
        statement = (
            self._insert(summary_claims)
            .from_select(list(values), installed)
            .on_conflict_do_update(
                index_elements=[c.workspace_id, c.week, c.recipient],
                set_={"status": "claimed", "attempts": c.attempts + 1, "claimed_at": now},
                where=and_(
                    c.attempts < max_attempts,
                    (c.status == "failed")
                    | and_(c.status == "claimed", c.claimed_at <= now - lease),
                ),
            )
        )
        async with self._write() as connection:
            result = await connection.execute(statement)
        return result.rowcount == 1

    async def mark_summary_sent(
        self,
        workspace_id: str,
        week: str,
        recipient: str,
        *,
        channel_id: str | None = None,
        message_ts: str | None = None,
        now: datetime | None = None,
    ) -> bool:
        """Record a successful send (and where it landed, for the App Home link)."""
        return await self._finish_claim(
            workspace_id,
            week,
            recipient,
            status="sent",
            sent_at=as_utc(now) if now else utcnow(),
            channel_id=channel_id,
            message_ts=message_ts,
        )

    async def mark_summary_failed(self, workspace_id: str, week: str, recipient: str) -> bool:
        """Record a failed send; a later :meth:`claim_summary` retries it."""
        return await self._finish_claim(workspace_id, week, recipient, status="failed")

    async def _finish_claim(
        self, workspace_id: str, week: str, recipient: str, **values: Any
    ) -> bool:
        c = summary_claims.c
        async with self._write() as connection:
            result = await connection.execute(
                update(summary_claims)
                .where(
                    and_(
                        c.workspace_id == workspace_id,
                        c.week == week,
                        c.recipient == recipient,
                        c.status == "claimed",
                    )
                )
                .values(**values)
            )
        return bool(result.rowcount)

    async def get_summary_claim(
        self, workspace_id: str, week: str, recipient: str
    ) -> SummaryClaim | None:
        """The delivery state of one summary, or None if never claimed."""
        c = summary_claims.c
        async with self._read() as connection:
            row = (
                (
                    await connection.execute(
                        select(summary_claims).where(
                            and_(
                                c.workspace_id == workspace_id,
                                c.week == week,
                                c.recipient == recipient,
                            )
                        )
                    )
                )
                .mappings()
                .first()
            )
        return None if row is None else SummaryClaim(**dict(row))

    async def last_sent_summary(self, workspace_id: str, recipient: str) -> SummaryClaim | None:
        """The most recently sent summary for ``recipient`` (for the App Home link)."""
        c = summary_claims.c
        async with self._read() as connection:
            row = (
                (
                    await connection.execute(
                        select(summary_claims)
                        .where(
                            and_(
                                c.workspace_id == workspace_id,
                                c.recipient == recipient,
                                c.status == "sent",
                            )
                        )
                        .order_by(c.sent_at.desc())
                        .limit(1)
                    )
                )
                .mappings()
                .first()
            )
        return None if row is None else SummaryClaim(**dict(row))

    # ----------------------------------------------------------- aggregation
    def _range(
        self,
        workspace_id: str,
        start: datetime,
        end: datetime,
        channel_ids: Collection[str] | None,
    ) -> ColumnElement[bool]:
        condition = and_(
            _fe.workspace_id == workspace_id,
            _fe.hour_bucket >= as_utc(start),
            _fe.hour_bucket < as_utc(end),
        )
        if channel_ids is not None:
            condition = and_(condition, _fe.channel_id.in_(sorted(set(channel_ids))))
        return condition

    async def _grouped(
        self, keys: Sequence[Any], measures: Sequence[Any], where: ColumnElement[bool]
    ) -> list[tuple[Any, ...]]:
        """Rows of ``keys`` then ``measures`` (as ints), grouped and ordered by ``keys``."""
        statement = select(*keys, *measures).where(where).group_by(*keys).order_by(*keys)
        async with self._read() as connection:
            rows = (await connection.execute(statement)).all()
        width = len(keys)
        return [(*row[:width], *(int(value) for value in row[width:])) for row in rows]

    async def count_totals(
        self,
        workspace_id: str,
        start: datetime,
        end: datetime,
        *,
        channel_ids: Collection[str] | None = None,
    ) -> Totals:
        """Nudged messages, flagged messages and questions asked in ``[start, end)``."""
        statement = select(
            func.count(distinct(case((_IS_NUDGE, _fe.occurrence_id)))),
            func.count(distinct(case((_IS_FLAG, _fe.occurrence_id)))),
            func.count(distinct(case((_IS_QUESTION, _fe.occurrence_id)))),
        ).where(self._range(workspace_id, start, end, channel_ids))
        async with self._read() as connection:
            nudges, flagged, questions = (await connection.execute(statement)).one()
        return Totals(nudges=int(nudges), flagged=int(flagged), questions=int(questions))

    async def count_by_category(
        self,
        workspace_id: str,
        start: datetime,
        end: datetime,
        *,
        channel_ids: Collection[str] | None = None,
    ) -> list[CategoryCount]:
        """Per category: nudges sent, messages flagged and questions asked in ``[start, end)``."""
        rows = await self._grouped(
            [_fe.category],
            [_count_if(_IS_NUDGE), _count_if(_IS_FLAG), _count_if(_IS_QUESTION)],
            self._range(workspace_id, start, end, channel_ids),
        )
        return [CategoryCount(*row) for row in rows]

    async def count_by_channel(
        self,
        workspace_id: str,
        start: datetime,
        end: datetime,
        *,
        channel_ids: Collection[str] | None = None,
    ) -> list[ChannelCount]:
        """Per channel: nudges, questions, and how many distinct people they came from."""
        rows = await self._grouped(
            [_fe.channel_id],
            [
                func.count(distinct(case((_IS_NUDGE, _fe.occurrence_id)))),
                func.count(distinct(case((_IS_QUESTION, _fe.occurrence_id)))),
                func.count(distinct(_fe.user_pseudonym)),
            ],
            self._range(workspace_id, start, end, channel_ids),
        )
        return [ChannelCount(*row) for row in rows]

    async def feedback_by_category(
        self,
        workspace_id: str,
        start: datetime,
        end: datetime,
        *,
        channel_ids: Collection[str] | None = None,
    ) -> list[FeedbackRate]:
        """ "Not relevant" feedback per category, over nudges sent in ``[start, end)``."""
        return await self._feedback(_fe.category, workspace_id, start, end, channel_ids)

    async def feedback_by_rule(
        self,
        workspace_id: str,
        start: datetime,
        end: datetime,
        *,
        channel_ids: Collection[str] | None = None,
    ) -> list[FeedbackRate]:
        """ "Not relevant" feedback per primary rule id, over nudges sent in ``[start, end)``."""
        return await self._feedback(_fe.rule_id, workspace_id, start, end, channel_ids)

    async def _feedback(
        self,
        column: Any,
        workspace_id: str,
        start: datetime,
        end: datetime,
        channel_ids: Collection[str] | None,
    ) -> list[FeedbackRate]:
        rows = await self._grouped(
            [column],
            [func.count(), _count_if(_fe.feedback == "not_relevant")],
            and_(
                self._range(workspace_id, start, end, channel_ids), _IS_NUDGE, column.is_not(None)
            ),
        )
        return [FeedbackRate(*row) for row in rows]

    # ---------------------------------------- added for the weekly summary (bot/summaries)
    async def count_nudges_by_channel(
        self,
        workspace_id: str,
        start: datetime,
        end: datetime,
        *,
        channel_ids: Collection[str] | None = None,
    ) -> list[ChannelNudges]:
        """Per channel with nudges in ``[start, end)``: nudged messages and the number of
        distinct people nudged (to hide channels whose count would identify someone)."""
        rows = await self._grouped(
            [_fe.channel_id],
            [func.count(distinct(_fe.occurrence_id)), func.count(distinct(_fe.user_pseudonym))],
            and_(self._range(workspace_id, start, end, channel_ids), _IS_NUDGE),
        )
        return [ChannelNudges(*row) for row in rows]

    async def feedback_by_category_rule(
        self,
        workspace_id: str,
        start: datetime,
        end: datetime,
        *,
        channel_ids: Collection[str] | None = None,
    ) -> list[RuleFeedback]:
        """ "Not relevant" feedback per (category, primary rule), over nudges in range."""
        rows = await self._grouped(
            [_fe.category, _fe.rule_id],
            [func.count(), _count_if(_fe.feedback == "not_relevant")],
            and_(
                self._range(workspace_id, start, end, channel_ids),
                _IS_NUDGE,
                _fe.rule_id.is_not(None),
            ),
        )
        return [RuleFeedback(*row) for row in rows]
