"""The event hot path in the drivers' own SQL (no SQLAlchemy on the per-event path).

``Store.record_message_flags`` runs for every risky message before Slack gets its 200. Its
work is planned here in Python (key digest, flag rows, the best eligible finding of each
category) and executed as driver SQL:

* **PostgreSQL (asyncpg)**: ONE statement, :data:`PG_RECORD`, a chain of data-modifying
  CTEs: claim the event id; read workspace settings, channel opt-out and mute (only when
  the claim succeeded); take the cooldown of every category that passed threshold and
  mute; insert the flag rows (``nudge_sent`` from the cooldowns taken) and the outbox row.
  A single statement is atomic on its own: one round trip, no ``BEGIN``/``COMMIT``.
* **SQLite (sqlite3)**: the same five steps as five statements, run by
  :func:`sqlite_record` inside a ``SAVEPOINT`` of a group-commit transaction (see
  ``_group.py``).

Both backends end in :func:`decide`, which turns what the database answered into the
:class:`RecordResult` with the same rules and the same skip reasons. See docs/STORAGE.md.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.dialects import sqlite as _sqlite_dialect

from bot.storage._base import hour_bucket, key_digest
from bot.storage.models import FindingRecord, RecordResult, SkipReason

#: Severities in increasing order (the workspace threshold compares against these).
SEVERITY_ORDER = {"info": 0, "caution": 1, "high": 2}

#: SQLAlchemy's own text format for ``DateTime`` on SQLite, so rows written here compare and
#: read back exactly like rows written through the ORM layer.
_SQLITE_DATETIME: Callable[[datetime], str] = _sqlite_dialect.DATETIME().bind_processor(
    _sqlite_dialect.dialect()
)  # type: ignore[assignment]


def naive_utc(value: datetime) -> datetime:
    """``value`` as a naive UTC datetime (how ``UTCDateTime`` columns store it)."""
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


def sqlite_time(value: datetime) -> str:
    """``value`` in SQLite's stored text form (naive UTC, microseconds)."""
    return _SQLITE_DATETIME(naive_utc(value))


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


@dataclass(frozen=True)
class Plan:
    """An event's work, prepared before any database call."""

    event: MessageEvent
    key_hash: str
    occurrence_id: str
    #: Per category, in severity order: the best eligible finding, or None.
    candidates: tuple[tuple[str, FindingRecord | None], ...]

    @property
    def cooldown_candidates(self) -> list[FindingRecord]:
        """The findings whose category may take a cooldown (eligible, delivery allowed)."""
        if not self.event.allow_nudge:
            return []
        return [finding for _, finding in self.candidates if finding is not None]


def plan(event: MessageEvent) -> Plan:
    """Prepare ``event``: key digest, occurrence id, the candidate finding per category."""
    ordered = sorted(event.findings, key=lambda f: -SEVERITY_ORDER[f.severity])
    best: dict[str, FindingRecord | None] = {}
    for finding in ordered:
        if best.get(finding.category) is None:
            best[finding.category] = finding if finding.eligible else None
    return Plan(event, key_digest(event.event_key), uuid.uuid4().hex, tuple(best.items()))


@dataclass(frozen=True)
class Gate:
    """Workspace settings, channel opt-out and mute as read (None = no row: defaults)."""

    threshold: str | None
    cooldown_hours: int | None
    active: bool | None
    channel_enabled: bool | None
    muted: bool

    @property
    def threshold_rank(self) -> int:
        """The workspace threshold as a severity rank (default ``caution``)."""
        return SEVERITY_ORDER[self.threshold or "caution"]

    @property
    def cooldown(self) -> timedelta:
        """The workspace cooldown (default 24 h)."""
        return timedelta(hours=self.cooldown_hours or 24)


