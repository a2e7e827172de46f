"""Migrations: packaged, idempotent, safe concurrently, and matching tables.py."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from bot.storage import Store
from bot.storage.migrate import current_revision, head_revision
from bot.storage.tables import metadata

from ..conftest import TEST_PSEUDONYM_KEY


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A brand-new, empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'fresh.db'}"
    create: Callable[[], str] = request.getfixturevalue("pg_create_database")
    return create()


async def test_upgrade_twice_and_schema_matches_tables(empty_database_url: str) -> None:
    store = Store(empty_database_url, TEST_PSEUDONYM_KEY)
    try:
        await store.start(migrate=True)
        assert await current_revision(store.engine) == head_revision()
        await store.close()
        await store.start(migrate=True)  # second run is a no-op
        assert await current_revision(store.engine) == head_revision()

        def diff(sync_connection: object) -> list[object]:
            context = MigrationContext.configure(sync_connection)  # type: ignore[arg-type]
            return compare_metadata(context, metadata)

        async with store.engine.connect() as connection:
            differences = await connection.run_sync(diff)
            names = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
        assert differences == []
        assert names == set(metadata.tables) | {"alembic_version"}
    finally:
        await store.close()


async def test_concurrent_upgrades_from_several_workers(empty_database_url: str) -> None:
    stores = [Store(empty_database_url, TEST_PSEUDONYM_KEY) for _ in range(4)]
    try:
        await asyncio.gather(*(store.start(migrate=True) for store in stores))
        assert await current_revision(stores[0].engine) == head_revision()
        assert await stores[0].record_message_flags("E1", "T1", "U1", "C1", []) is not None
    finally:
        for store in stores:
            await store.close()


async def test_start_without_migrate_leaves_database_empty(empty_database_url: str) -> None:
    store = Store(empty_database_url, TEST_PSEUDONYM_KEY)
    try:
        await store.start(migrate=False)
        assert await current_revision(store.engine) is None
        assert await store.ping()
    finally:
        await store.close()
    assert not await store.ping()


def test_cli_db_upgrade_in_separate_processes(tmp_path: Path) -> None:
    """Two `boundary-bot db upgrade` processes at once, then the schema is at head."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    command = [sys.executable, "-m", "bot", "db", "upgrade", "--database-url", url]
    processes = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    for process in processes:
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
        assert head_revision() in out
    assert (tmp_path / "cli.db").exists()
