"""The ``requires`` pre-filter: its conditions are necessary, so it never hides a match."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from classifiers import load_classifier
from classifiers.prefilter import DIGITS3, UPPER, TokenGroup, features, requirements
from classifiers.tokenneeds import doc_words, word_needs

DATA = Path(__file__).resolve().parents[1] / "data"

PATTERNS = [
    r"\d{3}-\d{2}-\d{4}",
    r"(?i:mrn|mr#|ssn|record|acct|\bid\b)\W{0,4}\d{5}",
    r"(?i:mrn)#?:?\d{5}",
    r"\d{3}[.-]\d{3}[.-]\d{4}",
    r"@\w",
    r"\d+ [A-Z][a-z]+ (?i:st|street|ave)\b",
    r"(?i:\b(?:mr|mrs|ms|miss)\b)\.? [A-Z]",
    r"\b[A-Z][a-z]+ [A-Z][a-z]+",
    r"(?i)ſsn",
    r"[^a-z]x|y*z|(?:ab)+c",
    r"[0-9]{3,}x",
    r"\d{2}-\d{3}",
]
ALPHABET = "aAbcimnMrRsSxyzZ #-./@:0159ſKé٣\n"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\d{3}-\d{4}", [DIGITS3, frozenset("-"), frozenset("0123456789")]),
        (r"(?i:mrn)#?:?\d{5}", [DIGITS3, frozenset(["mrn"]), frozenset("0123456789")]),
        (r"[0-9]{3,}x", [DIGITS3, frozenset("x"), frozenset("0123456789")]),
        (r"\d{2}-\d", [frozenset("-"), frozenset("0123456789")]),  # never 3 in a row
        (r"\d{3}|ab", [frozenset(["ab", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])]),
        (r"@\w", [frozenset("@")]),
        (r"\b[A-Z][a-z]+ [A-Z][a-z]+", [UPPER, frozenset(" ")]),
        (r"(?i)ſsn", []),  # under IGNORECASE "ſ" matches "s": no literal requirement
        (r".*", []),
    ],
)
def test_requirements_of_known_patterns(pattern: str, expected: list[frozenset[str]]) -> None:
    assert sorted(requirements(pattern), key=sorted) == sorted(expected, key=sorted)


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=40), pattern=st.sampled_from(PATTERNS))
def test_prefilter_never_rejects_a_matching_text(text: str, pattern: str) -> None:
    group = TokenGroup(pattern, matcher=None, labels=frozenset({"X"}))
    matches = re.search(pattern, text) is not None
    lowered = text.lower()
    assert group.may_match(text, lowered if text.isascii() else None) == matches
    if matches:  # every feature the group needs is present
        assert not group.bits & ~features(text, lowered)
    if not group.bits & ~features(text, lowered):  # what the planner checks first
        assert group.passes(text, lowered if text.isascii() else None) == matches


def test_bundled_requires_regexes_have_cheap_conditions() -> None:
    cues = load_classifier().nlp.get_pipe("boundary_cues")
    groups = cues.token_groups  # type: ignore[attr-defined]
    assert groups, "expected the bundled rules to have token patterns"
    assert all(g.needs for g in groups if g.requires is not None)


@settings(max_examples=300, deadline=None)
@given(data=st.data(), pattern=st.sampled_from(PATTERNS))
def test_texts_made_to_match_pass_the_prefilter(data: st.DataObject, pattern: str) -> None:
    text = data.draw(st.from_regex(pattern))
    assert re.search(pattern, text), "expected hypothesis to build a matching text"
    group = TokenGroup(pattern, matcher=None, labels=frozenset({"X"}))
    lowered = text.lower()
    assert group.may_match(text, lowered if text.isascii() else None)
    assert not group.bits & ~features(text, lowered)


# -- word needs: the token-level condition checked before the regexes ---------------------

_KIN = {"LOWER": {"IN": ["son", "daughter"]}}


@pytest.mark.parametrize(
    ("patterns", "expected"),
    [
        # one pattern: every mandatory literal token, ORTH folded to lower case, least
        # common first (common words last, then by size)
        ([[{"LOWER": "my"}, _KIN, {"ORTH": "Coach"}]], ({"coach"}, {"son", "daughter"}, {"my"})),
        # optional tokens and zero-minimum quantifiers demand nothing
        (
            [[{"LOWER": "my", "OP": "?"}, _KIN, {"LOWER": "x", "OP": "{0,2}"}]],
            ({"son", "daughter"},),
        ),
        ([[{"LOWER": "our", "OP": "*"}, {"LOWER": "kid", "OP": "+"}]], ({"kid"},)),
        # several patterns: the union of each one's least common set
        (
            [[{"LOWER": "my"}, _KIN], [{"LOWER": "our"}, {"LOWER": "kid"}]],
            ({"son", "daughter", "kid"},),
        ),
        # a pattern without literal words (shape, regex, NOT_IN) makes no condition at all
        ([[{"LOWER": "my"}], [{"SHAPE": "dd"}]], None),
        ([[{"TEXT": {"REGEX": "^x"}}, {"LOWER": {"NOT_IN": ["a"]}}]], None),
    ],
)
def test_word_needs_of_patterns(
    patterns: list[list[dict[str, object]]], expected: tuple[set[str], ...] | None
) -> None:
    got = word_needs(patterns)
    assert (None if got is None else tuple(set(g) for g in got)) == expected


def test_groups_without_their_words_never_match_in_the_corpus() -> None:
    """Exactness on real text: a group rejected for its words has no Matcher match."""
    classifier = load_classifier()
    cues = classifier.nlp.get_pipe("boundary_cues")
    groups = [g for g in cues.token_groups if g.words is not None]
    assert len(groups) >= 20
    texts = [
        json.loads(line)["text"]
        for path in sorted(DATA.glob("corpus_dev*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    rejected = kept = 0
    for doc in classifier.nlp.tokenizer.pipe(texts):
        lowers = doc_words(doc)
        for group in groups:
            if group.has_words(lowers):
                kept += 1
            else:
                rejected += 1
                assert not group.matcher(doc), (group.requires, doc.text)
    assert rejected > 5 * kept  # the check is also worth having (7x on the corpus)


def test_context_token_patterns_run_wherever_a_finding_may_need_them(tmp_path: Path) -> None:
    """A context token pattern (no ``requires``) in a group of its own still runs.

    Token patterns without a ``requires`` regex each get their own group, so that all of their
    words decide when the Matcher runs; context groups are relevant whenever a rule could fire.
    """
    rule = {
        "label": "NEGATION",
        "pattern": [{"LOWER": "zorbly"}, {"LOWER": {"IN": ["flim", "flam"]}}],
        "id": "ctx.negation.test_zorbly_flim",
        "description": "a made-up closure",
        "direction": "both",
        "window": 60,
        "scope": "message",
        "closure": True,  # a plain negation the words outweigh would come back as learned
    }
    (tmp_path / "context_test.jsonl").write_text(json.dumps(rule) + "\n", encoding="utf-8")

    class Settings:
        rules_dir = tmp_path
        max_chars = 10_000

    classifier = load_classifier(Settings())
    cues = classifier.nlp.get_pipe("boundary_cues")
    own = [g for g in cues.token_groups if g.labels == frozenset({"NEGATION"})]
    assert any(g.matcher.get("ctx ctx.negation.test_zorbly_flim") for g in own)
    text = "my client gave me a $50 gift card"
    assert "gifts" in classifier.assess(text).categories
    closed = classifier.assess(text + ", zorbly flam")
    assert not closed.findings
    assert [s.cue.rule_id for s in closed.suppressed if s.cue] == ["ctx.negation.test_zorbly_flim"]
