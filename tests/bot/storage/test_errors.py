"""Database failures surface as StorageUnavailable naming the backend, never the password."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from bot.errors import ConfigurationError, StorageUnavailable
from bot.storage import Store

from .helpers import finding


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_unreachable_postgres_is_unavailable_without_password() -> None:
    port = _free_port()  # nothing listens here
    store = Store(f"postgresql+asyncpg://bot:hunter2secret@127.0.0.1:{port}/db", "k" * 32)
    with pytest.raises(StorageUnavailable) as caught:
        await store.start()
    message = str(caught.value)
    assert "PostgreSQL" in message and f"127.0.0.1:{port}" in message
    assert "hunter2secret" not in message
    assert not await store.ping()
    await store.close()


async def test_unreachable_database_during_a_call(tmp_path: Path) -> None:
    port = _free_port()
    store = Store(f"postgresql+asyncpg://bot:pw@127.0.0.1:{port}/db", "k" * 32)
    await store.start(migrate=False)  # connections are opened lazily
    try:
        with pytest.raises(StorageUnavailable, match="database unavailable: PostgreSQL"):
            await store.record_message_flags("E1", "T1", "U1", "C1", [finding()])
        with pytest.raises(StorageUnavailable):
            await store.is_muted("T1", "U1")
    finally:
        await store.close()


async def test_unopenable_sqlite_file(tmp_path: Path) -> None:
    store = Store(f"sqlite+aiosqlite:///{tmp_path / 'missing-dir' / 'x.db'}", "k" * 32)
    with pytest.raises(StorageUnavailable, match="SQLite at"):
        await store.start()
    await store.close()


@pytest.mark.parametrize(
    "url", ["mysql://u@h/db", "not a url", "sqlite+pysqlite:///x.db", "postgresql+psycopg2://h/d"]
)
def test_unsupported_urls_refused(url: str) -> None:
    with pytest.raises(ConfigurationError, match="DATABASE_URL"):
        Store(url, "k" * 32)


def test_plain_driver_names_are_upgraded_to_async() -> None:
    assert Store("sqlite:///x.db", "k" * 32).backend == "sqlite"
    assert Store("postgresql://u@h/d", "k" * 32).description == "PostgreSQL at h:5432/d"


async def test_calls_before_start_are_refused() -> None:
    from bot.errors import StorageError

    store = Store("sqlite+aiosqlite:///x.db", "k" * 32)
    with pytest.raises(StorageError, match="not started"):
        await store.is_muted("T1", "U1")
