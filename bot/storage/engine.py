"""Engine creation and error translation for SQLite (aiosqlite) and PostgreSQL (asyncpg).

SQLite: WAL journal, ``busy_timeout`` and ``foreign_keys`` are set on every connection;
write transactions start with ``BEGIN IMMEDIATE`` so concurrent writers queue on the busy
timeout instead of failing with "database is locked" when a read lock cannot be upgraded.
Connections opened with ``execution_options(readonly=True)`` begin with a plain ``BEGIN``.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    DisconnectionError,
    InterfaceError,
    OperationalError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import StaticPool

from bot.errors import ConfigurationError, StorageUnavailable

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///boundary-bot.db"
SQLITE_BUSY_TIMEOUT_MS = 10_000
#: asyncpg connect arguments of every PostgreSQL connection (the engine's and the hot path's).
PG_CONNECT_ARGS: dict[str, Any] = {"timeout": 5, "command_timeout": 30}
#: Seconds to wait for a free pooled connection before giving up (StorageUnavailable).
PG_POOL_TIMEOUT = 10


def parse_database_url(database_url: str) -> URL:
    """Parse and check ``DATABASE_URL``; only the two supported async drivers are accepted."""
    try:
        url = make_url(database_url)
    except ArgumentError as exc:
        raise ConfigurationError(
            "DATABASE_URL is not a valid database URL (expected e.g. "
            "'sqlite+aiosqlite:///boundary-bot.db' or 'postgresql+asyncpg://user@host/db')"
        ) from exc
    if url.drivername == "sqlite":
        url = url.set(drivername="sqlite+aiosqlite")
    elif url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+asyncpg")
    if url.drivername not in ("sqlite+aiosqlite", "postgresql+asyncpg"):
        raise ConfigurationError(
            "DATABASE_URL must use 'sqlite+aiosqlite' or 'postgresql+asyncpg'; "
            f"received driver {url.drivername!r}"
        )
    return url


def describe(url: URL) -> str:
    """A human description of the backend with no password, e.g. ``PostgreSQL at h:5432/db``."""
    if url.get_backend_name() == "sqlite":
        return f"SQLite at {url.database or ':memory:'}"
    return f"PostgreSQL at {url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def is_memory_sqlite(url: URL) -> bool:
    """True for an in-memory SQLite database."""
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def create_engine(url: URL, *, pool_size: int = 5) -> AsyncEngine:
    """Create the async engine, with SQLite pragmas or a PostgreSQL pool of ``pool_size``."""
    if pool_size < 1:
        raise ConfigurationError(f"pool_size must be at least 1; received {pool_size}")
    if url.get_backend_name() == "sqlite":
        kwargs: dict[str, Any] = {}
        if is_memory_sqlite(url):
            kwargs["poolclass"] = StaticPool
        else:
            kwargs.update(pool_size=pool_size, max_overflow=pool_size * 2, pool_timeout=30)
        engine = create_async_engine(url, **kwargs)
        _install_sqlite_listeners(engine)
        return engine
    engine = create_async_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_timeout=PG_POOL_TIMEOUT,
        pool_recycle=1800,
        connect_args=dict(PG_CONNECT_ARGS),
    )
    _install_liveness_check(engine)
    return engine


def _install_liveness_check(engine: AsyncEngine) -> None:
    """Replace a pooled PostgreSQL connection that is known to be closed, at checkout.

    SQLAlchemy's ``pool_pre_ping`` costs three round trips per checkout on asyncpg
    (``BEGIN``, ``;``, ``ROLLBACK``), i.e. more than the event's own statements. asyncpg
    already knows when the server closed a connection or it was reset (a restart, a
    failover, a proxy cut): ``is_closed()``. Such a connection is discarded here and the
    pool opens a new one, for free. A connection that silently died without the socket
    noticing fails its first statement instead (``StorageUnavailable``, 503: Slack retries),
    and SQLAlchemy then invalidates the pool's older connections.
    """

    @event.listens_for(engine.sync_engine, "checkout")
    def _on_checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        driver = getattr(dbapi_connection, "_connection", None)
        is_closed = getattr(driver, "is_closed", None)
        if is_closed is not None and is_closed():
            raise DisconnectionError("the pooled connection was closed by the server")


def create_sqlite_thread_engine(url: URL) -> Engine | None:
    """A synchronous (``sqlite3``) engine on the same SQLite file, for whole transactions
    run on one dedicated thread (see ``StoreBase._run_write``); None for in-memory SQLite
    (a second engine would open a different database) and for PostgreSQL.

    Same pragmas and ``BEGIN IMMEDIATE`` as the async engine; one connection, used only by
    the thread that opens it.
    """
    if url.get_backend_name() != "sqlite" or is_memory_sqlite(url):
        return None
    engine = create_sync_engine(
        url.set(drivername="sqlite+pysqlite"), pool_size=1, max_overflow=0, pool_timeout=30
    )
    _install_sqlite_listeners(engine)
    return engine


def _install_sqlite_listeners(engine: AsyncEngine | Engine) -> None:
    sync_engine = engine.sync_engine if isinstance(engine, AsyncEngine) else engine

    @event.listens_for(sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take over transaction control from the sqlite3 module (SQLAlchemy aiosqlite recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            # Overwrite deleted rows (delivered outbox rows, purged events) with zeros.
            cursor.execute("PRAGMA secure_delete = ON")
            _use_wal(cursor)
            cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        readonly = connection.get_execution_options().get("readonly", False)
        connection.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")


def _use_wal(cursor: Any) -> None:
    """Put the database file in WAL mode, unless it already is.

    The mode is stored in the file, so only the first connection to a new database has to
    switch it. Switching needs an exclusive lock, and SQLite may answer "database is locked"
    at once, without waiting out ``busy_timeout``, when another connection holds a lock (the
    first worker migrating while three more connect). Reading the mode needs no lock, so a
    refused switch is retried, a few milliseconds apart and for at most ``busy_timeout``,
    until this connection or another has made the file WAL.
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        cursor.execute("PRAGMA journal_mode")
        row = cursor.fetchone()
        if row is not None and str(row[0]).lower() == "wal":
            return
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)  # only a brand-new file, while other workers connect to it
        pause = min(pause * 2, 0.1)


