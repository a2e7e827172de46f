"""Prebuilt SQLAlchemy statements of frequent small writes (idempotency keys, command
questions), built once per dialect.

Module-level constants: SQLAlchemy memoises a constant statement's cache key and compiles
it once per dialect, where a statement rebuilt per call (``.values(...)``,
``on_conflict_do_update(...)``) is re-built, re-hashed and looked up every time. Values
travel as bound parameters. The message-event path itself runs as driver SQL
(``_hotsql.py``, ``_group.py``). See docs/STORAGE.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql import Insert

from bot.storage._base import hour_bucket, key_digest
from bot.storage._hotsql import SEVERITY_ORDER
from bot.storage.models import FindingRecord
from bot.storage.tables import dedupe_keys, flag_events

__all__ = ["CLAIM", "INSERT_FLAGS", "SEVERITY_ORDER", "claim", "flag_row"]

_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def _claim(backend: str) -> Any:
    """Claim a dedupe key unless a live one exists (``rowcount`` 1 = claimed).

    Parameters: ``key_hash``, ``created_at``, ``expires_at``.
    """
    statement: Any = _INSERTS[backend](dedupe_keys)
    return statement.on_conflict_do_update(
        index_elements=[dedupe_keys.c.key_hash],
        set_={
            "created_at": statement.excluded.created_at,
            "expires_at": statement.excluded.expires_at,
        },
        where=dedupe_keys.c.expires_at <= statement.excluded.created_at,
    )


CLAIM = {backend: _claim(backend) for backend in _INSERTS}
INSERT_FLAGS: Insert = flag_events.insert()


# ----------------------------------------------------------------- transaction bodies
# Plain synchronous Core, run by ``StoreBase._run_write`` in one transaction (on SQLite's
# database thread, or on the async driver's connection via ``run_sync``).


def claim(connection: Connection, backend: str, key: str, ttl: timedelta, now: datetime) -> bool:
    """Claim the idempotency key ``key`` (stored as its SHA-256) for ``ttl``."""
    result = connection.execute(
        CLAIM[backend], {"key_hash": key_digest(key), "created_at": now, "expires_at": now + ttl}
    )
    return result.rowcount == 1


def question_rows(
    workspace_id: str,
    pseudonym: str,
    channel_id: str,
    occurrence_id: str,
    categories: Sequence[str],
    now: datetime,
) -> list[dict[str, Any]]:
    """The ``flag_events`` rows of one ``/boundary`` question: one per category (already
    de-duplicated, ``general`` when none), severity ``info``, never the question's text."""
    return [
        flag_row(
            workspace_id,
            pseudonym,
            channel_id,
            occurrence_id,
            FindingRecord(category=category, rule_ids=(), severity="info", is_question=True),
            source="command",
            nudge_sent=False,
            now=now,
        )
        for category in categories
    ]


def flag_row(
    workspace_id: str,
    pseudonym: str,
    channel_id: str,
    occurrence_id: str,
    finding: FindingRecord,
    *,
    source: str,
    nudge_sent: bool,
    now: datetime,
) -> dict[str, Any]:
    """One ``flag_events`` row (no text, no ``ts``; time rounded down to the hour)."""
    return {
        "workspace_id": workspace_id,
        "user_pseudonym": pseudonym,
        "channel_id": channel_id,
        "occurrence_id": occurrence_id,
        "category": finding.category,
        "rule_id": finding.rule_id,
        "rule_ids": ",".join(finding.rule_ids) or None,
        "severity": finding.severity,
        "source": source,
        "is_question": finding.is_question,
        "reported": finding.reported,
        "quoted": finding.quoted,
        "nudge_sent": nudge_sent,
        "feedback": None,
        "hour_bucket": hour_bucket(now),
    }
