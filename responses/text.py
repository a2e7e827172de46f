"""Plain-text rendering of Block Kit for the terminal (CLI and local sandbox)."""

from __future__ import annotations

import re
from typing import Any

_LINK_RE = re.compile(r"<([^<>|]+)\|([^<>]*)>")
_BARE_LINK_RE = re.compile(r"<(https?://[^<>|]+|mailto:[^<>|]+)>")
_CHANNEL_RE = re.compile(r"<#([CG][A-Z0-9]+)(?:\|([^<>]*))?>")
_DATE_RE = re.compile(r"<!date\^\d+\^[^|<>]*\|([^<>]*)>")
_BOLD_RE = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_ITALIC_RE = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_CODE_RE = re.compile(r"`([^`\n]+)`")
_EMOJI_RE = re.compile(r":([a-z0-9_+\-]+):")
_EMOJI = {
    "warning": "(!)",
    "seedling": "",
    "sparkles": "",
    "pray": "",
    "bell": "",
    "zipper_mouth_face": "",
}


def mrkdwn_to_text(text: str) -> str:
    """Readable text from mrkdwn: links as ``label (url)``, entities decoded, markers removed."""

    def _link(m: re.Match[str]) -> str:
        url, label = m.group(1), m.group(2)
        if url.startswith("mailto:"):
            return label
        return f"{label} ({url})"

    out = _DATE_RE.sub(lambda m: m.group(1), text)
    out = _CHANNEL_RE.sub(lambda m: "#" + (m.group(2) or m.group(1)), out)
    out = _LINK_RE.sub(_link, out)
    out = _BARE_LINK_RE.sub(lambda m: m.group(1).removeprefix("mailto:"), out)
    out = out.replace("```\n", "").replace("\n```", "").replace("```", "")
    out = _CODE_RE.sub(r"\1", out)
    out = _BOLD_RE.sub(r"\1", out)
    out = _ITALIC_RE.sub(r"\1", out)
    out = _EMOJI_RE.sub(lambda m: _EMOJI.get(m.group(1), m.group(0)), out)
    out = re.sub(r"^>", "  | ", out, flags=re.MULTILINE)
    out = out.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return "\n".join(line.rstrip() for line in out.splitlines()).strip()


def _obj_text(obj: Any) -> str:
    if not isinstance(obj, dict):
        return ""
    text = str(obj.get("text", ""))
    return mrkdwn_to_text(text) if obj.get("type") == "mrkdwn" else text


def _element(el: dict[str, Any]) -> str:
    if el.get("type") == "button":
        return f"[{_obj_text(el.get('text'))}]"
    if el.get("type") in ("mrkdwn", "plain_text"):
        return _obj_text(el)
    if el.get("type") == "image":
        return f"[image: {el.get('alt_text', '')}]"
    return f"[{el.get('type', 'element')}]"


def render_text(payload_or_view: dict[str, Any] | list[dict[str, Any]]) -> str:
    """Render a message payload, a view, or a list of blocks as terminal text.

    Headers are underlined, sections and context become paragraphs (context indented),
    buttons show as ``[Show guidance]``, dividers as a rule. Falls back to the ``text``
    field when there are no blocks.
    """
    if isinstance(payload_or_view, list):
        blocks, fallback = payload_or_view, ""
    else:
        blocks = payload_or_view.get("blocks") or []
        fallback = str(payload_or_view.get("text", ""))
    if not blocks:
        return mrkdwn_to_text(fallback)
    parts: list[str] = []
    for block in blocks:
        kind = block.get("type")
        if kind == "header":
            title = _obj_text(block.get("text"))
            parts.append(f"{title}\n{'=' * len(title)}")
        elif kind == "section":
            chunk = _obj_text(block.get("text"))
            fields = [_obj_text(f) for f in block.get("fields", [])]
            if fields:
                chunk = "\n".join([chunk, *fields]).strip()
            if "accessory" in block:
                chunk += f"  {_element(block['accessory'])}"
            parts.append(chunk)
        elif kind == "context":
            parts.append("  " + "\n  ".join(_element(e) for e in block.get("elements", [])))
        elif kind == "actions":
            parts.append(" ".join(_element(e) for e in block.get("elements", [])))
        elif kind == "divider":
            parts.append("-" * 40)
        else:
            parts.append(f"[{kind}]")
    return "\n\n".join(p for p in parts if p.strip())
