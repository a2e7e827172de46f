"""The plain-text renderer used by the CLI and the terminal sandbox."""

from __future__ import annotations

import pytest

from responses import render_text
from responses.text import mrkdwn_to_text


@pytest.mark.parametrize(
    ("mrkdwn", "text"),
    [
        ("*Why it matters*", "Why it matters"),
        ("_Also:_ gifts", "Also: gifts"),
        (
            "see <https://apa.org/ethics/code|APA 10.08>",
            "see APA 10.08 (https://apa.org/ethics/code)",
        ),
        ("mail <mailto:a@b.example|a@b.example>", "mail a@b.example"),
        ("<#C0123ABC> and <#C0123ABC|general>", "#C0123ABC and #general"),
        (
            "until <!date^1795771800^{date_short_pretty} at {time}|Fri 27 Nov 2026, 09:30 UTC>",
            "until Fri 27 Nov 2026, 09:30 UTC",
        ),
        ("a &amp; b &lt;!channel&gt;", "a & b <!channel>"),
        ("rule `gifts.accept`", "rule gifts.accept"),
        (">quoted line", "| quoted line"),
        ("2*3*4 stays", "2*3*4 stays"),
        ("snake_case_name stays", "snake_case_name stays"),
        (":warning: careful", "(!) careful"),
        ("```\nrow 1\nrow 2\n```", "row 1\nrow 2"),
    ],
)
def test_mrkdwn_to_text(mrkdwn: str, text: str) -> None:
    assert mrkdwn_to_text(mrkdwn) == text


def test_render_blocks() -> None:
    payload = {
        "text": "fallback",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": "Title"}},
            {"type": "section", "text": {"type": "mrkdwn", "text": "*Body*"}},
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": "Topic"},
                "accessory": {
                    "type": "button",
                    "text": {"type": "plain_text", "text": "Read"},
                    "action_id": "a",
                },
            },
            {"type": "divider"},
            {
                "type": "context",
                "elements": [
                    {"type": "mrkdwn", "text": "small"},
                    {"type": "plain_text", "text": "print"},
                ],
            },
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "text": {"type": "plain_text", "text": "Show guidance"},
                        "action_id": "x",
                    },
                    {
                        "type": "button",
                        "text": {"type": "plain_text", "text": "Mute for 24h"},
                        "action_id": "y",
                    },
                ],
            },
            {
                "type": "section",
                "fields": [{"type": "mrkdwn", "text": "*a*"}, {"type": "mrkdwn", "text": "b"}],
            },
            {"type": "image", "image_url": "https://x", "alt_text": "pic"},
        ],
    }
    assert render_text(payload) == (
        "Title\n=====\n\nBody\n\nTopic  [Read]\n\n" + "-" * 40 + "\n\n  small\n  print\n\n"
        "[Show guidance] [Mute for 24h]\n\na\nb\n\n[image]"
    )


def test_render_fallback_and_lists() -> None:
    assert render_text({"text": "only *fallback*"}) == "only fallback"
    assert render_text([{"type": "divider"}]) == "-" * 40
    assert (
        render_text(
            {
                "type": "home",
                "blocks": [{"type": "header", "text": {"type": "plain_text", "text": "Hi"}}],
            }
        )
        == "Hi\n=="
    )
