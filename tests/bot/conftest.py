"""Fixtures shared by the bot tests: a real database on SQLite and on PostgreSQL.

``database_url`` and ``store`` are parametrized over both backends. PostgreSQL tests use
the server on 127.0.0.1:5432 (trust auth; role ``root`` or ``postgres``, whichever
answers), in a database created for this test session and dropped at its end; tables are
emptied after every test. They are skipped only when no server answers at all.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import text

from bot.storage import Store
from bot.storage.tables import metadata

PG_HOST = os.environ.get("BOUNDARY_TEST_PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("BOUNDARY_TEST_PG_PORT", "5432"))
PG_ROLES = ("root", "postgres")
TEST_PSEUDONYM_KEY = "test-pseudonym-key-0123456789abcdef"
TEST_TOKEN_KEYS = [Fernet.generate_key().decode()]

_T = TypeVar("_T")


def run_in_thread(factory: Callable[[], Awaitable[_T]]) -> _T:
    """Run a coroutine on a private event loop in another thread (for sync fixtures)."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(factory())  # type: ignore[arg-type]
        except BaseException as exc:
            box["error"] = exc

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["value"]


async def _find_role() -> str | None:
    import asyncpg

    last_error: Exception | None = None
    for role in PG_ROLES:
        try:
            connection = await asyncpg.connect(
                host=PG_HOST, port=PG_PORT, user=role, database="test", timeout=3
            )
        except (TimeoutError, OSError):
            return None  # no server answers
        except Exception as exc:  # role missing, auth refused: try the next one
            last_error = exc
            continue
        await connection.close()
        return role
    raise RuntimeError(
        f"PostgreSQL answers on {PG_HOST}:{PG_PORT} but none of the roles {PG_ROLES} "
        f"can connect to database 'test': {last_error!r}"
    )


async def _admin(role: str, sql: str) -> None:
    import asyncpg

    connection = await asyncpg.connect(host=PG_HOST, port=PG_PORT, user=role, database="test")
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


def pg_url(role: str, database: str) -> str:
    """SQLAlchemy URL of a database on the test server."""
    return f"postgresql+asyncpg://{role}@{PG_HOST}:{PG_PORT}/{database}"


@pytest.fixture(scope="session")
def pg_role() -> str:
    """The PostgreSQL role that can connect; skips when no server answers."""
    role = run_in_thread(_find_role)
    if role is None:
        pytest.skip(f"no PostgreSQL server answers on {PG_HOST}:{PG_PORT}")
    return role


@pytest.fixture(scope="session")
def pg_create_database(pg_role: str) -> Iterator[Callable[[], str]]:
    """Factory creating fresh, empty PostgreSQL databases, all dropped at session end."""
    created: list[str] = []

    def create() -> str:
        name = f"bb_test_{secrets.token_hex(6)}"
        run_in_thread(lambda: _admin(pg_role, f'CREATE DATABASE "{name}"'))
        created.append(name)
        return pg_url(pg_role, name)

    yield create
    for name in created:
        run_in_thread(
            lambda name=name: _admin(pg_role, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        )


@pytest.fixture(scope="session")
def pg_session_database(pg_create_database: Callable[[], str]) -> str:
    """One migrated PostgreSQL database shared by the session (emptied after each test)."""
    url = pg_create_database()

    async def migrate() -> None:
        store = Store(url, TEST_PSEUDONYM_KEY)
        await store.start(migrate=True)
        await store.close()

    run_in_thread(migrate)
    return url


async def _truncate(url: str) -> None:
    store = Store(url, TEST_PSEUDONYM_KEY)
    await store.start(migrate=False)
    try:
        names = ", ".join(f'"{table.name}"' for table in metadata.sorted_tables)
        async with store.engine.begin() as connection:
            await connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY"))
    finally:
        await store.close()


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A database URL on each backend: a fresh SQLite file, or the session's PostgreSQL
    database (emptied after the test)."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'boundary-bot.db'}"
        return
    url: str = request.getfixturevalue("pg_session_database")
    try:
        yield url
    finally:
        await _truncate(url)


@pytest.fixture
async def make_store(database_url: str) -> AsyncIterator[Callable[..., Awaitable[Store]]]:
    """Factory for extra started Stores on the same database (e.g. a second worker)."""
    stores: list[Store] = []

    async def make(**overrides: Any) -> Store:
        options: dict[str, Any] = {
            "pseudonym_key": TEST_PSEUDONYM_KEY,
            "token_encryption_keys": TEST_TOKEN_KEYS,
        }
        url = overrides.pop("database_url", database_url)
        options.update(overrides)
        store = Store(url, **options)
        stores.append(store)
        await store.start(migrate=True)
        return store

    yield make
    for store in stores:
        await store.close()


@pytest.fixture
async def store(make_store: Callable[..., Awaitable[Store]]) -> Store:
    """A started, migrated Store on each backend."""
    return await make_store()
