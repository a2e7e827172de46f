"""Loading: lemma folding happens lazily through the vocabulary's NORM getter."""

from __future__ import annotations

from spacy.attrs import NORM

from classifiers import Classifier, load_classifier
from classifiers.lexicon import FoldedNorm


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


def test_match_keys_are_not_words(classifier: Classifier) -> None:
    text = "cue physical_contact.touch.hugged"
    assert classifier.nlp.make_doc(text)[0].text == "cue"
    assert classifier.assess(text).findings == ()
