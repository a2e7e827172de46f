"""Quality on the labelled corpus (tests/data/README.md).

Rules are tuned on the dev parts (``corpus_dev*.jsonl``); ``corpus_test.jsonl`` is held out
and is only ever scored here.

- The issue's gate (held-out macro F1 >= 0.90, benign false-positive rate <= 2%) is NOT met
  yet: it is an explicit ``xfail(strict=True)``, so the day the rules reach it this test
  XPASSes, the suite fails, and the marker must be removed to turn it into the hard gate.
- Until then the held-out part is held to the level it was last measured at, so no rule
  change can silently make it worse, and each tuning part is held to its own level.

Run with ``-s`` to see the per-category tables (they are also in every failure message).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from classifiers import Classifier
from classifiers.evaluation import EvalReport, evaluate_corpus, read_corpus

DATA = Path(__file__).resolve().parents[1] / "data"

#: The gate from the classifier issue.
GATE_MACRO_F1 = 0.90
GATE_BENIGN_FP = 0.02

#: Held-out level measured on 2026-11-26 after the dev6 recall rounds (macro F1 0.802, benign
#: FP 5/211 = 2.4%; 0.786 / 2.8% before them, 0.765 / 3.8% before the learned scorer), with
#: a small margin for one message either way.
HELD_OUT_FLOOR_F1 = 0.79
HELD_OUT_CEILING_FP = 0.029

#: (file, minimum macro F1, maximum benign FP) for the tuning parts, at their measured level
#: less a margin: after the recall rounds on dev6 (2026-11-26, both helpers' branches merged)
#: dev 0.972 / 0%, dev2 0.945 / 0.4%, dev3 0.905 / 0%, dev4 0.895 / 1.1%, dev5 0.960 / 0%,
#: dev6 0.890 / 2.7%, 0.893 / 1.6% with the closure phrases (before the rounds 0.967 / 0.912
#: / 0.849 / 0.854 / 0.927 / 0.749). dev5 scored 0.722 / 6.5% (rules alone) before it was
#: tuned on; dev6 0.690 / 6.5% (rules alone).
#: dev7 is never tuned on: 0.749 / 6.5% when first scored, 0.759 / 6.5% after the rounds.
TUNING_FLOORS = [
    ("corpus_dev.jsonl", 0.96, 0.005),
    ("corpus_dev2.jsonl", 0.93, 0.008),
    ("corpus_dev3.jsonl", 0.89, 0.005),
    ("corpus_dev4.jsonl", 0.88, 0.015),
    ("corpus_dev5.jsonl", 0.95, 0.006),
    ("corpus_dev6.jsonl", 0.88, 0.02),
    ("corpus_dev7.jsonl", 0.745, 0.07),
]


@pytest.fixture(scope="module")
def held_out(classifier: Classifier) -> EvalReport:
    path = DATA / "corpus_test.jsonl"
    assert path.is_file(), f"the held-out corpus {path} is missing"
    rows = read_corpus(path)
    assert len(rows) >= 300
    report = evaluate_corpus(classifier, rows)
    print("\nheld-out part\n" + report.table())
    return report


@pytest.mark.xfail(
    strict=True,
    reason="classifier issue open: held-out macro F1 0.802 < 0.90, benign FP 2.4% > 2%",
)
def test_held_out_part_meets_the_quality_gate(held_out: EvalReport) -> None:
    assert held_out.macro_f1 >= GATE_MACRO_F1, held_out.table()
    assert held_out.benign_fp_rate <= GATE_BENIGN_FP, held_out.table()


def test_held_out_part_does_not_regress(held_out: EvalReport) -> None:
    assert held_out.macro_f1 >= HELD_OUT_FLOOR_F1, held_out.table()
    assert held_out.benign_fp_rate <= HELD_OUT_CEILING_FP, held_out.table()


@pytest.mark.parametrize(("name", "min_f1", "max_fp"), TUNING_FLOORS)
def test_tuning_part_keeps_its_level(
    classifier: Classifier, name: str, min_f1: float, max_fp: float
) -> None:
    report = evaluate_corpus(classifier, read_corpus(DATA / name))
    assert report.messages >= 300 and report.benign >= 150
    assert report.macro_f1 >= min_f1, report.table()
    assert report.benign_fp_rate <= max_fp, report.table()
