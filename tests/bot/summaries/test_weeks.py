"""ISO weeks in a time zone, across DST changes, and which week is due when."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.errors import InvalidSetting
from bot.summaries.weeks import due_week, parse_week, week_range


@pytest.mark.parametrize(
    ("week", "zone", "start", "end", "hours"),
    [
        ("2026-W47", "UTC", datetime(2026, 11, 16), datetime(2026, 11, 23), 168),
        # New York, EST (UTC-5) all week.
        ("2026-W47", "America/New_York", datetime(2026, 11, 16, 5), datetime(2026, 11, 23, 5), 168),
        # W44 contains Sun 1 Nov 2026, when US DST ends: Monday starts at UTC-4, ends at UTC-5.
        ("2026-W44", "America/New_York", datetime(2026, 10, 26, 4), datetime(2026, 11, 2, 5), 169),
        # W10 contains Sun 8 Mar 2026, when US DST starts: 167 hours.
        ("2026-W10", "America/New_York", datetime(2026, 3, 2, 5), datetime(2026, 3, 9, 4), 167),
        ("2026-W11", "America/New_York", datetime(2026, 3, 9, 4), datetime(2026, 3, 16, 4), 168),
        ("2026-W01", "Europe/Berlin", datetime(2025, 12, 28, 23), datetime(2026, 1, 4, 23), 168),
    ],
)
def test_week_ranges(week: str, zone: str, start: datetime, end: datetime, hours: int) -> None:
    rng = week_range(week, zone)
    assert rng.start == start.replace(tzinfo=UTC)
    assert rng.end == end.replace(tzinfo=UTC)
    assert rng.end - rng.start == timedelta(hours=hours)


def test_dst_end_week_is_169_hours() -> None:
    rng = week_range("2026-W44", "America/New_York")
    assert (rng.monday, rng.sunday) == (date(2026, 10, 26), date(2026, 11, 1))
    assert rng.end - rng.start == timedelta(hours=169)


def test_consecutive_weeks_meet_exactly_across_dst() -> None:
    for week in ("2026-W10", "2026-W11", "2026-W43", "2026-W44", "2026-W45"):
        rng = week_range(week, "America/New_York")
        assert rng.shifted(1).start == rng.end
        assert rng.shifted(-1).end == rng.start


@pytest.mark.parametrize("bad", ["2026-47", "2026-W54", "2025-W53", "W47", "", "2026-W00"])
def test_bad_weeks_are_refused(bad: str) -> None:
    with pytest.raises(InvalidSetting):
        parse_week(bad)


def test_bad_time_zone_is_refused() -> None:
    with pytest.raises(InvalidSetting, match="Mars/Olympus"):
        week_range("2026-W47", "Mars/Olympus")


@pytest.mark.parametrize(
    ("now", "zone", "weekday", "at", "expected"),
    [
        # Monday 09:00 New York = 14:00 UTC in November.
        (datetime(2026, 11, 23, 13, 59), "America/New_York", 0, time(9), "2026-W46"),
        (datetime(2026, 11, 23, 14, 0), "America/New_York", 0, time(9), "2026-W47"),
        # Still Sunday in New York although Monday in UTC: the week has not ended there.
        (datetime(2026, 11, 23, 3, 0), "America/New_York", 0, time(0), "2026-W46"),
        # Friday delivery covers the previous complete week.
        (datetime(2026, 11, 27, 12, 0), "UTC", 4, time(8), "2026-W47"),
        (datetime(2026, 11, 26, 12, 0), "UTC", 4, time(8), "2026-W46"),
    ],
)
def test_due_week(now: datetime, zone: str, weekday: int, at: time, expected: str) -> None:
    assert due_week(now.replace(tzinfo=UTC), zone, weekday, at)[0] == expected
