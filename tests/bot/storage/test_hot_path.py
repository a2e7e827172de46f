"""The event hot path: batched delivery settlement, the combined gate read, few statements."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import text

from bot.storage import Store

from .helpers import T0, count_rows, finding

HOT_TABLES = (
    "dedupe_keys",
    "workspaces",
    "channel_settings",
    "user_prefs",
    "cooldowns",
    "flag_events",
    "outbox",
)


async def _queue(store: Store, n: int) -> list[str]:
    ids = []
    for k in range(n):
        result = await store.record_message_flags(f"E{k}", "T1", f"U{k}", "C9", [finding()], now=T0)
        assert result.nudge_id is not None
        ids.append(result.nudge_id)
    return ids


@contextmanager
def statements(store: Store) -> Iterator[list[str]]:
    """SQL statements the store sends inside the block (SQLAlchemy's and the drivers')."""
    with store.trace_sql() as seen:
        yield seen


async def test_concurrent_deliveries_are_settled_together_and_each_gets_its_answer(
    store: Store,
) -> None:
    ids = await _queue(store, 30)
    with statements(store) as seen:
        results = await asyncio.gather(
            *(store.mark_delivered(nudge_id) for nudge_id in ids),
            store.mark_delivered("no-such-nudge"),
            store.mark_delivered(ids[0]),  # twice in flight: deleted once
        )
    assert results[:30] == [True] * 30
    assert results[30] is False
    assert sum(results) == 30  # exactly one of the two calls for ids[0] deleted it
    deletes = [s for s in seen if s.lstrip().upper().startswith("DELETE FROM OUTBOX")]
    assert 1 <= len(deletes) <= 3, deletes  # batched, not one transaction per nudge
    assert await count_rows(store, "outbox") == 0
    assert await count_rows(store, "flag_events", nudge_sent=True) == 30


async def test_a_lone_delivery_is_settled_at_once(store: Store) -> None:
    [nudge_id] = await _queue(store, 1)
    assert await asyncio.wait_for(store.mark_delivered(nudge_id), 5)
    assert not await store.mark_delivered(nudge_id)


async def test_one_event_is_one_statement_on_postgresql_five_in_a_savepoint_on_sqlite(
    store: Store,
) -> None:
    # asyncpg introspects the statement's array types once per connection: warm up first.
    await store.record_message_flags("E0", "T1", "U0", "C9", [finding()], now=T0)
    with statements(store) as seen:
        result = await store.record_message_flags("E1", "T1", "U1", "C9", [finding()], now=T0)
        await asyncio.sleep(0)  # asyncpg calls its query loggers on the next loop iteration
    assert result.nudge_id
    if store.backend == "postgresql":
        # Atomic on its own: no BEGIN/COMMIT round trips either.
        assert len(seen) == 1, seen
        for table in HOT_TABLES:
            assert table in seen[0], table
        return
    control = ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE")
    work = [s for s in seen if not s.strip().upper().startswith(control)]
    assert len(work) == 5, work
    assert sum("dedupe_keys" in s for s in work) == 1
    assert sum("user_prefs" in s and "channel_settings" in s for s in work) == 1  # one gate read
    assert [s.split()[0] for s in seen].count("BEGIN") == 1


async def test_gate_read_applies_every_setting_written_by_another_store(
    store: Store, make_store: Any
) -> None:
    """No per-process cache: a change made through another Store (worker) applies at once."""
    other = await make_store()
    await store.record_message_flags("E0", "T1", "U0", "C9", [finding()], now=T0)  # warm
    await other.set_mute("T1", "U1", T0 + timedelta(hours=1))
    muted = await store.record_message_flags("E1", "T1", "U1", "C9", [finding()], now=T0)
    assert muted.muted and muted.nudge_id is None
    await other.set_channel_enabled("T1", "C8", False)
    assert (
        await store.record_message_flags("E2", "T1", "U2", "C8", [finding()], now=T0)
    ).status == ("channel_disabled")
    await other.update_workspace_settings("T1", threshold="high")
    low = await store.record_message_flags(
        "E3", "T1", "U3", "C9", [finding(severity="caution")], now=T0
    )
    assert low.skipped == {"romantic": "below_threshold"}
    await other.update_workspace_settings("T1", cooldown_hours=1)
    first = await store.record_message_flags("E4", "T1", "U4", "C9", [finding()], now=T0)
    later = T0 + timedelta(minutes=61)
    second = await store.record_message_flags("E5", "T1", "U4", "C9", [finding()], now=later)
    assert first.nudge_id and second.nudge_id  # 1 h cooldown, read fresh
    await other.mark_installation_inactive("T1")
    assert (
        await store.record_message_flags("E6", "T1", "U6", "C9", [finding()], now=T0)
    ).status == ("inactive")


async def test_a_connection_the_server_closed_is_replaced_without_a_failed_request(
    make_store: Any, database_url: str
) -> None:
    """PostgreSQL: no pre-ping round trips, yet a pooled connection the server terminated
    (restart, failover) is discarded at checkout instead of failing the next call: the hot
    path's connections and the engine's alike."""
    if not database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    store = await make_store(pool_size=1)
    await store.record_message_flags("E1", "T1", "U1", "C9", [finding()], now=T0)
    with statements(store) as seen:
        await store.record_message_flags("E0", "T1", "U0", "C9", [finding()], now=T0)
        await asyncio.sleep(0)
    assert len(seen) == 1  # the hot path's connection is open (and warm)
    async with store.engine.connect() as connection:
        pid = (await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one()
    admin = await make_store()
    async with admin.engine.connect() as connection:
        killed = (
            await connection.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
        ).scalar_one()
    assert killed >= 2  # at least the store's engine connection and its hot-path one
    await asyncio.sleep(0.2)  # the worker's event loop sees the server close the sockets
    result = await store.record_message_flags("E2", "T1", "U2", "C9", [finding()], now=T0)
    assert result.nudge_id  # no StorageUnavailable: the dead connection was replaced
    async with store.engine.connect() as connection:
        assert (await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one() != pid
