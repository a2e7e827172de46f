"""Background work started by listeners, tracked so it is neither garbage-collected nor lost.

Bolt's ``AsyncApp`` starts lazy listeners with ``asyncio.ensure_future`` and keeps no
reference, so the task can be collected mid-flight. :class:`BackgroundTasks` keeps a strong
reference to every task until it finishes, logs failures by exception type only (an
exception message could quote a payload), and :meth:`BackgroundTasks.drain` waits for the
remaining work at shutdown, cancelling what does not finish in time.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

logger = logging.getLogger(__name__)


class BackgroundTasks:
    """A set of running tasks with a bounded drain at shutdown."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._daemons: set[asyncio.Task[Any]] = set()
        self._closed = False
        self.failures = 0

    def spawn(
        self, coro: Coroutine[Any, Any, Any], *, name: str, daemon: bool = False
    ) -> asyncio.Task[Any] | None:
        """Run ``coro`` in the background; returns the task, or None after :meth:`drain` began.

        A ``daemon`` task (a loop that runs until shutdown) is not waited for by
        :meth:`join`; :meth:`drain` waits for it like any other task.
        """
        if self._closed:
            coro.close()
            logger.warning("background task %s refused: shutting down", name)
            return None
        task = asyncio.get_running_loop().create_task(coro, name=name)
        (self._daemons if daemon else self._tasks).add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        self._daemons.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            self.failures += 1
            logger.error("background task %s failed: %s", task.get_name(), type(exc).__name__)

    def __len__(self) -> int:
        return len(self._tasks) + len(self._daemons)

    async def join(self, timeout: float | None = None) -> None:
        """Wait until every task started so far (and any they start) has finished."""
        loop = asyncio.get_running_loop()
        deadline = None if timeout is None else loop.time() + timeout
        while self._tasks:
            remaining = None if deadline is None else max(0.0, deadline - loop.time())
            if remaining == 0.0:
                raise TimeoutError(f"{len(self._tasks)} background task(s) still running")
            await asyncio.wait(set(self._tasks), timeout=remaining)

    async def drain(self, timeout: float) -> int:
        """Stop accepting work, wait up to ``timeout`` seconds, cancel the rest.

        Returns the number of tasks that had to be cancelled.
        """
        self._closed = True
        self._tasks |= self._daemons
        self._daemons.clear()
        try:
            await self.join(timeout)
            return 0
        except TimeoutError:
            pending = set(self._tasks)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            logger.warning("cancelled %d background task(s) at shutdown", len(pending))
            return len(pending)
