"""Loading: lemma folding happens lazily through the vocabulary's NORM getter."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from spacy.attrs import NORM

from classifiers import Classifier, load_classifier
from classifiers.errors import RuleError
from classifiers.lexicon import FoldedNorm, token_value


def test_norm_getter_is_folded(classifier: Classifier) -> None:
    getter = classifier.nlp.vocab.lex_attr_getters[NORM]
    assert isinstance(getter, FoldedNorm) and getter.table
    assert getter("zzyzx") == "zzyzx" and getter("Zzyzx") == "zzyzx"
    assert getter("PT") == "physio_pt"  # norms.json exception, case-sensitive


def test_forms_first_seen_after_loading_get_the_folded_norm() -> None:
    fresh = load_classifier()
    vocab = fresh.nlp.vocab
    getter = vocab.lex_attr_getters[NORM]
    unseen = [form for form in getter.table if form.isalpha() and form not in vocab][:20]
    assert unseen  # folding did not create these lexemes at load
    doc = fresh.nlp.make_doc(" ".join(unseen))
    assert [t.norm_ for t in doc] == [getter.table[f] for f in unseen]


def test_pattern_words_get_the_value_their_tokens_will_have_without_a_lexeme() -> None:
    """``token_value``: a pattern word with no lexeme yet is valued from the getters, and a
    message that has the word later gets exactly that value; no lexeme is made for it."""
    fresh = load_classifier()
    vocab = fresh.nlp.vocab
    getter = vocab.lex_attr_getters[NORM]
    words = [f for f in getter.table if f.isalpha() and f.islower() and f not in vocab][:10]
    words += ["zzyzxq", "Qwerblat"]  # no match in the lemma table: their plain norm
    values = {a: [token_value(vocab, w, a) for w in words] for a in ("NORM", "LOWER")}
    assert not any(w in vocab for w in words)
    doc = fresh.nlp.make_doc(" ".join(words))
    assert [t.norm for t in doc] == values["NORM"]
    assert [t.lower for t in doc] == values["LOWER"]
    assert values["NORM"][0] != values["LOWER"][0]  # a folded lemma, not the lower case


def test_match_keys_are_not_words(classifier: Classifier) -> None:
    text = "cue physical_contact.touch.hugged"
    assert classifier.nlp.make_doc(text)[0].text == "cue"
    assert classifier.assess(text).findings == ()


def test_loading_pauses_the_garbage_collector_and_restores_its_state(tmp_path: Path) -> None:
    """The collector is off only while loading: on again after, off if it was off, and
    back on when the load fails."""
    assert gc.isenabled()
    load_classifier(_Settings(None))
    assert gc.isenabled()
    gc.disable()
    try:
        load_classifier(_Settings(None))
        assert not gc.isenabled()
    finally:
        gc.enable()
    bad = tmp_path / "rules"
    bad.mkdir()
    (bad / "gifts.jsonl").write_text('{"id": "x", "label": "GIFT"}\n', encoding="utf-8")
    with pytest.raises(RuleError):
        load_classifier(_Settings(bad))
    assert gc.isenabled()


class _Settings:
    def __init__(self, rules_dir: Path | None) -> None:
        self.rules_dir = rules_dir
        self.max_chars = 10_000
        self.learned_additions = False
