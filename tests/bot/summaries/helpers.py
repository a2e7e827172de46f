"""Seeding helpers: flag events through the Store's public recording methods, at
controlled times (the Store keeps only the UTC hour)."""

from __future__ import annotations

import itertools
from datetime import datetime

from bot.storage import FindingRecord, Store

_ids = itertools.count(1)


def finding(category: str = "romantic", rule: str | None = None) -> FindingRecord:
    """A nudge-eligible, high-severity finding."""
    return FindingRecord(
        category=category, rule_ids=(rule or f"{category}.rule1",), severity="high"
    )


async def nudge(
    store: Store,
    at: datetime,
    *,
    user: str,
    channel: str = "C0WARD",
    category: str = "romantic",
    rule: str | None = None,
    workspace: str = "T1",
) -> str:
    """Record one nudged message; returns its nudge id (asserts it was nudged)."""
    result = await store.record_message_flags(
        f"Ev{next(_ids)}", workspace, user, channel, [finding(category, rule)], now=at
    )
    assert result.nudge_id, f"expected a nudge, got {result}"
    await store.mark_delivered(result.nudge_id)
    return result.nudge_id


async def nudges(
    store: Store,
    at: datetime,
    count: int,
    *,
    channel: str,
    category: str = "romantic",
    people: int | None = None,
    prefix: str = "U",
    rule: str | None = None,
    workspace: str = "T1",
) -> list[str]:
    """``count`` nudges in ``channel`` from ``people`` different users (default: all different).

    A user is nudged once per category per cooldown, so repeated users use other categories.
    """
    from classifiers.models import CATEGORIES

    people = people or count
    others = [c for c in CATEGORIES if c != category]
    ids: list[str] = []
    for i in range(count):
        user = f"{prefix}{channel}{i % people}"
        cat = category if i < people else others[(i // people - 1) % len(others)]
        ids.append(
            await nudge(
                store, at, user=user, channel=channel, category=cat, rule=rule, workspace=workspace
            )
        )
    return ids
