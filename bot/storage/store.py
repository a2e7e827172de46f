"""The Store facade: the only module the rest of the app uses for data.

Listeners call these async methods and never see SQL. Every method translates database
connection failures into :class:`~bot.errors.StorageUnavailable`. Nothing accepted or
returned here carries message text. See docs/STORAGE.md.
"""

from __future__ import annotations

import asyncio
import secrets
import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore
from sqlalchemy import and_, delete, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.errors import ConfigurationError, InvalidSetting, LockTimeout
from bot.storage import migrate as _migrate_module
from bot.storage._base import as_utc, hour_bucket, key_digest, utcnow
from bot.storage._outbox import OUTBOX_LEASE, OutboxMixin, encode_findings
from bot.storage._summaries import SummaryMixin
from bot.storage.crypto import TokenCipher
from bot.storage.engine import advisory_key
from bot.storage.installations import EncryptedInstallationStore
from bot.storage.models import (
    FindingRecord,
    PurgeResult,
    RecordResult,
    SkipReason,
    WorkspaceSettings,
)
from bot.storage.pseudonym import normalise_key, pseudonymise
from bot.storage.tables import (
    ENCRYPTED_COLUMNS,
    WORKSPACE_TABLES,
    channel_settings,
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
    workspaces,
)

SEVERITY_ORDER = {"info": 0, "caution": 1, "high": 2}
EVENT_KEY_TTL = timedelta(hours=24)  # Slack retries for ~1 h; Delayed Events up to 24 h
DEFAULT_RETENTION_DAYS = 180
MAX_COOLDOWN_HOURS = 24 * 30
_KEEP: Any = object()


