"""Knowing when the app has finished reacting to a request (for the sandbox console).

The app acks Slack first and makes its Web API calls in background tasks, so "the HTTP
response arrived" is not "the bot has answered". :class:`Settler` waits for every asyncio
task created since a snapshot taken before the request, and then for the fake Slack to stay
quiet briefly. It never reaches into the app: it only looks at the event loop's tasks.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

#: Coroutines that only wait (a timer or a stop signal), never doing work worth awaiting.
_IDLE_COROUTINES = frozenset({"Event.wait", "Condition.wait", "sleep"})


def task_label(task: asyncio.Task[Any]) -> str:
    """``name:coroutine`` of a task, for diagnostics."""
    coro = task.get_coro()
    return f"{task.get_name()}:{getattr(coro, '__qualname__', type(coro).__name__)}"


def is_idle_task(task: asyncio.Task[Any]) -> bool:
    """A task not worth waiting for: aiohttp's per-connection server task (alive as long as
    a keep-alive connection) or one that only waits on an event or a timer (such as the
    ``stop.wait()`` inside a periodic loop's ``wait_for``)."""
    qualname = getattr(task.get_coro(), "__qualname__", "")
    return qualname.startswith("RequestHandler.") or qualname in _IDLE_COROUTINES


class Settler:
    """Waits for the work a request started; see the module docstring.

    ``activity()`` returns a number that grows whenever something happens (the count of
    calls the fake Slack recorded). A task still running after ``timeout`` seconds is taken
    to be long-lived, reported through ``on_abandoned`` and never awaited again.
    """

    def __init__(
        self,
        activity: Callable[[], int],
        *,
        timeout: float = 10.0,
        quiet: float = 0.03,
        on_abandoned: Callable[[list[str]], None] | None = None,
    ) -> None:
        self._activity = activity
        self._timeout = timeout
        self._quiet = quiet
        self._on_abandoned = on_abandoned
        self._abandoned: set[asyncio.Task[Any]] = set()

    @staticmethod
    def snapshot() -> set[asyncio.Task[Any]]:
        """The tasks alive now; pass it to :meth:`settle` after sending the request."""
        return asyncio.all_tasks()

    def _pending(self, before: set[asyncio.Task[Any]]) -> set[asyncio.Task[Any]]:
        me = asyncio.current_task()
        return {
            t
            for t in asyncio.all_tasks()
            if t not in before
            and t is not me
            and t not in self._abandoned
            and not t.done()
            and not is_idle_task(t)
        }

    async def settle(self, before: set[asyncio.Task[Any]]) -> None:
        """Return once the tasks started since ``before`` are done and activity is quiet."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._timeout
        while True:
            pending = self._pending(before)
            if pending:
                remaining = deadline - loop.time()
                if remaining <= 0:
                    self._abandoned |= pending
                    if self._on_abandoned is not None:
                        self._on_abandoned(sorted(task_label(t) for t in pending))
                    return
                await asyncio.wait(pending, timeout=remaining)
                continue
            seen = self._activity()
            await asyncio.sleep(self._quiet)
            if self._activity() == seen and not self._pending(before):
                return
