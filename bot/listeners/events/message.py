"""``message`` events: classify in memory, record flags, nudge the author privately.

Every message event is acked with 200, whatever its subtype (an unmatched event would get
404 and Slack would retry it). Only these are classified:

* no subtype, ``thread_broadcast`` and ``file_share``: the message text;
* ``message_changed``: only findings in categories the previous text did not have.

Text longer than the classifier's ``max_chars`` (``MAX_CHARS``, 40,000 by default) is not
classified; each such message increases ``Services.counters["message_skipped_too_long"]``
and is logged with its length only.

Ignored: the bot itself, other bots (``bot_id`` / ``bot_message``), ``message_deleted`` and
every other subtype, 1:1 DMs, and Slack Connect (``is_ext_shared_channel``, or an author
from another organisation): nothing is stored about those and nobody is nudged.

The dedupe key (``event_id``), flag records and outbox row commit in one transaction
before the 200 (``process_before_response``); the nudge is rendered in memory and posted
by a background task. The text is never logged, stored or put in an exception.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.listeners._common import services, workspace_of
from bot.outbox import deliver_nudge
from bot.storage.models import FindingRecord
from classifiers.models import Assessment, Finding
from responses.nudge import build_nudge

logger = logging.getLogger(__name__)

CLASSIFIED_SUBTYPES = frozenset({None, "thread_broadcast", "file_share"})
#: Bolt context key under which the HTTP fast path (``bot/fast_path.py``) hands over the
#: ``(text, Assessment)`` it already computed for this event, so a risky message is not
#: classified twice. Used only when the text is the same.
HANDOFF_KEY = "boundary_assessment"
#: Counter of events whose assessment came from the fast path.
REUSED_COUNTER = "message_assessment_reused"
CHANNEL_TYPES = frozenset({"channel", "group", "mpim"})


def to_record(finding: Finding) -> FindingRecord:
    """What the store keeps about a finding: category, rule ids, severity, flags."""
    return FindingRecord(
        category=finding.category,
        rule_ids=finding.rule_ids,
        severity=finding.severity,
        is_question=finding.is_question,
        reported=finding.reported,
        quoted=finding.quoted,
        # A block quote is someone else's words: counted, never nudged. A reported third
        # party ("my coworker is dating her client") is nudged: the writer may need to know
        # what to do next, and the nudge says it may be about someone else.
        eligible=not finding.quoted,
    )


def _message_of(event: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any] | None] | None:
    """(message, previous message or None) for events we classify, else None."""
    subtype = event.get("subtype")
    if subtype in CLASSIFIED_SUBTYPES:
        return event, None
    if subtype == "message_changed":
        message = event.get("message")
        if isinstance(message, dict):
            previous = event.get("previous_message")
            return message, previous if isinstance(previous, dict) else {}
    return None


def _is_external(body: dict[str, Any], message: dict[str, Any], context: AsyncBoltContext) -> bool:
    """True in Slack Connect channels, or for an author from another organisation."""
    if body.get("is_ext_shared_channel"):
        return True
    author_team = message.get("user_team") or message.get("team")
    home_team = context.team_id or body.get("team_id")
    if author_team and home_team and author_team != home_team:
        return not context.is_enterprise_install
    return False


def _event_key(body: dict[str, Any], event: dict[str, Any]) -> str:
    event_id = body.get("event_id")
    if event_id:
        return str(event_id)
    # No event id (should not happen): derive one; the store keeps only its SHA-256.
    raw = f"{event.get('channel')}:{event.get('ts')}:{event.get('subtype')}"
    return "derived:" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def new_findings(assessment: Assessment, previous: Assessment | None) -> tuple[Finding, ...]:
    """Findings of ``assessment`` in categories ``previous`` did not have (all without one)."""
    if previous is None:
        return assessment.findings
    old = set(previous.categories)
    return tuple(f for f in assessment.findings if f.category not in old)


async def handle_message(
    body: dict[str, Any],
    event: dict[str, Any],
    context: AsyncBoltContext,
    client: AsyncWebClient,
) -> None:
    """Handle one ``message`` event (see the module docstring)."""
    parsed = _message_of(event)
    if parsed is None:
        return
    message, previous_message = parsed
    user_id = message.get("user")
    if (
        not user_id
        or message.get("bot_id")
        or message.get("subtype") == "bot_message"
        or user_id == context.bot_user_id
    ):
        return
    if event.get("channel_type") not in CHANNEL_TYPES or _is_external(body, message, context):
        return
    svc = services(context)
    text = message.get("text") or ""
    handed = context.get(HANDOFF_KEY)
    if handed is not None and handed[0] == text:
        assessment: Assessment = handed[1]
        svc.count(REUSED_COUNTER)
    else:
        assessment = svc.classifier.assess(text)
    if assessment.skipped == "too_long":
        total = svc.count("message_skipped_too_long")
        logger.info(
            "message not classified: too_long (%d chars; %d so far)",
            assessment.text_length,
            total,
        )
    previous = None
    if previous_message is not None:
        previous = svc.classifier.assess(previous_message.get("text") or "")
    findings = new_findings(assessment, previous)
    if not findings:
        return
    workspace_id = workspace_of(context, body)
    channel_id = str(event.get("channel") or "")
    thread_ts = message.get("thread_ts")
    result = await svc.store.record_message_flags(
        _event_key(body, event),
        workspace_id,
        str(user_id),
        channel_id,
        [to_record(f) for f in findings],
        thread_ts=thread_ts,
        lease=timedelta(seconds=svc.settings.outbox_lease_seconds),
    )
    if result.duplicate:
        logger.info("duplicate event ignored (retry %s)", context.get("retry_num") or "-")
        return
    if not result.nudge_id:
        return
    nudged = {r.category for r in result.nudged}
    shown = assessment.model_copy(
        update={"findings": tuple(f for f in findings if f.category in nudged)}
    )
    payload = build_nudge(shown, svc.guidance, nudge_id=result.nudge_id)
    svc.tasks.spawn(
        deliver_nudge(
            svc,
            client,
            nudge_id=result.nudge_id,
            workspace_id=workspace_id,
            channel_id=channel_id,
            user_id=str(user_id),
            thread_ts=thread_ts,
            payload=payload,
        ),
        name="nudge-delivery",
    )


def register(app: AsyncApp) -> None:
    """Register the listener for every ``message`` event, whatever its subtype."""
    app.event("message")(handle_message)
