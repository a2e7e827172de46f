"""The learned scorer's weights: a linear model over words, as data (``scorer.json``).

:class:`ScorerWeights` holds the vocabulary, IDF and one weight column and bias per
category, turns a message's terms into a sparse TF-IDF vector and scores it. It is written
by :mod:`classifiers.training` and read by :mod:`classifiers.scorer`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from spacy.strings import get_string_id

from .docarrays import TermId
from .errors import RuleError
from .models import CATEGORIES

SCORER_FILE = "scorer.json"


@dataclass
class ScorerWeights:
    """A trained model: vocabulary, IDF, one weight column and bias per category."""

    categories: tuple[str, ...]
    vocabulary: dict[str, int]
    idf: np.ndarray  # (features,)
    weights: np.ndarray  # (features, categories)
    bias: np.ndarray  # (categories,)
    trained_on: tuple[str, ...] = ()
    _idf_list: list[float] | None = field(default=None, repr=False, compare=False)
    _ids: dict[TermId, int] | None = field(default=None, repr=False, compare=False)
    _columns: dict[int, list[float]] = field(default_factory=dict, repr=False, compare=False)

    def ids(self) -> dict[TermId, int]:
        """The vocabulary keyed by string hashes (:func:`~classifiers.docarrays.window_ids`)."""
        found = self._ids
        if found is None:
            found = self._ids = {}
            for term, row in self.vocabulary.items():
                first, _, second = term.partition(" ")
                key = (get_string_id(first), get_string_id(second)) if second else first
                found[get_string_id(key) if isinstance(key, str) else key] = row
        return found

    def vector(
        self, items: Iterable[tuple[Any, int, int]], *, by_id: bool = False
    ) -> tuple[list[int], np.ndarray, list[tuple[int, int]]]:
        """(feature rows, L2-normalised sublinear TF-IDF values, first span of each row)
        of the features ``items`` (from :func:`terms`, or :func:`window_ids` with ``by_id``)."""
        counts: dict[int, int] = {}
        spans: dict[int, tuple[int, int]] = {}
        vocabulary: dict[Any, int] = self.ids() if by_id else self.vocabulary
        for term, start, end in items:
            row = vocabulary.get(term)
            if row is not None:
                counts[row] = counts.get(row, 0) + 1
                spans.setdefault(row, (start, end))
        return self.values_of(counts, spans)

    def message_probabilities(self, lowers: Sequence[int], skip: Sequence[bool]) -> np.ndarray:
        """Per-category probabilities of a whole message from its tokens' LOWER hashes.

        ``lowers`` and ``skip`` are :func:`~classifiers.docarrays.lexical`. The same numbers
        as ``probabilities(*vector(window_ids(doc, 0, len(doc)), by_id=True)[:2])``, without
        building the term list and its spans (the additions score most messages with a cue;
        the spans are needed only for the few that get a finding).
        """
        ids = self.ids()
        counts: dict[int, int] = {}
        get = ids.get
        for key, skipped in zip(lowers, skip, strict=True):
            if not skipped:
                row = get(key)
                if row is not None:
                    counts[row] = counts.get(row, 0) + 1
        prev: int | None = None
        for key, skipped in zip(lowers, skip, strict=True):
            if skipped:
                prev = None
                continue
            if prev is not None:
                row = get((prev, key))
                if row is not None:
                    counts[row] = counts.get(row, 0) + 1
            prev = key
        return self.probabilities(list(counts), self._tfidf(counts))

    def values_of(
        self, counts: dict[int, int], spans: dict[int, tuple[int, int]]
    ) -> tuple[list[int], np.ndarray, list[tuple[int, int]]]:
        """(rows, L2-normalised sublinear TF-IDF values, spans) from term counts per row."""
        return list(counts), self._tfidf(counts), [spans[r] for r in counts]

    def _tfidf(self, counts: dict[int, int]) -> np.ndarray:
        """L2-normalised sublinear TF-IDF values of term counts per row, in ``counts`` order."""
        if not counts:
            return np.zeros(0)
        idf = self._idf_list
        if idf is None:
            idf = self._idf_list = self.idf.tolist()
        values = [(1.0 + math.log(c)) * idf[r] for r, c in counts.items()]
        norm = math.sqrt(sum(v * v for v in values))
        return np.array(values) / norm

    def probabilities(self, rows: Sequence[int], values: np.ndarray) -> np.ndarray:
        """Per-category probabilities for a vector from :meth:`vector`."""
        z = self.bias + values @ self.weights[rows] if len(rows) else self.bias.copy()
        return 1.0 / (1.0 + np.exp(-z))

    def probability(
        self, items: Iterable[tuple[Any, int, int]], category: int, *, by_id: bool = False
    ) -> float:
        """The probability of one category (by index) for the features ``items``.

        The same number as ``probabilities(*vector(items)[:2])[category]``, in plain Python
        (for a handful of terms numpy's per-call overhead costs more than the arithmetic).
        """
        counts: dict[int, int] = {}
        vocabulary: dict[Any, int] = self.ids() if by_id else self.vocabulary
        for term, _, _ in items:
            row = vocabulary.get(term)
            if row is not None:
                counts[row] = counts.get(row, 0) + 1
        z = float(self.bias[category])
        if counts:
            idf = self._idf_list
            if idf is None:
                idf = self._idf_list = self.idf.tolist()
            column = self._columns.get(category)
            if column is None:
                column = self._columns[category] = self.weights[:, category].tolist()
            values = [((1.0 + math.log(c)) * idf[r], r) for r, c in counts.items()]
            norm = math.sqrt(sum(v * v for v, _ in values))
            z += sum(v * column[r] for v, r in values) / norm
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> dict[str, Any]:
        """Plain JSON data (weights rounded to 5 decimals)."""
        names = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        return {
            "format": 1,
            "categories": list(self.categories),
            "trained_on": list(self.trained_on),
            "bias": [round(float(b), 5) for b in self.bias],
            "features": [
                [name, round(float(self.idf[i]), 5), [round(float(w), 5) for w in self.weights[i]]]
                for i, name in enumerate(names)
            ],
        }

    @classmethod
    def from_json(cls, data: Any, *, source: str = "<data>") -> ScorerWeights:
        """Validate and load :meth:`to_json` data; errors name ``source`` and the bad value."""
        if not isinstance(data, dict) or data.get("format") != 1:
            got = data.get("format") if isinstance(data, dict) else type(data).__name__
            raise RuleError("expected scorer data with format 1", file=source, value=got)
        categories = tuple(data.get("categories") or ())
        unknown = [c for c in categories if c not in CATEGORIES]
        if not categories or unknown:
            raise RuleError(
                f"expected categories from {', '.join(CATEGORIES)}", file=source, value=unknown
            )
        features = data.get("features") or []
        k = len(categories)
        try:  # the usual, well-formed case in one go (tens of thousands of features)
            vocabulary = {str(term): i for i, (term, _, _) in enumerate(features)}
            idf = np.array([weight for _, weight, _ in features], dtype=float)
            weights = np.array([row for _, _, row in features], dtype=float)
            if len(vocabulary) != len(features) or weights.shape != (len(features), k):
                raise ValueError
        except (TypeError, ValueError):
            vocabulary, idf, weights = _features_one_by_one(features, k, source)
        bias = data.get("bias")
        if not (isinstance(bias, list) and len(bias) == k):
            raise RuleError(f"expected a list of {k} biases", file=source, value=bias)
        trained_on = tuple(str(x) for x in data.get("trained_on") or ())
        return cls(categories, vocabulary, idf, weights, np.asarray(bias, float), trained_on)


def _features_one_by_one(
    features: Any, k: int, source: str
) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """:meth:`ScorerWeights.from_json`'s features read one at a time, to name the bad one."""
    vocabulary: dict[str, int] = {}
    idf = np.zeros(len(features))
    weights = np.zeros((len(features), k))
    for i, item in enumerate(features):
        try:
            term, weight, row = item
            if str(term) in vocabulary or len(row) != k:
                raise ValueError
            vocabulary[str(term)] = i
            idf[i] = float(weight)
            weights[i] = [float(x) for x in row]
        except (TypeError, ValueError):
            raise RuleError(
                f"feature {i}: expected [term, idf, {k} weights] with a new term",
                file=source,
                value=item,
            ) from None
    return vocabulary, idf, weights


def load_weights(*directories: Path) -> ScorerWeights | None:
    """The last ``scorer.json`` found in ``directories`` (an organisation's replaces ours)."""
    found = None
    for directory in directories:
        path = Path(directory) / SCORER_FILE
        if path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as exc:
                raise RuleError("expected JSON", file=str(path), line=exc.lineno) from exc
            found = ScorerWeights.from_json(data, source=str(path))
    return found
