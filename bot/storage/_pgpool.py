"""A small pool of asyncpg connections for the event hot path (PostgreSQL).

Each risky event is one statement (``_hotsql.PG_RECORD``); borrowing a connection from
SQLAlchemy's pool for it (a greenlet to check out, another to check in, the pool's
bookkeeping) cost about as much worker CPU as the statement itself. This pool holds at most
``size`` plain asyncpg connections, opened on demand with the same connect arguments as the
engine (SQLAlchemy parses ``DATABASE_URL``), and lends them with a semaphore and a list:

* a connection asyncpg knows to be closed (server restart, failover, reset) is discarded at
  checkout and replaced, for free (as the engine's checkout check does);
* a connection whose statement failed because the database could not be reached, or that
  was interrupted mid-statement (cancelled), is terminated, and so are the idle ones (they
  are likely dead too: the engine's pool invalidation does the same);
* waiting for a free connection longer than ``timeout`` raises :class:`TimeoutError`
  (``StorageUnavailable``, like SQLAlchemy's pool timeout).
"""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg

from bot.storage.engine import is_unavailable_error


class HotConnections:
    """At most ``size`` asyncpg connections opened with ``connect_kwargs``."""

    def __init__(self, connect_kwargs: dict[str, Any], size: int, timeout: float = 10.0) -> None:
        self._connect_kwargs = connect_kwargs
        self._slots = asyncio.Semaphore(size)
        self._idle: list[asyncpg.Connection] = []
        self._timeout = timeout
        self._closed = False

    async def acquire(self) -> asyncpg.Connection:
        """Lend a connection for one statement (autocommit: no transaction is left open);
        give it back with :meth:`release`."""
        if self._closed:
            raise asyncpg.InterfaceError("the hot-path connection pool is closed")
        if self._slots.locked():
            async with asyncio.timeout(self._timeout):
                await self._slots.acquire()
        else:
            await self._slots.acquire()
        try:
            return await self._checkout()
        except BaseException:
            self._slots.release()
            raise

    def release(self, connection: asyncpg.Connection, error: BaseException | None) -> None:
        """Give back a connection from :meth:`acquire`; ``error`` is what its statement
        raised, if anything (a lost or interrupted connection is terminated, with the idle
        ones)."""
        try:
            if error is not None and (
                not isinstance(error, Exception)
                or is_unavailable_error(error)
                or connection.is_closed()
            ):
                connection.terminate()
                self._terminate_idle()
            else:
                self._checkin(connection)
        finally:
            self._slots.release()

    async def _checkout(self) -> asyncpg.Connection:
        while self._idle:
            idle = self._idle.pop()
            if not idle.is_closed():
                return idle
        connection: asyncpg.Connection = await asyncpg.connect(**self._connect_kwargs)
        return connection

    def _checkin(self, connection: asyncpg.Connection) -> None:
        if self._closed or connection.is_closed():
            connection.terminate()
        else:
            self._idle.append(connection)

    def _terminate_idle(self) -> None:
        idle, self._idle = self._idle, []
        for connection in idle:
            connection.terminate()

    async def close(self) -> None:
        """Close the idle connections; connections in use are closed when returned."""
        self._closed = True
        idle, self._idle = self._idle, []
        for connection in idle:
            try:
                await asyncio.wait_for(connection.close(), 2)
            except Exception:
                connection.terminate()
