"""build_weekly_summary over a seeded database (SQLite and PostgreSQL): exact counts, week
boundaries in America/New_York across the DST change, suppression, scope, empty week, and
that no user id or pseudonym appears in any output format."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.storage import Store
from bot.summaries.compute import build_weekly_summary
from bot.summaries.export import FORMATS, render
from responses.limits import find_problems
from responses.summary import build_summary
from responses.summary_model import ChannelRow

from .helpers import nudge, nudges

WS = "T1"
NY = "America/New_York"
MID = datetime(2026, 10, 28, 15, tzinfo=UTC)  # Wednesday of 2026-W44


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


async def seed(store: Store) -> tuple[list[str], list[str]]:
    """2026-W44 (26 Oct – 1 Nov 2026, US DST ends on 1 Nov) in New York.

    Returns every user id used, and the nudge ids of this week's C0WARD nudges."""
    await store.update_workspace_settings(WS, time_zone=NY)
    # Boundaries: W44 is [Mon 26 Oct 04:00 UTC (EDT), Mon 2 Nov 05:00 UTC (EST)).
    await nudge(store, utc(2026, 10, 26, 3, 30), user="UEDGE0", channel="C0WARD")  # W43
    await nudge(store, utc(2026, 10, 26, 4, 10), user="UEDGE1", channel="C0WARD")  # W44
    await nudge(store, utc(2026, 11, 2, 4, 30), user="UEDGE2", channel="C0WARD")  # Sun 23:30 EST
    await nudge(store, utc(2026, 11, 2, 5, 0), user="UEDGE3", channel="C0WARD")  # W45
    # History: one more in W43, two in W41, one in W39 (outside the 4-week average).
    await nudge(store, utc(2026, 10, 20, 15), user="UHIST0", channel="C0WARD")
    await nudge(store, utc(2026, 10, 7, 15), user="UHIST1", channel="C0WARD")
    await nudge(store, utc(2026, 10, 7, 15), user="UHIST2", channel="C0WARD")
    await nudge(store, utc(2026, 9, 23, 15), user="UHIST3", channel="C0WARD")
    # The week itself.
    ward = await nudges(store, MID, 6, channel="C0WARD")  # + UEDGE1, UEDGE2 = 8 from 8 people
    await nudges(store, MID, 5, channel="C0CLINIC", category="gifts", rule="gifts.cash")
    await nudges(store, MID, 3, channel="C0SMALL", category="social_media")
    await nudges(store, MID, 4, channel="C0TINY", category="dual_relationship")
    await nudges(store, MID, 6, channel="C0SOLO", category="self_disclosure", people=1)
    await nudges(store, MID, 2, channel="C0PAIR", category="phi_disclosure")
    # Questions (never their text): two recognised, one general.
    await store.record_command_question(WS, "UASK0", "C0WARD", ["romantic"], now=MID)
    await store.record_command_question(WS, "UASK1", "C0WARD", ["gifts"], now=MID)
    await store.record_command_question(WS, "UASK2", "D0DM", [], now=MID)
    # Another workspace, same week: never counted.
    await nudge(store, MID, user="UOTHER", channel="C0WARD", workspace="T2")
    users = [
        *(f"UEDGE{i}" for i in range(4)),
        *(f"UHIST{i}" for i in range(4)),
        *(f"UC0WARD{i}" for i in range(6)),
        *(f"UC0CLINIC{i}" for i in range(5)),
        "UC0SOLO0",
        "UASK0",
        "UASK1",
        "UASK2",
    ]
    return users, ward


async def mark_not_relevant(store: Store, ward: list[str], count: int) -> None:
    """Mark ``count`` of this week's C0WARD romantic nudges "not relevant" (as the button does)."""
    for nudge_id in ward[:count]:
        assert await store.record_feedback(WS, nudge_id, "romantic", "romantic.rule1")


