"""``build_weekly_summary``: one workspace's (or one lead's team's) week, from SQL aggregates.

Every number comes from a ``GROUP BY`` query of the Store (no per-event Python loops), so
the cost does not grow with the number of events beyond what the database does. The result
is a :class:`responses.summary_model.WeeklySummary`: counts only, never message text, user
ids, names, pseudonyms or per-person counts.

Per-channel privacy (see :func:`channel_rows`):

* a channel whose nudges reached fewer than :data:`MIN_PEOPLE_PER_CHANNEL` different people
  would let a lead who knows the channel attribute them, so it is merged into
  "other channels";
* a count below ``min_group_size`` is shown as "fewer than N";
* the total is shown, so a single hidden cell could be derived from it (the complement
  attack): channels are merged into "other channels" until no named channel's count can
  be derived, and "other channels" never holds just one channel while others are named.
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection, Sequence
from typing import Any, get_args

from bot.storage.models import CategoryCount, ChannelNudges
from bot.summaries.weeks import WeekRange, week_range
from classifiers.models import CATEGORIES, Category
from responses.summary_model import (
    CategoryTrend,
    ChannelRow,
    FeedbackRow,
    SummaryTotals,
    WeeklySummary,
)

#: Default smallest count shown as a number (``MIN_GROUP_SIZE`` setting).
MIN_GROUP_SIZE = 5
#: A channel is named only when its nudges reached at least this many different people.
MIN_PEOPLE_PER_CHANNEL = 3
#: Weeks averaged for the trend (the weeks before the summarised one).
AVERAGE_WEEKS = 4

_KNOWN: frozenset[str] = frozenset(get_args(Category))
_CHANNEL_PREFIXES = ("C", "G")


def _is_category(name: str) -> bool:
    return name in _KNOWN


def category_trends(
    current: Sequence[CategoryCount],
    previous: Sequence[CategoryCount],
    prior: Sequence[CategoryCount],
    weeks: int = AVERAGE_WEEKS,
) -> tuple[CategoryTrend, ...]:
    """One row per category active in any of the windows, in the canonical order."""
    now = {c.category: c for c in current}
    before = {c.category: c.nudges for c in previous}
    history = {c.category: c.nudges for c in prior}
    rows: list[CategoryTrend] = []
    for category in CATEGORIES:
        this = now.get(category)
        nudges = this.nudges if this else 0
        questions = this.questions if this else 0
        prev = before.get(category, 0)
        average = history.get(category, 0) / weeks
        if nudges or questions or prev or average:
            rows.append(
                CategoryTrend(
                    category=category,
                    nudges=nudges,
                    questions=questions,
                    previous_nudges=prev,
                    four_week_average=round(average, 2),
                )
            )
    return tuple(rows)


def channel_rows(
    channels: Sequence[ChannelNudges],
    min_group_size: int = MIN_GROUP_SIZE,
    min_people: int = MIN_PEOPLE_PER_CHANNEL,
) -> tuple[ChannelRow, ...]:
    """Per-channel rows with suppression and merging (see the module docstring).

    Shown counts come first (largest first), then suppressed channels (by id, so their
    order reveals nothing), then "other channels".
    """
    k = min_group_size
    pool: list[ChannelNudges] = []  # merged into "other channels"
    named: list[ChannelNudges] = []
    for row in channels:
        if row.nudges <= 0:
            continue
        identifying = row.nudged_people < min_people
        odd_id = not row.channel_id.startswith(_CHANNEL_PREFIXES) or not _valid(row.channel_id)
        (pool if identifying or odd_id else named).append(row)

    def violated() -> bool:
        other_total = sum(r.nudges for r in pool)
        other_hidden = bool(pool) and other_total < k
        small = [r for r in named if r.nudges < k]
        if len(pool) == 1 and named:
            return True  # "other" would be one channel's exact or derivable count
        hidden = len(small) + (1 if other_hidden else 0)
        return hidden == 1 and bool(small)  # total − visible = that channel's count

    while named and violated():
        smallest = min(named, key=lambda r: (r.nudges, r.channel_id))
        named.remove(smallest)
        pool.append(smallest)

    shown = sorted((r for r in named if r.nudges >= k), key=lambda r: (-r.nudges, r.channel_id))
    hidden = sorted(r.channel_id for r in named if r.nudges < k)  # order must not leak
    rows = [ChannelRow(channel_id=r.channel_id, nudges=r.nudges) for r in shown]
    rows += [ChannelRow(channel_id=c, nudges=None, suppressed=True) for c in hidden]
    if pool:
        total = sum(r.nudges for r in pool)
        rows.append(
            ChannelRow(is_other=True, nudges=total)
            if total >= k
            else ChannelRow(is_other=True, nudges=None, suppressed=True)
        )
    return tuple(rows)


def _valid(channel_id: str) -> bool:
    try:
        ChannelRow(channel_id=channel_id, nudges=None, suppressed=True)
    except ValueError:
        return False
    return True


async def build_weekly_summary(
    store: Any,
    workspace: str,
    week: str,
    *,
    channel_ids: Collection[str] | None = None,
    workspace_name: str | None = None,
    min_group_size: int = MIN_GROUP_SIZE,
) -> WeeklySummary:
    """The summary of ISO ``week`` (e.g. ``"2026-W47"``) for ``workspace``.

    The week runs Monday 00:00 to the next Monday 00:00 in the workspace's time zone.
    ``channel_ids`` restricts everything to a lead's team; ``workspace_name`` is shown in
    the header (the workspace id when omitted). Raises InvalidSetting for a bad week.
    """
    settings = await store.get_workspace_settings(workspace)
    rng = week_range(week, settings.time_zone)
    scope = None if channel_ids is None else sorted(set(channel_ids))
    previous = rng.shifted(-1)
    first_prior = rng.shifted(-AVERAGE_WEEKS)

    def span(a: WeekRange, b: WeekRange) -> tuple[str, Any, Any]:
        return (workspace, a.start, b.end)

    totals, current, before, prior, by_channel, fb_cat, fb_rule = await asyncio.gather(
        store.count_totals(*span(rng, rng), channel_ids=scope),
        store.count_by_category(*span(rng, rng), channel_ids=scope),
        store.count_by_category(*span(previous, previous), channel_ids=scope),
        store.count_by_category(*span(first_prior, previous), channel_ids=scope),
        store.count_nudges_by_channel(*span(rng, rng), channel_ids=scope),
        store.feedback_by_category(*span(rng, rng), channel_ids=scope),
        store.feedback_by_category_rule(*span(rng, rng), channel_ids=scope),
    )
    feedback_categories = tuple(
        FeedbackRow(category=f.key, shown=f.nudges, not_relevant=f.not_relevant)
        for f in fb_cat
        if _is_category(f.key) and f.nudges
    )
    feedback_rules = tuple(
        sorted(
            (
                FeedbackRow(
                    category=f.category,
                    rule_id=f.rule_id,
                    shown=f.nudges,
                    not_relevant=f.not_relevant,
                )
                for f in fb_rule
                if _is_category(f.category) and f.nudges
            ),
            key=lambda r: (not r.flagged, -r.rate, r.category, r.rule_id or ""),
        )
    )
    label = None
    if scope is not None:
        label = f"Team: {len(scope)} channel" + ("" if len(scope) == 1 else "s")
    return WeeklySummary(
        workspace_name=(workspace_name or workspace)[:120],
        week=rng.week,
        week_start=rng.monday,
        week_end=rng.sunday,
        timezone=settings.time_zone,
        scope=label,
        min_group_size=min_group_size,
        totals=SummaryTotals(nudges=totals.nudges, questions=totals.questions),
        categories=category_trends(current, before, prior),
        channels=channel_rows(by_channel, min_group_size),
        feedback_by_category=feedback_categories,
        feedback_by_rule=feedback_rules,
        empty=totals.nudges == 0,
    )
