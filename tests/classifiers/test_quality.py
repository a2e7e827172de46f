"""Quality on the labelled corpus (tests/data/README.md).

Rules are tuned on the dev parts ``corpus_dev.jsonl`` .. ``corpus_dev18.jsonl`` except
``corpus_dev15``, and the learned scorer is trained on the same parts. ``corpus_dev15`` is a
fresh part nobody has read, tuned on or trained on (it measures how a change generalises), as
is ``corpus_dev19`` (written at the end of the seventh session), and
``corpus_test.jsonl`` is held out and is only ever scored here.

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

#: Held-out level measured on 2026-11-27 (seventh session) with the scorer retrained on every
#: tuning part but dev15, its additions on, and the rules of the dev14 and dev16..dev18 rounds:
#: macro F1 0.837, benign FP 5/211 = 2.4% (0.812 / 2.4% at the start of that session, 0.806 /
#: 1.9% after the dev10 round, 0.803 / 1.9% after the dev8 round, 0.786 / 2.8% before the dev6
#: rounds, 0.765 / 3.8% before the learned scorer), with a small margin on F1; the benign FP
#: ceiling stays where it was (one more false positive fails).
HELD_OUT_FLOOR_F1 = 0.82
HELD_OUT_CEILING_FP = 0.024

#: (file, minimum macro F1, maximum benign FP) for the parts, at their measured level less a
#: margin (2026-11-27, seventh session, as for the held-out level above): dev 0.981 / 0%, dev2
#: 0.967 / 0%, dev3 0.940 / 0%, dev4 0.926 / 0%, dev5 0.972 / 0%, dev6 0.920 / 0.5%, dev7 0.963
#: / 0%, dev8 0.908 / 0.5%, dev9 0.951 / 0%, dev10 0.973 / 0%, dev11 0.967 / 0%, dev12 0.890 /
#: 0%, dev13 0.969 / 0%, dev14 0.925 / 0% (0.737 / 2.5% when written, 0.757 / 3.0% before it was
#: tuned on), dev16 0.906 / 0% (0.663 / 1.0% when written), dev17 0.908 / 0% (0.685 / 2.0%),
#: dev18 0.908 / 0% (0.707 / 5.6%). Retraining the scorer moves a few borderline scores, hence
#: the margins. dev15 is the fresh part: 0.718 / 3.0% when written, 0.769 / 4.0% now. dev19
#: was written blind at the end of that session: 0.708 / 5.5% with the session-start tree,
#: 0.759 / 4.0% with the session's end.
TUNING_FLOORS = [
    ("corpus_dev.jsonl", 0.965, 0.005),
    ("corpus_dev2.jsonl", 0.95, 0.005),
    ("corpus_dev3.jsonl", 0.925, 0.005),
    ("corpus_dev4.jsonl", 0.91, 0.005),
    ("corpus_dev5.jsonl", 0.96, 0.006),
    ("corpus_dev6.jsonl", 0.905, 0.01),
    ("corpus_dev7.jsonl", 0.95, 0.006),
    ("corpus_dev8.jsonl", 0.89, 0.01),
    ("corpus_dev9.jsonl", 0.935, 0.006),
    ("corpus_dev10.jsonl", 0.955, 0.006),
    ("corpus_dev11.jsonl", 0.95, 0.006),
    ("corpus_dev12.jsonl", 0.875, 0.006),
    ("corpus_dev13.jsonl", 0.955, 0.006),
    ("corpus_dev14.jsonl", 0.91, 0.006),
    ("corpus_dev15.jsonl", 0.75, 0.05),
    ("corpus_dev16.jsonl", 0.89, 0.006),
    ("corpus_dev17.jsonl", 0.89, 0.006),
    ("corpus_dev18.jsonl", 0.89, 0.006),
    ("corpus_dev19.jsonl", 0.74, 0.05),
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
    reason="classifier issue open: held-out macro F1 0.837 < 0.90, benign FP 2.4% > 2%",
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