def decide(plan: Plan, claimed: bool, gate: Gate | None, took: set[str]) -> RecordResult:
    """The outcome of an event from the claim, the gate read and the cooldowns taken.

    Reasons, in order: ``not_eligible``, ``below_threshold``, ``muted``, ``no_delivery``,
    ``cooldown`` (the same precedence the cooldown statement applies).
    """
    if not claimed or gate is None:
        return RecordResult("duplicate")
    if gate.active is not None and not gate.active:
        return RecordResult("inactive")
    if gate.channel_enabled is not None and not gate.channel_enabled:
        return RecordResult("channel_disabled")
    if not plan.event.findings:
        return RecordResult("recorded", muted=gate.muted)
    threshold = gate.threshold_rank
    nudged: list[FindingRecord] = []
    skipped: dict[str, SkipReason] = {}
    for category, candidate in plan.candidates:
        if candidate is None:
            skipped[category] = "not_eligible"
        elif SEVERITY_ORDER[candidate.severity] < threshold:
            skipped[category] = "below_threshold"
        elif gate.muted:
            skipped[category] = "muted"
        elif not plan.event.allow_nudge:
            skipped[category] = "no_delivery"
        elif category not in took:
            skipped[category] = "cooldown"
        else:
            nudged.append(candidate)
    if not nudged:
        return RecordResult("recorded", skipped=skipped, muted=gate.muted)
    return RecordResult("recorded", plan.occurrence_id, tuple(nudged), skipped, gate.muted)


def finding_json(finding: FindingRecord) -> str:
    """One element of the outbox ``findings`` JSON: category, rule ids, severity only."""
    return json.dumps(
        {
            "category": finding.category,
            "rule_ids": list(finding.rule_ids),
            "severity": finding.severity,
        },
        separators=(",", ":"),
    )


def encode_findings(findings: Sequence[FindingRecord]) -> str:
    """JSON for the outbox ``findings`` column (a list of :func:`finding_json` elements)."""
    return "[" + ",".join(finding_json(f) for f in findings) + "]"


# ------------------------------------------------------------------------- PostgreSQL
_PG_THRESHOLD = (
    "CASE COALESCE(NULLIF(w.threshold, ''), 'caution') "
    "WHEN 'info' THEN 0 WHEN 'caution' THEN 1 WHEN 'high' THEN 2 END"
)

