"""Storage for Boundary Bot. The rest of the app imports only from here.

``Store`` (in :mod:`bot.storage.store`) is the facade; the dataclasses it accepts and
returns live in :mod:`bot.storage.models`.
"""

from bot.storage.engine import DEFAULT_DATABASE_URL
from bot.storage.models import (
    CategoryCount,
    ChannelCount,
    ChannelNudges,
    FeedbackRate,
    FindingRecord,
    Lead,
    OutboxItem,
    PurgeResult,
    RecordResult,
    RuleFeedback,
    SummaryClaim,
    Totals,
    WorkspaceSettings,
)
from bot.storage.store import DEFAULT_RETENTION_DAYS, Store

__all__ = [
    "DEFAULT_DATABASE_URL",
    "DEFAULT_RETENTION_DAYS",
    "CategoryCount",
    "ChannelCount",
    "ChannelNudges",
    "FeedbackRate",
    "FindingRecord",
    "Lead",
    "OutboxItem",
    "PurgeResult",
    "RecordResult",
    "RuleFeedback",
    "Store",
    "SummaryClaim",
    "Totals",
    "WorkspaceSettings",
]
