"""Slash-command answers: full guidance, the general answer, help and topics."""

from __future__ import annotations

from typing import Any

from classifiers.models import CATEGORIES, Assessment, Category
from responses import ids
from responses.blocks import (
    Block,
    bullets,
    context,
    divider,
    entry_blocks,
    entry_compact_blocks,
    header,
    org_block,
    policy_block,
    references_text,
    section,
    sections,
    topics_lines,
)
from responses.content import GENERAL, GuidanceLibrary
from responses.limits import MAX_MESSAGE_BLOCKS, ensure_within_limits
from responses.mrkdwn import escape, quote_phrase

Payload = dict[str, Any]

ANSWER_NOTE = "Only you can see this answer. Boundary Bot does not keep the text of your question."
_REASONS = {
    "negated": "it was negated",
    "policy": "it reads as a policy reminder",
    "unlikely": "the rest of the wording reads as ordinary work talk",
}


def _understood(assessment: Assessment, guidance: GuidanceLibrary) -> str:
    """What the bot understood: categories, question, reported speech, suppressed parts."""
    if assessment.skipped == "too_long":
        return (
            "That was longer than I can read in one go, so I couldn't check it. "
            "Try a shorter question, or pick one of the topics below."
        )
    lines: list[str] = []
    cats = [c for c in CATEGORIES if c in assessment.categories]
    if cats:
        names = ", ".join(f"*{escape(guidance.entry(c).label)}*" for c in cats)
        lines.append(f"I read this as being about: {names}.")
        if any(f.is_question for f in assessment.findings):
            lines.append(
                "It sounds like a question, so here is what the codes and good practice say."
            )
        if any(f.reported for f in assessment.findings):
            lines.append(
                "You seem to be describing someone else's situation; the guidance applies too."
            )
    else:
        lines.append("I didn't recognise a specific boundary situation in that.")
    seen: set[tuple[str, str]] = set()
    for s in assessment.suppressed:
        key = (s.finding.category, s.reason)
        if key in seen or s.finding.category in cats:
            continue
        seen.add(key)
        if s.cue is not None:
            why = f"(“{quote_phrase(s.cue.text, 60)}”)"
        else:
            why = f"(“{quote_phrase(s.finding.trigger.text, 60)}” alone was not enough)"
        lines.append(
            f"I set aside *{escape(guidance.entry(s.finding.category).label)}* because "
            f"{_REASONS[s.reason]} {why}."
        )
    return "\n".join(lines)


def general_blocks(guidance: GuidanceLibrary) -> list[Block]:
    """The general entry: what boundaries are, questions to ask, help, topics, references."""
    g = guidance.general
    out: list[Block] = [header(g.title, ids.guidance_block_id(GENERAL, "title"))]
    out += sections(
        f"{escape(g.nudge)}\n\n{escape(g.what_boundaries_are)}",
        ids.guidance_block_id(GENERAL, "what"),
    )
    out.append(
        section(f"*Ask yourself*\n{bullets(g.principles)}", ids.guidance_block_id(GENERAL, "ask"))
    )
    out.append(
        section(f"*Getting help*\n{bullets(g.get_help)}", ids.guidance_block_id(GENERAL, "help"))
    )
    out += sections(f"*Topics*\n{topics_lines(guidance)}", ids.BLOCK_TOPICS)
    out += sections(references_text(g.references), ids.guidance_block_id(GENERAL, "references"))
    policy = policy_block(g)
    if policy is not None:
        out.append(policy)
    return out


def _finish(blocks: list[Block], guidance: GuidanceLibrary, fallback: str, note: str) -> Payload:
    org = org_block(guidance.org)
    tail = ([org] if org else []) + [context(note)]
    room = MAX_MESSAGE_BLOCKS - len(tail)
    if len(blocks) > room:
        blocks = [
            *blocks[: room - 1],
            context("There is more guidance than fits here; try `/boundary topics`."),
        ]
    return ensure_within_limits({"text": fallback, "blocks": blocks + tail})


