"""Quality gate on the held-out TEST part of the corpus (rules are tuned on the dev part only).

Fails if macro F1 < 0.90 or the benign false-positive rate > 2%. Run with ``-s`` to see the
per-category table (it is also printed in the failure message).
"""

from __future__ import annotations

from pathlib import Path

from classifiers import Classifier
from classifiers.evaluation import evaluate_corpus, read_corpus

DATA = Path(__file__).resolve().parents[1] / "data"
MIN_MACRO_F1 = 0.90
MAX_BENIGN_FP = 0.02


def test_test_corpus_meets_the_quality_gate(classifier: Classifier) -> None:
    path = DATA / "corpus_test.jsonl"
    assert path.is_file(), f"the held-out corpus {path} is missing"
    rows = read_corpus(path)
    assert len(rows) >= 200
    report = evaluate_corpus(classifier, rows)
    table = report.table()
    print("\n" + table)
    assert report.macro_f1 >= MIN_MACRO_F1, table
    assert report.benign_fp_rate <= MAX_BENIGN_FP, table


def test_dev_corpus_is_read_and_scored(classifier: Classifier) -> None:
    """The dev part stays parseable and scored (no threshold: it is what rules are tuned on)."""
    report = evaluate_corpus(classifier, read_corpus(DATA / "corpus_dev.jsonl"))
    assert report.messages >= 400 and report.benign >= 150
