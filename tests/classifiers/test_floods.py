"""Pathological input: floods of punctuation, symbols and repeats stay fast and correct.

spaCy's tokenizer strips prefix/suffix punctuation one token at a time and re-scans the rest
of a whitespace-free chunk each time, so 39,000 "(" used to take ~140 s. The normaliser
collapses repeated non-word characters and breaks very long chunks; these tests hold the
classifier to a generous bound on the CPU time of this process (so a busy machine does not
fail them; the real figures are in ``make bench``) and check that offsets still point into
the original text.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from classifiers import Classifier, load_classifier
from classifiers.normalize import normalize

N = 39_000  # under the default max_chars (40,000), so the text really is classified

FLOODS = {
    "open_paren": "(" * N,
    "close_paren": ")" * N,
    "mixed_brackets": '([{"' * (N // 4),
    "alternating": ")(" * (N // 2),
    "smileys": ":)" * (N // 2),
    "possessive": "'s" * (N // 2),
    "exclamation": "!" * N,
    "dollar": "$" * N,
    "percent": "%" * N,
    "emoji": "\U0001f4a5" * N,
    "two_emoji": "\U0001f4a5\U0001f389" * (N // 2),
    "entities": "&lt;&gt;" * (N // 8),
    "zero_width_parens": "(\u200b" * (N // 2),
    "quoted_lines": "> (((\n" * (N // 6),
    "backticks": "`(`" * (N // 3),
    "chunks": (")(" * 100 + " ") * (N // 201),
    "underscores": "_" * N,
}


@pytest.mark.parametrize("text", list(FLOODS.values()), ids=list(FLOODS))
def test_flood_is_classified_quickly(classifier: Classifier, text: str) -> None:
    started = time.process_time()
    a = classifier.assess(text)
    assert time.process_time() - started < 2.0
    assert a.skipped is None and a.findings == ()


def test_flood_over_the_limit_is_skipped_quickly(classifier: Classifier) -> None:
    started = time.process_time()
    a = classifier.assess("(" * 100_000)
    assert time.process_time() - started < 2.0
    assert a.skipped == "too_long"


def test_flood_with_a_raised_limit_is_still_fast() -> None:
    big = load_classifier(type("S", (), {"rules_dir": None, "max_chars": 200_000})())
    for text in ("(" * 100_000, ":)" * 50_000, "\U0001f4a5\U0001f389" * 50_000):
        started = time.process_time()
        a = big.assess(text)
        # 2.5x the text of the floods above; ~1 s of CPU on a quiet machine, up to 2 s on a
        # busy one (shared caches), and the quadratic case this guards against took minutes
        assert time.process_time() - started < 5.0
        assert a.skipped is None and not a.findings


def test_message_after_a_flood_is_still_recognised(classifier: Classifier) -> None:
    text = "(" * 20_000 + " my client hugged me " + "!" * 10_000
    a = classifier.assess(text)
    assert a.categories == ["physical_contact"]
    for e in a.findings[0].evidence:
        assert text[e.start : e.end] == e.text
    assert a.findings[0].trigger.start >= 20_000


def test_short_runs_are_left_alone() -> None:
    for text in ("what?!!", "wow...", "ok --- fine", "see https://example.org/a/b"):
        assert normalize(text).text == text


def test_collapsed_run_maps_to_the_whole_original_run() -> None:
    n = normalize("hi " + "(" * 50 + " there")
    assert n.text == "hi ((( there"
    assert n.to_original(3, 6) == (3, 53)
    assert n.to_original(7, 12) == (54, 59)


def test_long_chunk_is_broken_and_still_maps() -> None:
    raw = "x" * 200
    n = normalize(raw)
    assert max(len(w) for w in n.text.split()) <= 48
    assert n.text.replace(" ", "") == raw
    for start in range(len(n.text)):
        s, e = n.to_original(start, start + 1)
        assert 0 <= s <= e <= len(raw)


_piece = st.one_of(
    st.sampled_from(
        ["(", ")", ":)", "'s", "!", "\U0001f4a5", "&lt;", "&amp;", "`", "_", "\u200b", "a",
         "<@U1>", ":x:", "\n> ", " ", "\ud800", "\uff08", "client "]
    ),
    st.text(min_size=1, max_size=3),
)  # fmt: skip
_floody = st.lists(
    st.tuples(_piece, st.integers(min_value=1, max_value=120)).map(lambda p: p[0] * p[1]),
    max_size=8,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(_floody)
def test_normalised_floods_map_into_the_original(raw: str) -> None:
    n = normalize(raw)
    size = len(n.text)
    for start in range(0, size, max(size // 60, 1)):
        for end in (start + 1, size):
            s, e = n.to_original(start, end)
            assert 0 <= s <= e <= len(raw)
    if n.segments is not None:
        covered, last_orig = 0, 0
        for ns, ne, os_, oe, exact in n.segments:
            assert ns == covered and ne > ns
            assert last_orig <= os_ <= oe <= len(raw)
            if exact:
                assert oe - os_ == ne - ns
            covered, last_orig = ne, os_
        assert covered == size
    assert all(len(w) <= 48 for w in n.text.split())


_SHARED: dict[str, Classifier] = {}


@settings(max_examples=150, deadline=None)
@given(_floody, _floody)
def test_classifier_never_raises_and_quotes_the_original(before: str, after: str) -> None:
    classifier = _SHARED.setdefault("c", load_classifier())
    text = before + " my client hugged me. " + after
    a = classifier.assess(text)
    for f in a.findings:
        for e in f.evidence:
            assert 0 <= e.start <= e.end <= len(text)
            assert text[e.start : e.end] == e.text
    for s in a.suppressed:
        if s.cue is not None:
            assert text[s.cue.start : s.cue.end] == s.cue.text
        for e in s.finding.evidence:
            assert text[e.start : e.end] == e.text
    a.model_dump()