class Store(OutboxMixin, SummaryMixin):
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
        posting.
        """
        now = as_utc(now) if now else utcnow()
        for finding in findings:
            _check_severity(finding.severity)
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
                    lease_until=now + OUTBOX_LEASE,
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

    # ------------------------------------------------------ channel settings
    async def set_channel_enabled(self, workspace_id: str, channel_id: str, enabled: bool) -> None:
        """Opt a channel out of (``enabled=False``) or back into passive nudges."""
        now = utcnow()
        async with self._write() as connection:
            await connection.execute(
                self._insert(channel_settings)
                .values(
                    workspace_id=workspace_id,
                    channel_id=channel_id,
                    enabled=enabled,
                    updated_at=now,
                )
                .on_conflict_do_update(
                    index_elements=[channel_settings.c.workspace_id, channel_settings.c.channel_id],
                    set_={"enabled": enabled, "updated_at": now},
                )
            )

    async def is_channel_enabled(self, workspace_id: str, channel_id: str) -> bool:
        """False only for channels that opted out (the default is enabled)."""
        async with self._read() as connection:
            return await self._channel_enabled(connection, workspace_id, channel_id)

    async def _channel_enabled(
        self, connection: AsyncConnection, workspace_id: str, channel_id: str
    ) -> bool:
        row = (
            await connection.execute(
                select(channel_settings.c.enabled).where(
                    and_(
                        channel_settings.c.workspace_id == workspace_id,
                        channel_settings.c.channel_id == channel_id,
                    )
                )
            )
        ).first()
        return True if row is None else bool(row[0])

    # ---------------------------------------------------- workspace settings
    async def get_workspace_settings(self, workspace_id: str) -> WorkspaceSettings:
        """The workspace's settings (defaults when nothing was saved)."""
        async with self._read() as connection:
            return await self._settings(connection, workspace_id)

    async def ensure_workspace(self, workspace_id: str) -> WorkspaceSettings:
        """Create the workspace row with default settings if it does not exist yet."""
        now = utcnow()
        async with self._write() as connection:
            await connection.execute(
                self._insert(workspaces)
                .values(workspace_id=workspace_id, active=True, created_at=now, updated_at=now)
                .on_conflict_do_nothing(index_elements=[workspaces.c.workspace_id])
            )
            return await self._settings(connection, workspace_id)

    async def update_workspace_settings(
        self,
        workspace_id: str,
        *,
        threshold: str = _KEEP,
        cooldown_hours: int = _KEEP,
        time_zone: str = _KEEP,
        summary_weekday: int = _KEEP,
        summary_time: time | str = _KEEP,
        summary_channel_id: str | None = _KEEP,
    ) -> WorkspaceSettings:
        """Change some settings (omitted ones are kept); raises InvalidSetting on bad values."""
        changes: dict[str, Any] = {}
        if threshold is not _KEEP:
            changes["threshold"] = _check_severity(threshold)
        if cooldown_hours is not _KEEP:
            if not isinstance(cooldown_hours, int) or not 1 <= cooldown_hours <= MAX_COOLDOWN_HOURS:
                raise InvalidSetting(
                    f"cooldown_hours must be an integer from 1 to {MAX_COOLDOWN_HOURS}; "
                    f"received {cooldown_hours!r}"
                )
            changes["cooldown_hours"] = cooldown_hours
        if time_zone is not _KEEP:
            changes["time_zone"] = _check_time_zone(time_zone)
        if summary_weekday is not _KEEP:
            if summary_weekday not in range(7):
                raise InvalidSetting(
                    "summary_weekday must be 0 (Monday) to 6 (Sunday); "
                    f"received {summary_weekday!r}"
                )
            changes["summary_weekday"] = summary_weekday
        if summary_time is not _KEEP:
            changes["summary_time"] = _check_time(summary_time)
        if summary_channel_id is not _KEEP:
            changes["summary_channel_id"] = summary_channel_id
        now = utcnow()
        async with self._write() as connection:
            await connection.execute(
                self._insert(workspaces)
                .values(workspace_id=workspace_id, active=True, created_at=now, updated_at=now)
                .on_conflict_do_nothing(index_elements=[workspaces.c.workspace_id])
            )
            await connection.execute(
                update(workspaces)
                .where(workspaces.c.workspace_id == workspace_id)
                .values(updated_at=now, **changes)
            )
            return await self._settings(connection, workspace_id)

    async def list_workspaces(self, *, active_only: bool = True) -> list[WorkspaceSettings]:
        """Every known workspace (for the summary scheduler), ordered by id."""
        statement = select(workspaces).order_by(workspaces.c.workspace_id)
        if active_only:
            statement = statement.where(workspaces.c.active.is_(True))
        async with self._read() as connection:
            rows = (await connection.execute(statement)).mappings().all()
        return [_settings_from_row(row) for row in rows]

    async def _settings(self, connection: AsyncConnection, workspace_id: str) -> WorkspaceSettings:
        row = (
            (
                await connection.execute(
                    select(workspaces).where(workspaces.c.workspace_id == workspace_id)
                )
            )
            .mappings()
            .first()
        )
        return WorkspaceSettings(workspace_id) if row is None else _settings_from_row(row)

    # --------------------------------------------------------- installations
    async def mark_installation_inactive(self, workspace_id: str, reason: str = "revoked") -> None:
        """Stop work for a workspace (``invalid_auth``, ``token_revoked``...)."""
        await self._set_active(workspace_id, False, reason[:64])

    async def mark_installation_active(self, workspace_id: str) -> None:
        """Resume work for a workspace (called on every successful install)."""
        await self._set_active(workspace_id, True, None)

    async def is_installation_active(self, workspace_id: str) -> bool:
        """False once the installation was marked inactive (unknown workspaces are active)."""
        return (await self.get_workspace_settings(workspace_id)).active

    async def _set_active(self, workspace_id: str, active: bool, reason: str | None) -> None:
        now = utcnow()
        values = {"active": active, "inactive_reason": reason, "updated_at": now}
        async with self._write() as connection:
            await connection.execute(
                self._insert(workspaces)
                .values(workspace_id=workspace_id, created_at=now, **values)
                .on_conflict_do_update(index_elements=[workspaces.c.workspace_id], set_=values)
            )

    def installation_store(self, client_id: str) -> EncryptedInstallationStore:
        """slack_sdk installation store for Bolt's OAuth flow, with tokens encrypted."""
        if self._cipher is None:
            raise ConfigurationError(
                "TOKEN_ENCRYPTION_KEY is required to store Slack tokens (OAuth installs); "
                "received none"
            )
        return EncryptedInstallationStore(
            client_id=client_id,
            engine=self.engine,
            cipher=self._cipher,
            on_saved=self.mark_installation_active,
        )

    def oauth_state_store(self, expiration_seconds: int = 600) -> AsyncSQLAlchemyOAuthStateStore:
        """slack_sdk OAuth state store on the same database."""
        return AsyncSQLAlchemyOAuthStateStore(
            expiration_seconds=expiration_seconds, engine=self.engine
        )

    async def rotate_token_key(self) -> int:
        """Re-encrypt every stored Slack secret with the newest key; returns rows rewritten.

        Plaintext secrets written before encryption was enabled are encrypted too.
        """
        if self._cipher is None:
            raise ConfigurationError("TOKEN_ENCRYPTION_KEY is required to rotate; received none")
        rewritten = 0
        async with self._write() as connection:
            for table in (slack_installations, slack_bots):
                names = ENCRYPTED_COLUMNS[table.name]
                columns = [table.c.id, *(table.c[name] for name in names)]
                rows = (await connection.execute(select(*columns))).mappings().all()
                for row in rows:
                    values = {name: self._cipher.rotate(row[name]) for name in names}
                    await connection.execute(
                        update(table).where(table.c.id == row["id"]).values(**values)
                    )
                    rewritten += 1
        return rewritten

    @asynccontextmanager
    async def token_refresh_lock(
        self, workspace_id: str, *, timeout: float = 30.0, lease: float = 60.0
    ) -> AsyncIterator[None]:
        """Serialise token-rotation refreshes of one workspace across all workers.

        PostgreSQL: ``pg_advisory_xact_lock`` held by a transaction for the block's duration.
        SQLite: a row in ``locks`` (expiring after ``lease`` seconds if its holder dies).
        Raises LockTimeout after ``timeout`` seconds of waiting.
        """
        name = f"token-refresh:{workspace_id}"
        if self.backend == "postgresql":
            async with self._write() as connection:
                await connection.execute(text(f"SET LOCAL lock_timeout = {int(timeout * 1000)}"))
                try:
                    await connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": advisory_key(name)}
                    )
                except Exception as exc:
                    if "lock timeout" in str(getattr(exc, "orig", exc)).lower():
                        raise LockTimeout(f"waited {timeout:g}s for the {name} lock") from exc
                    raise
                yield
            return
        owner = secrets.token_hex(8)
        deadline = asyncio.get_running_loop().time() + timeout
        while not await self._try_lock(name, owner, timedelta(seconds=lease)):
            if asyncio.get_running_loop().time() >= deadline:
                raise LockTimeout(f"waited {timeout:g}s for the {name} lock")
            await asyncio.sleep(0.05)
        try:
            yield
        finally:
            async with self._write() as connection:
                await connection.execute(
                    delete(locks).where(and_(locks.c.name == name, locks.c.owner == owner))
                )

    async def _try_lock(self, name: str, owner: str, lease: timedelta) -> bool:
        now = utcnow()
        async with self._write() as connection:
            statement = (
                self._insert(locks)
                .values(name=name, owner=owner, expires_at=now + lease)
                .on_conflict_do_update(
                    index_elements=[locks.c.name],
                    set_={"owner": owner, "expires_at": now + lease},
                    where=locks.c.expires_at <= now,
                )
            )
            return (await connection.execute(statement)).rowcount == 1

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


def _check_severity(value: str) -> str:
    if value not in SEVERITY_ORDER:
        raise InvalidSetting(
            f"severity must be one of {', '.join(SEVERITY_ORDER)}; received {value!r}"
        )
    return value


def _check_time_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, TypeError) as exc:
        raise InvalidSetting(
            f"time_zone must be an IANA time zone such as 'Europe/Berlin'; received {value!r}"
        ) from exc
    return value


def _check_time(value: time | str) -> str:
    if isinstance(value, time):
        return value.strftime("%H:%M")
    try:
        return time.fromisoformat(value).strftime("%H:%M")
    except (ValueError, TypeError) as exc:
        raise InvalidSetting(f"summary_time must be HH:MM; received {value!r}") from exc


def _settings_from_row(row: Any) -> WorkspaceSettings:
    return WorkspaceSettings(
        workspace_id=row["workspace_id"],
        threshold=row["threshold"],
        cooldown_hours=row["cooldown_hours"],
        time_zone=row["time_zone"],
        summary_weekday=row["summary_weekday"],
        summary_time=time.fromisoformat(row["summary_time"]),
        summary_channel_id=row["summary_channel_id"],
        active=bool(row["active"]),
        inactive_reason=row["inactive_reason"],
    )


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