#: One event in one statement. Parameters: $1 key hash, $2 now, $3 key expiry, $4 workspace,
#: $5 channel, $6 pseudonym, $7 occurrence id, $8 user id, $9 thread_ts, $10 lease until,
#: $11 hour bucket; flag rows as arrays $12..$18; cooldown candidates as arrays $19..$23
#: (category, severity rank, rule id, severity, findings JSON element).
PG_RECORD = f"""
WITH claim AS (
  INSERT INTO dedupe_keys AS d (key_hash, created_at, expires_at) VALUES ($1, $2, $3)
  ON CONFLICT (key_hash) DO UPDATE
    SET created_at = excluded.created_at, expires_at = excluded.expires_at
    WHERE d.expires_at <= excluded.created_at
  RETURNING 1
), gate AS (
  SELECT w.threshold, w.cooldown_hours, w.active,
    (SELECT enabled FROM channel_settings WHERE workspace_id = $4 AND channel_id = $5)
      AS channel_enabled,
    EXISTS (SELECT 1 FROM user_prefs
            WHERE workspace_id = $4 AND user_pseudonym = $6 AND mute_until > $2) AS muted,
    {_PG_THRESHOLD} AS threshold_rank
  FROM claim LEFT JOIN workspaces w ON w.workspace_id = $4
), ok AS (
  SELECT * FROM gate WHERE COALESCE(active, true) AND COALESCE(channel_enabled, true)
), cd AS (
  INSERT INTO cooldowns AS c (workspace_id, user_pseudonym, category, last_nudge_at)
  SELECT $4, $6, k.category, $2
  FROM ok, unnest($19::text[], $20::int[]) AS k(category, rank)
  WHERE NOT ok.muted AND k.rank >= COALESCE(ok.threshold_rank, 1)
  ON CONFLICT (workspace_id, user_pseudonym, category) DO UPDATE
    SET last_nudge_at = excluded.last_nudge_at
    WHERE c.last_nudge_at <= $2 - make_interval(hours => COALESCE(
      (SELECT NULLIF(cooldown_hours, 0) FROM workspaces WHERE workspace_id = $4), 24))
  RETURNING c.category
), flags AS (
  INSERT INTO flag_events (workspace_id, user_pseudonym, channel_id, occurrence_id,
    category, rule_id, rule_ids, severity, source, is_question, reported, quoted,
    nudge_sent, feedback, hour_bucket)
  SELECT $4, $6, $5, $7, f.category, f.rule_id, f.rule_ids, f.severity, 'message',
    f.is_question, f.reported, f.quoted, f.category IN (SELECT category FROM cd), NULL, $11
  FROM ok, unnest($12::text[], $13::text[], $14::text[], $15::text[], $16::bool[],
    $17::bool[], $18::bool[]) WITH ORDINALITY
    AS f(category, rule_id, rule_ids, severity, is_question, reported, quoted, ord)
  ORDER BY f.ord
), queued AS (
  INSERT INTO outbox (id, workspace_id, channel_id, user_id, thread_ts, category, rule_id,
    severity, findings, attempts, created_at, lease_until)
  SELECT $7, $4, $5, $8, $9, (array_agg(k.category ORDER BY k.ord))[1],
    (array_agg(k.rule_id ORDER BY k.ord))[1], (array_agg(k.severity ORDER BY k.ord))[1],
    '[' || string_agg(k.doc, ',' ORDER BY k.ord) || ']', 1, $2, $10
  FROM unnest($19::text[], $21::text[], $22::text[], $23::text[]) WITH ORDINALITY
    AS k(category, rule_id, severity, doc, ord)
  WHERE k.category IN (SELECT category FROM cd)
  HAVING count(*) > 0
)
SELECT (SELECT count(*) FROM claim) AS claimed, g.threshold, g.cooldown_hours, g.active,
  g.channel_enabled, g.muted, ARRAY(SELECT category::text FROM cd) AS took
FROM (SELECT 1) AS one LEFT JOIN gate AS g ON true
"""


def pg_arguments(p: Plan) -> tuple[Any, ...]:
    """The parameters of :data:`PG_RECORD` for ``p``."""
    e = p.event
    now = naive_utc(e.now)
    findings = e.findings
    candidates = p.cooldown_candidates
    return (
        p.key_hash,
        now,
        now + e.ttl,
        e.workspace_id,
        e.channel_id,
        e.pseudonym,
        p.occurrence_id,
        e.user_id,
        e.thread_ts,
        now + e.lease,
        naive_utc(hour_bucket(e.now)),
        [f.category for f in findings],
        [f.rule_id for f in findings],
        [",".join(f.rule_ids) or None for f in findings],
        [f.severity for f in findings],
        [f.is_question for f in findings],
        [f.reported for f in findings],
        [f.quoted for f in findings],
        [f.category for f in candidates],
        [SEVERITY_ORDER[f.severity] for f in candidates],
        [f.rule_id for f in candidates],
        [f.severity for f in candidates],
        [finding_json(f) for f in candidates],
    )


def pg_result(p: Plan, row: Any) -> RecordResult:
    """The outcome of :data:`PG_RECORD` (its one row) for ``p``."""
    if not row["claimed"]:
        return RecordResult("duplicate")
    gate = Gate(
        row["threshold"], row["cooldown_hours"], row["active"], row["channel_enabled"], row["muted"]
    )
    return decide(p, True, gate, set(row["took"]))


