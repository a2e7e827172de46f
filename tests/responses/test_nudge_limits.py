"""The compact nudge checks Slack's limits once per shape, and still refuses a bad payload.

``build_nudge`` validates the largest payload of a shape (guidance, category, other
categories) once instead of every payload: these tests pin down that the largest real
payloads are within the limits, and that a shape breaking a limit still raises.
"""

from __future__ import annotations

import pytest

from classifiers.models import CATEGORIES
from responses import GuidanceLibrary, SlackLimitError, build_nudge, find_problems

from .conftest import make_assessment, make_finding

LONGEST_NUDGE_ID = "N" * 100
LONGEST_RULE_ID = "r" * 200


@pytest.mark.parametrize("category", CATEGORIES)
def test_the_largest_real_nudges_are_within_every_limit(
    guidance: GuidanceLibrary, category: str
) -> None:
    others = [c for c in CATEGORIES if c != category][:3]
    assessment = make_assessment(
        make_finding(category, "x" * 9000, rule_id=LONGEST_RULE_ID, severity="high"),
        *(make_finding(c, "a gift", start=9100 + 10 * i) for i, c in enumerate(others)),
    )
    for reported in (False, True):
        if reported:
            assessment = make_assessment(
                make_finding(category, "&<>" * 3000, rule_id=LONGEST_RULE_ID, reported=True)
            )
        payload = build_nudge(assessment, guidance, nudge_id=LONGEST_NUDGE_ID)
        assert find_problems(payload) == []


def test_a_shape_that_breaks_a_limit_is_still_refused_every_time(
    guidance: GuidanceLibrary,
) -> None:
    entry = guidance.entry("gifts")
    # Built without validation: a title far over Slack's 4,000-character fallback text.
    broken_entry = entry.model_construct(**{**dict(entry), "title": "t" * 5000})
    broken = guidance.model_construct(
        entries={**guidance.entries, "gifts": broken_entry},
        general=guidance.general,
        org=guidance.org,
    )
    assessment = make_assessment(make_finding("gifts"))
    for nudge_id in ("N1", "N2"):  # the second call finds the shape in the cache
        with pytest.raises(SlackLimitError, match="fallback text"):
            build_nudge(assessment, broken, nudge_id=nudge_id)
    # The same category with the real guidance is fine.
    assert find_problems(build_nudge(assessment, guidance, nudge_id="N3")) == []
