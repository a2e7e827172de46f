"""The classifier: normalise, run the spaCy pipeline, build result models.

Thread safety: a :class:`Classifier` may be shared across threads. spaCy's tokenizer cache
and vocabulary are mutated while tokenizing, so calls are serialised by an internal lock;
use processes (one classifier each) for parallel throughput.

Memory: spaCy keeps every new word it sees (a string, a lexeme, tokenizer-cache entries:
about 0.5 KB each), so a long-running process grows with every name, number and typo in
its messages. The classifier lets the vocabulary learn ``vocab_budget`` strings after
loading (the common words of a workspace come early and stay fast); after that each call
runs in a spaCy memory zone, which frees the words it added when it returns. The answers
the pipeline remembers per combination of cue labels (token-group plans, candidate rules)
are bounded too (:mod:`classifiers.memo`), as are the shared empty results.
"""

from __future__ import annotations

import gc
import json
import threading
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components as _components  # noqa: F401  (registers the factories)
from .components import FINDINGS_KEY, TEXT_KEY, CueMatcher, SituationMatcher
from .config import DEFAULT_MAX_CHARS, DEFAULT_VOCAB_BUDGET, ClassifierSettings
from .docarrays import token_offsets
from .errors import InputError, RuleDirectoryError
from .models import (
    Assessment,
    ContextHit,
    ContextKind,
    Evidence,
    Finding,
    SuppressedFinding,
    SuppressionReason,
    trusted,
)
from .normalize import Normalized, normalize
from .rules import BUNDLED_RULES_DIR, RuleSet, load_rules
from .scorer import SCORES_KEY, VETOED_KEY, BoundaryScorer, ScorerWeights, load_weights
from .situations import CtxHit, RawFinding
from .tablecache import TableCache, default_cache_dir

_KIND: dict[str, ContextKind] = {
    "NEGATION": "negation",
    "POLICY": "policy",
    "HYPOTHETICAL": "hypothetical",
    "QUESTION": "question",
    "REPORTED": "reported",
}
NORMS_FILE = "norms.json"


def _load_norms(*directories: Path) -> dict[str, str]:
    norms: dict[str, str] = {}
    for directory in directories:
        path = Path(directory) / NORMS_FILE
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in data.items()
            ):
                raise RuleDirectoryError(
                    f"expected {path} to hold a JSON object of string to string, "
                    f"got {type(data).__name__}"
                )
            norms.update(data)
    return norms


def _table_cache(settings: Any) -> TableCache | None:
    """The phrase-table cache the settings ask for (on by default; ``build_cache`` False
    turns it off, ``cache_dir`` moves it)."""
    if not getattr(settings, "build_cache", True):
        return None
    directory = getattr(settings, "cache_dir", None)
    return TableCache(Path(directory) if directory else default_cache_dir())


def build_pipeline(
    rules: RuleSet,
    norms: dict[str, str] | None = None,
    scorer: ScorerWeights | None = None,
    *,
    learned_additions: bool = False,
    cache: TableCache | None = None,
) -> Language:
    """A blank English pipeline with the boundary components, loaded with ``rules``.

    The learned scorer (:mod:`classifiers.scorer`) is added only when ``scorer`` weights
    are given; ``learned_additions`` lets it add findings, not only veto them. ``cache``
    keeps the phrase tables between processes (:mod:`classifiers.tablecache`).
    """
    nlp = spacy.blank("en")
    tokenizer: Any = nlp.tokenizer
    tokenizer.max_cache_size = 100_000
    cues: CueMatcher = nlp.add_pipe("boundary_cues")  # type: ignore[assignment]
    cues.add_rules(rules.cues, rules.context, norms, cache=cache)
    situations: SituationMatcher = nlp.add_pipe("boundary_situations")  # type: ignore[assignment]
    situations.add_rules(rules.situations)
    if scorer is not None:
        learned: BoundaryScorer = nlp.add_pipe(
            "boundary_scorer", config={"additions": learned_additions}
        )  # type: ignore[assignment]
        learned.set_weights(scorer)
    return nlp


