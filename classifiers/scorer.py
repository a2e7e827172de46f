"""``boundary_scorer``: a linear model over a message's words that confirms or adds findings.

The rule layers recognise a situation only in wording somebody wrote a cue for. Measured on
corpus parts nobody tuned on, they found about two thirds of what a reader finds, and every
new wording needed a new phrase. This component is a second opinion learned from the
labelled corpus (:mod:`classifiers.training`): one logistic regression per category over
TF-IDF weighted unigrams and bigrams of the lower-cased tokens.

It does two things, both explained in the result:

* **confirm** — a rule finding whose category the model scores below ``veto_below`` is
  taken out and reported in ``Assessment.suppressed`` with reason ``"unlikely"`` and the
  score (the rule's evidence stays visible there);
* **add** — a category scored at or above ``add_at`` that no rule found becomes a finding
  of the situation rule ``learned.<category>`` (severity ``info``). Its evidence is the
  words that contributed most to the score, each as the cue ``LEARNED`` with its weight in
  the description. Nothing is added when the message has a negation or policy cue (the
  model has no notion of scope), and question / hypothetical / reported cues set the flags
  as they do for rules, over the whole message.

Weights are data (``classifiers/rules/scorer.json``), written by ``boundary-bot scorer
train`` and loaded like the rule files. Without weights the component does nothing.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from .components import FINDINGS_KEY, TEXT_KEY, CueMatcher
from .docarrays import token_offsets, window_terms
from .errors import RuleError
from .models import CATEGORIES
from .rules import CueRule, SituationRule
from .situations import Hit, RawFinding, sentence_ends

SCORES_KEY = "boundary_scores"
VETOED_KEY = "boundary_vetoed"
SCORER_FILE = "scorer.json"
LEARNED_LABEL = "LEARNED"

#: Context labels that block an addition anywhere in the message, and those that set flags.
_BLOCKING = frozenset(("NEGATION", "POLICY"))
_QUESTION = frozenset(("QUESTION", "HYPOTHETICAL"))


def _window(
    offsets: Sequence[int], finding: RawFinding, ends: list[int], length: int
) -> tuple[int, int]:
    """Tokens the scorer reads for ``finding``: its sentences plus one on either side.

    ``offsets`` are the tokens' character offsets (ascending), ``ends`` the sentence ends
    and ``length`` the text's length. A long message is several topics; scoring all of it
    would let unrelated chatter outvote the sentence the rule fired in.
    """
    first = min(start for _, start, _ in finding.evidence)
    last = max(end for _, _, end in finding.evidence) - 1
    s_first = bisect_right(ends, offsets[first])
    s_last = bisect_right(ends, offsets[last])
    lo = ends[s_first - 2] if s_first >= 2 else 0
    hi = ends[s_last + 1] if s_last + 1 < len(ends) else length + 1
    start = min(first, bisect_left(offsets, lo))
    end = max(last + 1, bisect_left(offsets, hi))
    return start, end


def terms(doc: Doc | Span) -> list[tuple[str, int, int]]:
    """Word features of ``doc``: (term, start token, end token) for unigrams and bigrams.

    Tokens are lower-cased (LOWER, not NORM: which words the pipeline lemma-folds depends on
    the words the rules use, and the scorer's features must not change with every rule
    edit); punctuation, spaces and brackets are not terms, and a bigram is
    two neighbouring tokens that are both terms. Token indices are the doc's.
    """
    if isinstance(doc, Span):
        return window_terms(doc.doc, doc.start, doc.end)
    return window_terms(doc, 0, len(doc))


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
    _columns: dict[int, list[float]] = field(default_factory=dict, repr=False, compare=False)

    def vector(
        self, items: Iterable[tuple[str, int, int]]
    ) -> tuple[list[int], np.ndarray, list[tuple[int, int]]]:
        """(feature rows, L2-normalised sublinear TF-IDF values, first span of each row)
        of the features ``items`` (from :func:`features`)."""
        counts: dict[int, int] = {}
        spans: dict[int, tuple[int, int]] = {}
        vocabulary = self.vocabulary
        for term, start, end in items:
            row = vocabulary.get(term)
            if row is not None:
                counts[row] = counts.get(row, 0) + 1
                spans.setdefault(row, (start, end))
        return self.values_of(counts, spans)

    def values_of(
        self, counts: dict[int, int], spans: dict[int, tuple[int, int]]
    ) -> tuple[list[int], np.ndarray, list[tuple[int, int]]]:
        """(rows, L2-normalised sublinear TF-IDF values, spans) from term counts per row."""
        if not counts:
            return [], np.zeros(0), []
        idf = self._idf_list
        if idf is None:
            idf = self._idf_list = self.idf.tolist()
        values = [(1.0 + math.log(c)) * idf[r] for r, c in counts.items()]
        norm = math.sqrt(sum(v * v for v in values))
        return list(counts), np.array(values) / norm, [spans[r] for r in counts]

    def probabilities(self, rows: Sequence[int], values: np.ndarray) -> np.ndarray:
        """Per-category probabilities for a vector from :meth:`vector`."""
        z = self.bias + values @ self.weights[rows] if len(rows) else self.bias.copy()
        return 1.0 / (1.0 + np.exp(-z))

    def probability(self, items: Iterable[tuple[str, int, int]], category: int) -> float:
        """The probability of one category (by index) for the features ``items``.

        The same number as ``probabilities(*vector(items)[:2])[category]``, in plain Python
        (for a handful of terms numpy's per-call overhead costs more than the arithmetic).
        """
        counts: dict[int, int] = {}
        vocabulary = self.vocabulary
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
        vocabulary: dict[str, int] = {}
        idf = np.zeros(len(features))
        weights = np.zeros((len(features), k))
        for i, item in enumerate(features):
            try:
                term, weight, row = item
                vocabulary[str(term)] = i
                idf[i] = float(weight)
                weights[i] = [float(x) for x in row]
                if len(row) != k:
                    raise ValueError
            except (TypeError, ValueError):
                raise RuleError(
                    f"feature {i}: expected [term, idf, {k} weights]", file=source, value=item
                ) from None
        bias = data.get("bias")
        if not (isinstance(bias, list) and len(bias) == k):
            raise RuleError(f"expected a list of {k} biases", file=source, value=bias)
        trained_on = tuple(str(x) for x in data.get("trained_on") or ())
        return cls(categories, vocabulary, idf, weights, np.asarray(bias, float), trained_on)


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


class BoundaryScorer:
    """Confirms rule findings and adds learned ones (see the module docstring)."""

    def __init__(
        self,
        nlp: Language,
        name: str = "boundary_scorer",
        cues: str = "boundary_cues",
        veto_below: float = 0.1,
        additions: bool = False,
        add_at: float = 0.9,
        max_evidence: int = 3,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.cues_name = cues
        self.veto_below = veto_below
        self.additions = additions
        self.add_at = add_at
        self.max_evidence = max_evidence
        self.weights: ScorerWeights | None = None
        self._rules: dict[str, SituationRule] = {}

    def set_weights(self, weights: ScorerWeights | None) -> None:
        """Use ``weights`` (None switches the component off)."""
        self.weights = weights
        self._rules = {}
        if weights is not None:
            for category in weights.categories:
                self._rules[category] = SituationRule.model_validate(
                    {
                        "id": f"learned.{category}",
                        "description": "the words of the message, weighed by a model "
                        "learned from the labelled corpus",
                        "category": category,
                        "severity": "info",
                        "all": [LEARNED_LABEL],
                    }
                )

    def __call__(self, doc: Doc) -> Doc:
        weights = self.weights
        if weights is None:
            return doc
        findings: list[RawFinding] = doc.user_data.get(FINDINGS_KEY) or []
        live = [f for f in findings if f.suppressed_by is None]
        if not live and not self.additions:
            return doc
        scores: dict[str, float] = {}
        kept: list[RawFinding] = []
        vetoed: list[tuple[RawFinding, float]] = []
        text: str = doc.user_data.get(TEXT_KEY) or doc.text
        ends = sentence_ends(doc, text) if live else []
        offsets = token_offsets(doc)[0] if live else []
        seen: dict[tuple[int, int], list[tuple[str, int, int]]] = {}
        for f in findings:
            if f.suppressed_by is not None:
                kept.append(f)
                continue
            window = _window(offsets, f, ends, len(text))
            items = seen.get(window)
            if items is None:
                items = seen[window] = window_terms(doc, *window)
            p = weights.probability(items, weights.categories.index(f.rule.category))
            scores[f.rule.category] = max(p, scores.get(f.rule.category, 0.0))
            (vetoed.append((f, p)) if p < self.veto_below else kept.append(f))
        if vetoed:
            doc.user_data[VETOED_KEY] = vetoed
        if self.additions:
            rows, values, spans = weights.vector(terms(doc))
            probs = weights.probabilities(rows, values)
            known = {f.rule.category for f in findings}
            wanted = [
                (c, j)
                for j, c in enumerate(weights.categories)
                if probs[j] >= self.add_at and c not in known
            ]
            for c, j in wanted:
                scores[c] = float(probs[j])
            if wanted:
                kept += self._additions(doc, wanted, rows, values, spans)
        doc.user_data[SCORES_KEY] = scores
        doc.user_data[FINDINGS_KEY] = kept
        return doc

    def _additions(
        self,
        doc: Doc,
        wanted: Sequence[tuple[str, int]],
        rows: list[int],
        values: np.ndarray,
        spans: list[tuple[int, int]],
    ) -> list[RawFinding]:
        labels = self._context_labels(doc)
        if labels & _BLOCKING:
            return []
        weights = self.weights
        assert weights is not None
        out = []
        for category, j in wanted:
            contrib = values * weights.weights[rows, j]
            order = [int(i) for i in np.argsort(-contrib) if contrib[i] > 0][: self.max_evidence]
            evidence: list[Hit] = []
            for i in sorted(order, key=lambda i: spans[i][0]):
                start, end = spans[i]
                cue = CueRule.model_construct(
                    id=f"learned.{category}.word",
                    label=LEARNED_LABEL,
                    pattern="",
                    description=f"weighs towards {category} (+{contrib[i]:.2f})",
                )
                evidence.append((cue, start, end))
            if not evidence:
                continue
            out.append(
                RawFinding(
                    self._rules[category],
                    evidence,
                    is_question=bool(labels & _QUESTION),
                    reported="REPORTED" in labels,
                )
            )
        return out

    def _cues(self) -> CueMatcher | None:
        if self.cues_name not in self.nlp.pipe_names:
            return None
        return self.nlp.get_pipe(self.cues_name)  # type: ignore[return-value]

    def _context_labels(self, doc: Doc) -> frozenset[str]:
        """Context labels (NEGATION, QUESTION, ...) matched anywhere in ``doc``."""
        cues = self._cues()
        return cues.context_labels(doc) if cues is not None else frozenset()

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the weights to ``path/scorer.json`` (nothing when there are none)."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.weights is not None:
            text = json.dumps(self.weights.to_json(), separators=(",", ":"))
            (path / SCORER_FILE).write_text(text, encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> BoundaryScorer:
        """Load weights written by :meth:`to_disk`."""
        self.set_weights(load_weights(Path(path)))
        return self


@Language.factory(
    "boundary_scorer",
    default_config={
        "cues": "boundary_cues",
        "veto_below": 0.1,
        "additions": False,
        "add_at": 0.9,
        "max_evidence": 3,
    },
)
def make_boundary_scorer(
    nlp: Language,
    name: str,
    cues: str,
    veto_below: float,
    additions: bool,
    add_at: float,
    max_evidence: int,
) -> BoundaryScorer:
    """Factory of the learned scorer (weights are set with ``set_weights``)."""
    return BoundaryScorer(nlp, name, cues, veto_below, additions, add_at, max_evidence)
