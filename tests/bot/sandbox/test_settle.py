"""The sandbox's wait-for-the-bot logic, on plain asyncio tasks."""

from __future__ import annotations

import asyncio
import time

from bot.sandbox.settle import Settler


async def test_waits_for_background_work_started_after_the_snapshot() -> None:
    done: list[str] = []

    async def reply() -> None:
        await asyncio.sleep(0.1)
        done.append("posted")

    settler = Settler(lambda: len(done))
    before = settler.snapshot()
    task = asyncio.get_running_loop().create_task(reply())
    await settler.settle(before)
    assert done == ["posted"] and task.done()


async def test_ignores_tasks_that_existed_before_and_idle_waits() -> None:
    stop = asyncio.Event()
    older = asyncio.get_running_loop().create_task(asyncio.sleep(30))
    settler = Settler(lambda: 0)
    before = settler.snapshot()
    idle = asyncio.get_running_loop().create_task(stop.wait())  # a periodic loop's stop signal
    started = time.monotonic()
    await settler.settle(before)
    assert time.monotonic() - started < 1
    older.cancel()
    stop.set()
    await asyncio.gather(older, idle, return_exceptions=True)


async def test_abandons_long_running_work_after_the_timeout_and_says_so() -> None:
    abandoned: list[list[str]] = []

    async def forever() -> None:
        await asyncio.Future()

    settler = Settler(lambda: 0, timeout=0.1, on_abandoned=abandoned.append)
    before = settler.snapshot()
    task = asyncio.get_running_loop().create_task(forever(), name="loop")
    await settler.settle(before)
    assert abandoned and abandoned[0][0].startswith("loop:")
    started = time.monotonic()
    await settler.settle(before)  # not waited for a second time
    assert time.monotonic() - started < 0.1 + 0.05
    assert len(abandoned) == 1
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


async def test_waits_until_activity_stops() -> None:
    calls = [0]

    async def chatter() -> None:
        for _ in range(3):
            calls[0] += 1
            await asyncio.sleep(0)

    settler = Settler(lambda: calls[0], quiet=0.02)
    before = settler.snapshot()
    asyncio.get_running_loop().create_task(chatter())
    await settler.settle(before)
    assert calls[0] == 3
