"""Leads, exactly-once summary claims and the SQL aggregations for the weekly summary."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta

from bot.storage import CategoryCount, ChannelCount, FeedbackRate, Lead, Store, Totals

from .helpers import T0, count_rows, finding

WEEK = timedelta(days=7)
START = T0.replace(hour=0, minute=0, second=0, microsecond=0)  # Monday 00:00 UTC


async def test_leads(store: Store) -> None:
    await store.add_lead("T1", "U2")
    await store.add_lead("T1", "U1", ["C2", "C1", "C1"])
    await store.add_lead("T2", "U9")
    assert await store.list_leads("T1") == [
        Lead("U1", frozenset({"C1", "C2"})),
        Lead("U2", None),
    ]
    await store.add_lead("T1", "U1")  # scope removed
    assert (await store.list_leads("T1"))[0] == Lead("U1", None)
    assert await store.remove_lead("T1", "U1")
    assert not await store.remove_lead("T1", "U1")
    assert [lead.user_id for lead in await store.list_leads("T1")] == ["U2"]


async def test_claim_is_exactly_once_across_workers(
    store: Store, make_store: Callable[..., Awaitable[Store]]
) -> None:
    other = await make_store()
    await store.ensure_workspace("T1")
    results = await asyncio.gather(
        *((store if i % 2 else other).claim_summary("T1", "2026-W47", "U1") for i in range(12))
    )
    assert results.count(True) == 1
    assert await store.mark_summary_sent("T1", "2026-W47", "U1", channel_id="D1", message_ts="1.1")
    assert not await store.claim_summary("T1", "2026-W47", "U1", lease=timedelta(0))
    last = await store.last_sent_summary("T1", "U1")
    assert last is not None and (last.status, last.message_ts, last.attempts) == ("sent", "1.1", 1)


async def test_failed_send_is_retried_once_per_run(
    store: Store, make_store: Callable[..., Awaitable[Store]]
) -> None:
    other = await make_store()
    await store.ensure_workspace("T1")
    assert await store.claim_summary("T1", "2026-W47", "U1")
    assert await store.mark_summary_failed("T1", "2026-W47", "U1")
    retries = await asyncio.gather(
        store.claim_summary("T1", "2026-W47", "U1"), other.claim_summary("T1", "2026-W47", "U1")
    )
    assert sorted(retries) == [False, True]
    claim = await store.get_summary_claim("T1", "2026-W47", "U1")
    assert claim is not None and claim.status == "claimed" and claim.attempts == 2


async def test_abandoned_claim_is_retaken_after_lease(store: Store) -> None:
    await store.ensure_workspace("T1")
    assert await store.claim_summary("T1", "W", "U1", now=T0)
    assert not await store.claim_summary("T1", "W", "U1", now=T0 + timedelta(minutes=5))
    assert await store.claim_summary("T1", "W", "U1", now=T0 + timedelta(minutes=16))


async def test_attempts_are_capped(store: Store) -> None:
    await store.ensure_workspace("T1")
    for _ in range(3):
        assert await store.claim_summary("T1", "W", "U1", max_attempts=3)
        await store.mark_summary_failed("T1", "W", "U1")
    assert not await store.claim_summary("T1", "W", "U1", max_attempts=3)


async def test_claim_needs_an_installed_workspace(store: Store) -> None:
    assert not await store.claim_summary("T9", "W", "U1")  # never installed
    await store.ensure_workspace("T1")
    await store.mark_installation_inactive("T1", "invalid_auth")
    assert not await store.claim_summary("T1", "W", "U1")  # installed but dead
    assert await count_rows(store, "summary_claims") == 0
    await store.mark_installation_active("T1")
    assert await store.claim_summary("T1", "W", "U1")
    assert await store.mark_summary_failed("T1", "W", "U1")
    await store.delete_workspace("T1")
    # Uninstalled after the scheduler's installed-check: neither a new claim nor the retake
    # of the failed one recreates a row for the deleted workspace.
    assert not await store.claim_summary("T1", "W", "U1")
    assert not await store.claim_summary("T1", "W2", "U1")
    assert await store.get_summary_claim("T1", "W", "U1") is None
    assert await count_rows(store, "summary_claims") == 0
    assert await count_rows(store, "workspaces") == 0


async def test_claim_racing_an_uninstall_leaves_no_row(
    store: Store, make_store: Callable[..., Awaitable[Store]]
) -> None:
    other = await make_store()
    for round_ in range(15):
        await store.ensure_workspace("T1")
        results = await asyncio.gather(
            *(store.claim_summary("T1", f"W{round_}", f"U{i}") for i in range(3)),
            other.delete_workspace("T1"),
            *(store.claim_summary("T1", f"W{round_}", f"U{i}") for i in range(3, 6)),
        )
        assert await count_rows(store, "summary_claims") == 0, (round_, results)
        assert await count_rows(store, "workspaces") == 0


async def _seed(store: Store) -> None:
    """Exact, hand-countable data for the week starting START."""
    at = START + timedelta(hours=10)
    # Channel C1: 3 users nudged for romantic; one of them also gifts (same message).
    await store.record_message_flags(
        "e1", "T1", "U1", "C1", [finding("romantic"), finding("gifts", "caution")], now=at
    )
    await store.record_message_flags("e2", "T1", "U2", "C1", [finding("romantic")], now=at)
    r3 = await store.record_message_flags("e3", "T1", "U3", "C1", [finding("romantic")], now=at)
    # U1 again within cooldown: flagged, not nudged.
    await store.record_message_flags("e4", "T1", "U1", "C1", [finding("romantic")], now=at)
    # Channel C2: one user, one nudge with a second rule id.
    r5 = await store.record_message_flags(
        "e5", "T1", "U4", "C2", [finding("romantic", rule="romantic.rule2")], now=at
    )
    # Questions: two in C1 (one with two categories), one outside the week.
    await store.record_command_question("T1", "U5", "C1", ["romantic", "gifts"], now=at)
    await store.record_command_question("T1", "U6", "C1", [], now=at)
    await store.record_command_question("T1", "U6", "C1", ["gifts"], now=START + WEEK)
    # Just before and at the end boundary, and another workspace: excluded.
    await store.record_message_flags(
        "e6", "T1", "U7", "C1", [finding("romantic")], now=START - timedelta(minutes=1)
    )
    await store.record_message_flags(
        "e7", "T1", "U8", "C1", [finding("romantic")], now=START + WEEK
    )
    await store.record_message_flags("e8", "T2", "U1", "C1", [finding("romantic")], now=at)
    # Feedback: two "not relevant" in the week.
    assert r3.nudge_id and r5.nudge_id
    await store.record_feedback("T1", r3.nudge_id, "romantic", "romantic.rule1")
    await store.record_feedback("T1", r5.nudge_id, "romantic", "romantic.rule2")


async def test_aggregations_exact_counts(store: Store) -> None:
    await _seed(store)
    end = START + WEEK
    assert await store.count_totals("T1", START, end) == Totals(nudges=4, flagged=5, questions=2)
    assert await store.count_by_category("T1", START, end) == [
        CategoryCount("general", 0, 0, 1),
        CategoryCount("gifts", 1, 1, 1),
        CategoryCount("romantic", 4, 5, 1),
    ]
    assert await store.count_by_channel("T1", START, end) == [
        ChannelCount("C1", nudges=3, questions=2, distinct_users=5),
        ChannelCount("C2", nudges=1, questions=0, distinct_users=1),
    ]
    assert await store.feedback_by_category("T1", START, end) == [
        FeedbackRate("gifts", 1, 0),
        FeedbackRate("romantic", 4, 2),
    ]
    by_rule = await store.feedback_by_rule("T1", START, end)
    assert by_rule == [
        FeedbackRate("gifts.rule1", 1, 0),
        FeedbackRate("romantic.rule1", 3, 1),
        FeedbackRate("romantic.rule2", 1, 1),
    ]
    assert by_rule[2].rate == 1.0 and round(by_rule[1].rate, 3) == 0.333


async def test_aggregations_scoped_to_channels(store: Store) -> None:
    await _seed(store)
    end = START + WEEK
    assert await store.count_totals("T1", START, end, channel_ids={"C2"}) == Totals(1, 1, 0)
    assert await store.count_by_category("T1", START, end, channel_ids=["C2"]) == [
        CategoryCount("romantic", 1, 1, 0)
    ]
    assert await store.count_totals("T1", START, end, channel_ids=[]) == Totals(0, 0, 0)


async def test_empty_range(store: Store) -> None:
    assert await store.count_totals("T1", START, START + WEEK) == Totals(0, 0, 0)
    assert await store.count_by_category("T1", START, START + WEEK) == []
    assert await store.feedback_by_rule("T1", START, START + WEEK) == []
