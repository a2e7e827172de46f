"""Fast internal paths give exactly what the plain ones give."""

from __future__ import annotations

from itertools import pairwise

import pytest
import spacy
from spacy.tokens import Span

from classifiers import Classifier
from classifiers.docarrays import token_offsets, window_terms
from classifiers.models import (
    Assessment,
    ContextHit,
    Evidence,
    Finding,
    SuppressedFinding,
    trusted,
)
from classifiers.scorer import terms
from classifiers.situations import sentence_ends

EVIDENCE = {
    "start": 3,
    "end": 9,
    "text": "client",
    "rule_id": "cue.client",
    "description": "a client",
    "cue": "CLIENT",
}
HIT = {"kind": "negation", "start": 0, "end": 5, "text": "never", "rule_id": "ctx.never"}


def _finding() -> Finding:
    return Finding.model_construct(
        category="gifts",
        severity="caution",
        rule_id="gifts.client",
        description="a gift",
        is_question=False,
        reported=True,
        quoted=False,
        evidence=(Evidence(**EVIDENCE),),
        context=(ContextHit(**HIT),),  # type: ignore[arg-type]
        score=0.7,
    )


@pytest.mark.parametrize(
    ("cls", "fields"),
    [
        (Evidence, EVIDENCE),
        (ContextHit, HIT),
        (
            Assessment,
            {"text_length": 12, "findings": (), "suppressed": (), "skipped": None},
        ),
        (
            SuppressedFinding,
            {"finding": _finding(), "reason": "negated", "cue": ContextHit(**HIT), "score": None},  # type: ignore[arg-type]
        ),
        (
            Finding,
            {name: getattr(_finding(), name) for name in Finding.model_fields},
        ),
    ],
)
def test_trusted_builds_what_model_construct_builds(cls: type, fields: dict) -> None:
    fast, plain = trusted(cls, **fields), cls.model_construct(**fields)
    assert fast == plain and hash(fast) == hash(plain)
    assert fast.model_dump() == plain.model_dump()
    assert fast.model_fields_set == plain.model_fields_set
    assert cls.model_validate(fast.model_dump()) == fast
    with pytest.raises(Exception, match="frozen"):
        fast.start = 1  # type: ignore[attr-defined]


def test_trusted_models_share_one_fields_set_safely() -> None:
    """Instances share their class's fields-set; a copy with changes gets its own."""
    one = trusted(ContextHit, kind="negation", start=0, end=5, text="never", rule_id="n.1")
    two = trusted(ContextHit, kind="policy", start=1, end=7, text="policy", rule_id="p.1")
    assert one.model_fields_set is two.model_fields_set
    changed = one.model_copy(update={"start": 2})
    assert changed.start == 2 and changed.model_fields_set is not one.model_fields_set
    assert one.model_fields_set == set(ContextHit.model_fields) == two.model_fields_set


@pytest.mark.parametrize(
    "text",
    [
        "my client gave me a gift. Is that ok?!",
        "",
        "  spaced   out \n\n new line… pt's (MRN 4455) [note] -- ok",
        "Pt Jolene Fakerly, DOB 02/11/2006, jo.f@example.org Called Back",
        "émoji 🙏 and ünïcode, told my sister about a pt",
    ],
)
def test_cached_doc_arrays_match_tokens(text: str) -> None:
    nlp = spacy.blank("en")
    doc = nlp.make_doc(text)
    starts, ends = token_offsets(doc)
    assert starts == [t.idx for t in doc]
    assert ends == [t.idx + len(t.text) for t in doc]
    assert token_offsets(doc) is token_offsets(doc)  # cached on the doc
    assert sentence_ends(doc, text) is sentence_ends(doc, text)
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert window_terms(doc, start, end) == _token_terms(doc[start:end])
            assert terms(doc[start:end]) == window_terms(doc, start, end)
    assert terms(doc) == _token_terms(doc[:])


def _token_terms(span: Span) -> list[tuple[str, int, int]]:
    """The scorer's features read token by token (the reference for the array version)."""
    kept = [(t.lower_, t.i) for t in span if not (t.is_punct or t.is_space or t.is_bracket)]
    out = [(w, i, i + 1) for w, i in kept]
    out += [(f"{a} {b}", i, j + 1) for (a, i), (b, j) in pairwise(kept) if j == i + 1]
    for prev, t in zip([None, *span], span, strict=False):  # identifier shapes
        if t.like_email:
            out.append(("§email", t.i, t.i + 1))
        elif sum(c.isdigit() for c in t.lower_) >= 3:
            out.append(("§num", t.i, t.i + 1))
        if prev is not None and prev.is_title and prev.is_alpha and t.is_title and t.is_alpha:
            out.append(("§name", prev.i, t.i + 1))
    return out


def test_classifier_results_are_built_by_the_fast_paths(classifier: Classifier) -> None:
    a = classifier.assess("My client gave me a $50 gift card. I would never accept cash though")
    assert a.findings and a == Assessment.model_validate(a.model_dump())
