"""``boundary_scorer``: a linear model over a message's words that confirms or adds findings.

The rule layers recognise a situation only in wording somebody wrote a cue for. Measured on
corpus parts nobody tuned on, they found about two thirds of what a reader finds, and every
new wording needed a new phrase. This component is a second opinion learned from the
labelled corpus (:mod:`classifiers.training`): one logistic regression per category over
TF-IDF weighted unigrams and bigrams of the lower-cased tokens, plus three identifier shapes
(a number of three digits or more, an email, a name: ``docarrays.SHAPE_TERMS``) and the cue
labels the rules matched (``§cue:TOUCH``, ``§cue:CLIENT``: ``docarrays.cue_terms``). With
the cue labels the model knows every wording the rules know, not only the corpus's: "a
client" and "a touch" it was never shown together still weigh towards ``physical_contact``
(seventeenth session, ``docs/CLASSIFIER.md``). So the weights depend on the rules, and a
change of the bundled rules needs ``boundary-bot scorer train`` again (the suite checks
that the bundled weights are what training produces).

It does two things, both explained in the result:

* **confirm** — a rule finding whose category the model scores below ``veto_below`` (or
  its category's bar in ``veto_below_for``: ``phi_exposure`` 0.2) both over the finding's
  sentences and over the whole message (``veto_whole_message``) is taken
  out and reported in ``Assessment.suppressed`` with reason ``"unlikely"`` and the higher of
  the two scores (the rule's evidence stays visible there);
* **add** — when the rules found nothing, a category scored at or above ``add_at`` becomes
  a finding of the situation rule ``learned.<category>`` (severity ``info``: below the nudge
  threshold, so it is answered by ``/boundary`` and counted, never nudged); when they found
  something, a further category scored at or above ``complete_at`` is added the same way
  (a gift that is also a barter). Its evidence is the words that weighed most, each as the
  cue ``LEARNED`` with its weight in the description.

Guards on adding: some cue of the rules in the message; for the categories of
``add_alone_for`` (friend requests, outings, dating, hugs) not where the only people named
are colleagues (``add_unless_alone``: "a coworker added me on FB"); not after a closure ("I
declined", "instead") unless the message says the matter is open or asks a question
(labelling policy 11); ``self_disclosure`` only with the writer in the message;
``phi_exposure`` only at 0.9 and ``gifts`` already at 0.6 (``add_at_for``: the model reads
words and identifier shapes, not the identifiers themselves; gift wording is concrete). A
category the rules found and context suppressed (negation, policy) is added back only when
the whole message scores it at ``unsuppress_at`` (0.95) or more: the rules' negation scope
is a guess, and the model has read thousands of negated and policy messages. Question /
hypothetical / reported cues set the flags over the whole message. The other guards
(``add_when``, ``add_unless``, ``add_needs_writer``, ``add_blocked_by`` with ``POLICY`` or
``NEGATION``, ``add_former_for``, ``add_party_for``) are configuration, each measured in
``docs/CLASSIFIER.md``.

Weights are data (``classifiers/rules/scorer.json``), written by ``boundary-bot scorer
train`` and loaded like the rule files. Without weights the component does nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from .components import FINDINGS_KEY, LABELS_KEY, TEXT_KEY, CueMatcher
from .docarrays import TermId, extra_terms, lexical, token_offsets, window_ids, window_terms
from .rules import CueRule, SituationRule
from .scorer_guards import (
    ADD_AT_FOR,
    ALONE_FOR,
    CLIENTS,
    CLOSURE,
    FIRST_PERSON,
    QUESTION_LABELS,
    VETO_BELOW_FOR,
    WRITER,
    closed,
    finding_window,
)
from .situations import CtxHit, Hit, RawFinding, sentence_ends
from .weights import SCORER_FILE, ScorerWeights, load_weights

SCORES_KEY = "boundary_scores"
VETOED_KEY = "boundary_vetoed"
LEARNED_LABEL = "LEARNED"


def terms(doc: Doc | Span) -> list[tuple[str, int, int]]:
    """Word features of ``doc``: (term, start token, end token) for unigrams and bigrams.

    Tokens are lower-cased (LOWER, not NORM: which words the pipeline lemma-folds depends on
    the words the rules use, and the word features must not change with every rule edit;
    the cue labels do, on purpose); punctuation, spaces and brackets are not terms, and a bigram is
    two neighbouring tokens that are both terms. Identifier shapes and, once the cue
    component has run, cue labels follow (:func:`~classifiers.docarrays.extra_terms`).
    Token indices are the doc's.
    """
    if isinstance(doc, Span):
        return window_terms(doc.doc, doc.start, doc.end)
    return window_terms(doc, 0, len(doc))


class BoundaryScorer:
    """Confirms rule findings and adds learned ones (see the module docstring)."""

    def __init__(
        self,
        nlp: Language,
        name: str = "boundary_scorer",
        cues: str = "boundary_cues",
        veto_below: float = 0.4,
        additions: bool = False,
        add_at: float = 0.7,
        max_evidence: int = 3,
        add_when: Sequence[str] = (),
        add_unless: Sequence[str] = (),
        add_needs_writer: bool = False,
        add_blocked_by: Sequence[str] = (CLOSURE,),
        add_unless_alone: Sequence[str] = ("STAFF", "STAFF_WIDE"),
        add_writer_for: Sequence[str] = ("self_disclosure",),
        complete_at: float = 0.85,
        add_at_for: dict[str, float] | None = None,
        add_former_for: Sequence[str] = (),
        veto_whole_message: bool = True,
        add_party_for: Sequence[str] = (),
        add_alone_for: Sequence[str] = ALONE_FOR,
        unsuppress_at: float = 0.95,
        veto_below_for: dict[str, float] | None = None,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.cues_name = cues
        self.veto_below = veto_below
        self.additions = additions
        self.add_at = add_at
        self.max_evidence = max_evidence
        self.add_when = frozenset(add_when)
        self.add_unless = frozenset(add_unless)
        self.add_needs_writer = add_needs_writer
        self.add_blocked_by = frozenset(add_blocked_by)
        self.add_unless_alone = frozenset(add_unless_alone)
        self.add_writer_for = frozenset(add_writer_for)
        self.complete_at = complete_at
        self.add_at_for = dict(ADD_AT_FOR if add_at_for is None else add_at_for)
        self.add_former_for = frozenset(add_former_for)
        self.veto_whole_message = veto_whole_message
        self.add_party_for = frozenset(add_party_for)
        self.add_alone_for = frozenset(add_alone_for)
        self.unsuppress_at = unsuppress_at
        self.veto_below_for = dict(VETO_BELOW_FOR if veto_below_for is None else veto_below_for)
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
        seen: dict[tuple[int, int], list[tuple[TermId, int, int]]] = {}
        # the whole message's scores (the veto's second view, and the additions' scores)
        probs = (
            weights.message_probabilities(*lexical(doc), extra_terms(doc))
            if live and (self.veto_whole_message or self.additions)
            else None
        )
        for f in findings:
            if f.suppressed_by is not None:
                kept.append(f)
                continue
            window = finding_window(offsets, f, ends, len(text))
            items = seen.get(window)
            if items is None:
                items = seen[window] = window_ids(doc, *window)
            j = weights.categories.index(f.rule.category)
            p = weights.probability(items, j, by_id=True)
            if self.veto_whole_message and probs is not None:
                p = max(p, float(probs[j]))  # set aside only when both views doubt it
            scores[f.rule.category] = max(p, scores.get(f.rule.category, 0.0))
            bar = self.veto_below_for.get(f.rule.category, self.veto_below)
            (vetoed.append((f, p)) if p < bar else kept.append(f))
        if vetoed:
            doc.user_data[VETOED_KEY] = vetoed
        present: frozenset[str] = doc.user_data.get(LABELS_KEY) or frozenset()
        # the rules found nothing: add at add_at; they found something: complete at complete_at
        found = any(f.suppressed_by is None for f in kept)
        at = self.complete_at if found else self.add_at
        if self.additions and at <= 1.0 and self._may_add(doc, present):
            if probs is None:
                probs = weights.message_probabilities(*lexical(doc), extra_terms(doc))
            known: set[str] = {f.rule.category for f in findings}
            # a negation or policy the rules scoped, outweighed by the words of the message
            bar = max(at, self.unsuppress_at)
            known -= {
                f.rule.category
                for f in findings
                if f.suppressed_by is not None
                and probs[weights.categories.index(f.rule.category)] >= bar
            } - {f.rule.category for f in findings if f.suppressed_by is None}
            if "FORMER" not in present:  # add_former_for: "former" must be said, not guessed
                known |= self.add_former_for
            if self.add_writer_for and WRITER.isdisjoint(lexical(doc)[0]):
                known |= self.add_writer_for  # "the client shared her story": not the writer's
            if self.add_alone_for and self._colleagues_only(present):
                known |= self.add_alone_for  # "a coworker added me on FB"
            if self.add_party_for and FIRST_PERSON.isdisjoint(lexical(doc)[0]):
                known |= self.add_party_for  # "my client went to a party": not with the writer
            # an addition needs its category's own bar (add_at_for) or add_at; a completion
            # never less than complete_at
            bars = {c: max(at, v) if found else v for c, v in self.add_at_for.items()}
            wanted = [
                (c, j)
                for j, c in enumerate(weights.categories)
                if c not in known and probs[j] >= bars.get(c, at)
            ]
            for c, j in wanted:
                scores[c] = float(probs[j])
            if wanted:
                rows, values, spans = weights.vector(window_ids(doc, 0, len(doc)), by_id=True)
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
        hits = self._context_hits(doc)
        labels = frozenset(rule.label for rule, _, _ in hits)
        if labels & self.add_blocked_by:
            return []
        if CLOSURE in self.add_blocked_by and "QUESTION" not in labels and closed(hits):
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
                cue = CueRule.unchecked(
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
                    is_question=bool(labels & QUESTION_LABELS),
                    reported="REPORTED" in labels,
                )
            )
        return out

    def _may_add(self, doc: Doc, present: frozenset[str]) -> bool:
        """Whether an addition is allowed by the cue labels ``present`` and the writer.

        Some cue is present; one of ``add_when`` (any, when empty) and none of ``add_unless``;
        with an empty ``add_alone_for``, not only ``add_unless_alone`` labels without a
        client word (colleagues; otherwise that is checked per category); and, with
        ``add_needs_writer``, the writer in the message ("I", "me", "we")."""
        if not present:
            return False
        if self.add_when and self.add_when.isdisjoint(present):
            return False
        if not self.add_unless.isdisjoint(present):
            return False
        if not self.add_alone_for and self._colleagues_only(present):
            return False  # colleagues only: "a coworker added me on FB"
        return not self.add_needs_writer or not FIRST_PERSON.isdisjoint(lexical(doc)[0])

    def _colleagues_only(self, present: frozenset[str]) -> bool:
        """Whether the only people ``present`` are ``add_unless_alone`` (colleagues)."""
        return not self.add_unless_alone.isdisjoint(present) and CLIENTS.isdisjoint(present)

    def _cues(self) -> CueMatcher | None:
        if self.cues_name not in self.nlp.pipe_names:
            return None
        return self.nlp.get_pipe(self.cues_name)  # type: ignore[return-value]

    def _context_hits(self, doc: Doc) -> list[CtxHit]:
        """Context phrases (NEGATION, QUESTION, ...) matched anywhere in ``doc``."""
        cues = self._cues()
        return cues.context_hits(doc) if cues is not None else []

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
        "veto_below": 0.4,
        "additions": False,
        "add_at": 0.7,
        "max_evidence": 3,
        "add_when": [],
        "add_unless": [],
        "add_needs_writer": False,
        "add_blocked_by": [CLOSURE],
        "add_unless_alone": ["STAFF", "STAFF_WIDE"],
        "add_writer_for": ["self_disclosure"],
        "complete_at": 0.85,
        "add_at_for": dict(ADD_AT_FOR),
        "add_former_for": [],
        "veto_whole_message": True,
        "add_party_for": [],
        "add_alone_for": list(ALONE_FOR),
        "unsuppress_at": 0.95,
        "veto_below_for": dict(VETO_BELOW_FOR),
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
    add_when: list[str],
    add_unless: list[str],
    add_needs_writer: bool,
    add_blocked_by: list[str],
    add_unless_alone: list[str],
    add_writer_for: list[str],
    complete_at: float,
    add_at_for: dict[str, float],
    add_former_for: list[str],
    veto_whole_message: bool,
    add_party_for: list[str],
    add_alone_for: list[str],
    unsuppress_at: float,
    veto_below_for: dict[str, float],
) -> BoundaryScorer:
    """Factory of the learned scorer (weights are set with ``set_weights``)."""
    return BoundaryScorer(
        nlp,
        name,
        cues,
        veto_below,
        additions,
        add_at,
        max_evidence,
        add_when,
        add_unless,
        add_needs_writer,
        add_blocked_by,
        add_unless_alone,
        add_writer_for,
        complete_at,
        add_at_for,
        add_former_for,
        veto_whole_message,
        add_party_for,
        add_alone_for,
        unsuppress_at,
        veto_below_for,
    )
