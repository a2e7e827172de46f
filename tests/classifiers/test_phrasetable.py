"""PhraseTable: one PhraseMatcher key per label, each match mapped back to its rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.matcher import PhraseMatcher

from classifiers.phrasetable import PhraseTable
from classifiers.rules import BUNDLED_RULES_DIR, CueRule, load_rule_file

DATA = Path(__file__).parents[1] / "data"


def _table(rules: list[tuple[str, str]], attr: str = "NORM") -> PhraseTable:
    table = PhraseTable(spacy.blank("en"), attr)
    for index, (label, pattern) in enumerate(rules):
        table.add(label, pattern, index)
    table.commit()
    return table


def test_rules_of_one_label_share_one_matcher_key() -> None:
    rules = [("GIFT", f"gift number{chr(97 + i)}") for i in range(20)]
    rules += [("TOUCH", f"touch number{chr(97 + i)}") for i in range(20)]
    table = _table(rules)
    assert len(table.matcher) == 2
    doc = table.nlp.make_doc("a gift numberc and a touch numbert")
    assert table(doc) == [(2, 1, 3), (39, 5, 7)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("she left a gift card", [(0, 3, 5)]),
        ("she left a GIFT CARD", [(0, 3, 5)]),
        ("a hug at the door", [(1, 1, 2)]),
        ("hugs at the door", [(2, 0, 1)]),  # a blank pipeline's NORM is not lemma-folded
        ("the gift shop is closed", []),
        ("nothing here", []),
    ],
)
def test_matches_name_the_rule_they_came_from(
    text: str, expected: list[tuple[int, int, int]]
) -> None:
    table = _table([("GIFT", "gift card"), ("TOUCH", "hug"), ("TOUCH", "hugs")])
    assert table(table.nlp.make_doc(text)) == expected


def test_two_rules_with_the_same_words_and_label_both_match() -> None:
    table = _table([("GIFT", "fruit basket"), ("GIFT", "fruit basket"), ("GIFT", "basket")])
    found = sorted(table(table.nlp.make_doc("a fruit basket arrived")))
    assert found == [(0, 1, 3), (1, 1, 3), (2, 2, 3)]


def test_a_rule_repeating_its_own_words_is_added_once() -> None:
    table = PhraseTable(spacy.blank("en"), "LOWER")
    table.add("GIFT", "fruit basket", 0)
    table.add("GIFT", "fruit basket", 0)
    table.commit()
    assert table(table.nlp.make_doc("fruit basket")) == [(0, 0, 2)]


def test_tokenizer_exceptions_match_in_any_case() -> None:
    """ "Dr." is one token and "dr." two: the capitalised form is added as well."""
    table = _table([("CLIENT", "dr. who")], attr="LOWER")
    for text in ("saw dr. who today", "saw Dr. Who today", "saw DR. WHO today"):
        found = table(table.nlp.make_doc(text))
        assert [i for i, _, _ in found] == [0], text


def test_same_matches_as_one_key_per_rule_over_the_corpus() -> None:
    """The label keys find exactly the (rule, span) pairs that one key per rule finds."""
    rules: list[CueRule] = []
    for name in ("gifts.jsonl", "cues_common.jsonl", "physical_contact.jsonl"):
        rules += [r for _, r in load_rule_file(BUNDLED_RULES_DIR / name)[1]]  # type: ignore[misc]
    phrases = [r for r in rules if isinstance(r, CueRule) and isinstance(r.pattern, str)]
    nlp = spacy.blank("en")
    table = PhraseTable(nlp, "LOWER")
    reference = PhraseMatcher(nlp.vocab, attr="LOWER")
    for index, rule in enumerate(phrases):
        assert isinstance(rule.pattern, str)
        table.add(rule.label, rule.pattern, index)
        reference.add(str(index), [list(v) for v in table.forms(rule.pattern)])
    table.commit()
    lines = (DATA / "corpus_dev.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"].lower() for line in lines if line.strip()]
    assert len(texts) > 400
    for text in texts:
        doc = nlp.make_doc(text)
        expected = {(int(nlp.vocab.strings[k]), s, e) for k, s, e in reference(doc)}
        assert set(table(doc)) == expected, text
