"""Bad input, batching, thread safety and serialisation of the pipeline."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from classifiers import Assessment, Classifier, InputError, from_disk, load_classifier


@pytest.mark.parametrize("text", ["", "   ", "\n\t", ":smile: :wave:", "\u200b\u200b"])
def test_empty_text_is_skipped(classifier: Classifier, text: str) -> None:
    a = classifier.assess(text)
    assert a.skipped == "empty" and not a.findings and a.text_length == len(text)


def test_text_over_the_limit_is_skipped_quickly(classifier: Classifier) -> None:
    text = "my client hugged me. " * 5000  # 105,000 characters
    started = time.perf_counter()
    a = classifier.assess(text)
    assert time.perf_counter() - started < 1.0
    assert a.skipped == "too_long" and a.text_length == len(text)


def test_max_chars_comes_from_settings() -> None:
    small = load_classifier(type("S", (), {"rules_dir": None, "max_chars": 10})())
    assert small.assess("my client hugged me").skipped == "too_long"


def test_long_text_under_the_limit_is_classified(classifier: Classifier) -> None:
    text = "lots of charting today. " * 1500 + "my client hugged me"
    assert "physical_contact" in classifier.assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "\x00\x01\x02my client\x0b hugged\x1b[31m me\x7f",
        b"\xff\xfe\x00my client\x80\x81 hugged me".decode("utf-8", errors="replace"),
        b"\xc3\x28 binary \xa0\xa1 junk".decode("latin-1"),
        "\ud800 my client hugged me \udfff",
        "\ud83d",
        "\u202emy client hugged me\u202c",
        "<" * 3000 + ">" * 3000,
        "`" * 5000,
        "&amp;" * 4000,
        ":" * 10000,
    ],
)
def test_junk_never_crashes(classifier: Classifier, text: str) -> None:
    a = classifier.assess(text)
    assert isinstance(a, Assessment)
    for f in a.findings:
        for e in f.evidence:
            assert text[e.start : e.end] == e.text
    a.model_dump_json() if "\ud800" not in text and "\ud83d" not in text else a.model_dump()


def test_surrogates_still_classify(classifier: Classifier) -> None:
    assert "physical_contact" in classifier.assess("\ud800 my client hugged me").categories


def test_non_string_input_is_a_clear_error(classifier: Classifier) -> None:
    with pytest.raises(InputError, match="expected the message text as str, got bytes"):
        classifier.assess(b"my client hugged me")  # type: ignore[arg-type]


def test_assess_many_matches_assess_and_keeps_order(classifier: Classifier) -> None:
    texts = [
        "my client hugged me",
        "",
        "client portal down",
        "x" * 50_000,
        "a patient sent me a friend request on FB",
        "I would never accept a gift from a client",
    ]
    assert classifier.assess_many(texts) == [classifier.assess(t) for t in texts]


@pytest.mark.parametrize("batch_size", [1, 2, 3, 256])
def test_assess_many_streams_batches_and_keeps_order(
    classifier: Classifier, batch_size: int
) -> None:
    """Batches of only skipped texts, of only real ones and of both keep input order."""
    texts = ["", "   ", "x" * 50_000, "my client hugged me", "client portal down",
             "", "a pt gave me $20", "I told my husband about a pt's overdose"]  # fmt: skip
    taken: list[int] = []

    def feed() -> Iterator[str]:
        for i, text in enumerate(texts):
            taken.append(i)
            yield text

    got = classifier.assess_many(feed(), batch_size=batch_size)
    assert got == [classifier.assess(t) for t in texts]
    assert taken == list(range(len(texts)))


def test_assess_many_reports_bad_input_in_a_later_batch(classifier: Classifier) -> None:
    texts: list[object] = ["my client hugged me"] * 5 + [b"bytes"]
    with pytest.raises(InputError, match="got bytes"):
        classifier.assess_many(texts, batch_size=2)  # type: ignore[arg-type]


def test_shared_across_threads(classifier: Classifier) -> None:
    texts = ["my client hugged me", "client portal is down", "a pt gave me $20"] * 200
    expected = [classifier.assess(t) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(classifier.assess, texts))
    assert got == expected


def test_to_disk_from_disk_round_trip(classifier: Classifier, tmp_path: Path) -> None:
    classifier.nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "boundary_cues" / "cues.jsonl").is_file()
    loaded = from_disk(tmp_path / "pipeline")
    texts = ["my client hugged me?", "I told my husband about a pt's overdose",
             "Reminder: never friend clients on FB", "pt DOB 01/02/1960 dx HIV",
             "PT consult for gait training", "client portal is down"]  # fmt: skip
    assert loaded.assess_many(texts) == classifier.assess_many(texts)


@pytest.mark.parametrize(
    "text",
    [
        "my coworker is dating her client?",
        "I would never accept a gift from a client",
        "> can I follow you on insta?\nfrom a client",
        "pt Jane Roe DOB 04/12/1961 has HIV, told my husband about her",
    ],
)
def test_results_are_valid_models(classifier: Classifier, text: str) -> None:
    """Results are built without re-validation for speed; they must still validate."""
    a = classifier.assess(text)
    assert a.findings or a.suppressed
    assert Assessment.model_validate_json(a.model_dump_json()) == a


def _unseen_words(n: int, seed: str) -> list[str]:
    """Messages full of made-up names and codes the vocabulary has never seen."""
    return [
        f"pt zorblat{seed}{i} in rm {seed}{i}q asked mrs quixlo{seed}{i} for her cell, "
        f"told her no (ref kv{seed}{i}x)"
        for i in range(n)
    ]


def test_vocabulary_stops_growing_once_its_budget_is_spent(classifier: Classifier) -> None:
    """Past the budget each call frees the words it added, and classifies as before."""
    strings = classifier.nlp.vocab.strings
    full = Classifier(classifier.nlp, vocab_budget=0)
    texts = _unseen_words(40, "a")
    before = len(strings)
    zoned = full.assess_many(texts, batch_size=8) + [full.assess(t) for t in texts[:5]]
    assert len(strings) == before
    assert zoned == classifier.assess_many(texts) + [classifier.assess(t) for t in texts[:5]]
    assert len(strings) > before  # the same words, kept by a classifier with room left


def test_vocabulary_learns_words_until_the_budget_is_reached(classifier: Classifier) -> None:
    strings = classifier.nlp.vocab.strings
    budgeted = Classifier(classifier.nlp, vocab_budget=30)
    texts = _unseen_words(60, "b")
    for text in texts:
        budgeted.assess(text)
    grown = len(strings) - (budgeted.vocab_limit - 30)
    per_message = 6  # made-up words per message at most
    assert 30 <= grown <= 30 + per_message


def test_vocab_budget_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOUNDARY_VOCAB_BUDGET", "1234")
    loaded = load_classifier()
    assert loaded.vocab_limit == len(loaded.nlp.vocab.strings) + 1234
