"""Quality on the labelled corpus (tests/data/README.md).

Rules are tuned on the dev parts ``corpus_dev.jsonl`` .. ``corpus_dev13.jsonl``;
``corpus_dev14`` is a fresh part nobody has read (it measures how a round generalises, and is
the part the next round can tune on), and ``corpus_test.jsonl`` is held out and is only ever
scored here.

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

#: Held-out level measured on 2026-11-27 after the dev11, dev12 and dev13 rounds, with the
#: learned veto at 0.15 and the scorer trained on dev..dev7: macro F1 0.812, benign FP 5/211 =
#: 2.4% (0.806 / 1.9% after the dev10 round, 0.804 after the dev9 round, 0.803 / 1.9% after the
#: dev8 round, 0.796 / 1.9% after the dev7 round, 0.802 / 2.4% after the dev6 rounds, 0.786 /
#: 2.8% before them, 0.765 / 3.8% before the learned scorer), with a small margin on F1; the
#: benign FP ceiling stays where it was (one more false positive fails).
HELD_OUT_FLOOR_F1 = 0.795
HELD_OUT_CEILING_FP = 0.024

#: (file, minimum macro F1, maximum benign FP) for the parts, at their measured level less a
#: margin (2026-11-27, after the dev11, dev12 and dev13 rounds; scorer trained on dev..dev7,
#: veto 0.15): dev 0.981 / 0%, dev2 0.952 / 0.4%, dev3 0.920 / 0%, dev4 0.918 / 0%, dev5 0.973 /
#: 0%, dev6 0.920 / 1.1%, dev7 0.952 / 1.0% (0.759 / 6.5% before it was tuned on), dev8 0.858
#: / 0.5% (0.692 / 3.5% when written), dev9 0.914 / 1.0% (0.669 / 4.5% when written), dev10
#: 0.943 / 0% (0.793 / 3.5% when written), dev11 0.933 / 0% (0.739 / 3.0% when written, 0.745 /
#: 3.0% before it was tuned on), dev12 0.835 / 2.5% (0.657 / 3.5% when written), dev13 0.922 /
#: 0.5% (0.731 / 4.0% when written, 0.746 / 3.5% before it was tuned on). dev14 was written
#: blind in the sixth session and is never tuned or trained on: it measures how a round
#: generalises (0.737 / 2.5% when written, 0.754 / 2.5% after the dev11 and dev12 rounds,
#: 0.757 / 3.0% after the dev13 round).
TUNING_FLOORS = [
    ("corpus_dev.jsonl", 0.965, 0.005),
    ("corpus_dev2.jsonl", 0.94, 0.008),
    ("corpus_dev3.jsonl", 0.905, 0.005),
    ("corpus_dev4.jsonl", 0.905, 0.008),
    ("corpus_dev5.jsonl", 0.96, 0.006),
    ("corpus_dev6.jsonl", 0.905, 0.02),
    ("corpus_dev7.jsonl", 0.94, 0.015),
    ("corpus_dev8.jsonl", 0.845, 0.015),
    ("corpus_dev9.jsonl", 0.9, 0.015),
    ("corpus_dev10.jsonl", 0.93, 0.01),
    ("corpus_dev11.jsonl", 0.92, 0.01),
    ("corpus_dev12.jsonl", 0.82, 0.03),
    ("corpus_dev13.jsonl", 0.905, 0.01),
    ("corpus_dev14.jsonl", 0.74, 0.04),
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
    reason="classifier issue open: held-out macro F1 0.812 < 0.90, benign FP 2.4% > 2%",
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
