"""Statements of the event hot path, built once per dialect.

``Store.record_message_flags`` runs for every risky message on the ack path, so its
statements are module-level constants: SQLAlchemy memoises a constant statement's cache key
and compiles it once per dialect, where a statement rebuilt per call (``.values(...)``,
``on_conflict_do_update(...)``) is re-built, re-hashed and looked up every time. Values
travel as bound parameters (insert columns take their names from the parameter keys;
``excluded`` refers to the row that was offered).

One event's transaction is: claim the event id (1), read workspace settings, channel
opt-out and mute together (2), take the cooldown per nudged category (3), insert the flag
rows (4) and the outbox row (5). See docs/STORAGE.md.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql import Insert, Select
from sqlalchemy.sql.dml import ReturningDelete

from bot.storage._base import hour_bucket, key_digest
from bot.storage.models import FindingRecord, RecordResult, SkipReason
from bot.storage.tables import (
    UTCDateTime,
    channel_settings,
    cooldowns,
    dedupe_keys,
    flag_events,
    outbox,
    user_prefs,
    workspaces,
)

_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}
#: Severities in increasing order (the workspace threshold compares against these).
SEVERITY_ORDER = {"info": 0, "caution": 1, "high": 2}


def encode_findings(findings: tuple[FindingRecord, ...]) -> str:
    """JSON for the outbox ``findings`` column: category, rule ids, severity only."""
    return json.dumps(
        [
            {"category": f.category, "rule_ids": list(f.rule_ids), "severity": f.severity}
            for f in findings
        ],
        separators=(",", ":"),
    )


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


def _take_cooldown(backend: str) -> Any:
    """Take a (user, category) cooldown unless it was taken after ``cutoff`` (rowcount 1).

    Parameters: ``workspace_id``, ``user_pseudonym``, ``category``, ``last_nudge_at``,
    ``cutoff``.
    """
    statement: Any = _INSERTS[backend](cooldowns)
    c = cooldowns.c
    return statement.on_conflict_do_update(
        index_elements=[c.workspace_id, c.user_pseudonym, c.category],
        set_={"last_nudge_at": statement.excluded.last_nudge_at},
        where=c.last_nudge_at <= bindparam("cutoff", type_=UTCDateTime()),
    )


def _gate() -> Select[Any]:
    """Workspace settings, channel opt-out and mute of one event, in one row.

    Parameters: ``workspace_id``, ``channel_id``, ``user_pseudonym``, ``now``. A column is
    NULL when its row does not exist (defaults apply: threshold ``caution``, 24 h, active,
    channel enabled, not muted).
    """
    ws: Any = bindparam("workspace_id")
    w = workspaces.c

    def setting(column: Any) -> Any:
        return select(column).where(w.workspace_id == ws).scalar_subquery().label(column.name)

    return select(
        setting(w.threshold),
        setting(w.cooldown_hours),
        setting(w.active),
        select(channel_settings.c.enabled)
        .where(
            and_(
                channel_settings.c.workspace_id == ws,
                channel_settings.c.channel_id == bindparam("channel_id"),
            )
        )
        .scalar_subquery()
        .label("channel_enabled"),
        select(user_prefs.c.mute_until)
        .where(
            and_(
                user_prefs.c.workspace_id == ws,
                user_prefs.c.user_pseudonym == bindparam("user_pseudonym"),
                user_prefs.c.mute_until > bindparam("now", type_=UTCDateTime()),
            )
        )
        .scalar_subquery()
        .label("mute_until"),
    )


CLAIM = {backend: _claim(backend) for backend in _INSERTS}
TAKE_COOLDOWN = {backend: _take_cooldown(backend) for backend in _INSERTS}
GATE: Select[Any] = _gate()
INSERT_FLAGS: Insert = flag_events.insert()
INSERT_OUTBOX: Insert = outbox.insert()
#: Delete delivered outbox rows by id (parameter ``ids``, a list); returns the ids deleted.
DELETE_DELIVERED: ReturningDelete[Any] = (
    delete(outbox).where(outbox.c.id.in_(bindparam("ids", expanding=True))).returning(outbox.c.id)
)


# ----------------------------------------------------------------- transaction bodies
# Plain synchronous Core, run by ``StoreBase._run_write`` in one transaction (on SQLite's
# database thread, or on the async driver's connection via ``run_sync``).


def claim(connection: Connection, backend: str, key: str, ttl: timedelta, now: datetime) -> bool:
    """Claim the idempotency key ``key`` (stored as its SHA-256) for ``ttl``."""
    result = connection.execute(
        CLAIM[backend], {"key_hash": key_digest(key), "created_at": now, "expires_at": now + ttl}
    )
    return result.rowcount == 1


@dataclass(frozen=True)
class MessageEvent:
    """What ``record_message_flags`` records about one message (never its text)."""

    event_key: str
    workspace_id: str
    user_id: str
    pseudonym: str
    channel_id: str
    findings: Sequence[FindingRecord]
    thread_ts: str | None
    allow_nudge: bool
    lease: timedelta
    ttl: timedelta
    now: datetime


def record_message(connection: Connection, backend: str, event: MessageEvent) -> RecordResult:
    """The transaction of ``Store.record_message_flags`` (see its docstring for the rules)."""
    now = event.now
    if not claim(connection, backend, event.event_key, event.ttl, now):
        return RecordResult("duplicate")
    gate = connection.execute(
        GATE,
        {
            "workspace_id": event.workspace_id,
            "channel_id": event.channel_id,
            "user_pseudonym": event.pseudonym,
            "now": now,
        },
    ).one()
    if gate.active is not None and not gate.active:
        return RecordResult("inactive")
    if gate.channel_enabled is not None and not gate.channel_enabled:
        return RecordResult("channel_disabled")
    muted = gate.mute_until is not None
    if not event.findings:
        return RecordResult("recorded", muted=muted)
    nudged, skipped = _decide_nudges(
        connection,
        backend,
        event,
        threshold=SEVERITY_ORDER[gate.threshold or "caution"],
        cutoff=now - timedelta(hours=gate.cooldown_hours or 24),
        muted=muted,
    )
    occurrence_id = uuid.uuid4().hex
    nudged_categories = {finding.category for finding in nudged}
    rows = [
        flag_row(
            event.workspace_id,
            event.pseudonym,
            event.channel_id,
            occurrence_id,
            finding,
            source="message",
            nudge_sent=finding.category in nudged_categories,
            now=now,
        )
        for finding in event.findings
    ]
    connection.execute(INSERT_FLAGS, rows[0] if len(rows) == 1 else rows)
    if not nudged:
        return RecordResult("recorded", skipped=skipped, muted=muted)
    primary = nudged[0]
    connection.execute(
        INSERT_OUTBOX,
        {
            "id": occurrence_id,
            "workspace_id": event.workspace_id,
            "channel_id": event.channel_id,
            "user_id": event.user_id,
            "thread_ts": event.thread_ts,
            "category": primary.category,
            "rule_id": primary.rule_id,
            "severity": primary.severity,
            "findings": encode_findings(nudged),
            "attempts": 1,
            "created_at": now,
            "lease_until": now + event.lease,
        },
    )
    return RecordResult("recorded", occurrence_id, nudged, skipped, muted)


def _decide_nudges(
    connection: Connection,
    backend: str,
    event: MessageEvent,
    *,
    threshold: int,
    cutoff: datetime,
    muted: bool,
) -> tuple[tuple[FindingRecord, ...], dict[str, SkipReason]]:
    ordered = sorted(event.findings, key=lambda f: -SEVERITY_ORDER[f.severity])
    nudged: list[FindingRecord] = []
    skipped: dict[str, SkipReason] = {}
    for category in dict.fromkeys(f.category for f in ordered):
        candidates = [f for f in ordered if f.category == category and f.eligible]
        reason: SkipReason | None = None
        if not candidates:
            reason = "not_eligible"
        elif SEVERITY_ORDER[candidates[0].severity] < threshold:
            reason = "below_threshold"
        elif muted:
            reason = "muted"
        elif not event.allow_nudge:
            reason = "no_delivery"
        elif not _take_cooldown_now(connection, backend, event, category, cutoff):
            reason = "cooldown"
        if reason is None:
            nudged.append(candidates[0])
        else:
            skipped[category] = reason
    return tuple(nudged), skipped


def _take_cooldown_now(
    connection: Connection, backend: str, event: MessageEvent, category: str, cutoff: datetime
) -> bool:
    result = connection.execute(
        TAKE_COOLDOWN[backend],
        {
            "workspace_id": event.workspace_id,
            "user_pseudonym": event.pseudonym,
            "category": category,
            "last_nudge_at": event.now,
            "cutoff": cutoff,
        },
    )
    return result.rowcount == 1


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


def delete_delivered(connection: Connection, ids: list[str]) -> set[str]:
    """Delete the outbox rows ``ids``; returns the ids that existed."""
    return set(connection.execute(DELETE_DELIVERED, {"ids": ids}).scalars())