# ----------------------------------------------------------------------------- SQLite
SQLITE_CLAIM = (
    "INSERT INTO dedupe_keys (key_hash, created_at, expires_at) VALUES (?, ?, ?) "
    "ON CONFLICT (key_hash) DO UPDATE SET created_at = excluded.created_at, "
    "expires_at = excluded.expires_at WHERE dedupe_keys.expires_at <= excluded.created_at"
)
SQLITE_GATE = (
    "SELECT (SELECT threshold FROM workspaces WHERE workspace_id = ?1), "
    "(SELECT cooldown_hours FROM workspaces WHERE workspace_id = ?1), "
    "(SELECT active FROM workspaces WHERE workspace_id = ?1), "
    "(SELECT enabled FROM channel_settings WHERE workspace_id = ?1 AND channel_id = ?2), "
    "EXISTS (SELECT 1 FROM user_prefs WHERE workspace_id = ?1 AND user_pseudonym = ?3 "
    "AND mute_until > ?4)"
)
SQLITE_TAKE_COOLDOWN = (
    "INSERT INTO cooldowns (workspace_id, user_pseudonym, category, last_nudge_at) "
    "VALUES (?, ?, ?, ?) ON CONFLICT (workspace_id, user_pseudonym, category) DO UPDATE "
    "SET last_nudge_at = excluded.last_nudge_at WHERE cooldowns.last_nudge_at <= ?"
)
SQLITE_INSERT_FLAG = (
    "INSERT INTO flag_events (workspace_id, user_pseudonym, channel_id, occurrence_id, "
    "category, rule_id, rule_ids, severity, source, is_question, reported, quoted, "
    "nudge_sent, feedback, hour_bucket) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'message', ?, ?, ?, ?, NULL, ?)"
)
SQLITE_INSERT_OUTBOX = (
    "INSERT INTO outbox (id, workspace_id, channel_id, user_id, thread_ts, category, "
    "rule_id, severity, findings, attempts, created_at, lease_until) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"
)

#: ``execute(sql, parameters)`` returning a cursor-like object (``rowcount``,
#: ``fetchone()``): ``sqlite3.Connection.execute`` or SQLAlchemy's ``exec_driver_sql``.
Execute = Callable[[str, Any], Any]


def sqlite_record(execute: Execute, p: Plan) -> RecordResult:
    """Run ``p`` as five statements on a SQLite connection already in a transaction."""
    e = p.event
    now = sqlite_time(e.now)
    claimed = execute(SQLITE_CLAIM, (p.key_hash, now, sqlite_time(e.now + e.ttl))).rowcount
    if claimed != 1:
        return RecordResult("duplicate")
    row = execute(SQLITE_GATE, (e.workspace_id, e.channel_id, e.pseudonym, now)).fetchone()
    gate = Gate(
        row[0],
        row[1],
        None if row[2] is None else bool(row[2]),
        None if row[3] is None else bool(row[3]),
        bool(row[4]),
    )
    result = decide(p, True, gate, set())
    if result.status != "recorded" or not e.findings:
        return result
    took: set[str] = set()
    cutoff = sqlite_time(e.now - gate.cooldown)
    threshold = gate.threshold_rank
    if not gate.muted:
        for finding in p.cooldown_candidates:
            if (
                SEVERITY_ORDER[finding.severity] >= threshold
                and execute(
                    SQLITE_TAKE_COOLDOWN,
                    (e.workspace_id, e.pseudonym, finding.category, now, cutoff),
                ).rowcount
                == 1
            ):
                took.add(finding.category)
    result = decide(p, True, gate, took)
    bucket = sqlite_time(hour_bucket(e.now))
    for f in e.findings:
        execute(
            SQLITE_INSERT_FLAG,
            (
                e.workspace_id,
                e.pseudonym,
                e.channel_id,
                p.occurrence_id,
                f.category,
                f.rule_id,
                ",".join(f.rule_ids) or None,
                f.severity,
                int(f.is_question),
                int(f.reported),
                int(f.quoted),
                int(f.category in took),
                bucket,
            ),
        )
    if result.nudge_id:
        primary = result.nudged[0]
        execute(
            SQLITE_INSERT_OUTBOX,
            (
                p.occurrence_id,
                e.workspace_id,
                e.channel_id,
                e.user_id,
                e.thread_ts,
                primary.category,
                primary.rule_id,
                primary.severity,
                encode_findings(result.nudged),
                now,
                sqlite_time(e.now + e.lease),
            ),
        )
    return result
