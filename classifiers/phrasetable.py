"""A PhraseMatcher with one match key per cue label, not one per rule.

spaCy's PhraseMatcher keeps, for every match key, a lexeme, a string, a Python set of its
patterns and a callback entry: some 600 bytes a key. With one key per rule that was about
12 MB for the bundled 22,000 rules. Here the rules of one label share a key, and the rule a
match came from is found again by the matched tokens' attribute values (the same values the
matcher compared), in a dictionary that shares its tuples with the matcher's own copy.

Two rules of one label with the same words (an organisation's rule repeating a bundled one)
each keep their match: the second goes under an overflow key of that label.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .lexicon import key_lexemes, token_value

Values = tuple[int, ...]


class PhraseTable:
    """Phrase patterns matched on ``attr`` ("NORM" or "LOWER"), each mapped to a rule index."""

    def __init__(self, nlp: Language, attr: str) -> None:
        self.nlp = nlp
        self.attr = attr
        self.matcher = PhraseMatcher(nlp.vocab, attr=attr)
        #: match key -> attribute values of a pattern -> the index of its rule
        self._index: dict[int, dict[Values, int]] = {}
        self._pending: dict[str, list[Values]] = {}
        self._tables: dict[str, dict[Values, int]] = {}
        self._special = set(getattr(nlp.tokenizer, "rules", None) or ())
        #: word -> the value a token of it will have, while patterns are added
        self._values: dict[str, int] = {}

    def add(self, label: str, pattern: str, index: int) -> None:
        """Add the phrase ``pattern`` of the rule at ``index`` under its ``label``."""
        for values in self.forms(pattern):
            overflow = 0
            while True:
                # a space in the key: it can never be a token's text (see key_lexemes)
                key = f"{self.attr} {label} {overflow}"
                table = self._tables.setdefault(key, {})
                if values not in table:
                    break
                if table[values] == index:
                    break
                overflow += 1
            if values not in table:
                table[values] = index
                self._pending.setdefault(key, []).append(values)

    def commit(self) -> None:
        """Hand the added patterns to the PhraseMatcher (once, after the last ``add``)."""
        vocab = self.nlp.vocab
        key_lexemes(vocab, self._pending)
        for key, patterns in self._pending.items():
            # PhraseMatcher.add takes attribute-value sequences as well as Docs, and keeps
            # ``tuple(pattern)``: the same tuple object as our table's key
            values: Any = patterns
            self.matcher.add(key, values)
            self._index[vocab.strings[key]] = self._tables[key]
        self._pending.clear()
        self._tables.clear()
        self._values.clear()

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The (rule index, start token, end token) of every phrase found in ``doc``."""
        found = self.matcher(doc)
        if not found:
            return []
        index = self._index
        norm = self.attr == "NORM"
        out = []
        for key, start, end in found:
            tokens = doc[start:end]
            values = tuple(t.norm for t in tokens) if norm else tuple(t.lower for t in tokens)
            rule = index[key].get(values)
            if rule is not None:
                out.append((rule, start, end))
        return out

    def forms(self, pattern: str) -> list[Values]:
        """The pattern's attribute values, plus those of Capitalised/UPPER variants that
        tokenize differently.

        The tokenizer's exceptions are case-sensitive ("Dr." is one token, "dr." two), so a
        lower-case pattern alone would miss the capitalised spelling. A pattern of plain
        letter-only words without tokenizer exceptions gets its values without building a
        Doc (most of the load time went into tokenizing thousands of patterns), and without
        making its words' lexemes either (:func:`~classifiers.lexicon.token_value`).
        """
        words = pattern.split(" ")
        vocab, attr = self.nlp.vocab, self.attr
        if attr in ("NORM", "LOWER") and all(w.isalpha() and w not in self._special for w in words):
            known = self._values
            values = []
            for word in words:  # thousands of patterns share "my", "client", ...
                value = known.get(word)
                if value is None:
                    value = known[word] = token_value(vocab, word, attr)
                values.append(value)
            return [tuple(values)]
        if pattern.replace(" ", "").isalnum():
            return [self._doc_values(self.nlp.make_doc(pattern))]  # same in any case
        first = self.nlp.make_doc(pattern)
        forms = [self._doc_values(first)]
        shapes = {tuple(t.norm_ for t in first)}
        for variant in (pattern.capitalize(), pattern.upper(), pattern.title()):
            doc = self.nlp.make_doc(variant)
            key = tuple(t.norm_ for t in doc)
            if key not in shapes:
                shapes.add(key)
                if len(doc) != len(first):
                    forms.append(self._doc_values(doc))
        return forms

    def _doc_values(self, doc: Doc) -> Values:
        if self.attr == "NORM":
            return tuple(t.norm for t in doc)
        if self.attr == "LOWER":
            return tuple(t.lower for t in doc)
        array: Any = doc.to_array(self.attr)
        return tuple(int(x) for x in array)
