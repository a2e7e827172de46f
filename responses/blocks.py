"""Small Block Kit constructors and the rendering of one guidance entry.

Every guidance text passes through :func:`responses.mrkdwn.escape`, so organisation
overrides cannot inject links or mentions either; only URLs validated by the content
model become links.
"""

from __future__ import annotations

from typing import Any

from responses import ids
from responses.content import GeneralGuidance, GuidanceEntry, GuidanceLibrary, OrgInfo, Reference
from responses.limits import MAX_BUTTON_TEXT, MAX_HEADER_TEXT, MAX_SECTION_TEXT
from responses.mrkdwn import escape, link, split_text, truncate

Block = dict[str, Any]


def header(text: str, block_id: str | None = None) -> Block:
    """A header block (plain text, at most 150 characters)."""
    block: Block = {
        "type": "header",
        "text": {"type": "plain_text", "text": truncate(text, MAX_HEADER_TEXT), "emoji": True},
    }
    if block_id:
        block["block_id"] = block_id
    return block


def section(text: str, block_id: str | None = None, accessory: Block | None = None) -> Block:
    """A mrkdwn section; ``text`` must already be escaped. Truncated to 3,000 characters."""
    block: Block = {
        "type": "section",
        "text": {"type": "mrkdwn", "text": truncate(text, MAX_SECTION_TEXT)},
    }
    if block_id:
        block["block_id"] = block_id
    if accessory:
        block["accessory"] = accessory
    return block


def sections(text: str, block_id: str) -> list[Block]:
    """One or more sections holding ``text``, split at line breaks to respect 3,000 chars."""
    chunks = split_text(text, MAX_SECTION_TEXT)
    return [section(c, block_id if i == 0 else f"{block_id}:{i}") for i, c in enumerate(chunks)]


def context(*texts: str, block_id: str | None = None) -> Block:
    """A context block of mrkdwn elements (already escaped)."""
    block: Block = {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": truncate(t, MAX_SECTION_TEXT)} for t in texts[:10]],
    }
    if block_id:
        block["block_id"] = block_id
    return block


def divider() -> Block:
    """A divider block."""
    return {"type": "divider"}


def button(
    text: str,
    action_id: str,
    value: str | None = None,
    *,
    style: str | None = None,
    url: str | None = None,
) -> Block:
    """A button element; text is capped at 75 characters."""
    el: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": truncate(text, MAX_BUTTON_TEXT), "emoji": True},
        "action_id": action_id,
    }
    if value is not None:
        el["value"] = value
    if style:
        el["style"] = style
    if url:
        el["url"] = url
    return el


def actions(block_id: str, *elements: Block) -> Block:
    """An actions block."""
    return {"type": "actions", "block_id": block_id, "elements": list(elements)}


def bullets(items: tuple[str, ...] | list[str]) -> str:
    """Escaped bullet list."""
    return "\n".join(f"• {escape(i)}" for i in items)


def reference_line(ref: Reference) -> str:
    """``• <url|APA 10.08>: summary``."""
    return f"• {link(ref.url, ref.label)}: {escape(ref.summary)}"


def references_text(refs: tuple[Reference, ...]) -> str:
    """The *References* section text."""
    return "*References*\n" + "\n".join(reference_line(r) for r in refs)


def policy_block(entry: GuidanceEntry | GeneralGuidance) -> Block | None:
    """Context with a topic's own policy link (from an override), or None."""
    if not entry.policy_url:
        return None
    label = entry.policy_label or "Our policy on this topic"
    return context(
        link(entry.policy_url, label), block_id=ids.guidance_block_id(entry.category, "policy")
    )


def org_block(org: OrgInfo) -> Block | None:
    """Context with the organisation's policy link and contact, or None when none is set."""
    parts: list[str] = []
    if org.policy_url:
        label = org.policy_label or (f"{org.name} policy" if org.name else "Organisation policy")
        parts.append(link(org.policy_url, label))
    if org.has_contact:
        who = escape(org.contact_name or "Ethics and compliance contact")
        how = []
        if org.contact_email:
            how.append(f"<mailto:{org.contact_email}|{escape(org.contact_email)}>")
        if org.contact_url:
            how.append(link(org.contact_url, "contact page"))
        contact = f"Questions? {who}" + (f" ({', '.join(how)})" if how else "")
        if org.contact_note:
            contact += f". {escape(org.contact_note)}"
        parts.append(contact)
    if not parts:
        return None
    return context(*parts, block_id=ids.BLOCK_ORG)


def professions_text(entry: GuidanceEntry) -> str:
    """The *By profession* section text."""
    p = entry.professions
    return (
        "*By profession*\n"
        f"• *Therapists and counsellors (APA, ACA, NASW, AAMFT):* {escape(p.therapists)}\n"
        f"• *Physicians (AMA):* {escape(p.physicians)}\n"
        f"• *Nurses (NCSBN):* {escape(p.nurses)}"
    )


def entry_blocks(entry: GuidanceEntry, *, with_title: bool = True) -> list[Block]:
    """Full guidance for one category (about 8 blocks; the org footer is added separately)."""
    c = entry.category
    bid = ids.guidance_block_id
    out: list[Block] = []
    if with_title:
        out.append(header(entry.title, bid(c, "title")))
    out += sections(f"*Why it matters*\n{escape(entry.why)}", bid(c, "why"))
    todo = (
        f"*What to do now*\n{bullets(entry.steps)}\n\n"
        f"*What you could say*\n>{escape(entry.script).replace(chr(10), chr(10) + '>')}"
    )
    out += sections(todo, bid(c, "todo"))
    out += sections(
        f"*Talk it through*\n{escape(entry.consult)}\n\n*Keep a record*\n{escape(entry.document)}",
        bid(c, "consult"),
    )
    out += sections(
        f"*When it can be acceptable*\n{escape(entry.acceptable)}\n{bullets(entry.nuance)}",
        bid(c, "acceptable"),
    )
    out += sections(professions_text(entry), bid(c, "professions"))
    out += sections(references_text(entry.references), bid(c, "references"))
    policy = policy_block(entry)
    if policy is not None:
        out.append(policy)
    return out


def entry_compact_blocks(entry: GuidanceEntry) -> list[Block]:
    """Short guidance for one category (2 blocks), used when many categories share a message."""
    c = entry.category
    steps = bullets(entry.steps[:3])
    refs = ", ".join(link(r.url, r.label) for r in entry.references[:4])
    text = (
        f"*{escape(entry.title)}*\n{escape(entry.summary)}\n{steps}\n"
        f"_More:_ `/boundary {c.replace('_', ' ')}`"
    )
    return [section(text, ids.guidance_block_id(c, "compact")), context(f"Cites {refs}")]


def topics_lines(library: GuidanceLibrary) -> str:
    """Bullet list of topics with their one-line summaries."""
    lines = []
    for c in library.categories:
        e = library.entries[c]
        lines.append(f"• *{escape(e.title)}* (`{c.replace('_', ' ')}`): {escape(e.summary)}")
    return "\n".join(lines)
