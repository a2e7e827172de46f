"""Outbox lifecycle: leased to the recorder, redelivered after a crash, dropped when stale."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta

from bot.storage import Store

from .helpers import T0, count_rows, finding


async def _queue(store: Store, event: str = "E1", user: str = "U1") -> str:
    result = await store.record_message_flags(
        event, "T1", user, "C9", [finding()], thread_ts="171.000", now=T0
    )
    assert result.nudge_id is not None
    return result.nudge_id


async def test_recorder_holds_the_lease_then_delivery_deletes(store: Store) -> None:
    nudge_id = await _queue(store)
    assert await store.claim_pending_nudges(now=T0 + timedelta(seconds=30)) == []
    assert await store.pending_nudge_count() == 1
    assert await store.mark_delivered(nudge_id)
    assert not await store.mark_delivered(nudge_id)
    assert await count_rows(store, "outbox") == 0
    assert await count_rows(store, "flag_events", nudge_sent=True) == 1


async def test_crashed_recorder_row_is_redelivered_once(
    store: Store, make_store: Callable[..., Awaitable[Store]]
) -> None:
    nudge_id = await _queue(store)
    other = await make_store()
    later = T0 + timedelta(minutes=2)
    first, second = await asyncio.gather(
        store.claim_pending_nudges(now=later), other.claim_pending_nudges(now=later)
    )
    claimed = first + second
    assert [item.id for item in claimed] == [nudge_id]
    item = claimed[0]
    assert (item.channel_id, item.user_id, item.thread_ts) == ("C9", "U1", "171.000")
    assert item.attempts == 2
    # leased again: nobody else gets it within the lease
    assert await store.claim_pending_nudges(now=later + timedelta(seconds=10)) == []
    await store.release_nudge(nudge_id, now=later)
    [again] = await store.claim_pending_nudges(now=later + timedelta(seconds=1))
    assert again.attempts == 3


async def test_stale_rows_are_dropped_and_counted(store: Store) -> None:
    await _queue(store, "E1", "U1")
    await _queue(store, "E2", "U2")
    assert await store.claim_pending_nudges(now=T0 + timedelta(minutes=11)) == []
    assert await store.drop_stale_nudges(now=T0 + timedelta(minutes=11)) == 2
    assert await store.drop_stale_nudges(now=T0 + timedelta(minutes=11)) == 0
    assert await count_rows(store, "outbox") == 0
    # the dropped nudges were never sent: the summary must not count them
    assert await count_rows(store, "flag_events", nudge_sent=True) == 0


async def test_undeliverable_nudge_is_unmarked(store: Store) -> None:
    nudge_id = await _queue(store)
    assert await store.mark_undeliverable(nudge_id)
    assert not await store.mark_undeliverable(nudge_id)
    assert await count_rows(store, "outbox") == 0
    assert await count_rows(store, "flag_events", nudge_sent=False) == 1
