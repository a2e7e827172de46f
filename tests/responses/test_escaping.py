"""Echoed text is mrkdwn-escaped, and nothing a user types can make the bot ping anyone."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from responses import (
    GuidanceLibrary,
    build_answer,
    build_error,
    build_nudge,
    escape,
    load_guidance,
    render_text,
)
from responses.mrkdwn import quote_phrase, split_text, truncate

from .conftest import make_assessment, make_finding, make_suppressed

HOSTILE = [
    "<!channel> gift",
    "<!here|here> gift",
    "<!everyone> gift",
    "<@U0123ABC> gift",
    "<#C0123ABC|general> gift",
    "<!subteam^S123|@team> gift",
    "<https://evil.example|click me> gift",
    "@channel gift",
    "@here gift",
    "@Everyone gift",
    "a & b < c > d",
    "`code` *bold* _it_ ~strike~ gift",
]

_SPECIAL = re.compile(r"<[!@#]")


def _specials(payload: dict) -> list[str]:
    """Every '<!', '<@' or '<#' sequence except the bot's own date tokens."""
    text = json.dumps(payload, ensure_ascii=False)
    return [m for m in re.findall(r"<[!@#][^>]*>?", text) if not m.startswith("<!date^")]


def _bare_mentions(payload: dict) -> list[str]:
    text = json.dumps(payload, ensure_ascii=False)
    return re.findall(r"@(?:channel|here|everyone)\b", text, flags=re.IGNORECASE)


@pytest.mark.parametrize("phrase", HOSTILE)
def test_nudge_escapes_the_matched_phrase(guidance: GuidanceLibrary, phrase: str) -> None:
    p = build_nudge(make_assessment(make_finding("gifts", phrase)), guidance, nudge_id="N")
    assert _specials(p) == []
    assert _bare_mentions(p) == []
    assert "<https://evil" not in json.dumps(p)


@pytest.mark.parametrize("phrase", HOSTILE)
def test_answer_escapes_question_and_cues(guidance: GuidanceLibrary, phrase: str) -> None:
    a = make_assessment(
        make_finding("gifts", phrase), suppressed=(make_suppressed("romantic", phrase),)
    )
    p = build_answer(a, guidance, question=phrase)
    assert _specials(p) == []
    assert _bare_mentions(p) == []


def test_escaped_text_reads_back_as_typed(guidance: GuidanceLibrary) -> None:
    p = build_nudge(make_assessment(make_finding("gifts", "a & b < c > d")), guidance, nudge_id="N")
    why = p["blocks"][1]["elements"][0]["text"]
    assert "“a &amp; b &lt; c &gt; d”" in why
    assert "“a & b < c > d”" in render_text(p)


def test_error_message_is_escaped() -> None:
    p = build_error("<!channel> down")
    assert _specials(p) == [] and _specials({"t": p["text"]}) == []


def test_organisation_text_is_escaped_too(tmp_path: Path) -> None:
    (tmp_path / "gifts.toml").write_text('[extend]\nwhy = "Ask <!here> or @channel <@U999>."\n')
    (tmp_path / "org.toml").write_text('contact_name = "<!everyone> desk"\n')
    lib = load_guidance(tmp_path)
    p = build_answer(make_assessment(make_finding("gifts")), lib)
    assert _specials(p) == [] and _bare_mentions(p) == []


@given(st.text(max_size=300))
def test_escape_never_leaves_angle_brackets_or_mentions(text: str) -> None:
    out = escape(text)
    assert "<" not in out and ">" not in out
    assert not re.search(r"@(channel|here|everyone)\b", out, flags=re.IGNORECASE)
    assert out.replace("&amp;", "").count("&") == out.count("&lt;") + out.count("&gt;")


@given(st.text(max_size=400), st.integers(min_value=5, max_value=200))
def test_quote_phrase_is_safe_and_bounded(text: str, limit: int) -> None:
    out = quote_phrase(text, limit)
    assert "<" not in out and ">" not in out and "\n" not in out and "`" not in out
    # escaping may lengthen the text after the cut, but never by more than the entities added
    assert len(out.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")) <= limit + 1


def test_truncate_never_cuts_inside_entities_or_links() -> None:
    text = "word " * 10 + "&amp;" + " <https://example.org|a link> tail"
    for limit in range(5, len(text)):
        out = truncate(text, limit)
        assert len(out) <= limit
        assert not re.search(r"&[a-z]*$", out.rstrip("…"))
        assert out.count("<") == out.count(">")


def test_split_text_keeps_chunks_within_limit() -> None:
    text = "\n".join(f"line {i} " + "x" * 50 for i in range(200))
    chunks = split_text(text, 3000)
    assert all(len(c) <= 3000 for c in chunks)
    assert "\n".join(chunks) == text
    assert split_text("y" * 5000, 3000)[0].endswith("…")
