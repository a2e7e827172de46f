"""Workspace-level state: settings, channel opt-outs, installation status, Slack tokens
(encrypted installation store, key rotation) and the token-refresh lock."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore
from sqlalchemy import and_, delete, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.errors import ConfigurationError, InvalidSetting, LockTimeout
from bot.storage._base import StoreBase, utcnow
from bot.storage._hot import SEVERITY_ORDER
from bot.storage.crypto import TokenCipher
from bot.storage.engine import advisory_key
from bot.storage.installations import EncryptedInstallationStore
from bot.storage.models import WorkspaceSettings
from bot.storage.tables import (
    ENCRYPTED_COLUMNS,
    channel_settings,
    locks,
    slack_bots,
    slack_installations,
    workspaces,
)

MAX_COOLDOWN_HOURS = 24 * 30
_KEEP: Any = object()


class WorkspaceMixin(StoreBase):
    """Per-workspace settings, installation state and token handling of the Store."""

    _cipher: TokenCipher | None

    # ------------------------------------------------------ channel settings
    async def set_channel_enabled(self, workspace_id: str, channel_id: str, enabled: bool) -> None:
        """Opt a channel out of (``enabled=False``) or back into passive nudges."""
        now = utcnow()
        async with self._write() as connection:
            await connection.execute(
                self._upsert(
                    channel_settings,
                    {"workspace_id": workspace_id, "channel_id": channel_id},
                    {"enabled": enabled, "updated_at": now},
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

    def _add_workspace_row(self, workspace_id: str, now: datetime) -> Any:
        """INSERT an active workspace row with default settings unless one exists."""
        return (
            self._insert(workspaces)
            .values(workspace_id=workspace_id, active=True, created_at=now, updated_at=now)
            .on_conflict_do_nothing(index_elements=[workspaces.c.workspace_id])
        )

    async def ensure_workspace(self, workspace_id: str) -> WorkspaceSettings:
        """Create the workspace row with default settings if it does not exist yet."""
        now = utcnow()
        async with self._write() as connection:
            await connection.execute(self._add_workspace_row(workspace_id, now))
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
            changes["threshold"] = check_severity(threshold)
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
            await connection.execute(self._add_workspace_row(workspace_id, now))
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

    async def is_workspace_installed(self, workspace_id: str) -> bool:
        """True while the workspace has a row and is active; False once it was deleted
        (uninstall, ``tokens_revoked``) or marked inactive. Long jobs check it between
        steps so they stop, and recreate nothing, after an uninstall."""
        async with self._read() as connection:
            row = (
                await connection.execute(
                    select(workspaces.c.active).where(workspaces.c.workspace_id == workspace_id)
                )
            ).first()
        return row is not None and bool(row[0])

    async def _set_active(self, workspace_id: str, active: bool, reason: str | None) -> None:
        now = utcnow()
        values = {"active": active, "inactive_reason": reason, "updated_at": now}
        async with self._write() as connection:
            await connection.execute(
                self._upsert(
                    workspaces,
                    {"workspace_id": workspace_id},
                    values,
                    insert_only={"created_at": now},
                )
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
            statement = self._upsert(
                locks,
                {"name": name},
                {"owner": owner, "expires_at": now + lease},
                where=locks.c.expires_at <= now,
            )
            return (await connection.execute(statement)).rowcount == 1


def check_severity(value: str) -> str:
    """Return ``value`` if it is a known severity, else raise InvalidSetting."""
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
