"""The learned scorer's weights: a linear model over words, as data (``scorer.json``).

:class:`ScorerWeights` holds the vocabulary, IDF and one weight column and bias per
category, turns a message's terms into a sparse TF-IDF vector and scores it. It is written
by :mod:`classifiers.training` and read by :mod:`classifiers.scorer`.

``scorer.json`` format 2 (written since the tenth session) keeps the terms as a JSON list and
the numbers as base64 little-endian float32 arrays: ``idf`` (one per term) and ``weights``
(terms x categories, row by row). Parsing a list of half a million JSON numbers cost about
0.1 s and 50 MB of transient memory at start-up; the arrays cost neither. Format 1 (one
``[term, idf, [weights]]`` row per term) is still read, for organisations' own files.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from array import array
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
    _idf_list: array[float] | None = field(default=None, repr=False, compare=False)
    _ids: dict[TermId, int] | None = field(default=None, repr=False, compare=False)
    _columns: dict[int, array[float]] = field(default_factory=dict, repr=False, compare=False)

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

    def message_probabilities(
        self,
        lowers: Sequence[int],
        skip: Sequence[bool],
        extra: Sequence[tuple[int, int, int]] = (),
    ) -> np.ndarray:
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
        for key, _, _ in extra:  # identifier shapes and cue labels (docarrays.extra_terms)
            row = get(key)
            if row is not None:
                counts[row] = counts.get(row, 0) + 1
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
            idf = self._idf_list = _floats(self.idf)
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
                idf = self._idf_list = _floats(self.idf)
            column = self._columns.get(category)
            if column is None:
                column = self._columns[category] = _floats(self.weights[:, category])
            values = [((1.0 + math.log(c)) * idf[r], r) for r, c in counts.items()]
            norm = math.sqrt(sum(v * v for v, _ in values))
            z += sum(v * column[r] for v, r in values) / norm
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> dict[str, Any]:
        """Plain JSON data, format 2: terms as a list, numbers as base64 float32 arrays."""
        names = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        return {
            "format": 2,
            "categories": list(self.categories),
            "trained_on": list(self.trained_on),
            "bias": [round(float(b), 6) for b in self.bias],
            "terms": names,
            "idf": _encode(self.idf),
            "weights": _encode(self.weights),
        }

    @classmethod
    def from_json(cls, data: Any, *, source: str = "<data>") -> ScorerWeights:
        """Validate and load :meth:`to_json` data (format 2, or the older format 1); errors
        name ``source`` and the bad value."""
        if not isinstance(data, dict) or data.get("format") not in (1, 2):
            got = data.get("format") if isinstance(data, dict) else type(data).__name__
            raise RuleError("expected scorer data with format 1 or 2", file=source, value=got)
        categories = tuple(data.get("categories") or ())
        unknown = [c for c in categories if c not in CATEGORIES]
        if not categories or unknown:
            raise RuleError(
                f"expected categories from {', '.join(CATEGORIES)}", file=source, value=unknown
            )
        k = len(categories)
        if data["format"] == 2:
            vocabulary, idf, weights = _arrays(data, k, source)
        else:
            vocabulary, idf, weights = _features(data.get("features") or [], k, source)
        bias = data.get("bias")
        if not (isinstance(bias, list) and len(bias) == k):
            raise RuleError(f"expected a list of {k} biases", file=source, value=bias)
        trained_on = tuple(str(x) for x in data.get("trained_on") or ())
        return cls(categories, vocabulary, idf, weights, np.asarray(bias, float), trained_on)


def _floats(values: np.ndarray) -> array[float]:
    """``values`` as a compact array of Python floats (cheap to index one at a time).

    float32 data (format 2) stays float32: indexing gives the same Python floats at half the
    memory of a float64 copy."""
    if values.dtype == np.float32:
        return array("f", np.ascontiguousarray(values).tobytes())
    return array("d", np.ascontiguousarray(values, dtype=float).tobytes())


def _encode(values: np.ndarray) -> str:
    """``values`` as base64 of little-endian float32, row by row."""
    return base64.b64encode(np.ascontiguousarray(values, dtype="<f4").tobytes()).decode("ascii")


def _decode(data: dict[str, Any], key: str, count: int, source: str) -> np.ndarray:
    """The float32 array of ``count`` numbers that format 2 keeps base64-encoded at ``key``.

    Kept as float32 (half the memory): arithmetic with float64 values widens it exactly."""
    text = data.get(key)
    try:
        raw = base64.b64decode(text, validate=True) if isinstance(text, str) else None
    except (binascii.Error, ValueError):
        raw = None
    if raw is None:
        got = text[:40] if isinstance(text, str) else type(text).__name__
        raise RuleError(f"expected {key!r} as base64 float32 data", file=source, value=got)
    if len(raw) != 4 * count:
        raise RuleError(
            f"expected {key!r} to hold {count} float32 numbers ({4 * count} bytes)",
            file=source,
            value=f"{len(raw)} bytes",
        )
    values = np.frombuffer(raw, dtype="<f4").astype(np.float32)
    if not np.isfinite(values).all():
        bad = int(np.flatnonzero(~np.isfinite(values))[0])
        raise RuleError(f"expected finite numbers in {key!r}", file=source, value=f"#{bad}")
    return values


def _arrays(
    data: dict[str, Any], k: int, source: str
) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """Format 2's terms, IDF and weights, each checked against the others' sizes."""
    terms = data.get("terms")
    if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
        got = type(terms).__name__ if not isinstance(terms, list) else terms[:3]
        raise RuleError("expected 'terms' as a list of strings", file=source, value=got)
    vocabulary = {term: i for i, term in enumerate(terms)}
    if len(vocabulary) != len(terms):
        twice = next(t for i, t in enumerate(terms) if vocabulary[t] != i)
        raise RuleError("expected each term once in 'terms'", file=source, value=twice)
    idf = _decode(data, "idf", len(terms), source)
    weights = _decode(data, "weights", len(terms) * k, source).reshape(len(terms), k)
    return vocabulary, idf, weights


def _features(features: Any, k: int, source: str) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """Format 1's ``[term, idf, [weights]]`` rows."""
    try:  # the usual, well-formed case in one go (tens of thousands of features)
        vocabulary = {str(term): i for i, (term, _, _) in enumerate(features)}
        idf = np.array([weight for _, weight, _ in features], dtype=float)
        weights = np.array([row for _, _, row in features], dtype=float)
        if len(vocabulary) != len(features) or weights.shape != (len(features), k):
            raise ValueError
    except (TypeError, ValueError):
        return _features_one_by_one(features, k, source)
    return vocabulary, idf, weights


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
