"""mrkdwn helpers: escaping echoed text, neutralising mentions, safe truncation.

Slack parses ``<...>`` sequences in mrkdwn as links and mentions (``<!channel>``,
``<!here>``, ``<@U123>``, ``<#C123>``). Escaping ``&``, ``<`` and ``>`` as Slack documents
turns all of them into inert text; :func:`escape` also breaks the bare words
``@channel``, ``@here`` and ``@everyone`` so no client can ever turn them into a ping.
"""

from __future__ import annotations

import re

_MENTION_WORD_RE = re.compile(r"@(channel|here|everyone)\b", re.IGNORECASE)
_ZWSP = "\u200b"
ELLIPSIS = "…"


def escape(text: str) -> str:
    """Escape user or organisation text for a mrkdwn field (``&``, ``<``, ``>``, mentions)."""
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MENTION_WORD_RE.sub(lambda m: "@" + _ZWSP + m.group(1), out)


def quote_phrase(text: str, limit: int = 120) -> str:
    """An echoed phrase, escaped, on one line, without formatting characters, and capped."""
    flat = " ".join(text.split())
    flat = flat.replace("`", "'").replace("*", "").replace("_", " ").replace("~", "")
    return escape(truncate(flat, limit))


def link(url: str, label: str) -> str:
    """A mrkdwn link; the URL must already be validated (no spaces, ``<``, ``>`` or ``|``)."""
    return f"<{url}|{escape(label)}>"


def truncate(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters at a word boundary, adding an ellipsis.

    Never cuts inside an ``&...;`` entity or a ``<...>`` link: the cut moves back before it.
    """
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 0)]
    space = cut.rfind(" ")
    if space > len(cut) * 0.6:
        cut = cut[:space]
    lt = cut.rfind("<")
    if lt > cut.rfind(">"):
        cut = cut[:lt]
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return cut.rstrip() + ELLIPSIS


def split_text(text: str, limit: int) -> list[str]:
    """Split ``text`` into chunks of at most ``limit`` characters at paragraph or line breaks.

    A single paragraph longer than ``limit`` is truncated with an ellipsis.
    """
    chunks: list[str] = []
    current = ""
    for para in text.split("\n"):
        candidate = para if not current else f"{current}\n{para}"
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current)
        current = truncate(para, limit)
    if current or not chunks:
        chunks.append(current)
    return chunks
