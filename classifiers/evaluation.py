"""Evaluation against a labelled corpus: per-category precision/recall/F1 and benign FP rate.

The corpus is JSONL with ``text`` and ``categories`` (sorted list; empty means benign).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .engine import Classifier
from .errors import ClassifierError
from .models import CATEGORIES


@dataclass
class CategoryScore:
    """Counts and scores of one category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalReport:
    """The result of :func:`evaluate_corpus`."""

    scores: dict[str, CategoryScore]
    messages: int
    benign: int
    benign_fp: int
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[tuple[str, list[str], list[str]]] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        """Mean F1 over the categories present in the corpus (expected or predicted)."""
        used = [s for s in self.scores.values() if s.tp + s.fp + s.fn]
        return sum(s.f1 for s in used) / len(used) if used else 1.0

    @property
    def benign_fp_rate(self) -> float:
        """Share of benign messages that got any finding."""
        return self.benign_fp / self.benign if self.benign else 0.0

    def table(self, worst: int = 8) -> str:
        """A printable per-category table with the benign FP rate and worst confusions."""
        lines = [f"{'category':<20}{'prec':>7}{'recall':>8}{'f1':>7}{'tp':>5}{'fp':>5}{'fn':>5}"]
        for name, s in self.scores.items():
            if s.tp + s.fp + s.fn == 0:
                continue
            lines.append(
                f"{name:<20}{s.precision:>7.3f}{s.recall:>8.3f}{s.f1:>7.3f}"
                f"{s.tp:>5}{s.fp:>5}{s.fn:>5}"
            )
        lines.append(f"{'macro F1':<20}{self.macro_f1:>22.3f}")
        lines.append(
            f"benign false-positive rate: {self.benign_fp_rate:.3%} "
            f"({self.benign_fp} of {self.benign} benign messages; {self.messages} in all)"
        )
        if self.confusions:
            lines.append("worst confusions (expected -> predicted):")
            for (gold, pred), count in self.confusions.most_common(worst):
                lines.append(f"  {gold:<18} -> {pred:<18} {count}")
        return "\n".join(lines)


def read_corpus(path: Path) -> list[dict[str, object]]:
    """Read a labelled JSONL corpus; raises ClassifierError naming the bad line."""
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ClassifierError(f"{path}:{number}: expected a JSON object ({exc.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise ClassifierError(f"{path}:{number}: expected an object with a string 'text'")
        cats = row.get("categories", [])
        if not isinstance(cats, list) or not set(cats) <= set(CATEGORIES):
            raise ClassifierError(
                f"{path}:{number}: expected 'categories' to be a list of known categories, "
                f"got {cats!r}"
            )
        rows.append(row)
    return rows


def evaluate_corpus(classifier: Classifier, rows: list[dict[str, object]]) -> EvalReport:
    """Score the classifier on labelled rows."""
    scores: dict[str, CategoryScore] = {c: CategoryScore() for c in CATEGORIES}
    confusions: Counter[tuple[str, str]] = Counter()
    errors: list[tuple[str, list[str], list[str]]] = []
    benign = benign_fp = 0
    texts = [str(r["text"]) for r in rows]
    for row, assessment in zip(rows, classifier.assess_many(texts), strict=True):
        gold = set(row.get("categories") or [])  # type: ignore[call-overload]
        pred: set[str] = set(assessment.categories)
        for c in CATEGORIES:
            if c in gold and c in pred:
                scores[c].tp += 1
            elif c in pred:
                scores[c].fp += 1
            elif c in gold:
                scores[c].fn += 1
        if not gold:
            benign += 1
            benign_fp += bool(pred)
        if gold != pred:
            errors.append((str(row.get("id", "")), sorted(gold), sorted(pred)))
            for g in sorted(gold - pred) or ["(benign)" if not gold else "(extra)"]:
                for p in sorted(pred - gold) or ["(none)"]:
                    confusions[(g, p)] += 1
    return EvalReport(scores, len(rows), benign, benign_fp, confusions, errors)