class Classifier:
    """Recognises professional-boundary situations in messages."""

    def __init__(
        self,
        nlp: Language,
        *,
        max_chars: int = DEFAULT_MAX_CHARS,
        vocab_budget: int = DEFAULT_VOCAB_BUDGET,
    ) -> None:
        self.nlp = nlp
        self.max_chars = max_chars
        #: the vocabulary size past which new words are freed after each call
        self.vocab_limit = len(nlp.vocab.strings) + vocab_budget
        self._lock = threading.Lock()
        self._procs = [proc for _, proc in nlp.pipeline]
        self._empty: dict[int, Assessment] = {}

    def assess(self, text: str) -> Assessment:
        """Classify one message."""
        ready = self._prepare(text)
        if isinstance(ready, Assessment):
            return ready
        with self._lock, self._zone():
            return self._build(ready, self._run(ready.text))

    def _zone(self) -> AbstractContextManager[object]:
        """A memory zone once the vocabulary is full, else nothing (call with the lock held).

        Results are built inside it: they hold plain Python values, never spaCy objects.
        """
        if len(self.nlp.vocab.strings) < self.vocab_limit:
            return nullcontext()
        return self.nlp.memory_zone()

    def _run(self, text: str) -> Doc:
        """Tokenize and run the components (what ``nlp(text)`` does, plus the text hint)."""
        doc = self.nlp.make_doc(text)
        doc.user_data[TEXT_KEY] = text
        for proc in self._procs:
            doc = proc(doc)
        return doc

    def assess_many(self, texts: Iterable[str], *, batch_size: int = 256) -> list[Assessment]:
        """Classify many messages, batching through ``nlp.pipe``; results keep input order.

        ``texts`` is consumed ``batch_size`` messages at a time, so only one batch's
        normalised texts and docs are alive at once, however long the input.
        """
        results: list[Assessment] = []
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) >= batch_size:
                results += self._assess_batch(batch)
                batch = []
        if batch:
            results += self._assess_batch(batch)
        return results

    def _assess_batch(self, texts: list[str]) -> list[Assessment]:
        prepared = [self._prepare(t) for t in texts]
        todo = [p for p in prepared if isinstance(p, Normalized)]
        if not todo:
            return [p for p in prepared if isinstance(p, Assessment)]
        with self._lock, self._zone():
            docs = self.nlp.pipe((self._tokenized(p.text) for p in todo), batch_size=len(todo))
            built = [self._build(p, doc) for p, doc in zip(todo, docs, strict=True)]
        if len(built) == len(prepared):
            return built
        results = iter(built)
        return [p if isinstance(p, Assessment) else next(results) for p in prepared]

    # -- internals -----------------------------------------------------------------------
    def _tokenized(self, text: str) -> Doc:
        doc = self.nlp.make_doc(text)
        doc.user_data[TEXT_KEY] = text
        return doc

    def _prepare(self, text: Any) -> Normalized | Assessment:
        if not isinstance(text, str):
            raise InputError(f"expected the message text as str, got {type(text).__name__}")
        if len(text) > self.max_chars:
            return Assessment(text_length=len(text), skipped="too_long")
        norm = normalize(text)
        if not norm.text.strip():
            return Assessment(text_length=len(text), skipped="empty")
        return norm

    def _build(self, norm: Normalized, doc: Doc) -> Assessment:
        raw: list[RawFinding] = doc.user_data.get(FINDINGS_KEY) or []
        vetoed: list[tuple[RawFinding, float]] = doc.user_data.get(VETOED_KEY) or []
        if not raw and not vetoed:
            return self._nothing(len(norm.original))
        findings: dict[str, Finding] = {}
        suppressed: dict[str, SuppressedFinding] = {}
        for item in raw:
            finding = self._finding(norm, doc, item)
            category = finding.category
            if item.suppressed_by is None:
                findings.setdefault(category, finding)
            else:
                cue = self._context(norm, doc, item.suppressed_by)
                reason: SuppressionReason = "policy" if cue.kind == "policy" else "negated"
                suppressed.setdefault(
                    category,
                    trusted(SuppressedFinding, finding=finding, reason=reason, cue=cue, score=None),
                )
        for item, score in vetoed:
            suppressed.setdefault(
                item.rule.category,
                trusted(
                    SuppressedFinding,
                    finding=self._finding(norm, doc, item),
                    reason="unlikely",
                    cue=None,
                    score=score,
                ),
            )
        excluded = {c for item in raw if item.suppressed_by is None for c in item.rule.excludes}
        for category in excluded:
            findings.pop(category, None)
        ordered = sorted(findings.values(), key=lambda f: f.trigger.start)
        return trusted(
            Assessment,
            text_length=len(norm.original),
            skipped=None,
            findings=tuple(ordered),
            suppressed=tuple(s for c, s in suppressed.items() if c not in findings),
        )

    def _nothing(self, length: int) -> Assessment:
        """The (immutable, shareable) empty assessment for a text of ``length`` characters."""
        found = self._empty.get(length)
        if found is None:
            found = trusted(
                Assessment, text_length=length, findings=(), suppressed=(), skipped=None
            )
            if len(self._empty) < 4096:  # at most about 1 MB
                self._empty[length] = found
        return found

    def _span(self, norm: Normalized, doc: Doc, start: int, end: int) -> tuple[int, int, str]:
        starts, ends = token_offsets(doc)
        s, e = norm.to_original(starts[start], ends[end - 1])
        return s, e, norm.original[s:e]

    def _context(self, norm: Normalized, doc: Doc, hit: CtxHit) -> ContextHit:
        rule, start, end = hit
        s, e, text = self._span(norm, doc, start, end)
        return trusted(
            ContextHit, kind=_KIND[rule.label], start=s, end=e, text=text, rule_id=rule.id
        )

    def _finding(self, norm: Normalized, doc: Doc, item: RawFinding) -> Finding:
        evidence = []
        for rule, start, end in item.evidence:
            s, e, text = self._span(norm, doc, start, end)
            evidence.append(
                trusted(
                    Evidence,
                    start=s,
                    end=e,
                    text=text,
                    rule_id=rule.id,
                    description=rule.description,
                    cue=rule.label,
                )
            )
        return trusted(
            Finding,
            category=item.rule.category,
            severity=item.rule.severity,
            rule_id=item.rule.id,
            description=item.rule.description,
            is_question=item.is_question,
            reported=item.reported,
            quoted=norm.is_quoted(evidence[0].start),
            evidence=tuple(evidence),
            context=tuple(self._context(norm, doc, h) for h in item.context),
            score=(doc.user_data.get(SCORES_KEY) or {}).get(item.rule.category),
        )


