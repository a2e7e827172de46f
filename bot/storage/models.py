"""Plain result and input types of the :class:`~bot.storage.store.Store` API."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Literal

RecordStatus = Literal["recorded", "duplicate", "channel_disabled", "inactive"]
SkipReason = Literal["not_eligible", "below_threshold", "muted", "cooldown", "no_delivery"]


@dataclass(frozen=True)
class FindingRecord:
    """What is stored about one classifier finding (never text, offsets or ``ts``).

    ``eligible`` is False for findings the app must record but never nudge on (for example
    quoted or reported speech); threshold, mute and cooldown are applied by the store.
    """

    category: str
    rule_ids: tuple[str, ...]
    severity: str
    is_question: bool = False
    reported: bool = False
    quoted: bool = False
    eligible: bool = True

    @property
    def rule_id(self) -> str | None:
        """The primary rule (the first one), used for per-rule feedback."""
        return self.rule_ids[0] if self.rule_ids else None


@dataclass(frozen=True)
class RecordResult:
    """Outcome of :meth:`Store.record_message_flags`."""

    status: RecordStatus
    nudge_id: str | None = None  # outbox id; set when a nudge is due
    nudged: tuple[FindingRecord, ...] = ()
    skipped: dict[str, SkipReason] = field(default_factory=dict)  # category -> reason
    muted: bool = False

    @property
    def duplicate(self) -> bool:
        """True when this event id was already recorded (a Slack retry)."""
        return self.status == "duplicate"


@dataclass(frozen=True)
class OutboxItem:
    """A pending nudge: everything needed to deliver it, and nothing of the message."""

    id: str
    workspace_id: str
    channel_id: str
    user_id: str
    thread_ts: str | None
    category: str
    rule_id: str | None
    severity: str
    findings: tuple[FindingRecord, ...]
    attempts: int
    created_at: datetime


@dataclass(frozen=True)
class WorkspaceSettings:
    """Per-workspace settings, with the product defaults when nothing was saved."""

    workspace_id: str
    threshold: str = "caution"
    cooldown_hours: int = 24
    time_zone: str = "UTC"
    summary_weekday: int = 0  # Monday = 0 ... Sunday = 6
    summary_time: time = time(9, 0)
    summary_channel_id: str | None = None
    active: bool = True
    inactive_reason: str | None = None


@dataclass(frozen=True)
class Lead:
    """A team lead; ``channel_ids`` is None when the lead sees every channel."""

    user_id: str
    channel_ids: frozenset[str] | None = None


@dataclass(frozen=True)
class SummaryClaim:
    """The delivery state of one weekly summary for one recipient."""

    workspace_id: str
    week: str
    recipient: str
    status: Literal["claimed", "sent", "failed"]
    attempts: int
    claimed_at: datetime
    sent_at: datetime | None
    channel_id: str | None
    message_ts: str | None


@dataclass(frozen=True)
class Totals:
    """Counts over a time range: nudged messages, flagged messages and questions asked."""

    nudges: int
    flagged: int
    questions: int


@dataclass(frozen=True)
class CategoryCount:
    """Per-category counts over a time range."""

    category: str
    nudges: int
    flagged: int
    questions: int


@dataclass(frozen=True)
class ChannelCount:
    """Per-channel counts; ``distinct_users`` lets the summary hide identifying channels."""

    channel_id: str
    nudges: int
    questions: int
    distinct_users: int


@dataclass(frozen=True)
class ChannelNudges:
    """Nudges in one channel and how many distinct people received them (never who)."""

    channel_id: str
    nudges: int
    nudged_people: int


@dataclass(frozen=True)
class RuleFeedback:
    """ "Not relevant" feedback for one (category, primary rule) pair."""

    category: str
    rule_id: str
    nudges: int
    not_relevant: int


@dataclass(frozen=True)
class FeedbackRate:
    """Share of nudges marked "not relevant", per category or per rule."""

    key: str
    nudges: int
    not_relevant: int

    @property
    def rate(self) -> float:
        """``not_relevant / nudges`` (0.0 when there were no nudges)."""
        return self.not_relevant / self.nudges if self.nudges else 0.0


@dataclass(frozen=True)
class PurgeResult:
    """Rows removed by :meth:`Store.purge_older_than`, per table."""

    flag_events: int = 0
    dedupe_keys: int = 0
    cooldowns: int = 0
    user_prefs: int = 0
    summary_claims: int = 0
    oauth_states: int = 0
    outbox: int = 0

    @property
    def total(self) -> int:
        """All rows removed."""
        return (
            self.flag_events
            + self.dedupe_keys
            + self.cooldowns
            + self.user_prefs
            + self.summary_claims
            + self.oauth_states
            + self.outbox
        )
