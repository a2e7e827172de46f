"""The passive nudge (compact, ephemeral), its in-place expansion, and short replies."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from classifiers.models import Assessment, Finding
from responses import ids
from responses.actions import NudgeRef, safe_rule_id
from responses.blocks import actions, button, context, entry_blocks, org_block, section
from responses.content import GuidanceLibrary
from responses.errors import ActionValueError, NothingToRenderError
from responses.limits import MAX_SECTION_TEXT, ensure_within_limits, find_problems
from responses.mrkdwn import escape, quote_phrase, truncate

Payload = dict[str, Any]

PRIVACY_NOTE = "Only you can see this. Boundary Bot does not store what you write."

#: Longest ids a :class:`NudgeRef` accepts (its field limits): the worst-case button value.
_WORST_NUDGE_ID = "n" * 100
_WORST_RULE_ID = "r" * 200
#: (id of the guidance, category, other categories) -> (that guidance, worst case is valid).
_SHAPES: dict[tuple[int, str, tuple[str, ...]], tuple[GuidanceLibrary, bool]] = {}
_SHAPES_MAX = 512


def _nudge_buttons(ref: NudgeRef, *, show_guidance: bool) -> dict[str, Any]:
    value = ref.encode()
    elements = []
    if show_guidance:
        elements.append(button("Show guidance", ids.ACTION_SHOW_GUIDANCE, value, style="primary"))
    elements.append(button("Not relevant", ids.ACTION_NOT_RELEVANT, value))
    elements.append(button("Mute for 24h", ids.ACTION_MUTE_24H, value))
    return actions(ids.BLOCK_NUDGE_ACTIONS, *elements)


def _rules_text(rule_ids: tuple[str, ...]) -> str:
    shown = [f"`{escape(r)}`" for r in rule_ids[:4]]
    return ("rule " if len(shown) == 1 else "rules ") + ", ".join(shown)


def _why_text(finding: Finding, guidance: GuidanceLibrary) -> str:
    entry = guidance.entry(finding.category)
    phrase = quote_phrase(finding.trigger.text)
    text = (
        f"*Why am I seeing this?* Your message included “{phrase}”, which matched "
        f"{_rules_text(finding.rule_ids)} ({escape(finding.description)}). "
        f"The guidance cites {escape(entry.codes_cited)}."
    )
    if finding.reported:
        text += " If you were describing someone else's situation, it may still be useful."
    return text


def build_nudge(assessment: Assessment, guidance: GuidanceLibrary, *, nudge_id: str) -> Payload:
    """The compact ephemeral nudge for the most severe finding of ``assessment``.

    Shows the nudge sentence, "Why am I seeing this?" (the matched phrase, escaped, the
    rule ids and the codes cited) and three buttons whose value is a :class:`NudgeRef`
    (``nudge_id``, category, rule id), never message text. Raises
    :class:`NothingToRenderError` when the assessment has no finding.
    """
    finding = assessment.top()
    if finding is None:
        raise NothingToRenderError("expected an assessment with at least one finding; got none")
    guidance.entry(finding.category)  # an unknown category fails here, before the ids
    try:
        ref = NudgeRef(
            nudge_id=nudge_id, category=finding.category, rule_id=safe_rule_id(finding.rule_id)
        )
    except ValidationError:
        raise ActionValueError(
            "expected nudge_id of 1-100 letters, digits, '.', '_', ':' or '-'"
        ) from None
    others = tuple(c for c in assessment.categories if c != finding.category)
    payload = _compact_nudge(guidance, finding.category, others, _why_text(finding, guidance), ref)
    if _worst_case_within_limits(guidance, finding.category, others):
        return payload  # every payload of this shape is within Slack's limits
    return ensure_within_limits(payload)


def _compact_nudge(
    guidance: GuidanceLibrary, category: str, others: tuple[str, ...], why: str, ref: NudgeRef
) -> Payload:
    entry = guidance.entry(category)
    text = f":seedling: {escape(entry.nudge)}"
    if others:
        titles = ", ".join(escape(guidance.entry(c).title.lower()) for c in others)
        text += f"\n_Also possibly relevant: {titles}. Ask `/boundary` for more._"
    blocks = [
        section(text, ids.BLOCK_NUDGE),
        context(why, PRIVACY_NOTE, block_id=ids.BLOCK_NUDGE_WHY),
        _nudge_buttons(ref, show_guidance=True),
    ]
    return {"text": f"Boundary Bot: a private note about {entry.title.lower()}", "blocks": blocks}


def _worst_case_within_limits(
    guidance: GuidanceLibrary, category: str, others: tuple[str, ...]
) -> bool:
    """Whether the largest compact nudge for ``category`` (and ``others``) is within Slack's
    limits, checked once per guidance library and shape.

    Only two parts of a compact nudge vary with the message: the "why" text, which
    :func:`context` cuts to 3,000 characters, and the button value, whose ids
    :class:`NudgeRef` bounds. The worst case (a 3,000-character why text, the longest ids)
    passing every check (:func:`ensure_within_limits`, lengths and slack_sdk's own
    validation alike) means every real payload of the same shape passes too; otherwise each
    payload is checked as it is built.
    """
    key = (id(guidance), category, others)
    cached = _SHAPES.get(key)
    if cached is not None and cached[0] is guidance:
        return cached[1]
    ref = NudgeRef(nudge_id=_WORST_NUDGE_ID, category=category, rule_id=_WORST_RULE_ID)
    worst = _compact_nudge(guidance, category, others, "w" * MAX_SECTION_TEXT, ref)
    valid = not find_problems(worst)
    if len(_SHAPES) >= _SHAPES_MAX:
        _SHAPES.clear()
    _SHAPES[key] = (guidance, valid)
    return valid


def build_nudge_expanded(ref: NudgeRef, guidance: GuidanceLibrary) -> Payload:
    """The nudge after "Show guidance": full guidance for ``ref.category``, in place.

    Works from the button's :class:`NudgeRef` alone (the message text is not available).
    """
    entry = guidance.entry(ref.category)
    why = (
        f"Shown because {_rules_text((ref.rule_id,))} matched your message. "
        f"The guidance cites {escape(entry.codes_cited)}."
    )
    blocks = [
        section(f":seedling: {escape(entry.nudge)}", ids.BLOCK_NUDGE),
        context(why, PRIVACY_NOTE, block_id=ids.BLOCK_NUDGE_WHY),
        *entry_blocks(entry),
    ]
    org = org_block(guidance.org)
    if org is not None:
        blocks.append(org)
    blocks.append(_nudge_buttons(ref, show_guidance=False))
    payload = {"text": f"Boundary Bot guidance: {entry.title}", "blocks": blocks}
    return ensure_within_limits(payload)


def slack_date(when: datetime) -> str:
    """A Slack date token shown in the reader's own time zone, with a UTC fallback."""
    aware = when if when.tzinfo else when.replace(tzinfo=UTC)
    epoch = int(aware.timestamp())
    fallback = aware.astimezone(UTC).strftime("%a %d %b %Y, %H:%M UTC")
    return f"<!date^{epoch}^{{date_short_pretty}} at {{time}}|{fallback}>"


