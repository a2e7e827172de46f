"""Apply the Alembic migrations shipped in ``bot/migrations``, safely from several workers.

The whole upgrade runs in one transaction guarded by a lock: ``pg_advisory_xact_lock`` on
PostgreSQL (transactional DDL), and ``BEGIN IMMEDIATE`` (the database write lock) on
SQLite. A second worker waits, then finds the schema at head and does nothing.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.errors import MigrationError, StorageUnavailable
from bot.storage.engine import advisory_key, is_unavailable_error, unavailable

MIGRATION_LOCK = "migrations"


def alembic_config(url: str | None = None) -> Config:
    """An Alembic ``Config`` whose script location is the installed ``bot/migrations``."""
    config = Config()
    location = resources.files("bot") / "migrations"
    config.set_main_option("script_location", str(location))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    """The newest revision shipped with this version of Boundary Bot."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships revisions
        raise MigrationError("no migrations found in bot/migrations/versions")
    return head


async def current_revision(engine: AsyncEngine) -> str | None:
    """The revision the database is at, or ``None`` for an empty database."""

    def _read(sync_connection: Any) -> str | None:
        return MigrationContext.configure(sync_connection).get_current_revision()

    async with engine.connect() as connection:
        return await connection.run_sync(_read)


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Upgrade the database to ``revision`` under the cross-worker migration lock."""
    config = alembic_config()
    try:
        async with engine.begin() as connection:
            await _lock(connection)
            await connection.run_sync(_run_upgrade, config, revision)
    except StorageUnavailable:
        raise
    except Exception as exc:
        if is_unavailable_error(exc):
            raise unavailable(engine.url, exc) from exc
        raise MigrationError(
            f"database migration to {revision!r} failed: {type(exc).__name__}"
        ) from exc


async def _lock(connection: AsyncConnection) -> None:
    if connection.dialect.name == "postgresql":
        await connection.execute(
            text("SELECT pg_advisory_xact_lock(:key)"), {"key": advisory_key(MIGRATION_LOCK)}
        )
    # SQLite: engine.begin() already issued BEGIN IMMEDIATE, which holds the write lock.


def _run_upgrade(sync_connection: Any, config: Config, revision: str) -> None:
    config.attributes["connection"] = sync_connection
    command.upgrade(config, revision)
