"""Snapshot tests: the rendered Block Kit JSON must not change by accident.

Snapshots live in ``tests/responses/snapshots/``. After an intended change run
``UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/responses/test_snapshots.py`` and review the
diff of the JSON files before committing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from classifiers.models import Assessment
from responses import (
    GuidanceLibrary,
    HomeLeadState,
    HomeUserState,
    NudgeRef,
    build_answer,
    build_error,
    build_feedback_thanks,
    build_help,
    build_home,
    build_mute_confirmation,
    build_nudge,
    build_nudge_expanded,
    build_summary,
    build_topic,
    build_topics,
)

from .conftest import (
    assert_snapshot,
    every_category_assessment,
    make_assessment,
    make_finding,
    make_suppressed,
)
from .test_summary import make_summary

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def _cases(g: GuidanceLibrary) -> dict[str, Callable[[], Any]]:
    two = make_assessment(
        make_finding(
            "social_media",
            "add my client on instagram",
            rule_id="social_media.friend_client",
            is_question=True,
        ),
        make_finding("gifts", "gift card", rule_id="gifts.accept_gift", start=40),
        suppressed=(make_suppressed("physical_contact", "never"),),
    )
    return {
        "nudge_gifts": lambda: build_nudge(
            make_assessment(
                make_finding("gifts", "my client gave me a gift card", rule_id="gifts.accept_gift")
            ),
            g,
            nudge_id="F1",
        ),
        "nudge_expanded_phi_exposure": lambda: build_nudge_expanded(
            NudgeRef(nudge_id="F2", category="phi_exposure", rule_id="phi_exposure.mrn"), g
        ),
        "answer_two_categories": lambda: build_answer(
            two, g, question="can I add my client on instagram?"
        ),
        "answer_every_category": lambda: build_answer(every_category_assessment(), g),
        "answer_general": lambda: build_answer(Assessment(text_length=5), g, question="hello"),
        "topic_post_termination": lambda: build_topic("post_termination", g),
        "topics": lambda: build_topics(g),
        "help": build_help,
        "home_lead_muted": lambda: build_home(
            HomeUserState(muted_until=datetime(2026, 11, 27, 12, 0, tzinfo=UTC), now=NOW),
            HomeLeadState(
                is_lead=True,
                is_admin=True,
                last_summary_week="2026-W47",
                last_summary_url="https://x.slack.com/archives/D1/p1",
            ),
            g,
        ),
        "summary": lambda: build_summary(make_summary()),
        "mute_confirmation": lambda: build_mute_confirmation(
            datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
        ),
        "feedback_thanks": build_feedback_thanks,
        "error": build_error,
    }


CASE_NAMES = [
    "nudge_gifts",
    "nudge_expanded_phi_exposure",
    "answer_two_categories",
    "answer_every_category",
    "answer_general",
    "topic_post_termination",
    "topics",
    "help",
    "home_lead_muted",
    "summary",
    "mute_confirmation",
    "feedback_thanks",
    "error",
]


def test_case_list_is_complete(guidance: GuidanceLibrary) -> None:
    assert sorted(_cases(guidance)) == sorted(CASE_NAMES)


@pytest.mark.parametrize("name", CASE_NAMES)
def test_snapshot(guidance: GuidanceLibrary, name: str) -> None:
    assert_snapshot(name, _cases(guidance)[name]())
