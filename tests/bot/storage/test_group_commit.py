"""The event hot path on the drivers: group commit on SQLite, one statement on PostgreSQL.

Concurrent events are all durable once their calls return, share transactions on SQLite,
and a database failure of one event neither loses nor doubles another.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from sqlalchemy import text

from bot.errors import StorageError
from bot.storage import Store

from .helpers import T0, count_rows, finding

N = 40

SQLITE_TRIGGER = (
    "CREATE TRIGGER reject_bad_channel BEFORE INSERT ON flag_events "
    "WHEN NEW.channel_id = 'CBAD' BEGIN SELECT RAISE(ABORT, 'rejected by test'); END"
)
PG_TRIGGER = (
    """
    CREATE FUNCTION reject_bad_channel() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.channel_id = 'CBAD' THEN RAISE EXCEPTION 'rejected by test'; END IF;
      RETURN NEW;
    END $$
    """,
    "CREATE TRIGGER reject_bad_channel BEFORE INSERT ON flag_events "
    "FOR EACH ROW EXECUTE FUNCTION reject_bad_channel()",
)
PG_DROP = (
    "DROP TRIGGER IF EXISTS reject_bad_channel ON flag_events",
    "DROP FUNCTION IF EXISTS reject_bad_channel()",
)


async def _admin(store: Store, statements: tuple[str, ...]) -> None:
    async with store.engine.begin() as connection:
        for statement in statements:
            await connection.execute(text(statement))


async def test_concurrent_events_are_all_durable_when_their_calls_return(
    store: Store, make_store: Callable[..., Awaitable[Store]]
) -> None:
    with store.trace_sql() as seen:
        results = await asyncio.gather(
            *(
                store.record_message_flags(
                    f"Ev{i}", "T1", f"U{i}", f"C{i % 3}", [finding()], now=T0
                )
                for i in range(N)
            )
        )
        await asyncio.sleep(0)  # asyncpg reports its statements on the next loop iteration
    assert all(r.status == "recorded" and r.nudge_id for r in results)
    assert len({r.nudge_id for r in results}) == N
    if store.backend == "sqlite":
        begins = sum(s.strip().upper().startswith("BEGIN") for s in seen)
        assert 1 <= begins < N, begins  # transactions were shared
    else:
        assert not any(s.strip().upper().startswith(("BEGIN", "COMMIT")) for s in seen)
    # Another store (another worker's pool) sees every row: they were committed.
    other = await make_store()
    assert await count_rows(other, "flag_events") == N
    assert await count_rows(other, "outbox") == N
    assert await count_rows(other, "dedupe_keys") == N
    assert await count_rows(other, "cooldowns") == N
    retries = await asyncio.gather(
        *(
            other.record_message_flags(f"Ev{i}", "T1", f"U{i}", f"C{i % 3}", [finding()], now=T0)
            for i in range(N)
        )
    )
    assert all(r.duplicate for r in retries)
    assert await count_rows(store, "flag_events") == N


async def test_a_failing_event_neither_loses_nor_doubles_the_others(store: Store) -> None:
    """A database failure of one event (here a trigger rejecting its flag row) fails that
    event alone: its dedupe claim is rolled back with it, the others commit once."""
    trigger = (SQLITE_TRIGGER,) if store.backend == "sqlite" else PG_TRIGGER
    await _admin(store, trigger)
    try:
        calls: list[Any] = [
            store.record_message_flags(f"Ev{i}", "T1", f"U{i}", "C1", [finding()], now=T0)
            for i in range(N)
        ]
        calls.insert(N // 2, store.record_message_flags("EvBad", "T1", "UB", "CBAD", [finding()]))
        results = await asyncio.gather(*calls, return_exceptions=True)
    finally:
        drop = (
            ("DROP TRIGGER IF EXISTS reject_bad_channel",) if store.backend == "sqlite" else PG_DROP
        )
        await _admin(store, drop)
    bad = results.pop(N // 2)
    assert isinstance(bad, StorageError), bad
    assert "rejected by test" not in str(bad)  # no database detail leaks into the message
    assert all(not isinstance(r, BaseException) and r.nudge_id for r in results), results
    assert await count_rows(store, "flag_events") == N
    assert await count_rows(store, "outbox") == N
    assert await count_rows(store, "flag_events", channel_id="CBAD") == 0
    assert await count_rows(store, "cooldowns", user_pseudonym=store.pseudonym("T1", "UB")) == 0
    # Slack retries the failed event: it was not claimed, so now it is recorded, once.
    retry = await store.record_message_flags("EvBad", "T1", "UB", "CBAD", [finding()])
    assert retry.status == "recorded" and retry.nudge_id
    again = await store.record_message_flags("EvBad", "T1", "UB", "CBAD", [finding()])
    assert again.duplicate
    assert await count_rows(store, "flag_events") == N + 1


async def test_close_waits_for_the_batch_in_progress(
    database_url: str, make_store: Callable[..., Awaitable[Store]]
) -> None:
    store = await make_store()
    pending = [
        asyncio.ensure_future(
            store.record_message_flags(f"Ev{i}", "T1", f"U{i}", "C1", [finding()], now=T0)
        )
        for i in range(10)
    ]
    await asyncio.sleep(0)  # every call has queued its event
    await store.close()
    results = await asyncio.gather(*pending, return_exceptions=True)
    recorded = [r for r in results if not isinstance(r, BaseException)]
    reader = await make_store()
    # Whatever a caller was told was recorded is in the database; nothing twice.
    assert await count_rows(reader, "flag_events") == len(recorded)
    if database_url.startswith("sqlite"):
        assert len(recorded) == 10
    with pytest.raises(StorageError):
        await store.record_message_flags("EvLate", "T1", "U1", "C1", [finding()], now=T0)
