"""ISO weeks in a workspace's time zone, as half-open UTC ranges for the SQL aggregations.

A week ``2026-W47`` runs from Monday 00:00 to the next Monday 00:00 *local time*; the UTC
range is therefore 167, 168 or 169 hours long across a DST change. Consecutive weeks are
computed the same way, so their ranges always meet exactly (nothing is counted twice or
lost). Flag events are stored per UTC hour, so in a zone whose offset is not a whole
number of hours (e.g. Asia/Kolkata) an event in the partial hour at a boundary is counted
in the week in which its hour began.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.errors import InvalidSetting

_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")


def time_zone(name: str) -> ZoneInfo:
    """The IANA zone ``name``; raises InvalidSetting naming the bad value."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError) as exc:
        raise InvalidSetting(
            f"time zone must be an IANA name such as 'America/New_York'; received {name!r}"
        ) from exc


def parse_week(week: str) -> date:
    """The Monday of ISO week ``YYYY-Www``; raises InvalidSetting for anything else."""
    match = _WEEK_RE.match(week.strip()) if isinstance(week, str) else None
    if match is None:
        raise InvalidSetting(f"week must look like 2026-W47; received {week!r}")
    try:
        return date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError as exc:
        raise InvalidSetting(f"week {week!r} does not exist in that ISO year") from exc


def week_of(day: date) -> str:
    """The ISO week label (``2026-W47``) containing ``day``."""
    year, number, _ = day.isocalendar()
    return f"{year}-W{number:02d}"


def local_midnight_utc(day: date, zone: ZoneInfo) -> datetime:
    """Local 00:00 of ``day`` in ``zone``, as aware UTC."""
    return datetime.combine(day, time(0, 0), tzinfo=zone).astimezone(UTC)


@dataclass(frozen=True)
class WeekRange:
    """One ISO week in one time zone."""

    week: str
    monday: date
    zone: ZoneInfo

    @property
    def sunday(self) -> date:
        """The last day of the week (local)."""
        return self.monday + timedelta(days=6)

    @property
    def start(self) -> datetime:
        """Monday 00:00 local, in UTC (inclusive)."""
        return local_midnight_utc(self.monday, self.zone)

    @property
    def end(self) -> datetime:
        """The next Monday 00:00 local, in UTC (exclusive)."""
        return local_midnight_utc(self.monday + timedelta(days=7), self.zone)

    def shifted(self, weeks: int) -> WeekRange:
        """The week ``weeks`` later (negative: earlier), in the same zone."""
        monday = self.monday + timedelta(weeks=weeks)
        return WeekRange(week_of(monday), monday, self.zone)


def week_range(week: str, zone_name: str) -> WeekRange:
    """:class:`WeekRange` of ISO ``week`` in the IANA zone ``zone_name``."""
    monday = parse_week(week)
    return WeekRange(week_of(monday), monday, time_zone(zone_name))


def due_week(now: datetime, zone_name: str, weekday: int, at: time) -> tuple[str, datetime]:
    """The latest complete week whose send moment has passed at ``now``, and that moment.

    The send moment of a week is ``weekday`` (Monday = 0) at ``at`` local time in the week
    *after* it, so a summary always covers a finished Monday-to-Sunday week.
    """
    zone = time_zone(zone_name)
    local_now = now.astimezone(zone)
    this_monday = local_now.date() - timedelta(days=local_now.weekday())
    for weeks_back in (0, 1):
        monday = this_monday - timedelta(weeks=weeks_back)
        moment = datetime.combine(monday + timedelta(days=weekday), at, tzinfo=zone)
        moment_utc = moment.astimezone(UTC)
        if now.astimezone(UTC) >= moment_utc:
            return week_of(monday - timedelta(weeks=1)), moment_utc
    # Unreachable: last week's moment always lies in the past. Kept for type checkers.
    raise AssertionError("no send moment in the last two weeks")  # pragma: no cover
