"""Running the event hot path on the drivers: one statement on PostgreSQL, group commit on
SQLite.

* **PostgreSQL**: each event is ONE statement (``_hotsql.PG_RECORD``), executed with
  asyncpg on a connection of the hot-path pool (``_pgpool.py``: at most ``pool_size``
  connections, beside the engine's): atomic on its own, no ``BEGIN``/``COMMIT``, one round
  trip.
* **SQLite**: concurrent events of this process share a transaction (group commit). Events
  that arrive while a batch is being written wait and go together in the next one: one
  ``BEGIN IMMEDIATE`` ... ``COMMIT`` and one hand-off to the database thread per batch, each
  event inside its own ``SAVEPOINT``. Every caller returns only after the batch's ``COMMIT``
  (its 200 still means durable); an event whose statements fail is rolled back to its
  savepoint and gets its own error, the others commit; a failed ``COMMIT`` fails the batch
  and nothing of it is written (each caller gets the error, Slack retries each).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any, TypeVar

from bot.storage._base import StoreBase, fail_waiters
from bot.storage._hotsql import (
    PG_RECORD,
    Execute,
    MessageEvent,
    Plan,
    pg_arguments,
    pg_result,
    sqlite_record,
)
from bot.storage._hotsql import plan as plan_event
from bot.storage._pgpool import HotConnections
from bot.storage.engine import PG_POOL_TIMEOUT, pg_connect_kwargs
from bot.storage.models import RecordResult

#: At most this many events share one SQLite transaction.
GROUP_COMMIT_MAX = 64

Outcome = RecordResult | Exception
T = TypeVar("T")

PG_DELETE_DELIVERED = "DELETE FROM outbox WHERE id = ANY($1::text[]) RETURNING id"
SQLITE_DELETE_DELIVERED = "DELETE FROM outbox WHERE id IN ({}) RETURNING id"


def sqlite_batch(execute: Execute, plans: list[Plan]) -> list[Outcome]:
    """Run ``plans`` in the current transaction, each in its own savepoint."""
    outcomes: list[Outcome] = []
    for p in plans:
        execute("SAVEPOINT hot_event", ())
        try:
            outcomes.append(sqlite_record(execute, p))
        except Exception as exc:
            execute("ROLLBACK TO hot_event", ())
            outcomes.append(exc)
        execute("RELEASE hot_event", ())
    return outcomes


class HotPathMixin(StoreBase):
    """``_record_event``: the driver-level hot path of ``record_message_flags``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._hot_pending: list[tuple[Plan, asyncio.Future[RecordResult]]] = []
        self._hot_flusher: asyncio.Task[None] | None = None
        # PostgreSQL calls in flight (``close`` lets them return their connections first).
        self._pg_in_flight = 0
        self._pg_idle: asyncio.Event | None = None  # set when the last call in flight ends
        self._hot_pool: HotConnections | None = None

    async def _record_event(self, event: MessageEvent) -> RecordResult:
        p = plan_event(event)
        if self.backend == "postgresql":
            return pg_result(p, await self._pg_fetch(True, PG_RECORD, pg_arguments(p)))
        loop = asyncio.get_running_loop()
        done: asyncio.Future[RecordResult] = loop.create_future()
        self._hot_pending.append((p, done))
        if self._hot_flusher is None or self._hot_flusher.done():
            self._hot_flusher = loop.create_task(self._flush_events())
        return await done

    async def _pg_fetch(self, one: bool, sql: str, arguments: tuple[Any, ...]) -> Any:
        """``sql`` on a connection of the hot-path pool (``_pgpool.HotConnections``, opened
        with the engine's connect arguments): its one row (``one``) or all rows. Errors are
        translated; :meth:`trace_sql` observers see the statement."""
        pool = self._hot_pool
        if pool is None:
            pool = self._hot_pool = HotConnections(
                pg_connect_kwargs(self.engine), self._pool_size, PG_POOL_TIMEOUT
            )
        self._pg_in_flight += 1
        try:
            connection = await pool.acquire()
            logger = _pg_logger(self._sql_observers) if self._sql_observers else None
            if logger is not None:
                connection.add_query_logger(logger)
            error: BaseException | None = None
            try:
                if one:
                    return await connection.fetchrow(sql, *arguments)
                return await connection.fetch(sql, *arguments)
            except BaseException as exc:
                error = exc
                raise
            finally:
                if logger is not None:
                    connection.remove_query_logger(logger)
                pool.release(connection, error)
        except Exception as exc:
            translated = self._translated(exc)
            if translated is exc:
                raise
            raise translated from exc
        finally:
            self._pg_in_flight -= 1
            if not self._pg_in_flight and self._pg_idle is not None:
                self._pg_idle.set()

    async def _flush_events(self) -> None:
        queue = self._hot_pending
        while queue:
            batch = queue[:GROUP_COMMIT_MAX]
            del queue[:GROUP_COMMIT_MAX]
            try:
                with self._translating():
                    outcomes = await self._run_sqlite_batch([p for p, _ in batch])
            except BaseException as exc:
                fail_waiters([done for _, done in batch], exc)
                continue
            for (_, done), outcome in zip(batch, outcomes, strict=True):
                if done.done():
                    continue
                if isinstance(outcome, Exception):
                    done.set_exception(self._translated(outcome))
                else:
                    done.set_result(outcome)

    async def _run_sqlite_batch(self, plans: list[Plan]) -> list[Outcome]:
        return await self._run_sqlite(lambda execute: sqlite_batch(execute, plans))

    async def _run_sqlite(self, work: Callable[[Execute], T]) -> T:
        """``work(execute)`` in ONE SQLite write transaction: on the database thread with
        sqlite3 (a file), or through aiosqlite (in-memory SQLite)."""
        thread_engine, db_thread = self._thread_engine, self._db_thread
        if thread_engine is None or db_thread is None:
            async with self._write() as connection:
                return await connection.run_sync(lambda sync: work(sync.exec_driver_sql))
        observers = list(self._sql_observers)

        def transaction() -> T:
            proxied = thread_engine.raw_connection()
            try:
                connection: Any = proxied.driver_connection
                connection.set_trace_callback(_fan_out(observers) if observers else None)
                connection.execute("BEGIN IMMEDIATE")
                try:
                    outcome = work(connection.execute)
                    connection.execute("COMMIT")
                except BaseException:
                    if connection.in_transaction:
                        connection.execute("ROLLBACK")
                    raise
                return outcome
            finally:
                proxied.close()

        loop = asyncio.get_running_loop()
        async with self._write_lock or contextlib.nullcontext():
            return await loop.run_in_executor(db_thread, transaction)

    async def _delete_delivered(self, ids: list[str]) -> set[str]:
        """Delete the outbox rows ``ids`` in one statement; returns the ids that existed."""
        with self._translating():
            if self.backend == "postgresql":
                rows = await self._pg_fetch(False, PG_DELETE_DELIVERED, (ids,))
                return {row[0] for row in rows}
            sql = SQLITE_DELETE_DELIVERED.format(", ".join("?" * len(ids)))
            return await self._run_sqlite(
                lambda execute: {row[0] for row in execute(sql, tuple(ids)).fetchall()}
            )

    async def close(self) -> None:
        """Finish the events in progress, then close the engine."""
        flusher = self._hot_flusher
        if flusher is not None and not flusher.done():
            with contextlib.suppress(Exception):
                await flusher
        if self._pg_in_flight:
            self._pg_idle = asyncio.Event()
            await self._pg_idle.wait()
            self._pg_idle = None
        pool, self._hot_pool = self._hot_pool, None
        if pool is not None:
            await pool.close()
        await super().close()


def _fan_out(observers: list[Callable[[str], None]]) -> Callable[[str], None]:
    def trace(statement: str) -> None:
        for observer in observers:
            observer(statement)

    return trace


def _pg_logger(observers: list[Callable[[str], None]]) -> Callable[[Any], None]:
    observers = list(observers)

    def log(record: Any) -> None:
        for observer in observers:
            observer(record.query)

    return log
