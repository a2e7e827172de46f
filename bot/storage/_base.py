"""Shared plumbing of the Store facade: engine lifecycle, transactions, error translation."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Table, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.sql.elements import ColumnElement

from bot.errors import StorageError, StorageUnavailable
from bot.storage.engine import (
    create_engine,
    create_sqlite_thread_engine,
    describe,
    is_driver_error,
    is_memory_sqlite,
    is_unavailable_error,
    parse_database_url,
    unavailable,
)

T = TypeVar("T")


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """Return ``value`` as aware UTC; naive datetimes are taken to be UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def hour_bucket(value: datetime) -> datetime:
    """``value`` in UTC rounded down to the hour (the only time stored on a flag event)."""
    return as_utc(value).replace(minute=0, second=0, microsecond=0)


def key_digest(key: str) -> str:
    """SHA-256 hex of an idempotency key, so keys are stored without their content."""
    return hashlib.sha256(key.encode("utf-8", errors="surrogatepass")).hexdigest()


class StoreBase:
    """Engine ownership and the transaction helpers every Store mixin uses."""

    def __init__(self, database_url: str, *, pool_size: int = 5) -> None:
        self._url = parse_database_url(database_url)
        self._backend: str = self._url.get_backend_name()
        self._pool_size = pool_size
        self._engine: AsyncEngine | None = None
        # SQLite allows one writer at a time. Writers of this process queue here, in order,
        # instead of several pooled connections polling the file lock in SQLite's busy
        # handler (which sleeps up to 100 ms per try). Other processes still wait on
        # ``busy_timeout``.
        self._write_lock: asyncio.Lock | None = None
        # SQLite file: hot write transactions run whole on one thread with the sqlite3
        # driver (one hand-off per transaction instead of one per statement and cursor).
        self._thread_engine: Engine | None = None
        self._db_thread: ThreadPoolExecutor | None = None
        # Callbacks of :meth:`trace_sql` (driver-level statements of the hot path).
        self._sql_observers: list[Callable[[str], None]] = []

    @property
    def backend(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self._backend

    @property
    def description(self) -> str:
        """The backend and location, without any password (safe to log)."""
        return describe(self._url)

    @property
    def engine(self) -> AsyncEngine:
        """The SQLAlchemy engine (for slack_sdk's stores and tests; listeners never use it)."""
        if self._engine is None:
            raise StorageError("the store is not started: call `await store.start()` first")
        return self._engine

    def _open_engine(self) -> AsyncEngine:
        if self._engine is None:
            self._engine = create_engine(self._url, pool_size=self._pool_size)
            self._write_lock = asyncio.Lock() if self.backend == "sqlite" else None
            self._thread_engine = create_sqlite_thread_engine(self._url)
            if self._thread_engine is not None:
                self._db_thread = ThreadPoolExecutor(1, thread_name_prefix="boundary-bot-sqlite")
        return self._engine

    def _check_sqlite_directory(self) -> None:
        """Fail early (and cleanly) when a SQLite file's directory does not exist."""
        if self.backend != "sqlite" or is_memory_sqlite(self._url):
            return
        directory = Path(self._url.database or "").expanduser().resolve().parent
        if not directory.is_dir():
            raise StorageUnavailable(
                f"database unavailable: {self.description} (directory {directory} does not exist)"
            )

    def _translate(self, exc: BaseException) -> StorageError:
        if is_unavailable_error(exc):
            return unavailable(self._url, exc)
        orig = getattr(exc, "orig", None)
        name = type(orig if orig is not None else exc).__name__
        return StorageError(f"database operation failed on {self.description}: {name}")

    def _translated(self, exc: Exception) -> Exception:
        """``exc`` as the :class:`StorageError` it means (unchanged when it is not a database
        failure, or already ours)."""
        if isinstance(exc, StorageError):
            return exc
        if isinstance(exc, SQLAlchemyError | OSError | TimeoutError) or is_driver_error(exc):
            return self._translate(exc)
        if is_unavailable_error(exc):
            return unavailable(self._url, exc)
        return exc

    @contextlib.contextmanager
    def _translating(self) -> Iterator[None]:
        """Re-raise database failures (SQLAlchemy's or the drivers' own) as
        :class:`StorageError` (or :class:`StorageUnavailable` when the database cannot be
        reached); our own :class:`StorageError` passes through."""
        try:
            yield
        except Exception as exc:
            translated = self._translated(exc)
            if translated is exc:
                raise
            raise translated from exc

    @contextlib.contextmanager
    def trace_sql(self) -> Iterator[list[str]]:
        """Every SQL statement this store sends inside the block, as reported by SQLAlchemy
        (``before_cursor_execute``) and by the drivers on the hot path (sqlite3's trace
        callback, asyncpg's query logger). For tests and diagnosis: observed, never
        intercepted, and free when nobody traces."""
        seen: list[str] = []

        def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            seen.append(statement)

        engines = [self.engine.sync_engine]
        if self._thread_engine is not None:
            engines.append(self._thread_engine)
        for engine in engines:
            event.listen(engine, "before_cursor_execute", record)
        self._sql_observers.append(seen.append)
        try:
            yield seen
        finally:
            self._sql_observers.remove(seen.append)
            for engine in engines:
                event.remove(engine, "before_cursor_execute", record)

    @asynccontextmanager
    async def _write(self) -> AsyncIterator[AsyncConnection]:
        """A write transaction (``BEGIN IMMEDIATE`` on SQLite), committed on success."""
        engine = self.engine
        with self._translating():
            async with self._write_lock or contextlib.nullcontext(), engine.begin() as connection:
                yield connection

    async def _run_write(self, work: Callable[[Connection], T]) -> T:
        """Run ``work(connection)`` (synchronous SQLAlchemy Core) in ONE write transaction,
        committed when it returns, rolled back when it raises.

        On a SQLite file the whole transaction runs in a single hand-off to this store's
        database thread (sqlite3 driver, ``BEGIN IMMEDIATE``), queued behind the other
        writers of this process. Elsewhere it runs on the async driver's connection
        (``AsyncConnection.run_sync``). Errors are translated as in :meth:`_write`.
        """
        if self._thread_engine is None or self._db_thread is None:
            async with self._write() as connection:
                return await connection.run_sync(work)
        thread_engine, db_thread = self._thread_engine, self._db_thread

        def transaction() -> T:
            with thread_engine.begin() as connection:
                return work(connection)

        loop = asyncio.get_running_loop()
        with self._translating():
            async with self._write_lock or contextlib.nullcontext():
                return await loop.run_in_executor(db_thread, transaction)

    @asynccontextmanager
    async def _read(self) -> AsyncIterator[AsyncConnection]:
        """A read-only transaction (a deferred ``BEGIN`` on SQLite)."""
        engine = self.engine
        with self._translating():
            async with engine.connect() as connection:
                connection = await connection.execution_options(readonly=True)
                async with connection.begin():
                    yield connection

    def _insert(self, table: Table) -> Any:
        """A dialect-specific INSERT supporting ``on_conflict_do_*``."""
        if self.backend == "postgresql":
            return postgresql.insert(table)
        return sqlite.insert(table)

    def _upsert(
        self,
        table: Table,
        keys: dict[str, Any],
        values: dict[str, Any],
        *,
        insert_only: dict[str, Any] | None = None,
        where: ColumnElement[bool] | None = None,
    ) -> Any:
        """INSERT ``keys`` + ``values`` + ``insert_only``; when a row with these ``keys``
        exists, UPDATE it to ``values`` instead (only where ``where`` holds, if given)."""
        return (
            self._insert(table)
            .values(**keys, **(insert_only or {}), **values)
            .on_conflict_do_update(
                index_elements=[table.c[name] for name in keys], set_=values, where=where
            )
        )

    async def ping(self) -> bool:
        """True when the database answers a trivial query (for ``/healthz``); never raises."""
        if self._engine is None:
            return False
        try:
            async with self._engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
            return True
        except Exception:
            return False

    async def close(self) -> None:
        """Close every pooled connection. Safe to call twice."""
        thread_engine, self._thread_engine = self._thread_engine, None
        db_thread, self._db_thread = self._db_thread, None
        if thread_engine is not None and db_thread is not None:
            # The sqlite3 connection may only be closed by the thread that opened it.
            await asyncio.get_running_loop().run_in_executor(db_thread, thread_engine.dispose)
            db_thread.shutdown(wait=False)
        if self._engine is not None:
            engine, self._engine = self._engine, None
            await engine.dispose()


__all__ = ["StorageUnavailable", "StoreBase", "as_utc", "hour_bucket", "key_digest", "utcnow"]


def fail_waiters(waiters: Iterable[asyncio.Future[Any]], exc: BaseException) -> None:
    """Hand ``exc`` to every batched caller still waiting; re-raise it unless it is an
    ``Exception`` (cancellation and exit must not be swallowed by the batch loop)."""
    for waiter in waiters:
        if not waiter.done():
            waiter.set_exception(exc)
    if not isinstance(exc, Exception):
        raise exc