def load_classifier(settings: Any = None) -> Classifier:
    """Build the classifier from the bundled rules plus ``settings.rules_dir`` if set.

    ``settings`` may be any object with ``rules_dir`` and ``max_chars`` attributes; when
    None, :class:`~classifiers.config.ClassifierSettings` reads them from the environment.
    """
    if settings is None:
        settings = ClassifierSettings()
    directories: list[Path] = [BUNDLED_RULES_DIR]
    extra = getattr(settings, "rules_dir", None)
    if extra:
        directories.append(Path(extra))
    # Loading allocates some 50,000 long-lived container objects (rule models, their dicts
    # and lists) and no cyclic garbage: the collector's repeated passes over them are pure
    # cost (about a fifth of the load time), so it is paused while they are built.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        rules = load_rules(*directories)
        nlp = build_pipeline(
            rules,
            _load_norms(*directories),
            load_weights(*directories),
            learned_additions=bool(getattr(settings, "learned_additions", True)),
            cache=_table_cache(settings),
        )
    finally:
        if was_enabled:
            gc.enable()
    max_chars = int(getattr(settings, "max_chars", None) or DEFAULT_MAX_CHARS)
    budget = getattr(settings, "vocab_budget", None)
    budget = DEFAULT_VOCAB_BUDGET if budget is None else int(budget)
    return Classifier(nlp, max_chars=max_chars, vocab_budget=budget)


def from_disk(
    path: str | Path,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    vocab_budget: int = DEFAULT_VOCAB_BUDGET,
) -> Classifier:
    """Load a classifier saved with ``classifier.nlp.to_disk(path)``."""
    nlp = spacy.load(path)
    return Classifier(nlp, max_chars=max_chars, vocab_budget=vocab_budget)


__all__: Sequence[str] = ("Classifier", "build_pipeline", "from_disk", "load_classifier")
