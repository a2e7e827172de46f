"""Database schema (SQLAlchemy Core). Alembic migrations in ``bot/migrations`` create it.

Privacy rules encoded here (see docs/STORAGE.md):
- no table has a column for message text, and ``flag_events`` has no ``ts``;
- users appear as keyed pseudonyms, except where a real Slack id is needed to deliver
  something (``outbox.user_id`` until delivery, ``leads.user_id`` for the summary DM);
- times on ``flag_events`` are rounded down to the hour (UTC).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    func,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime stored as a naive UTC ``TIMESTAMP``.

    Binding converts aware datetimes to naive UTC (naive ones are taken as UTC); results come
    back aware (UTC). This behaves identically on SQLite and PostgreSQL.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime, received {type(value).__name__}")
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # pragma: no cover - raw SQLite text
            value = datetime.fromisoformat(value)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _id_column() -> Column[int]:
    # BIGINT on PostgreSQL, INTEGER on SQLite (where only INTEGER PRIMARY KEY auto-increments).
    return Column(
        "id", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
    )


metadata = MetaData()

WS = 32  # Slack team / enterprise / channel / user ids are short; 32 leaves room.

workspaces = Table(
    "workspaces",
    metadata,
    Column("workspace_id", String(WS), primary_key=True),  # team id, or enterprise id (org install)
    Column("threshold", String(16), nullable=False, server_default="caution"),
    Column("cooldown_hours", Integer, nullable=False, server_default="24"),
    Column("time_zone", String(64), nullable=False, server_default="UTC"),
    Column("summary_weekday", SmallInteger, nullable=False, server_default="0"),  # Monday = 0
    Column("summary_time", String(5), nullable=False, server_default="09:00"),
    Column("summary_channel_id", String(WS), nullable=True),
    Column("active", Boolean, nullable=False, server_default="1"),
    Column("inactive_reason", String(64), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

channel_settings = Table(
    "channel_settings",
    metadata,
    Column("workspace_id", String(WS), primary_key=True),
    Column("channel_id", String(WS), primary_key=True),
    Column("enabled", Boolean, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

user_prefs = Table(
    "user_prefs",
    metadata,
    Column("workspace_id", String(WS), primary_key=True),
    Column("user_pseudonym", String(64), primary_key=True),
    Column("mute_until", UTCDateTime, nullable=True),
    Column("updated_at", UTCDateTime, nullable=False),
)

# Event ids and idempotency keys, stored only as SHA-256 digests.
dedupe_keys = Table(
    "dedupe_keys",
    metadata,
    Column("key_hash", String(64), primary_key=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Index("ix_dedupe_keys_expires_at", "expires_at"),
)

flag_events = Table(
    "flag_events",
    metadata,
    _id_column(),
    Column("workspace_id", String(WS), nullable=False),
    Column("user_pseudonym", String(64), nullable=False),
    Column("channel_id", String(WS), nullable=False),
    # One id per message or question; equals the nudge id (outbox id) when a nudge was sent.
    Column("occurrence_id", String(32), nullable=False),
    Column("category", String(40), nullable=False),
    Column("rule_id", String(120), nullable=True),  # primary rule (feedback is per rule)
    Column("rule_ids", Text, nullable=True),  # every rule, comma separated
    Column("severity", String(16), nullable=False),
    Column("source", String(8), nullable=False),  # 'message' | 'command'
    Column("is_question", Boolean, nullable=False),
    Column("reported", Boolean, nullable=False),
    Column("quoted", Boolean, nullable=False),
    Column("nudge_sent", Boolean, nullable=False),
    Column("feedback", String(16), nullable=True),  # 'not_relevant'
    Column("hour_bucket", UTCDateTime, nullable=False),  # UTC, rounded down to the hour
    Index("ix_flag_events_workspace_hour", "workspace_id", "hour_bucket"),
    Index("ix_flag_events_workspace_occurrence", "workspace_id", "occurrence_id"),
    Index("ix_flag_events_hour", "hour_bucket"),
)

cooldowns = Table(
    "cooldowns",
    metadata,
    Column("workspace_id", String(WS), primary_key=True),
    Column("user_pseudonym", String(64), primary_key=True),
    Column("category", String(40), primary_key=True),
    Column("last_nudge_at", UTCDateTime, nullable=False),
)

# Pending nudges: a row lives from the flag record until delivery (or 10 minutes at most).
outbox = Table(
    "outbox",
    metadata,
    Column("id", String(32), primary_key=True),  # the nudge id
    Column("workspace_id", String(WS), nullable=False),
    Column("channel_id", String(WS), nullable=False),
    Column("user_id", String(WS), nullable=False),  # real id: needed by chat.postEphemeral
    Column("thread_ts", String(32), nullable=True),  # needed to post in the thread
    Column("category", String(40), nullable=False),
    Column("rule_id", String(120), nullable=True),
    Column("severity", String(16), nullable=False),
    Column("findings", Text, nullable=False),  # JSON: [{category, rule_ids, severity}]
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("created_at", UTCDateTime, nullable=False),
    Column("lease_until", UTCDateTime, nullable=False),
    Index("ix_outbox_created_at", "created_at"),
    Index("ix_outbox_workspace", "workspace_id"),
)

leads = Table(
    "leads",
    metadata,
    Column("workspace_id", String(WS), primary_key=True),
    Column("user_id", String(WS), primary_key=True),  # real id: the summary is a DM to it
    Column("channel_scope", Text, nullable=True),  # JSON list of channel ids, NULL = all
    Column("created_at", UTCDateTime, nullable=False),
)

summary_claims = Table(
    "summary_claims",
    metadata,
    Column("workspace_id", String(WS), primary_key=True),
    Column("week", String(10), primary_key=True),  # ISO week, e.g. "2026-W47"
    Column("recipient", String(WS), primary_key=True),  # lead user id or summary channel id
    Column("status", String(8), nullable=False),  # 'claimed' | 'sent' | 'failed'
    Column("attempts", Integer, nullable=False),
    Column("claimed_at", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime, nullable=True),
    Column("channel_id", String(WS), nullable=True),
    Column("message_ts", String(32), nullable=True),
)

# Cross-process locks on SQLite (PostgreSQL uses advisory locks instead).
locks = Table(
    "locks",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("owner", String(32), nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
)

# slack_sdk's AsyncSQLAlchemyInstallationStore / AsyncSQLAlchemyOAuthStateStore tables, with
# the same column names, but secret columns widened to TEXT to hold Fernet ciphertext.
_TOKEN = Text


def _installation_columns(table: str, *, with_user: bool) -> list[Any]:
    columns: list[Any] = [
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("client_id", String(32), nullable=False),
        Column("app_id", String(32), nullable=False),
        Column("enterprise_id", String(32)),
        Column("enterprise_name", String(200)),
    ]
    if with_user:
        columns.append(Column("enterprise_url", String(200)))
    columns += [
        Column("team_id", String(32)),
        Column("team_name", String(200)),
        Column("bot_token", _TOKEN),
        Column("bot_id", String(32)),
        Column("bot_user_id", String(32)),
        Column("bot_scopes", String(1000)),
        Column("bot_refresh_token", _TOKEN),
        Column("bot_token_expires_at", DateTime),
    ]
    if with_user:
        columns += [
            Column("user_id", String(32), nullable=False),
            Column("user_token", _TOKEN),
            Column("user_scopes", String(1000)),
            Column("user_refresh_token", _TOKEN),
            Column("user_token_expires_at", DateTime),
            Column("incoming_webhook_url", _TOKEN),
            Column("incoming_webhook_channel", String(200)),
            Column("incoming_webhook_channel_id", String(200)),
            Column("incoming_webhook_configuration_url", String(200)),
        ]
    columns += [
        Column("is_enterprise_install", Boolean, nullable=False, default=False),
    ]
    if with_user:
        columns.append(Column("token_type", String(32)))
    columns.append(Column("installed_at", DateTime, nullable=False, default=func.now()))
    index_columns = ["client_id", "enterprise_id", "team_id"]
    index_columns += ["user_id", "installed_at"] if with_user else ["installed_at"]
    columns.append(Index(f"{table}_idx", *index_columns))
    return columns


slack_installations = Table(
    "slack_installations",
    metadata,
    *_installation_columns("slack_installations", with_user=True),
)
slack_bots = Table("slack_bots", metadata, *_installation_columns("slack_bots", with_user=False))
slack_oauth_states = Table(
    "slack_oauth_states",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("state", String(200), nullable=False),
    Column("expire_at", DateTime, nullable=False),
)

#: Secret columns encrypted by the installation-store wrapper, per table.
ENCRYPTED_COLUMNS: dict[str, tuple[str, ...]] = {
    "slack_installations": (
        "bot_token",
        "bot_refresh_token",
        "user_token",
        "user_refresh_token",
        "incoming_webhook_url",
    ),
    "slack_bots": ("bot_token", "bot_refresh_token"),
}

#: Tables holding one workspace's rows, keyed by ``workspace_id``. ``workspaces`` comes
#: first: deleting its row locks it, so a concurrent ``claim_summary`` (which reads it
#: ``FOR SHARE`` on PostgreSQL) waits, then finds it gone, and inserts nothing.
WORKSPACE_TABLES: tuple[Table, ...] = (
    workspaces,
    flag_events,
    cooldowns,
    outbox,
    user_prefs,
    channel_settings,
    leads,
    summary_claims,
)
