"""Fixtures for the responses tests: the guidance library and assessment builders.

Assessments are built directly from :mod:`classifiers.models`, as the classifier would.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from classifiers.models import (
    CATEGORIES,
    Assessment,
    ContextHit,
    Evidence,
    Finding,
    SuppressedFinding,
)
from responses import GuidanceLibrary, load_guidance

SNAPSHOT_DIR = Path(__file__).with_name("snapshots")


@pytest.fixture(scope="session")
def guidance() -> GuidanceLibrary:
    return load_guidance()


def make_finding(
    category: str,
    phrase: str = "accepted a gift",
    *,
    rule_id: str | None = None,
    severity: str = "caution",
    is_question: bool = False,
    reported: bool = False,
    start: int = 0,
) -> Finding:
    rule = rule_id or f"{category}.situation"
    ev = Evidence(
        start=start,
        end=start + len(phrase),
        text=phrase,
        rule_id=f"{category}.cue",
        description="cue",
        cue="CUE",
    )
    return Finding(
        category=category,  # type: ignore[arg-type]
        severity=severity,  # type: ignore[arg-type]
        rule_id=rule,
        description=f"A {category.replace('_', ' ')} situation",
        is_question=is_question,
        reported=reported,
        evidence=(ev,),
    )


def make_assessment(
    *findings: Finding, suppressed: tuple[SuppressedFinding, ...] = ()
) -> Assessment:
    return Assessment(text_length=200, findings=findings, suppressed=suppressed)


def make_suppressed(
    category: str, cue_text: str = "not", reason: str = "negated"
) -> SuppressedFinding:
    return SuppressedFinding(
        finding=make_finding(category, "hugged my client"),
        reason=reason,  # type: ignore[arg-type]
        cue=ContextHit(
            kind="negation", start=2, end=2 + len(cue_text), text=cue_text, rule_id="ctx.neg"
        ),
    )


def every_category_assessment() -> Assessment:
    return make_assessment(
        *(make_finding(c, f"phrase {i}", start=i * 10) for i, c in enumerate(CATEGORIES))
    )


def assert_snapshot(name: str, payload: Any) -> None:
    """Compare ``payload`` with ``snapshots/<name>.json``.

    Set ``UPDATE_SNAPSHOTS=1`` to (re)write the snapshot files, then review the diff.
    A missing snapshot fails unless UPDATE_SNAPSHOTS is set.
    """
    path = SNAPSHOT_DIR / f"{name}.json"
    text = json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.write_text(text, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"snapshot {path.name} is missing; run with UPDATE_SNAPSHOTS=1 to create it")
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{path.name} changed; if intended, rerun with UPDATE_SNAPSHOTS=1"