async def test_exact_counts_in_new_york_across_dst(store: Store) -> None:
    _, ward = await seed(store)
    await mark_not_relevant(store, ward, 3)
    s = await build_weekly_summary(store, WS, "2026-W44", workspace_name="Clinic")
    assert (s.week_start.isoformat(), s.week_end.isoformat()) == ("2026-10-26", "2026-11-01")
    assert s.timezone == NY and not s.empty
    assert (s.totals.nudges, s.totals.questions) == (28, 3)
    trend = {
        c.category: (c.nudges, c.questions, c.previous_nudges, c.four_week_average)
        for c in s.categories
    }
    assert trend == {
        "romantic": (9, 1, 2, 1.0),  # W43: UEDGE0 + UHIST0; W40–W43: 4 / 4 weeks
        "gifts": (5, 1, 0, 0.0),
        "social_media": (4, 0, 0, 0.0),
        "dual_relationship": (4, 0, 0, 0.0),
        "phi_disclosure": (2, 0, 0, 0.0),
        "self_disclosure": (1, 0, 0, 0.0),
        "socializing": (1, 0, 0, 0.0),
        "personal_contact": (1, 0, 0, 0.0),
        "physical_contact": (1, 0, 0, 0.0),
    }
    assert [c.category for c in s.categories][:4] == [
        "socializing",
        "social_media",
        "personal_contact",
        "romantic",
    ]
    assert s.channels == (
        ChannelRow(channel_id="C0WARD", nudges=8),
        ChannelRow(channel_id="C0CLINIC", nudges=5),
        # Hidden rows in id order: their order must not leak which is larger.
        ChannelRow(channel_id="C0SMALL", nudges=None, suppressed=True),
        ChannelRow(channel_id="C0TINY", nudges=None, suppressed=True),
        ChannelRow(is_other=True, nudges=8),  # C0SOLO (one person) + C0PAIR (two people)
    )
    by_cat = {f.category: (f.shown, f.not_relevant, f.flagged) for f in s.feedback_by_category}
    assert by_cat["romantic"] == (9, 3, True)
    assert by_cat["gifts"] == (5, 0, False)
    by_rule = {
        f.rule_id: (f.category, f.shown, f.not_relevant, f.flagged) for f in s.feedback_by_rule
    }
    assert by_rule["romantic.rule1"] == ("romantic", 9, 3, True)
    assert by_rule["gifts.cash"] == ("gifts", 5, 0, False)
    assert s.feedback_by_rule[0].rule_id == "romantic.rule1"  # flagged rules first


async def test_previous_week_boundaries(store: Store) -> None:
    await seed(store)
    w43 = await build_weekly_summary(store, WS, "2026-W43")
    assert w43.totals.nudges == 2  # UHIST0 and UEDGE0 (Sun 25 Oct 23:30 EDT)
    w45 = await build_weekly_summary(store, WS, "2026-W45")
    assert w45.totals.nudges == 1  # UEDGE3 at Mon 2 Nov 00:00 EST
    # A UTC week would get both edges wrong: UEDGE0 is in it, UEDGE2 is not.
    assert (await store.count_totals(WS, utc(2026, 10, 26), utc(2026, 10, 26, 4))).nudges == 1
    assert (await store.count_totals(WS, utc(2026, 11, 2), utc(2026, 11, 2, 5))).nudges == 1


async def test_no_user_id_or_pseudonym_in_any_format(store: Store) -> None:
    users, ward = await seed(store)
    await mark_not_relevant(store, ward, 2)
    summary = await build_weekly_summary(store, WS, "2026-W44")
    forbidden = users + [store.pseudonym(WS, u) for u in users]
    forbidden += [store.pseudonym(WS, u)[:16] for u in users]
    for fmt in FORMATS:
        output = render(summary, fmt)
        assert output.strip()
        for value in forbidden:
            assert value not in output, f"{fmt} output contains a user id or pseudonym"
    assert "fewer than 5" in render(summary, "text")
    csv_lines = render(summary, "csv").splitlines()
    assert "channel,C0SMALL,,,,,fewer than 5" in csv_lines
    assert "channel,other channels,8,,,," in csv_lines
    assert "category,romantic,9,1,2,1.00," in csv_lines
    assert json.loads(render(summary, "json"))["totals"] == {"nudges": 28, "questions": 3}
    blocks = json.loads(render(summary, "blocks"))
    assert find_problems(blocks) == []


async def test_lead_scope(store: Store) -> None:
    await seed(store)
    s = await build_weekly_summary(store, WS, "2026-W44", channel_ids={"C0CLINIC", "C0SMALL"})
    assert s.scope == "Team: 2 channels"
    assert (s.totals.nudges, s.totals.questions) == (8, 0)
    # Two channels, one of them small: showing the other exactly would reveal it from the
    # total, so both are merged.
    assert s.channels == (ChannelRow(is_other=True, nudges=8),)


async def test_empty_week(store: Store) -> None:
    await seed(store)
    await store.record_command_question(WS, "UASK9", "C0WARD", ["gifts"], now=utc(2026, 12, 9, 15))
    s = await build_weekly_summary(store, WS, "2026-W50")
    assert s.empty and s.totals.nudges == 0 and s.totals.questions == 1
    assert s.channels == () and s.feedback_by_rule == ()
    payload = build_summary(s)
    text = render(s, "text")
    assert "No boundary nudges this week" in text and "1 question" in text
    assert find_problems(payload) == []


async def test_bad_week_is_refused(store: Store) -> None:
    from bot.errors import InvalidSetting

    with pytest.raises(InvalidSetting, match="2026-W99"):
        await build_weekly_summary(store, WS, "2026-W99")
