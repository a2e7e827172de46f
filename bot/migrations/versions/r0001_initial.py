"""Initial schema: settings, preferences, dedupe keys, flag events, cooldowns, outbox,
leads, summary claims, locks, and slack_sdk's installation / bot / OAuth-state tables.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _ts(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "workspaces",
        sa.Column("workspace_id", sa.String(32), primary_key=True),
        sa.Column("threshold", sa.String(16), nullable=False, server_default="caution"),
        sa.Column("cooldown_hours", sa.Integer(), nullable=False, server_default="24"),
        sa.Column("time_zone", sa.String(64), nullable=False, server_default="UTC"),
        sa.Column("summary_weekday", sa.SmallInteger(), nullable=False, server_default="0"),
        sa.Column("summary_time", sa.String(5), nullable=False, server_default="09:00"),
        sa.Column("summary_channel_id", sa.String(32), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False, server_default="1"),
        sa.Column("inactive_reason", sa.String(64), nullable=True),
        _ts("created_at"),
        _ts("updated_at"),
    )
    op.create_table(
        "channel_settings",
        sa.Column("workspace_id", sa.String(32), primary_key=True),
        sa.Column("channel_id", sa.String(32), primary_key=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        _ts("updated_at"),
    )
    op.create_table(
        "user_prefs",
        sa.Column("workspace_id", sa.String(32), primary_key=True),
        sa.Column("user_pseudonym", sa.String(64), primary_key=True),
        _ts("mute_until", nullable=True),
        _ts("updated_at"),
    )
    op.create_table(
        "dedupe_keys",
        sa.Column("key_hash", sa.String(64), primary_key=True),
        _ts("created_at"),
        _ts("expires_at"),
    )
    op.create_index("ix_dedupe_keys_expires_at", "dedupe_keys", ["expires_at"])
    op.create_table(
        "flag_events",
        sa.Column("id", _ID, primary_key=True, autoincrement=True),
        sa.Column("workspace_id", sa.String(32), nullable=False),
        sa.Column("user_pseudonym", sa.String(64), nullable=False),
        sa.Column("channel_id", sa.String(32), nullable=False),
        sa.Column("occurrence_id", sa.String(32), nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("rule_id", sa.String(120), nullable=True),
        sa.Column("rule_ids", sa.Text(), nullable=True),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("is_question", sa.Boolean(), nullable=False),
        sa.Column("reported", sa.Boolean(), nullable=False),
        sa.Column("quoted", sa.Boolean(), nullable=False),
        sa.Column("nudge_sent", sa.Boolean(), nullable=False),
        sa.Column("feedback", sa.String(16), nullable=True),
        _ts("hour_bucket"),
    )
    op.create_index("ix_flag_events_workspace_hour", "flag_events", ["workspace_id", "hour_bucket"])
    op.create_index(
        "ix_flag_events_workspace_occurrence", "flag_events", ["workspace_id", "occurrence_id"]
    )
    op.create_index("ix_flag_events_hour", "flag_events", ["hour_bucket"])
    op.create_table(
        "cooldowns",
        sa.Column("workspace_id", sa.String(32), primary_key=True),
        sa.Column("user_pseudonym", sa.String(64), primary_key=True),
        sa.Column("category", sa.String(40), primary_key=True),
        _ts("last_nudge_at"),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("workspace_id", sa.String(32), nullable=False),
        sa.Column("channel_id", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("thread_ts", sa.String(32), nullable=True),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("rule_id", sa.String(120), nullable=True),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        _ts("created_at"),
        _ts("lease_until"),
    )
    op.create_index("ix_outbox_created_at", "outbox", ["created_at"])
    op.create_index("ix_outbox_workspace", "outbox", ["workspace_id"])
    op.create_table(
        "leads",
        sa.Column("workspace_id", sa.String(32), primary_key=True),
        sa.Column("user_id", sa.String(32), primary_key=True),
        sa.Column("channel_scope", sa.Text(), nullable=True),
        _ts("created_at"),
    )
    op.create_table(
        "summary_claims",
        sa.Column("workspace_id", sa.String(32), primary_key=True),
        sa.Column("week", sa.String(10), primary_key=True),
        sa.Column("recipient", sa.String(32), primary_key=True),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        _ts("claimed_at"),
        _ts("sent_at", nullable=True),
        sa.Column("channel_id", sa.String(32), nullable=True),
        sa.Column("message_ts", sa.String(32), nullable=True),
    )
    op.create_table(
        "locks",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("owner", sa.String(32), nullable=False),
        _ts("expires_at"),
    )
    _create_slack_tables()


def _create_slack_tables() -> None:
    # Column names follow slack_sdk's SQLAlchemy stores; secrets are TEXT (Fernet ciphertext).
    def common_head() -> list[sa.Column]:
        return [
            sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
            sa.Column("client_id", sa.String(32), nullable=False),
            sa.Column("app_id", sa.String(32), nullable=False),
            sa.Column("enterprise_id", sa.String(32)),
            sa.Column("enterprise_name", sa.String(200)),
        ]

    def bot_columns() -> list[sa.Column]:
        return [
            sa.Column("team_id", sa.String(32)),
            sa.Column("team_name", sa.String(200)),
            sa.Column("bot_token", sa.Text()),
            sa.Column("bot_id", sa.String(32)),
            sa.Column("bot_user_id", sa.String(32)),
            sa.Column("bot_scopes", sa.String(1000)),
            sa.Column("bot_refresh_token", sa.Text()),
            sa.Column("bot_token_expires_at", sa.DateTime()),
        ]

    op.create_table(
        "slack_installations",
        *common_head(),
        sa.Column("enterprise_url", sa.String(200)),
        *bot_columns(),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("user_token", sa.Text()),
        sa.Column("user_scopes", sa.String(1000)),
        sa.Column("user_refresh_token", sa.Text()),
        sa.Column("user_token_expires_at", sa.DateTime()),
        sa.Column("incoming_webhook_url", sa.Text()),
        sa.Column("incoming_webhook_channel", sa.String(200)),
        sa.Column("incoming_webhook_channel_id", sa.String(200)),
        sa.Column("incoming_webhook_configuration_url", sa.String(200)),
        sa.Column("is_enterprise_install", sa.Boolean(), nullable=False),
        sa.Column("token_type", sa.String(32)),
        sa.Column("installed_at", sa.DateTime(), nullable=False),
    )
    op.create_index(
        "slack_installations_idx",
        "slack_installations",
        ["client_id", "enterprise_id", "team_id", "user_id", "installed_at"],
    )
    op.create_table(
        "slack_bots",
        *common_head(),
        *bot_columns(),
        sa.Column("is_enterprise_install", sa.Boolean(), nullable=False),
        sa.Column("installed_at", sa.DateTime(), nullable=False),
    )
    op.create_index(
        "slack_bots_idx", "slack_bots", ["client_id", "enterprise_id", "team_id", "installed_at"]
    )
    op.create_table(
        "slack_oauth_states",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("state", sa.String(200), nullable=False),
        sa.Column("expire_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "slack_oauth_states",
        "slack_bots",
        "slack_installations",
        "locks",
        "summary_claims",
        "leads",
        "outbox",
        "cooldowns",
        "flag_events",
        "dedupe_keys",
        "user_prefs",
        "channel_settings",
        "workspaces",
    ):
        op.drop_table(table)
