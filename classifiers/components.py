"""spaCy components: ``boundary_cues`` (cue + context matching) and ``boundary_situations``.

Both are registered factories with plain config and ``to_disk``/``from_disk``, in the style
of spaCy's SpanRuler. Results are left in ``doc.user_data`` as plain tuples, so the pipeline
stays cheap; :mod:`classifiers.engine` turns them into result models.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, get_args

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from .docarrays import CUE_TERMS_KEY, TEXT_KEY, cue_term
from .lexicon import has_folded_norms
from .memo import Memo
from .overlaps import resolve_context, resolve_cues
from .phrasetable import PhraseTable, fill_tables
from .prefilter import Planner, TokenGroup
from .rules import (
    IGNORE_LABEL,
    ContextLabel,
    ContextRule,
    CueRule,
    SituationRule,
    is_stance,
    parse_rule,
    rule_json,
)
from .situations import Prepared, candidates_for, evaluate, prepare
from .tablecache import Phrases, TableCache
from .tokenneeds import doc_words, word_needs

MATCHES_KEY = "boundary_matches"
#: The doc's text, set by the classifier before the components run (``doc.text`` rebuilds
#: the string token by token, which costs more than the matching itself).
FINDINGS_KEY = "boundary_findings"
#: ``doc.user_data`` key of the cue labels the phrase matcher found (before the gate).
LABELS_KEY = "boundary_labels"

#: The writer as a first-person pronoun: IGNORE phrases do not hide it ("me" in "sent me"
#: still names the writer), while "my" stays hideable ("my therapist", "my parents").
_WRITER = frozenset(("i", "me", "myself"))

#: Labels of context rules (negation, policy, question, ...).
_CONTEXT_LABELS = frozenset(get_args(ContextLabel))


def _same(labels: frozenset[str]) -> frozenset[str]:
    return labels


def _rule_ids(rules: list[SituationRule]) -> tuple[str, ...]:
    return tuple(rule.id for rule in rules)


#: One match: (rule index, start token, end token, is_context).
Match = tuple[int, int, int, bool]


class CueMatcher:
    """Matches cue and context rules.

    Cue phrases match on NORM (lemma-folded: "hugged" finds "hug"); context phrases match on
    LOWER, because tokenizer exceptions give function words lemma-like norms ("didn't" reads
    "do not") and negation/policy cues must match the exact words. Token patterns (few: the
    Matcher is slow) and context rules only run on messages that already have a phrase cue.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "boundary_cues",
        phrase_attr: str = "NORM",
        context_attr: str = "LOWER",
    ):
        self.nlp = nlp
        self.name = name
        self.phrase_attr = phrase_attr
        self.context_attr = context_attr
        self.cues: list[CueRule] = []
        self.context: list[ContextRule] = []
        self.norms: dict[str, str] = {}
        #: Set by the situation component: tells whether some situation could fire with these
        #: cue labels. When it says no, token patterns and context rules are skipped.
        self.gate: Callable[[frozenset[str]], bool] | None = None
        #: Also set by the situation component: the labels that the situations which could
        #: fire with these labels mention; token groups of other labels are not run.
        self.relevant: Callable[[frozenset[str]], frozenset[str]] | None = None
        self._planner: Planner | None = None
        self.cache: TableCache | None = None
        self._build()

    # -- rules ---------------------------------------------------------------------------
    def add_rules(
        self,
        cues: Iterable[CueRule],
        context: Iterable[ContextRule],
        norms: dict[str, str] | None = None,
        cache: TableCache | None = None,
    ) -> None:
        """Add rules (and case-sensitive norm exceptions) and rebuild the matchers.

        ``cache`` keeps the phrase tables between processes (:mod:`classifiers.tablecache`).
        """
        if cache is not None:
            self.cache = cache
        self.cues.extend(cues)
        self.context.extend(context)
        self.norms.update(norms or {})
        self._build()

    def connect(
        self,
        gate: Callable[[frozenset[str]], bool],
        relevant: Callable[[frozenset[str]], frozenset[str]],
    ) -> None:
        """Set the situation layer's ``gate`` and ``relevant`` checks (forgets old plans)."""
        self.gate, self.relevant = gate, relevant
        self._planner = None

    def _build(self) -> None:
        vocab = self.nlp.vocab
        self.phrases = PhraseTable(self.nlp, self.phrase_attr)
        self.context_phrases = PhraseTable(self.nlp, self.context_attr)
        self.token_groups: list[TokenGroup] = []
        self._planner = None
        self._keys: dict[int, tuple[int, bool]] = {}
        rules: list[tuple[CueRule | ContextRule, bool]] = [(r, False) for r in self.cues]
        rules += [(r, True) for r in self.context]
        # token patterns grouped by their ``requires`` regex; a pattern without one gets a group
        # of its own, so that its word needs (all of them) decide when its Matcher runs: one
        # group for all of them needed any one pattern's words, and ran on most messages
        token_patterns: dict[tuple[str | None, str], dict[str, list[list[dict[str, Any]]]]] = {}
        phrases: tuple[Phrases, Phrases] = ([], [])  # (cue, context) phrases
        for index, (rule, is_ctx) in enumerate(rules):
            if isinstance(rule.pattern, str):
                phrases[is_ctx].append((rule.label, rule.pattern, index))
                continue
            # the match key of this token pattern; its hash finds the rule again (``_keys``)
            key = f"{'ctx' if is_ctx else 'cue'} {rule.id}"
            self._keys[vocab.strings.add(key)] = (index, is_ctx)
            requires = rule.requires if isinstance(rule, CueRule) else None
            group_key = (requires, "") if requires else (None, key)
            token_patterns.setdefault(group_key, {}).setdefault(key, []).append(rule.pattern)
        self._rules = rules
        self._stance = frozenset(i for i, (r, _) in enumerate(rules) if is_stance(r))
        self._labels = [r.label for r, _ in rules]
        self._label_terms = [cue_term(x) for x in self._labels]
        self._unhidden = frozenset(
            i
            for i, (r, is_ctx) in enumerate(rules)
            if not is_ctx and r.label == "ACTOR" and str(r.pattern).lower() in _WRITER
        )
        regexes = sorted({requires for requires, _ in token_patterns if requires})
        # a rebuild on a vocabulary with earlier folds computes afresh: those folds stay
        # (``install_norms``), so the cache key would not say everything the values depend on
        cache = None if has_folded_norms(vocab) else self.cache
        known = fill_tables(
            (self.phrases, self.context_phrases), phrases, self.norms, regexes, cache
        )
        for (requires, _), group in token_patterns.items():
            matcher = Matcher(vocab)
            for key, patterns in group.items():
                matcher.add(key, patterns)
            group_labels = frozenset(self._labels[self._keys[vocab.strings[k]][0]] for k in group)
            needs = word_needs([p for patterns in group.values() for p in patterns])
            hashed = None
            if needs is not None:
                add = vocab.strings.add
                hashed = tuple(frozenset(add(w) for w in words) for words in needs)
            self.token_groups.append(
                TokenGroup(
                    requires,
                    matcher,
                    group_labels,
                    len(self.token_groups),
                    hashed,
                    known.get(requires) if requires else (),
                )
            )
        # labels with few groups first: when they are absent, others may stop mattering
        share = {x: sum(x in g.labels for g in self.token_groups) for g in self.token_groups
                 for x in g.labels}  # fmt: skip
        self.token_groups.sort(key=lambda g: min(share[x] for x in g.labels))

    def rule(self, index: int) -> CueRule | ContextRule:
        """The rule at a match's index."""
        return self._rules[index][0]

    def context_hits(self, doc: Doc) -> list[tuple[ContextRule, int, int]]:
        """Every context phrase found in ``doc``, and the context token patterns the rules
        saw once this component has run on it: (rule, start token, end token)."""
        rules = self._rules
        out: list[tuple[ContextRule, int, int]] = []
        for index, start, end in self.context_phrases(doc):
            rule = rules[index][0]
            if isinstance(rule, ContextRule):
                out.append((rule, start, end))
        seen = {(id(r), s, e) for r, s, e in out}
        for i, start, end, is_ctx in doc.user_data.get(MATCHES_KEY) or ():
            rule = self.rule(i)
            if is_ctx and isinstance(rule, ContextRule) and (id(rule), start, end) not in seen:
                out.append((rule, start, end))  # a token pattern ("zorbly flam")
        return out

    # -- matching ------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[MATCHES_KEY] = self.match(doc)
        return doc

    def match(self, doc: Doc) -> list[Match]:
        """All cue and context matches of ``doc`` (overlaps resolved longest-first)."""
        raw = self.phrases(doc)
        if not raw:
            return []
        text = doc.user_data.get(TEXT_KEY) or doc.text
        gate, relevant = self.gate, self.relevant
        groups: list[TokenGroup] | None
        labels = self._labels
        present = frozenset([labels[i] for i, _, _ in raw])
        doc.user_data[LABELS_KEY] = present
        if gate is not None and relevant is not None:
            if self._planner is None:
                self._planner = Planner(self.token_groups, gate, relevant)
            groups = self._planner.select(present, text, lambda: doc_words(doc))
            if groups is None:
                resolved = resolve_cues(raw, self._labels, self._unhidden)
                self._store_terms(doc, resolved)
                return []
        else:
            groups = [g for g in self.token_groups if g.may_match(text, None)]
        cues = raw
        ctx: list[tuple[int, int, int]] = []
        keys = self._keys
        for group in groups:
            for key, start, end in group.matcher(doc):
                index, is_ctx = keys[key]
                (ctx if is_ctx else cues).append((index, start, end))
        # token-pattern context matches before phrases: ``resolve_context`` keeps the first of
        # equal spans, and a phrase of the same span is found again by ``context_hits``
        ctx += self.context_phrases(doc)
        resolved = resolve_cues(cues, self._labels, self._unhidden)
        self._store_terms(doc, resolved)
        out: list[Match] = [(i, s, e, False) for i, s, e in resolved]
        kept = resolve_context(ctx, self._stance.__contains__)
        out += [(i, s, e, True) for i, s, e in kept]
        return out

    def _store_terms(self, doc: Doc, cues: list[tuple[int, int, int]]) -> None:
        """Keep the matched cue labels as the scorer's terms (``docarrays.cue_terms``)."""
        terms = self._label_terms
        doc.user_data[CUE_TERMS_KEY] = [(terms[i], s, e) for i, s, e in cues]

    # -- serialisation -------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the rules to ``path/cues.jsonl``, ``context.jsonl`` and ``norms.json``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        with (path / "cues.jsonl").open("w", encoding="utf-8") as f:
            for rule in self.cues:
                f.write(rule_json(rule) + "\n")
        with (path / "context.jsonl").open("w", encoding="utf-8") as f:
            for crule in self.context:
                f.write(rule_json(crule) + "\n")
        (path / "norms.json").write_text(json.dumps(self.norms), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> CueMatcher:
        """Load rules written by :meth:`to_disk`, replacing the current ones."""
        path = Path(path)
        cues = [_cue(x) for x in _lines(path / "cues.jsonl")]
        context = [_ctx(x) for x in _lines(path / "context.jsonl")]
        norms = json.loads((path / "norms.json").read_text(encoding="utf-8"))
        self.cues, self.context, self.norms = cues, context, dict(norms)
        self._build()
        return self


class SituationMatcher:
    """Turns cue matches into raw findings using situation and context rules."""

    def __init__(
        self, nlp: Language, name: str = "boundary_situations", cues: str = "boundary_cues"
    ):
        self.nlp = nlp
        self.name = name
        self.cues_name = cues
        self.situations: list[SituationRule] = []
        self._prepared: list[Prepared] = []
        self._relevant: Memo[frozenset[str], frozenset[str]] = Memo(_same)
        self._candidates: Memo[frozenset[str], list[SituationRule]] = Memo(_rule_ids)

    def add_rules(self, situations: Iterable[SituationRule]) -> None:
        """Add situation rules (their order is their priority)."""
        self.situations.extend(situations)
        self._prepared = prepare(self.situations)
        self._relevant.clear()
        self._candidates.clear()
        self._connect()

    def _connect(self) -> None:
        """Give the cue matcher the quick "could anything fire?" check."""
        if self.cues_name in self.nlp.pipe_names:
            cues: CueMatcher = self.nlp.get_pipe(self.cues_name)  # type: ignore[assignment]
            cues.connect(self.could_fire, self.relevant_labels)

    def could_fire(self, labels: frozenset[str]) -> bool:
        """Whether some situation rule has every label group it needs among ``labels``."""
        return bool(self.candidates(labels))

    def candidates(self, labels: frozenset[str]) -> list[SituationRule]:
        """The situation rules that could fire with ``labels``, in priority order.

        Answers are cached per label set (messages repeat the same few combinations), in a
        bounded :class:`~classifiers.memo.Memo`; callers must not change the list.
        """
        known = self._candidates.get(labels)
        if known is None:
            known = self._candidates.put(labels, candidates_for(self._prepared, labels))
        return known

    def relevant_labels(self, labels: frozenset[str]) -> frozenset[str]:
        """Every label mentioned (needed or vetoing) by a rule that could fire with ``labels``.

        ``IGNORE`` is always relevant (it hides other cues), and so are the context labels
        (negation, policy, ...) whenever some rule could fire: context token patterns must run
        wherever a finding may need suppressing. Cached per label set.
        """
        known = self._relevant.get(labels)
        if known is None:
            candidates = self.candidates(labels)
            known = frozenset({IGNORE_LABEL}).union(*[r.labels() for r in candidates])
            if candidates:
                known |= _CONTEXT_LABELS
            known = self._relevant.put(labels, known)
        return known

    def __call__(self, doc: Doc) -> Doc:
        matches = doc.user_data.get(MATCHES_KEY)
        if not matches:
            doc.user_data[FINDINGS_KEY] = []
            return doc
        cue_matcher: CueMatcher = self.nlp.get_pipe(self.cues_name)  # type: ignore[assignment]
        text = doc.user_data.get(TEXT_KEY) or doc.text
        doc.user_data[FINDINGS_KEY] = evaluate(
            doc, text, matches, cue_matcher.rule, self.candidates
        )
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the situation rules to ``path/situations.jsonl``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        with (path / "situations.jsonl").open("w", encoding="utf-8") as f:
            for rule in self.situations:
                f.write(rule_json(rule) + "\n")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SituationMatcher:
        """Load rules written by :meth:`to_disk`, replacing the current ones."""
        path = Path(path)
        self.situations = [_situation(x) for x in _lines(path / "situations.jsonl")]
        self._prepared = prepare(self.situations)
        self._relevant.clear()
        self._candidates.clear()
        self._connect()
        return self


def _lines(path: Path) -> list[str]:
    return [x for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _cue(line: str) -> CueRule:
    rule = parse_rule("cues", line)
    assert isinstance(rule, CueRule)
    return rule


def _ctx(line: str) -> ContextRule:
    rule = parse_rule("context", line)
    assert isinstance(rule, ContextRule)
    return rule


def _situation(line: str) -> SituationRule:
    rule = parse_rule("situations", line)
    assert isinstance(rule, SituationRule)
    return rule


@Language.factory("boundary_cues", default_config={"phrase_attr": "NORM", "context_attr": "LOWER"})
def make_boundary_cues(nlp: Language, name: str, phrase_attr: str, context_attr: str) -> CueMatcher:
    """Factory of the cue/context matcher (rules are added with ``add_rules``)."""
    return CueMatcher(nlp, name, phrase_attr, context_attr)


@Language.factory("boundary_situations", default_config={"cues": "boundary_cues"})
def make_boundary_situations(nlp: Language, name: str, cues: str) -> SituationMatcher:
    """Factory of the situation layer (rules are added with ``add_rules``)."""
    return SituationMatcher(nlp, name, cues)
