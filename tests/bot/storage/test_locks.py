"""Token-refresh lock: refreshes of one workspace never overlap across workers."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from bot.errors import LockTimeout
from bot.storage import Store


async def test_refreshes_are_serialised_across_stores(
    store: Store, make_store: Callable[..., Awaitable[Store]]
) -> None:
    other = await make_store()
    inside = 0
    overlaps = 0
    order: list[int] = []

    async def refresh(worker: Store, n: int) -> None:
        nonlocal inside, overlaps
        async with worker.token_refresh_lock("T1"):
            inside += 1
            overlaps += inside > 1
            await asyncio.sleep(0.02)
            order.append(n)
            inside -= 1

    await asyncio.gather(*(refresh(store if n % 2 else other, n) for n in range(6)))
    assert overlaps == 0 and sorted(order) == list(range(6))


async def test_other_workspaces_do_not_wait(store: Store) -> None:
    async with store.token_refresh_lock("T1"), store.token_refresh_lock("T2", timeout=1):
        pass


async def test_lock_times_out(store: Store, make_store: Callable[..., Awaitable[Store]]) -> None:
    other = await make_store()
    async with store.token_refresh_lock("T1"):
        with pytest.raises(LockTimeout, match="token-refresh:T1"):
            async with other.token_refresh_lock("T1", timeout=0.3):
                pass
    async with other.token_refresh_lock("T1", timeout=1):  # released after the block
        pass


async def test_lock_released_after_an_error(store: Store) -> None:
    with pytest.raises(RuntimeError):
        async with store.token_refresh_lock("T1"):
            raise RuntimeError("refresh failed")
    async with store.token_refresh_lock("T1", timeout=1):
        pass
