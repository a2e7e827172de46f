"""The Store facade: the only module the rest of the app uses for data.

Listeners call these async methods and never see SQL. Every method translates database
connection failures into :class:`~bot.errors.StorageUnavailable`. Nothing accepted or
returned here carries message text. See docs/STORAGE.md.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from sqlalchemy import Connection, and_, delete, or_, select, update

from bot.errors import InvalidSetting
from bot.storage import migrate as _migrate_module
from bot.storage._base import as_utc, utcnow
from bot.storage._commands import CommandMixin
from bot.storage._hot import INSERT_FLAGS, claim, question_rows
from bot.storage._hotsql import MessageEvent
from bot.storage._outbox import OUTBOX_LEASE, OutboxMixin
from bot.storage._summaries import SummaryMixin
from bot.storage._workspaces import (
    MAX_COOLDOWN_HOURS,
    WorkspaceMixin,
    check_severity,
)
from bot.storage.crypto import TokenCipher
from bot.storage.models import (
    FindingRecord,
    PurgeResult,
    RecordResult,
)
from bot.storage.pseudonym import normalise_key, pseudonymise
from bot.storage.tables import (
    WORKSPACE_TABLES,
    cooldowns,
    dedupe_keys,
    flag_events,
    locks,
    slack_bots,
    slack_installations,
    slack_oauth_states,
    summary_claims,
    user_prefs,
)

EVENT_KEY_TTL = timedelta(hours=24)  # Slack retries for ~1 h; Delayed Events up to 24 h
DEFAULT_RETENTION_DAYS = 180


class Store(WorkspaceMixin, OutboxMixin, SummaryMixin, CommandMixin):
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
        event = MessageEvent(
            event_key=f"event:{event_id}",
            workspace_id=workspace_id,
            user_id=user_id,
            pseudonym=self.pseudonym(workspace_id, user_id),
            channel_id=channel_id,
            findings=tuple(findings),
            thread_ts=thread_ts,
            allow_nudge=allow_nudge,
            lease=lease,
            ttl=EVENT_KEY_TTL,
            now=now,
        )
        return await self._record_event(event)

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
        rows = question_rows(
            workspace_id,
            pseudonym,
            channel_id,
            occurrence_id,
            list(dict.fromkeys(categories or ["general"])),
            now,
        )
        await self._run_write(partial(_insert_flags, rows=rows))
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
        return await self._run_write(
            partial(claim, backend=self.backend, key=f"key:{key}", ttl=ttl, now=utcnow())
        )

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
                self._upsert(
                    user_prefs,
                    {"workspace_id": workspace_id, "user_pseudonym": pseudonym},
                    {"mute_until": until, "updated_at": now},
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


def _insert_flags(connection: Connection, rows: list[dict[str, Any]]) -> None:
    connection.execute(INSERT_FLAGS, rows)
