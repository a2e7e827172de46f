"""The per-label-set memos stay bounded and never change a result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from classifiers import Classifier, load_classifier
from classifiers.components import CueMatcher, SituationMatcher
from classifiers.memo import Memo

DATA = Path(__file__).resolve().parents[1] / "data"


def test_memo_shares_equal_answers_and_starts_over_when_full() -> None:
    memo: Memo[str, tuple[int, ...]] = Memo(lambda answer: answer, limit=3)
    first = memo.put("a", (1, 2))
    again = memo.put("b", tuple([1, 2]))  # equal, built separately
    assert again is first
    assert memo.get("a") is first and memo.get("b") is first
    memo.put("c", (3,))
    assert (len(memo), memo.distinct()) == (3, 2)
    memo.put("d", (4,))  # full: forgets everything, then remembers "d"
    assert memo.get("a") is None
    assert (len(memo), memo.get("d")) == (1, (4,))


def test_memo_limit_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1, got 0"):
        Memo(lambda answer: answer, limit=0)


def _memos(clf: Classifier) -> list[Memo[object, object]]:
    cues = clf.nlp.get_pipe("boundary_cues")
    situations = clf.nlp.get_pipe("boundary_situations")
    assert isinstance(cues, CueMatcher) and isinstance(situations, SituationMatcher)
    assert cues._planner is not None
    return [cues._planner._plans, situations._candidates, situations._relevant]  # type: ignore[list-item]


def _texts() -> list[str]:
    lines = (DATA / "corpus_dev20.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


def test_tiny_memos_give_the_same_results_and_stay_within_their_limit(
    classifier: Classifier,
) -> None:
    texts = _texts()
    expected = [a.model_dump() for a in classifier.assess_many(texts)]
    small = load_classifier(None)
    small.assess("my client invited me to her wedding")  # builds the planner
    memos = _memos(small)
    for memo in memos:
        memo.limit = 5
        memo.clear()
    got = [a.model_dump() for a in small.assess_many(texts)]
    assert got == expected
    assert all(0 < len(memo) <= 5 for memo in memos)
    # the corpus part brings far more label sets than the limit: the memos did start over
    assert sum(1 for a in got if a["findings"] or a["suppressed"]) > 5 * 5


def test_real_wording_keeps_few_distinct_plans(classifier: Classifier) -> None:
    """Thousands of label sets share a handful of plans (what the memo's sharing is for)."""
    plans = _memos(classifier)[0]
    plans.clear()
    classifier.assess_many(_texts())
    assert len(plans) > 5 * plans.distinct()


def test_empty_assessments_are_shared_for_at_most_4096_lengths() -> None:
    clf = load_classifier(None)
    for length in range(1, 6000):
        assert clf._nothing(length).text_length == length
    assert len(clf._empty) == 4096
    assert clf._nothing(7) is clf._nothing(7)
