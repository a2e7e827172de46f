"""The situation layer: co-occurring cues in one clause, then ConText-style context.

Works on token offsets of one ``Doc``; :mod:`classifiers.engine` maps results to the
original text. Sentences end at ``. ! ? ;`` and newlines; clauses additionally end where a
``TERMINATE`` context rule matches ("but", "however"). Negation and policy cues act within a
clause; question, hypothetical and reported cues act within a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .docarrays import token_offsets
from .rules import ContextRule, CueRule, SituationRule

#: (rule, start token, end token)
Hit = tuple[CueRule, int, int]
CtxHit = tuple[ContextRule, int, int]

_SENTENCE_END = frozenset(".!?;…")
_CLAUSE_KINDS = frozenset(("NEGATION", "POLICY"))
_SENTENCE_KINDS = frozenset(("QUESTION", "HYPOTHETICAL", "REPORTED"))
#: Tokens between a negation and an UNRESOLVED cue it denies ("never came up again").
_DENIAL_GAP = 3
#: Cue labels naming who is involved rather than what happened (negation skips them).
_PARTIES = frozenset(("CLIENT", "ACTOR", "SESSION", "FORMER", "NAME"))
#: Labels naming the person in care; an ACTOR word right before one ("my" in "my client")
#: only says whose client it is, not that the clinician took part in what happened.
_CARED_FOR = frozenset(("CLIENT", "FORMER", "THIRD"))
_POSSESSIVES = frozenset(("my", "your", "our", "his", "her", "their"))
#: Words after which "my client" starts a clause as its subject ("and my client went").
_CLAUSE_OPENERS = frozenset(
    "and but so then also btw when if because bc cuz since while today yesterday now ok lol"
    " ugh update fyi".split()
)


@dataclass(slots=True)
class RawFinding:
    """A situation that fired, before conversion to result models."""

    rule: SituationRule
    evidence: list[Hit]
    context: list[CtxHit] = field(default_factory=list)
    suppressed_by: CtxHit | None = None
    is_question: bool = False
    reported: bool = False


#: Sentence ends: runs of . ! ? ; … before a space or the end, and newlines.
_BOUNDARY = re.compile(r"[.!?;\u2026]+(?=\s|$)|\n")
#: Abbreviations whose full stop does not end a sentence ("Dr. K", "e.g. this").
_ABBREVIATIONS = frozenset(("dr", "mr", "mrs", "ms", "st", "vs", "e.g", "i.e", "etc", "pt"))


#: ``doc.user_data`` key of the sentence ends, computed once per doc and shared with the
#: scorer (risky messages only: benign ones never reach the code that needs them).
SENTENCES_KEY = "boundary_sentence_ends"


def sentence_ends(doc: Doc, text: str) -> list[int]:
    """:func:`_sentence_ends` of ``text`` (the doc's text), cached on the doc."""
    cached: list[int] | None = doc.user_data.get(SENTENCES_KEY)
    if cached is None:
        cached = doc.user_data[SENTENCES_KEY] = _sentence_ends(text)
    return cached


def _sentence_ends(text: str) -> list[int]:
    """Character offsets where sentences end (each boundary belongs to the sentence it ends)."""
    ends: list[int] = []
    for m in _BOUNDARY.finditer(text):
        start = m.start()
        if text[start] == "." and m.end() - start == 1:
            word = text[max(0, start - 3) : start].rsplit(None, 1)[-1:] or [""]
            if word[0].lower() in _ABBREVIATIONS:
                continue
        if ends and not _has_word(text, ends[-1], m.start()):
            ends[-1] = m.end()  # "?\n", "!!  ." or "? 😘\n" is one boundary
        else:
            ends.append(m.end())
    return ends


def _has_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has a letter or digit (an emoji alone is no sentence)."""
    return any(text[i].isalnum() for i in range(start, end))


def _in_scope(ctx: CtxHit, spans: Sequence[tuple[int, int]]) -> bool:
    rule, cs, ce = ctx
    for s, e in spans:
        if rule.direction in ("forward", "both") and ce <= s and s - ce <= rule.window:
            return True
        if rule.direction in ("backward", "both") and cs >= e and cs - e <= rule.window:
            return True
    return False


def evaluate(
    doc: Doc,
    text: str,
    matches: Sequence[tuple[int, int, int, bool]],
    rule_of: Callable[[int], CueRule | ContextRule],
    candidates_of: Callable[[frozenset[str]], Sequence[SituationRule]],
) -> list[RawFinding]:
    """Evaluate situation rules and context over one doc's matches.

    ``candidates_of`` gives the rules that could fire with a set of cue labels, in priority
    order (:meth:`SituationMatcher.candidates`, cached per label set).
    """
    cues: list[Hit] = []
    ctx: list[CtxHit] = []
    for index, start, end, is_ctx in matches:
        rule = rule_of(index)
        if is_ctx:
            ctx.append((rule, start, end))  # type: ignore[arg-type]
        else:
            cues.append((rule, start, end))  # type: ignore[arg-type]
    if not cues:
        return []
    labels = frozenset([r.label for r, _, _ in cues])
    candidates = candidates_of(labels)
    if not candidates:
        return []
    # sentence and clause ids of the matched tokens only, from character offsets
    ends = sentence_ends(doc, text)
    idx = token_offsets(doc)[0]
    starts = {s for _, s, _ in cues} | {s for _, s, _ in ctx}
    chars = {i: idx[i] for i in starts}
    clause_ends = sorted(ends + [chars[s] for r, s, _ in ctx if r.label == "TERMINATE"])
    sent_of = {i: bisect_right(ends, c) for i, c in chars.items()}
    clause_of = {i: bisect_right(clause_ends, c) for i, c in chars.items()}
    by_clause: dict[int, dict[str, Hit]] = {}
    for hit in cues:
        by_clause.setdefault(clause_of[hit[1]], {}).setdefault(hit[0].label, hit)
    clause_sent = {c: sent_of[next(iter(h.values()))[1]] for c, h in by_clause.items()}
    strict = by_clause
    if any(rule.actor_takes_part for rule in candidates):
        strict = {}
        for hit in _drop_possessive_actors(doc, cues):
            strict.setdefault(clause_of[hit[1]], {}).setdefault(hit[0].label, hit)
    findings: list[RawFinding] = []
    for clause, present in by_clause.items():
        fired: set[str] = set()
        for situation in candidates:
            if situation.category in fired:
                continue
            if situation.actor_takes_part:
                evidence = _fire(situation, clause, strict.get(clause, {}), strict)
            else:
                evidence = _fire(situation, clause, present, by_clause)
            if evidence is None:
                continue
            fired.add(situation.category)
            finding = RawFinding(situation, evidence)
            _apply_context(finding, ctx, clause, clause_sent[clause], clause_of, sent_of)
            findings.append(finding)
    return findings


def _drop_possessive_actors(doc: Doc, cues: list[Hit]) -> list[Hit]:
    """Drop ACTOR hits that are only the possessive of a client reference ("my client").

    "my patient went to a party" names the clinician only as the owner of the caseload:
    when "my client" opens a clause it is the subject, and the clinician has to appear as
    a participant elsewhere ("me", "I", "with me"). After a verb or preposition ("met my
    client", "with my client") the writer is the implied subject and the hit is kept.
    """
    cared = {s for r, s, _ in cues if r.label in _CARED_FOR}
    if not cared:
        return cues
    return [
        hit
        for hit in cues
        if not (
            hit[0].label == "ACTOR"
            and hit[2] in cared
            and hit[2] - hit[1] == 1
            and doc[hit[1]].lower_ in _POSSESSIVES
            and _opens_clause(doc, hit[1])
        )
    ]


def _opens_clause(doc: Doc, i: int) -> bool:
    if i == 0:
        return True
    prev = doc[i - 1]
    return prev.is_punct or prev.lower_ in _CLAUSE_OPENERS


Prepared = tuple[SituationRule, tuple[frozenset[str], ...], frozenset[str]]


def prepare(rules: Sequence[SituationRule]) -> list[Prepared]:
    """Precompute each rule's label groups for the quick satisfiability check."""
    return [(r, r.label_groups(), frozenset(r.any)) for r in rules]


def candidates_for(situations: Sequence[Prepared], labels: AbstractSet[str]) -> list[SituationRule]:
    """The rules (in priority order) that have every label group they need in ``labels``."""
    return [rule for rule, groups, anys in situations if satisfiable(groups, anys, labels)]


def satisfiable(
    groups: tuple[frozenset[str], ...], anys: frozenset[str], labels: AbstractSet[str]
) -> bool:
    """Whether the message has at least one label of every group the rule needs."""
    for group in groups:
        if group.isdisjoint(labels):
            return False
    return not anys or not anys.isdisjoint(labels)


def _fire(
    rule: SituationRule,
    clause: int,
    present: dict[str, Hit],
    by_clause: dict[int, dict[str, Hit]],
) -> list[Hit] | None:
    for label in rule.none:
        if label in present and not _part_of_required(present[label], rule, present):
            return None
    evidence: list[Hit] = []
    own = 0
    for alternatives in rule.all:
        labels = alternatives.split("|")
        hit = next((present[x] for x in labels if x in present), None)
        if hit is None and alternatives in rule.carry:
            hit = _carried(labels, clause, rule.carry_clauses, by_clause)
            if hit is None:
                return None
        elif hit is None:
            return None
        else:
            own += 1
        evidence.append(hit)
    if rule.any:
        chosen = next((present[label] for label in rule.any if label in present), None)
        if chosen is None:
            return None
        evidence.append(chosen)
        own += 1
    if own == 0:
        return None
    return evidence


def _part_of_required(veto: Hit, rule: SituationRule, present: dict[str, Hit]) -> bool:
    """Whether a vetoing cue is only a part of a longer cue the rule needs.

    "my mom" is someone in the clinician's private life, but inside "my mom died" it is
    the clinician's own life, which ``self_disclosure.to_person`` needs: not a veto.
    """
    _, vs, ve = veto
    for alternatives in rule.all:
        for label in alternatives.split("|"):
            hit = present.get(label)
            if hit is not None and hit[1] <= vs and ve <= hit[2] and hit[2] - hit[1] > ve - vs:
                return True
    return False


def _carried(
    labels: list[str], clause: int, distance: int, by_clause: dict[int, dict[str, Hit]]
) -> Hit | None:
    """The nearest hit of ``labels`` in neighbouring clauses, earlier before later."""
    for d in range(1, distance + 1):
        for other in (clause - d, clause + d):
            hits = by_clause.get(other)
            if hits:
                for label in labels:
                    if label in hits:
                        return hits[label]
    return None


def unresolved(ctx: list[CtxHit]) -> bool:
    """Whether the message says an approach is still going on ("she keeps asking").

    A negation just before the cue denies it ("never asked again", "hasn't come up again").
    """
    negations = [e for r, _, e in ctx if r.label == "NEGATION" and not r.closure]
    return any(
        r.label == "UNRESOLVED" and not any(0 <= s - e <= _DENIAL_GAP for e in negations)
        for r, s, _ in ctx
    )


def _apply_context(
    finding: RawFinding,
    ctx: list[CtxHit],
    clause: int,
    sentence: int,
    clause_of: dict[int, int],
    sent_of: dict[int, int],
) -> None:
    """Negation/policy act on evidence in their own clause; questions etc. on the sentence."""
    negation: CtxHit | None = None
    policy: CtxHit | None = None
    asked = False  # a literal question mark (a hypothetical alone does not outrank policy)
    spans = [(s, e) for _, s, e in finding.evidence]
    # negation must precede what happened, not who it happened with ("didn't know my
    # client would be there, and we talked" is not negated by "didn't ... my client")
    actions = [(s, e) for r, s, e in finding.evidence if r.label not in _PARTIES] or spans
    own = [(s, e) for s, e in spans if clause_of[s] == clause]
    # a closure ("told her no") does not close what the writer says is still going on
    # ("she keeps asking"): labelling policy 11
    still_open = unresolved(ctx)
    for hit in ctx:
        rule, start, _ = hit
        label = rule.label
        if label in _CLAUSE_KINDS:
            if label == "POLICY" and finding.rule.despite_policy:
                continue  # an identifier in a reminder is still posted (labelling policy 7)
            if still_open and rule.closure:
                continue
            if rule.scope != "message":
                pool = actions if label == "NEGATION" else spans
                near = [(s, e) for s, e in pool if clause_of[s] == clause_of[start]]
                if not near or not _in_scope(hit, near):
                    continue
            if label == "NEGATION":
                negation = negation or hit
            else:
                policy = policy or hit
            finding.context.append(hit)
        elif label in _SENTENCE_KINDS:
            if sent_of[start] != sentence or not _in_scope(hit, own):
                continue
            if label == "REPORTED":
                finding.reported = True
            else:
                finding.is_question = True
                asked = asked or label == "QUESTION"
            finding.context.append(hit)
    if policy is not None and policy[0].outranks_question:
        finding.suppressed_by = policy  # teaching material: a role play's question is not asked
        return
    if (
        negation is not None
        and negation[0].outranks_question
        and all(sent_of[s] == sent_of[negation[1]] for s, _ in spans)
    ):
        # the writer's stance ("I would never date a pt, but how do you word the no?"): the
        # question asks about something else (labelling notes: negated general questions);
        # not when the finding goes on into another sentence ("... last week I posted ...")
        finding.suppressed_by = negation
        return
    if asked or (finding.is_question and policy is None):
        return  # a question asks for guidance: never suppressed
    # a policy statement wins over a hypothetical "if" ("side hugs only if the student
    # initiates, per policy"); a negated hypothetical stays a question
    finding.suppressed_by = policy or (None if finding.is_question else negation)
