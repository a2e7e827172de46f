"""The weekly summary model and its rendering."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from responses import (
    CategoryTrend,
    ChannelRow,
    FeedbackRow,
    SummaryTotals,
    WeeklySummary,
    build_summary,
    find_problems,
    render_text,
)
from responses.summary import bar


def make_summary(**overrides: object) -> WeeklySummary:
    data: dict[str, object] = {
        "workspace_name": "Riverside Clinic",
        "week": "2026-W47",
        "week_start": date(2026, 11, 16),
        "week_end": date(2026, 11, 22),
        "timezone": "Europe/London",
        "totals": SummaryTotals(nudges=23, questions=7),
        "categories": (
            CategoryTrend(
                category="gifts", nudges=12, questions=3, previous_nudges=8, four_week_average=9.5
            ),
            CategoryTrend(
                category="social_media",
                nudges=6,
                questions=4,
                previous_nudges=9,
                four_week_average=7.0,
            ),
            CategoryTrend(
                category="phi_exposure",
                nudges=5,
                questions=0,
                previous_nudges=5,
                four_week_average=4.25,
            ),
            CategoryTrend(
                category="romantic", nudges=0, questions=0, previous_nudges=0, four_week_average=0
            ),
        ),
        "channels": (
            ChannelRow(channel_id="C0NURSING", nudges=11),
            ChannelRow(channel_id="C0ICU", nudges=None, suppressed=True),
            ChannelRow(is_other=True, nudges=9),
        ),
        "feedback_by_category": (
            FeedbackRow(category="gifts", shown=12, not_relevant=5),
            FeedbackRow(category="social_media", shown=6, not_relevant=1),
        ),
        "feedback_by_rule": (
            FeedbackRow(category="gifts", rule_id="gifts.thank_you_card", shown=7, not_relevant=4),
        ),
    }
    data.update(overrides)
    return WeeklySummary.model_validate(data)


def test_summary_renders_totals_trend_channels_feedback() -> None:
    p = build_summary(make_summary())
    assert find_problems(p) == []
    assert p["text"] == "Weekly boundary summary 2026-W47: 23 nudges, 7 questions."
    text = render_text(p)
    assert "Weekly boundary summary · 2026-W47" in text
    assert "Riverside Clinic · Mon 16 Nov – Sun 22 Nov 2026 (Europe/London)" in text
    assert "Totals: 23 nudges sent, 7 questions asked." in text
    gifts_line = next(line for line in text.splitlines() if line.startswith("gifts "))
    assert "█" * 16 in gifts_line and "▲4" in gifts_line and "9.5" in gifts_line
    social = next(line for line in text.splitlines() if line.startswith("social media"))
    assert "█" * 8 in social and "█" * 9 not in social and "▼3" in social
    assert "romantic" not in text  # no activity: left out of the chart
    assert "#C0NURSING: 11" in text
    assert "#C0ICU: fewer than 5" in text
    assert "Other channels: 9" in text
    assert "gifts: 42% not relevant (5 of 12) (!) over 30%: candidate for tuning" in text
    assert "social media: 17% not relevant (1 of 6)" in text
    assert "candidate" not in text.split("social media: 17%")[1].splitlines()[0]
    assert "gifts.thank_you_card: 57% not relevant (4 of 7)" in text
    assert "never message text" in text


def test_channel_mentions_are_real_channel_links_only() -> None:
    p = build_summary(make_summary())
    section = next(b for b in p["blocks"] if b.get("block_id") == "summary:channels")
    assert "<#C0NURSING>" in section["text"]["text"]


def test_empty_week() -> None:
    s = make_summary(
        totals=SummaryTotals(nudges=0, questions=3),
        categories=(),
        channels=(),
        empty=True,
        feedback_by_category=(),
        feedback_by_rule=(),
    )
    p = build_summary(s)
    text = render_text(p)
    assert "No boundary nudges this week. 3 questions asked with /boundary." in text
    assert "Totals" not in text and "By channel" not in text
    assert p["text"] == "Weekly boundary summary 2026-W47: no nudges, 3 questions."
    assert find_problems(p) == []


def test_many_channels_stay_within_limits() -> None:
    rows = tuple(ChannelRow(channel_id=f"C{i:08d}", nudges=5 + i) for i in range(200))
    rules = tuple(
        FeedbackRow(category="gifts", rule_id=f"gifts.rule_{i}", shown=10, not_relevant=i % 10)
        for i in range(300)
    )
    p = build_summary(
        make_summary(
            channels=(*rows, ChannelRow(is_other=True, nudges=None, suppressed=True)),
            feedback_by_rule=rules,
        )
    )
    assert find_problems(p) == []
    assert "Other channels: fewer than 5" in render_text(p)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"channels": (ChannelRow(channel_id="C0SMALL", nudges=3),)}, "to be suppressed"),
        ({"week": "2026-47"}, "week"),
        ({"week_end": date(2026, 11, 1)}, "week_end"),
        ({"empty": True}, "empty=True only"),
    ],
)
def test_invalid_summaries_are_rejected(kwargs: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        make_summary(**kwargs)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"channel_id": "general"}, "Slack channel id"),
        ({"channel_id": "C0AB", "is_other": True, "nudges": 9}, "is_other"),
        ({"channel_id": "C0AB", "nudges": None}, "suppressed"),
        ({"channel_id": "C0AB", "nudges": 9, "suppressed": True}, "suppressed"),
    ],
)
def test_invalid_channel_rows(kwargs: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ChannelRow(**kwargs)


@pytest.mark.parametrize(
    ("shown", "not_relevant", "flagged"),
    [(10, 3, False), (10, 4, True), (100, 31, True), (0, 0, False), (3, 1, True)],
)
def test_feedback_flag_is_over_thirty_percent(shown: int, not_relevant: int, flagged: bool) -> None:
    assert FeedbackRow(category="gifts", shown=shown, not_relevant=not_relevant).flagged is flagged


def test_feedback_cannot_exceed_shown() -> None:
    with pytest.raises(ValidationError, match="not_relevant <= shown"):
        FeedbackRow(category="gifts", shown=1, not_relevant=2)


@pytest.mark.parametrize(
    ("value", "maximum", "cells"), [(0, 10, 0), (10, 10, 16), (5, 10, 8), (0.1, 10, 1), (3, 0, 0)]
)
def test_bar(value: float, maximum: float, cells: int) -> None:
    assert len(bar(value, maximum)) == cells
