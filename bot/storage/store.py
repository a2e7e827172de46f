"""The Store facade: the only module the rest of the app uses for data.

Listeners call these async methods and never see SQL. Every method translates database
connection failures into :class:`~bot.errors.StorageUnavailable`. Nothing accepted or
returned here carries message text. See docs/STORAGE.md.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.errors import InvalidSetting
from bot.storage import migrate as _migrate_module
from bot.storage._base import as_utc, hour_bucket, key_digest, utcnow
from bot.storage._outbox import OUTBOX_LEASE, OutboxMixin, encode_findings
from bot.storage._summaries import SummaryMixin
from bot.storage._workspaces import (
    MAX_COOLDOWN_HOURS,
    SEVERITY_ORDER,
    WorkspaceMixin,
    check_severity,
)
from bot.storage.crypto import TokenCipher
from bot.storage.models import (
    FindingRecord,
    PurgeResult,
    RecordResult,
    SkipReason,
    WorkspaceSettings,
)
from bot.storage.pseudonym import normalise_key, pseudonymise
from bot.storage.tables import (
    WORKSPACE_TABLES,
    cooldowns,
    dedupe_keys,
    flag_events,
    locks,
    outbox,
    slack_bots,
    slack_installations,
    slack_oauth_states,
    summary_claims,
    user_prefs,
)

EVENT_KEY_TTL = timedelta(hours=24)  # Slack retries for ~1 h; Delayed Events up to 24 h
DEFAULT_RETENTION_DAYS = 180


class Store(WorkspaceMixin, OutboxMixin, SummaryMixin):
    """All persistent state of Boundary Bot behind one async API.

    ``database_url`` is ``sqlite+aiosqlite:///file.db`` or ``postgresql+asyncpg://...``;
    ``pseudonym_key`` keys the user pseudonyms; ``token_encryption_keys`` (newest first)
    encrypt Slack tokens at rest; ``pool_size`` is the connection pool per worker process.
    """

    def __init__(
        self,
        database_url: str,
        pseudonym_key: bytes | str,
        token_encryption_keys: list[str] | None = None,
        pool_size: int = 5,
    ) -> None:
        super().__init__(database_url, pool_size=pool_size)
        self._pseudonym_key = normalise_key(pseudonym_key)
        self._cipher = TokenCipher(token_encryption_keys) if token_encryption_keys else None

    # ------------------------------------------------------------- lifecycle
    async def start(self, migrate: bool = True) -> None:
        """Open the engine and, unless ``migrate`` is False, apply pending migrations."""
        self._check_sqlite_directory()
        engine = self._open_engine()
        if migrate:
            await _migrate_module.upgrade(engine)

    async def __aenter__(self) -> Store:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    # ------------------------------------------------------------ pseudonyms
    def pseudonym(self, workspace_id: str, user_id: str) -> str:
        """The keyed pseudonym (64 hex digits) of a user in a workspace."""
        return pseudonymise(self._pseudonym_key, workspace_id, user_id)

    # ------------------------------------------------------ recording events
    async def record_message_flags(
        self,
        event_id: str,
        workspace_id: str,
        user_id: str,
        channel_id: str,
        findings: Sequence[FindingRecord],
        *,
        thread_ts: str | None = None,
        allow_nudge: bool = True,
        lease: timedelta = OUTBOX_LEASE,
        now: datetime | None = None,
    ) -> RecordResult:
        """Deduplicate, check, record and (if due) queue a nudge, in ONE transaction.

        Order: the event id is claimed (a retry returns ``duplicate`` and writes nothing
        else); an inactive installation or an opted-out channel stops here; every finding
        becomes a flag event; a category is nudged when a finding is ``eligible``, at or
        above the workspace threshold, the user is not muted, ``allow_nudge`` is set, and
        the (user, category) cooldown is free (taken atomically). When anything is nudged,
        an outbox row (id = ``nudge_id``) holds what delivery needs: channel, user id,
        ``thread_ts``, categories, rule ids, severity. Call :meth:`mark_delivered` after
        posting. The row is leased to the caller for ``lease``.
        """
        now = as_utc(now) if now else utcnow()
        for finding in findings:
            check_severity(finding.severity)
        pseudonym = self.pseudonym(workspace_id, user_id)
        async with self._write() as connection:
            if not await self._claim(connection, f"event:{event_id}", EVENT_KEY_TTL, now):
                return RecordResult("duplicate")
            settings = await self._settings(connection, workspace_id)
            if not settings.active:
                return RecordResult("inactive")
            if not await self._channel_enabled(connection, workspace_id, channel_id):
                return RecordResult("channel_disabled")
            muted = await self._muted(connection, workspace_id, pseudonym, now)
            if not findings:
                return RecordResult("recorded", muted=muted)
            nudged, skipped = await self._decide_nudges(
                connection, settings, pseudonym, findings, muted, allow_nudge, now
            )
            occurrence_id = uuid.uuid4().hex
            nudged_categories = {finding.category for finding in nudged}
            await connection.execute(
                flag_events.insert(),
                [
                    _flag_row(
                        workspace_id,
                        pseudonym,
                        channel_id,
                        occurrence_id,
                        finding,
                        source="message",
                        nudge_sent=finding.category in nudged_categories,
                        now=now,
                    )
                    for finding in findings
                ],
            )
            if not nudged:
                return RecordResult("recorded", skipped=skipped, muted=muted)
            primary = nudged[0]
            await connection.execute(
                outbox.insert().values(
                    id=occurrence_id,
                    workspace_id=workspace_id,
                    channel_id=channel_id,
                    user_id=user_id,
                    thread_ts=thread_ts,
                    category=primary.category,
                    rule_id=primary.rule_id,
                    severity=primary.severity,
                    findings=encode_findings(nudged),
                    attempts=1,
                    created_at=now,
                    lease_until=now + lease,
                )
            )
        return RecordResult("recorded", occurrence_id, nudged, skipped, muted)

    async def _decide_nudges(
        self,
        connection: AsyncConnection,
        settings: WorkspaceSettings,
        pseudonym: str,
        findings: Sequence[FindingRecord],
        muted: bool,
        allow_nudge: bool,
        now: datetime,
    ) -> tuple[tuple[FindingRecord, ...], dict[str, SkipReason]]:
        threshold = SEVERITY_ORDER[settings.threshold]
        cutoff = now - timedelta(hours=settings.cooldown_hours)
        ordered = sorted(findings, key=lambda f: -SEVERITY_ORDER[f.severity])
        nudged: list[FindingRecord] = []
        skipped: dict[str, SkipReason] = {}
        for category in dict.fromkeys(f.category for f in ordered):
            group = [f for f in ordered if f.category == category]
            candidates = [f for f in group if f.eligible]
            reason: SkipReason | None = None
            if not candidates:
                reason = "not_eligible"
            elif SEVERITY_ORDER[candidates[0].severity] < threshold:
                reason = "below_threshold"
            elif muted:
                reason = "muted"
            elif not allow_nudge:
                reason = "no_delivery"
            elif not await self._take_cooldown(
                connection, settings, pseudonym, category, now, cutoff
            ):
                reason = "cooldown"
            if reason is None:
                nudged.append(candidates[0])
            else:
                skipped[category] = reason
        return tuple(nudged), skipped

    async def _take_cooldown(
        self,
        connection: AsyncConnection,
        settings: WorkspaceSettings,
        pseudonym: str,
        category: str,
        now: datetime,
        cutoff: datetime,
    ) -> bool:
        c = cooldowns.c
        statement = (
            self._insert(cooldowns)
            .values(
                workspace_id=settings.workspace_id,
                user_pseudonym=pseudonym,
                category=category,
                last_nudge_at=now,
            )
            .on_conflict_do_update(
                index_elements=[c.workspace_id, c.user_pseudonym, c.category],
                set_={"last_nudge_at": now},
                where=c.last_nudge_at <= cutoff,
            )
        )
        return (await connection.execute(statement)).rowcount == 1

    async def record_command_question(
        self,
        workspace_id: str,
        user_id: str,
        channel_id: str,
        categories: Sequence[str],
        *,
        now: datetime | None = None,
    ) -> str:
        """Record that ``/boundary <question>`` was asked (one row per recognised category,
        ``general`` when none). Returns the occurrence id. The question text is not stored."""
        now = as_utc(now) if now else utcnow()
        pseudonym = self.pseudonym(workspace_id, user_id)
        occurrence_id = uuid.uuid4().hex
        rows = [
            _flag_row(
                workspace_id,
                pseudonym,
                channel_id,
                occurrence_id,
                FindingRecord(category=category, rule_ids=(), severity="info", is_question=True),
                source="command",
                nudge_sent=False,
                now=now,
            )
            for category in dict.fromkeys(categories or ["general"])
        ]
        async with self._write() as connection:
            await connection.execute(flag_events.insert(), rows)
        return occurrence_id

    async def record_feedback(
        self, workspace_id: str, nudge_id: str, category: str, rule_id: str | None = None
    ) -> bool:
        """Mark a nudge's category (and rule) "not relevant". Idempotent; False when no
        such nudge exists (e.g. purged or the workspace was deleted)."""
        c = flag_events.c
        condition = and_(
            c.workspace_id == workspace_id,
            c.occurrence_id == nudge_id,
            c.category == category,
            c.source == "message",
        )
        if rule_id is not None:
            condition = and_(condition, or_(c.rule_id == rule_id, c.rule_id.is_(None)))
        async with self._write() as connection:
            result = await connection.execute(
                update(flag_events).where(condition).values(feedback="not_relevant")
            )
        return bool(result.rowcount)

    # ------------------------------------------------------- idempotency keys
    async def claim_key(self, key: str, ttl: timedelta = timedelta(minutes=10)) -> bool:
        """Claim an idempotency key (``trigger_id``, ``action_ts``...) for ``ttl``.

        True for the first caller across all workers; False for a replay while the key is
        live. Keys are stored only as SHA-256 digests.
        """
        now = utcnow()
        async with self._write() as connection:
            return await self._claim(connection, f"key:{key}", ttl, now)

    async def _claim(
        self, connection: AsyncConnection, key: str, ttl: timedelta, now: datetime
    ) -> bool:
        c = dedupe_keys.c
        statement = (
            self._insert(dedupe_keys)
            .values(key_hash=key_digest(key), created_at=now, expires_at=now + ttl)
            .on_conflict_do_update(
                index_elements=[c.key_hash],
                set_={"created_at": now, "expires_at": now + ttl},
                where=c.expires_at <= now,
            )
        )
        return (await connection.execute(statement)).rowcount == 1

    # --------------------------------------------------------------- mutes
    async def set_mute(
        self, workspace_id: str, user_id: str, until: datetime | None
    ) -> datetime | None:
        """Mute a user's nudges until ``until`` (None unmutes). Returns the stored value."""
        until = as_utc(until) if until is not None else None
        pseudonym = self.pseudonym(workspace_id, user_id)
        now = utcnow()
        async with self._write() as connection:
            if until is None:
                await connection.execute(
                    delete(user_prefs).where(
                        and_(
                            user_prefs.c.workspace_id == workspace_id,
                            user_prefs.c.user_pseudonym == pseudonym,
                        )
                    )
                )
                return None
            await connection.execute(
                self._insert(user_prefs)
                .values(
                    workspace_id=workspace_id,
                    user_pseudonym=pseudonym,
                    mute_until=until,
                    updated_at=now,
                )
                .on_conflict_do_update(
                    index_elements=[user_prefs.c.workspace_id, user_prefs.c.user_pseudonym],
                    set_={"mute_until": until, "updated_at": now},
                )
            )
        return until

    async def get_mute(
        self, workspace_id: str, user_id: str, *, now: datetime | None = None
    ) -> datetime | None:
        """When the user's mute ends, or None if they are not muted (now)."""
        now = as_utc(now) if now else utcnow()
        async with self._read() as connection:
            row = (
                await connection.execute(
                    select(user_prefs.c.mute_until).where(
                        and_(
                            user_prefs.c.workspace_id == workspace_id,
                            user_prefs.c.user_pseudonym == self.pseudonym(workspace_id, user_id),
                            user_prefs.c.mute_until > now,
                        )
                    )
                )
            ).first()
        return None if row is None else row[0]

    async def is_muted(
        self, workspace_id: str, user_id: str, *, now: datetime | None = None
    ) -> bool:
        """True while the user's mute is in force."""
        return await self.get_mute(workspace_id, user_id, now=now) is not None

    async def _muted(
        self, connection: AsyncConnection, workspace_id: str, pseudonym: str, now: datetime
    ) -> bool:
        row = await connection.execute(
            select(user_prefs.c.mute_until).where(
                and_(
                    user_prefs.c.workspace_id == workspace_id,
                    user_prefs.c.user_pseudonym == pseudonym,
                    user_prefs.c.mute_until > now,
                )
            )
        )
        return row.first() is not None

    # ---------------------------------------------------- deletion, retention
    async def delete_workspace(self, workspace_id: str) -> int:
        """Delete ALL rows of a workspace, installations included; returns rows deleted.

        Idempotent (a second call deletes nothing and returns 0) and safe to run
        concurrently with itself or with a summary send, in one transaction.
        """
        deleted = 0
        async with self._write() as connection:
            for table in WORKSPACE_TABLES:
                result = await connection.execute(
                    delete(table).where(table.c.workspace_id == workspace_id)
                )
                deleted += result.rowcount or 0
            for table in (slack_installations, slack_bots):
                result = await connection.execute(
                    delete(table).where(
                        or_(table.c.team_id == workspace_id, table.c.enterprise_id == workspace_id)
                    )
                )
                deleted += result.rowcount or 0
        return deleted

    async def purge_older_than(
        self, days: int = DEFAULT_RETENTION_DAYS, *, now: datetime | None = None
    ) -> PurgeResult:
        """Retention: delete flag events and summary claims older than ``days``, expired
        dedupe keys, mutes and OAuth states, old cooldowns, and stale outbox rows."""
        if days < 1:
            raise InvalidSetting(f"RETENTION_DAYS must be at least 1; received {days!r}")
        now = as_utc(now) if now else utcnow()
        cutoff = now - timedelta(days=days)
        naive_now = now.replace(tzinfo=None)
        stale = await self.drop_stale_nudges(now=now)
        counts: dict[str, int] = {}
        async with self._write() as connection:
            for label, statement in (
                ("flag_events", delete(flag_events).where(flag_events.c.hour_bucket < cutoff)),
                ("dedupe_keys", delete(dedupe_keys).where(dedupe_keys.c.expires_at <= now)),
                (
                    "cooldowns",
                    delete(cooldowns).where(
                        cooldowns.c.last_nudge_at < now - timedelta(hours=MAX_COOLDOWN_HOURS)
                    ),
                ),
                ("user_prefs", delete(user_prefs).where(user_prefs.c.mute_until <= now)),
                (
                    "summary_claims",
                    delete(summary_claims).where(summary_claims.c.claimed_at < cutoff),
                ),
                (
                    "oauth_states",
                    delete(slack_oauth_states).where(slack_oauth_states.c.expire_at <= naive_now),
                ),
                ("locks", delete(locks).where(locks.c.expires_at <= now)),
            ):
                counts[label] = (await connection.execute(statement)).rowcount or 0
        counts.pop("locks")
        return PurgeResult(outbox=stale, **counts)


def _flag_row(
    workspace_id: str,
    pseudonym: str,
    channel_id: str,
    occurrence_id: str,
    finding: FindingRecord,
    *,
    source: str,
    nudge_sent: bool,
    now: datetime,
) -> dict[str, Any]:
    return {
        "workspace_id": workspace_id,
        "user_pseudonym": pseudonym,
        "channel_id": channel_id,
        "occurrence_id": occurrence_id,
        "category": finding.category,
        "rule_id": finding.rule_id,
        "rule_ids": ",".join(finding.rule_ids) or None,
        "severity": finding.severity,
        "source": source,
        "is_question": finding.is_question,
        "reported": finding.reported,
        "quoted": finding.quoted,
        "nudge_sent": nudge_sent,
        "feedback": None,
        "hour_bucket": hour_bucket(now),
    }
