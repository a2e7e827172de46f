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

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .lexicon import WORD, folded_norms, install_norms, key_lexemes, token_value
from .prefilter import Requirement, requirements
from .tablecache import Built, Phrases, TableCache

Values = tuple[int, ...]


class PhraseTable:
    """Phrase patterns matched on ``attr`` ("NORM" or "LOWER"), each mapped to a rule index."""

    def __init__(self, nlp: Language, attr: str) -> None:
        self.nlp = nlp
        self.attr = attr
        self.matcher = PhraseMatcher(nlp.vocab, attr=attr)
        self._attr_id: int = IDS[attr.upper()]
        #: match key -> attribute values of a pattern -> the index of its rule
        self._index: dict[int, dict[Values, int]] = {}
        self._pending: dict[str, list[Values]] = {}
        self._tables: dict[str, dict[Values, int]] = {}
        self._special = set(getattr(nlp.tokenizer, "rules", None) or ())
        #: word -> the value a token of it will have, while patterns are added
        self._values: dict[str, int] = {}
        #: chunk -> its tokens' values and norms, while patterns are added
        self._chunks: dict[str, tuple[Values, tuple[str, ...]]] = {}

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

    def state(self) -> dict[str, dict[Values, int]]:
        """The added patterns as plain data (match key -> values -> rule index), for
        :mod:`classifiers.tablecache`; call before :meth:`commit`."""
        return self._tables

    def restore(self, state: dict[str, dict[Values, int]]) -> None:
        """Take the patterns of a :meth:`state` instead of adding them one by one."""
        self._tables = state
        self._pending = {key: list(table) for key, table in state.items()}

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
        self._pending = {}
        self._tables = {}
        self._values.clear()
        self._chunks.clear()

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The (rule index, start token, end token) of every phrase found in ``doc``."""
        found = self.matcher(doc)
        if not found:
            return []
        index = self._index
        out = []
        if len(found) > 1:  # one array of the doc's values beats a Span and Tokens a match
            array: list[int] = doc.to_array(self._attr_id).tolist()
            for key, start, end in found:
                rule = index[key].get(tuple(array[start:end]))
                if rule is not None:
                    out.append((rule, start, end))
            return out
        norm = self._attr_id == IDS["NORM"]
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
            return [self._tokenized(pattern)[0]]  # same in any case
        first, shape = self._tokenized(pattern)
        forms = [first]
        shapes = {shape}
        for variant in (pattern.capitalize(), pattern.upper(), pattern.title()):
            other, key = self._tokenized(variant)
            if key not in shapes:
                shapes.add(key)
                if len(other) != len(first):
                    forms.append(other)
        return forms

    def _tokenized(self, text: str) -> tuple[Values, tuple[str, ...]]:
        """The attribute values and norms of the tokens of ``text``, one space-separated
        chunk at a time.

        The tokenizer splits at spaces before anything else, so a phrase's tokens are its
        chunks' tokens in turn; thousands of phrases share chunks ("he's", "my", "dr."), and
        each is tokenized once while patterns are added.
        """
        chunks = text.split(" ")
        if "" in chunks:  # a run of spaces is a token of its own
            doc = self.nlp.make_doc(text)
            return self._doc_values(doc), tuple(t.norm_ for t in doc)
        known = self._chunks
        values: list[int] = []
        norms: list[str] = []
        for chunk in chunks:
            found = known.get(chunk)
            if found is None:
                doc = self.nlp.make_doc(chunk)
                found = known[chunk] = (self._doc_values(doc), tuple(t.norm_ for t in doc))
            values += found[0]
            norms += found[1]
        return tuple(values), tuple(norms)

    def _doc_values(self, doc: Doc) -> Values:
        if self.attr == "NORM":
            return tuple(t.norm for t in doc)
        if self.attr == "LOWER":
            return tuple(t.lower for t in doc)
        array: Any = doc.to_array(self.attr)
        return tuple(int(x) for x in array)


def fill_tables(
    tables: tuple[PhraseTable, PhraseTable],
    phrases: tuple[Phrases, Phrases],
    norms: dict[str, str],
    regexes: list[str],
    cache: TableCache | None,
) -> dict[str, tuple[Requirement, ...]]:
    """Fold the phrases' lemmas into the vocabulary and add each list of ``phrases`` to its
    table, or take both from ``cache`` (:mod:`classifiers.tablecache`); then commit the
    tables. Returns the prefilter's requirements of the token groups' ``regexes`` (cached
    too: parsing them is slow)."""
    vocab = tables[0].nlp.vocab
    key, cached = "", None
    if cache is not None:
        attrs = [(table.attr, items) for table, items in zip(tables, phrases, strict=True)]
        key = cache.key(attrs, norms, regexes)
        cached = cache.load(key)
        if cached is not None and not cached.needs.keys() >= set(regexes):
            cached = None  # only a hand-edited file lacks a regex its name covers
    if cached is not None:
        install_norms(vocab, cached.folded)
        for table, state in zip(tables, cached.tables, strict=True):
            table.restore(state)
        needs = {r: tuple(frozenset(x) for x in cached.needs[r]) for r in regexes}
    else:
        needs = {r: requirements(r) for r in regexes}
        texts = [text.lower() for items in phrases for _, text, _ in items]
        folded: dict[str, str] = {}
        if texts:
            folded = folded_norms({w for text in texts for w in WORD.findall(text)}, norms)
            install_norms(vocab, folded)
        for table, items in zip(tables, phrases, strict=True):
            for label, pattern, index in items:
                table.add(label, pattern, index)
        if cache is not None:
            plain = {r: [sorted(x) for x in reqs] for r, reqs in needs.items()}
            cache.store(key, Built(folded, [table.state() for table in tables], plain))
    for table in tables:
        table.commit()
    return needs
