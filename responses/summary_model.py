"""The weekly summary data model: produced by the summary job, rendered by ``build_summary``.

Everything here is aggregate and de-identified: no message text, no user ids, names or
pseudonyms, no per-person counts. Channel rows with a count below ``min_group_size`` must
be marked ``suppressed`` (the count is then ``None``); the model refuses a visible count
below the threshold, so a renderer can never show one.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from classifiers.models import Category

#: A not-relevant rate above this marks a rule or category as a tuning candidate.
FLAG_RATE = 0.30

_CHANNEL_ID_RE = re.compile(r"^[CG][A-Z0-9]{2,20}$")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SummaryTotals(_Model):
    """Totals for the week."""

    nudges: int = Field(ge=0, description="Nudges sent.")
    questions: int = Field(ge=0, description="Slash-command questions asked.")


class CategoryTrend(_Model):
    """One category: this week, the previous week and the average of the 4 weeks before."""

    category: Category
    nudges: int = Field(ge=0)
    questions: int = Field(ge=0)
    previous_nudges: int = Field(ge=0)
    four_week_average: float = Field(ge=0, description="Mean weekly nudges over the 4 prior weeks.")

    @property
    def change(self) -> int:
        """Nudges this week minus the previous week."""
        return self.nudges - self.previous_nudges


class ChannelRow(_Model):
    """Nudges in one channel, or the merged "other channels" bucket."""

    channel_id: str | None = Field(default=None, description="Slack channel id; None for 'other'.")
    is_other: bool = False
    nudges: int | None = Field(default=None, ge=0, description="None when suppressed.")
    suppressed: bool = False

    @field_validator("channel_id")
    @classmethod
    def _channel(cls, value: str | None) -> str | None:
        if value is not None and not _CHANNEL_ID_RE.match(value):
            raise ValueError(f"expected a Slack channel id like C0123ABC; got {value[:30]!r}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> ChannelRow:
        if self.is_other == (self.channel_id is not None):
            raise ValueError("expected a channel_id, or is_other=True without one")
        if self.suppressed != (self.nudges is None):
            raise ValueError("expected nudges=None exactly when suppressed=True")
        return self


class FeedbackRow(_Model):
    """The "not relevant" rate for one category, or one rule within a category."""

    category: Category
    rule_id: str | None = Field(default=None, max_length=200)
    shown: int = Field(ge=0, description="Nudges shown.")
    not_relevant: int = Field(ge=0, description="Of those, marked not relevant.")
    flagged: bool = Field(default=False, description="Rate above 30%: a tuning candidate.")

    @model_validator(mode="before")
    @classmethod
    def _flag(cls, data: Any) -> Any:
        if isinstance(data, dict) and "flagged" not in data:
            shown, nr = data.get("shown", 0), data.get("not_relevant", 0)
            if isinstance(shown, int) and isinstance(nr, int) and shown > 0:
                data = {**data, "flagged": nr / shown > FLAG_RATE}
        return data

    @model_validator(mode="after")
    def _bounds(self) -> FeedbackRow:
        if self.not_relevant > self.shown:
            raise ValueError("expected not_relevant <= shown")
        return self

    @property
    def rate(self) -> float:
        """Share of shown nudges marked not relevant (0 when none were shown)."""
        return self.not_relevant / self.shown if self.shown else 0.0


class WeeklySummary(_Model):
    """One workspace's (or one lead's team's) summary for one ISO week."""

    workspace_name: str = Field(min_length=1, max_length=120)
    week: str = Field(
        pattern=r"^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$", description="ISO week, 2026-W47."
    )
    week_start: date = Field(description="Monday, in the workspace time zone.")
    week_end: date = Field(description="Sunday, in the workspace time zone.")
    timezone: str = Field(min_length=1, max_length=64, description="IANA name, e.g. Europe/London.")
    scope: str | None = Field(default=None, max_length=120, description="e.g. 'Team: 4 channels'.")
    min_group_size: int = Field(default=5, ge=1)
    totals: SummaryTotals
    categories: tuple[CategoryTrend, ...] = ()
    channels: tuple[ChannelRow, ...] = ()
    feedback_by_category: tuple[FeedbackRow, ...] = ()
    feedback_by_rule: tuple[FeedbackRow, ...] = ()
    empty: bool = Field(default=False, description="True when no nudges were sent this week.")

    @model_validator(mode="after")
    def _checks(self) -> WeeklySummary:
        if self.week_end < self.week_start:
            raise ValueError("expected week_end on or after week_start")
        for row in self.channels:
            if row.nudges is not None and row.nudges < self.min_group_size:
                raise ValueError(
                    f"expected channel counts below min_group_size={self.min_group_size} to be "
                    f"suppressed; got a visible count of {row.nudges}"
                )
        if self.empty and self.totals.nudges:
            raise ValueError("expected empty=True only when totals.nudges is 0")
        return self