def is_driver_error(exc: BaseException) -> bool:
    """True for an error raised by a driver used directly (sqlite3, asyncpg)."""
    return isinstance(exc, sqlite3.Error) or type(exc).__module__.startswith("asyncpg")


def is_unavailable_error(exc: BaseException) -> bool:
    """True when ``exc`` means the database cannot be reached or is locked (transient)."""
    if isinstance(exc, PoolTimeout | OSError | TimeoutError | ConnectionError):
        return True
    if isinstance(exc, sqlite3.OperationalError):  # locked, cannot open, disk I/O
        return True
    if isinstance(exc, OperationalError | InterfaceError):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    name = type(exc).__name__
    module = type(exc).__module__
    # asyncpg raises its own classes for lost connections and servers shutting down.
    return module.startswith("asyncpg") and (
        "Connection" in name or "CannotConnectNow" in name or "Shutdown" in name
    )


def unavailable(url: URL, exc: BaseException) -> StorageUnavailable:
    """Wrap a connection-level failure; the message names the backend, never the password."""
    reason = type(exc.orig if isinstance(exc, DBAPIError) else exc).__name__
    return StorageUnavailable(f"database unavailable: {describe(url)} ({reason})")


def pg_connect_kwargs(engine: AsyncEngine) -> dict[str, Any]:
    """asyncpg ``connect()`` keyword arguments for ``engine``'s database (SQLAlchemy parses
    the URL: host, port, user, password, database, query options) plus
    :data:`PG_CONNECT_ARGS`."""
    _args, kwargs = engine.dialect.create_connect_args(engine.url)
    return {**kwargs, **PG_CONNECT_ARGS}


def advisory_key(name: str) -> int:
    """A stable signed 64-bit key for ``pg_advisory_lock`` derived from ``name``."""
    digest = hashlib.sha256(f"boundary-bot:{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)
