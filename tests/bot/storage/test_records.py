"""Recording message flags: dedupe, thresholds, cooldown, mute, opt-out, questions, keys."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest

from bot.errors import InvalidSetting
from bot.storage import Store

from .helpers import T0, count_rows, finding


async def test_first_delivery_records_and_queues_one_nudge(store: Store) -> None:
    result = await store.record_message_flags(
        "Ev1", "T1", "U1", "C1", [finding()], thread_ts="111.222", now=T0
    )
    assert result.status == "recorded" and result.nudge_id is not None
    assert [f.category for f in result.nudged] == ["romantic"]
    assert await count_rows(store, "flag_events", nudge_sent=True) == 1
    assert await count_rows(store, "outbox", id=result.nudge_id, thread_ts="111.222") == 1


async def test_retry_with_same_event_id_writes_nothing(store: Store) -> None:
    first = await store.record_message_flags("Ev1", "T1", "U1", "C1", [finding()], now=T0)
    retry = await store.record_message_flags("Ev1", "T1", "U1", "C1", [finding()], now=T0)
    assert first.status == "recorded"
    assert retry.duplicate and retry.nudge_id is None
    assert await count_rows(store, "flag_events") == 1
    assert await count_rows(store, "outbox") == 1


async def test_concurrent_deliveries_of_one_event_record_once(
    store: Store, make_store: Callable[..., Awaitable[Store]]
) -> None:
    other_worker = await make_store()  # a second engine / pool, like a second process
    calls = [
        (store if i % 2 else other_worker).record_message_flags(
            "EvRace", "T1", "U1", "C1", [finding()], now=T0
        )
        for i in range(20)
    ]
    results = await asyncio.gather(*calls)
    assert sorted(r.status for r in results).count("recorded") == 1
    assert sum(r.nudge_id is not None for r in results) == 1
    assert await count_rows(store, "flag_events") == 1
    assert await count_rows(store, "outbox") == 1


async def test_concurrent_distinct_events_all_recorded(store: Store) -> None:
    results = await asyncio.gather(
        *(
            store.record_message_flags(f"Ev{i}", "T1", f"U{i}", "C1", [finding()], now=T0)
            for i in range(30)
        )
    )
    assert all(r.status == "recorded" and r.nudge_id for r in results)
    assert await count_rows(store, "flag_events") == 30
    assert await count_rows(store, "outbox") == 30


async def test_cooldown_per_user_and_category(store: Store) -> None:
    first = await store.record_message_flags("E1", "T1", "U1", "C1", [finding()], now=T0)
    again = await store.record_message_flags(
        "E2", "T1", "U1", "C1", [finding()], now=T0 + timedelta(hours=23)
    )
    other_category = await store.record_message_flags(
        "E3", "T1", "U1", "C1", [finding("gifts")], now=T0 + timedelta(hours=1)
    )
    other_user = await store.record_message_flags(
        "E4", "T1", "U2", "C1", [finding()], now=T0 + timedelta(hours=1)
    )
    after = await store.record_message_flags(
        "E5", "T1", "U1", "C1", [finding()], now=T0 + timedelta(hours=24)
    )
    assert first.nudge_id and other_category.nudge_id and other_user.nudge_id and after.nudge_id
    assert again.nudge_id is None and again.skipped == {"romantic": "cooldown"}
    # the flag is still recorded, marked as not nudged
    assert await count_rows(store, "flag_events") == 5
    assert await count_rows(store, "flag_events", nudge_sent=False) == 1


async def test_concurrent_events_same_user_category_nudge_once(
    store: Store, make_store: Callable[..., Awaitable[Store]]
) -> None:
    other_worker = await make_store()
    results = await asyncio.gather(
        *(
            (store if i % 2 else other_worker).record_message_flags(
                f"E{i}", "T1", "U1", "C1", [finding()], now=T0
            )
            for i in range(10)
        )
    )
    assert sum(r.nudge_id is not None for r in results) == 1
    assert await count_rows(store, "flag_events") == 10


async def test_workspace_cooldown_setting_is_used(store: Store) -> None:
    await store.update_workspace_settings("T1", cooldown_hours=2)
    await store.record_message_flags("E1", "T1", "U1", "C1", [finding()], now=T0)
    later = await store.record_message_flags(
        "E2", "T1", "U1", "C1", [finding()], now=T0 + timedelta(hours=2)
    )
    assert later.nudge_id is not None


async def test_threshold_and_eligibility(store: Store) -> None:
    result = await store.record_message_flags(
        "E1",
        "T1",
        "U1",
        "C1",
        [
            finding("gifts", "info"),
            finding("romantic", "high", quoted=True, eligible=False),
            finding("socializing", "caution"),
        ],
        now=T0,
    )
    assert [f.category for f in result.nudged] == ["socializing"]
    assert result.skipped == {"gifts": "below_threshold", "romantic": "not_eligible"}
    await store.update_workspace_settings("T1", threshold="high")
    result = await store.record_message_flags(
        "E2", "T1", "U2", "C1", [finding("socializing", "caution")], now=T0
    )
    assert result.nudge_id is None and result.skipped == {"socializing": "below_threshold"}
    assert await count_rows(store, "flag_events", quoted=True) == 1


async def test_highest_severity_is_the_primary_nudge(store: Store) -> None:
    result = await store.record_message_flags(
        "E1", "T1", "U1", "C1", [finding("gifts", "caution"), finding("romantic", "high")], now=T0
    )
    assert [f.category for f in result.nudged] == ["romantic", "gifts"]
    [item] = await store.claim_pending_nudges(now=T0 + timedelta(minutes=2))
    assert (item.category, item.severity, item.rule_id) == ("romantic", "high", "romantic.rule1")
    assert {f.category for f in item.findings} == {"romantic", "gifts"}


async def test_mute_blocks_nudges_but_not_records(store: Store) -> None:
    await store.set_mute("T1", "U1", T0 + timedelta(hours=24))
    assert await store.is_muted("T1", "U1", now=T0)
    assert not await store.is_muted("T1", "U2", now=T0)
    muted = await store.record_message_flags("E1", "T1", "U1", "C1", [finding()], now=T0)
    assert muted.muted and muted.nudge_id is None and muted.skipped == {"romantic": "muted"}
    assert await count_rows(store, "flag_events") == 1
    expired = await store.record_message_flags(
        "E2", "T1", "U1", "C1", [finding()], now=T0 + timedelta(hours=25)
    )
    assert expired.nudge_id is not None
    assert await store.get_mute("T1", "U1", now=T0 + timedelta(hours=25)) is None


async def test_unmute(store: Store) -> None:
    await store.set_mute("T1", "U1", T0 + timedelta(days=7))
    assert await store.get_mute("T1", "U1", now=T0) == T0 + timedelta(days=7)
    await store.set_mute("T1", "U1", None)
    assert not await store.is_muted("T1", "U1", now=T0)
    assert await count_rows(store, "user_prefs") == 0


async def test_channel_opt_out_records_nothing(store: Store) -> None:
    assert await store.is_channel_enabled("T1", "C1")
    await store.set_channel_enabled("T1", "C1", False)
    assert not await store.is_channel_enabled("T1", "C1")
    assert await store.is_channel_enabled("T1", "C2")
    result = await store.record_message_flags("E1", "T1", "U1", "C1", [finding()], now=T0)
    assert result.status == "channel_disabled" and result.nudge_id is None
    assert await count_rows(store, "flag_events") == 0
    await store.set_channel_enabled("T1", "C1", True)
    result = await store.record_message_flags("E2", "T1", "U1", "C1", [finding()], now=T0)
    assert result.status == "recorded" and result.nudge_id is not None


async def test_inactive_installation_records_nothing(store: Store) -> None:
    await store.mark_installation_inactive("T1", "invalid_auth")
    assert not await store.is_installation_active("T1")
    result = await store.record_message_flags("E1", "T1", "U1", "C1", [finding()], now=T0)
    assert result.status == "inactive"
    assert await count_rows(store, "flag_events") == 0
    await store.mark_installation_active("T1")
    assert await store.is_installation_active("T1")


async def test_allow_nudge_false_records_without_outbox(store: Store) -> None:
    result = await store.record_message_flags(
        "E1", "T1", "U1", "C1", [finding()], allow_nudge=False, now=T0
    )
    assert result.nudge_id is None and result.skipped == {"romantic": "no_delivery"}
    assert await count_rows(store, "outbox") == 0
    assert await count_rows(store, "cooldowns") == 0


async def test_unknown_severity_is_refused_before_writing(store: Store) -> None:
    with pytest.raises(InvalidSetting, match="severity must be one of"):
        await store.record_message_flags("E1", "T1", "U1", "C1", [finding(severity="x")])
    assert await count_rows(store, "dedupe_keys") == 0


async def test_hour_bucket_only(store: Store) -> None:
    await store.record_message_flags("E1", "T1", "U1", "C1", [finding()], now=T0)
    from sqlalchemy import select

    from bot.storage.tables import flag_events

    async with store.engine.connect() as connection:
        bucket = (await connection.execute(select(flag_events.c.hour_bucket))).scalar_one()
    assert (bucket.minute, bucket.second, bucket.microsecond) == (0, 0, 0)
    assert bucket.hour == T0.hour


async def test_command_question(store: Store) -> None:
    occurrence = await store.record_command_question("T1", "U1", "C1", ["gifts", "romantic"])
    await store.record_command_question("T1", "U1", "C1", [])
    assert await count_rows(store, "flag_events", occurrence_id=occurrence, source="command") == 2
    assert await count_rows(store, "flag_events", category="general") == 1
    assert await count_rows(store, "outbox") == 0


async def test_feedback_is_idempotent(store: Store) -> None:
    result = await store.record_message_flags("E1", "T1", "U1", "C1", [finding()], now=T0)
    assert result.nudge_id
    assert await store.record_feedback("T1", result.nudge_id, "romantic", "romantic.rule1")
    assert await store.record_feedback("T1", result.nudge_id, "romantic", "romantic.rule1")
    assert await count_rows(store, "flag_events", feedback="not_relevant") == 1
    assert not await store.record_feedback("T1", "0" * 32, "romantic")
    assert not await store.record_feedback("T2", result.nudge_id, "romantic")


async def test_claim_key_once_until_expiry(store: Store) -> None:
    results = await asyncio.gather(*(store.claim_key("action:123.456") for _ in range(10)))
    assert results.count(True) == 1
    assert await store.claim_key("action:other")
    assert await store.claim_key("short", ttl=timedelta(seconds=-1))
    assert await store.claim_key("short")  # the previous claim had already expired


async def test_pseudonym_not_user_id_in_rows(store: Store) -> None:
    await store.record_message_flags("E1", "T1", "U0SECRETID", "C1", [finding()], now=T0)
    await store.set_mute("T1", "U0SECRETID", T0 + timedelta(days=1))
    pseudonym = store.pseudonym("T1", "U0SECRETID")
    assert await count_rows(store, "flag_events", user_pseudonym=pseudonym) == 1
    assert await count_rows(store, "user_prefs", user_pseudonym=pseudonym) == 1
    assert await count_rows(store, "cooldowns", user_pseudonym=pseudonym) == 1