def build_mute_confirmation(until: datetime | None) -> Payload:
    """Confirms a mute (``until`` set) or that nudges are back on (``until`` None)."""
    if until is None:
        text = "Nudges are back on. You can mute them again with `/boundary mute 24h`."
        fallback = "Boundary Bot nudges are back on."
    else:
        text = (
            f":zipper_mouth_face: Muted until {slack_date(until)}. You won't get nudges until "
            "then; `/boundary` questions still work. Turn nudges back on with `/boundary mute off`."
        )
        fallback = "Boundary Bot nudges are muted."
    return ensure_within_limits({"text": fallback, "blocks": [section(text, ids.BLOCK_NOTICE)]})


def build_feedback_thanks() -> Payload:
    """Thanks the user after "Not relevant"."""
    text = (
        ":pray: Thanks, noted as not relevant. Feedback like this is how your organisation "
        "tunes Boundary Bot to stay quiet when it isn't helpful. Leads only ever see totals."
    )
    return ensure_within_limits(
        {"text": "Thanks for the feedback.", "blocks": [section(text, ids.BLOCK_NOTICE)]}
    )


def build_error(message: str | None = None) -> Payload:
    """A polite error, e.g. when guidance is temporarily unavailable. ``message`` is escaped."""
    body = message or "Boundary Bot is temporarily unavailable. Please try again in a moment."
    text = f":warning: Sorry, something went wrong. {escape(body)}"
    return ensure_within_limits(
        {
            "text": truncate(f"Sorry, something went wrong. {escape(body)}", 300),
            "blocks": [section(text, ids.BLOCK_NOTICE)],
        }
    )