def _category_blocks(cats: list[Category], guidance: GuidanceLibrary) -> list[Block]:
    full: list[Block] = []
    for i, c in enumerate(cats):
        if i:
            full.append(divider())
        full += entry_blocks(guidance.entry(c))
    if len(full) <= MAX_MESSAGE_BLOCKS - 6:
        return full
    compact: list[Block] = []
    for c in cats:
        compact += entry_compact_blocks(guidance.entry(c))
    return compact


def build_answer(
    assessment: Assessment, guidance: GuidanceLibrary, question: str | None = None
) -> Payload:
    """The slash-command answer for ``assessment`` (one or several categories).

    Starts with what the bot understood (categories, whether it read a question, anything
    set aside as negated or a policy reminder), then the guidance: full entries when they
    fit, a compact entry per category when many categories are present. With no finding it
    gives the general answer and the topics. ``question`` is echoed escaped and shortened.
    """
    blocks: list[Block] = []
    if question and question.strip():
        blocks.append(context(f"You asked: “{quote_phrase(question, 300)}”"))
    blocks.append(section(_understood(assessment, guidance), ids.BLOCK_UNDERSTOOD))
    cats = [c for c in CATEGORIES if c in assessment.categories]
    if cats:
        blocks += _category_blocks(cats, guidance)
        fallback = "Boundary Bot guidance: " + ", ".join(guidance.entry(c).label for c in cats)
    else:
        blocks += general_blocks(guidance)
        fallback = "Boundary Bot: general guidance on professional boundaries"
    return _finish(blocks, guidance, fallback, ANSWER_NOTE)


def build_topic(category: str, guidance: GuidanceLibrary) -> Payload:
    """Full guidance for one topic (a category name, or ``general``)."""
    if category == GENERAL:
        return _finish(
            general_blocks(guidance), guidance, "Boundary Bot: professional boundaries", ANSWER_NOTE
        )
    entry = guidance.entry(category)
    return _finish(
        entry_blocks(entry), guidance, f"Boundary Bot guidance: {entry.title}", ANSWER_NOTE
    )


def build_topics(guidance: GuidanceLibrary) -> Payload:
    """The list of topics with one line each."""
    blocks: list[Block] = [header("Boundary Bot topics", ids.BLOCK_TOPICS + ":title")]
    blocks += sections(topics_lines(guidance), ids.BLOCK_TOPICS)
    blocks.append(
        context("Type `/boundary` and a topic name, e.g. `/boundary gifts`, or ask a question.")
    )
    return _finish(blocks, guidance, "Boundary Bot topics", ANSWER_NOTE)


HELP_TEXT = (
    "*Ask a question*\n`/boundary <your question>`: private guidance, e.g. "
    "`/boundary a client invited me to her wedding`.\n\n"
    "*Browse*\n`/boundary topics`: list the topics. `/boundary <topic>`: read one, e.g. "
    "`/boundary social media`.\n\n"
    "*Nudges*\nIn channels I'm in, if a message might touch a professional boundary, I send "
    "its author a private note only they can see. I never store message text.\n"
    "`/boundary mute 24h`, `/boundary mute 7d`, `/boundary mute off`: pause or resume nudges.\n\n"
    "*For admins*\n`/boundary channel off` / `on`: turn nudges off or on in a channel. "
    "`/boundary leads add @user`: choose who receives the weekly, de-identified summary."
)


def build_help() -> Payload:
    """Usage help for ``/boundary``."""
    blocks: list[Block] = [
        header("Boundary Bot help", ids.BLOCK_HELP + ":title"),
        section(HELP_TEXT, ids.BLOCK_HELP),
        context(ANSWER_NOTE),
    ]
    return ensure_within_limits({"text": "Boundary Bot help", "blocks": blocks})
