"""Lexicon set-up for the cue matcher: lemma folding into lexeme norms, cheap key lexemes.

The lemma table of ``spacy-lookups-data`` is folded into the vocabulary's NORM getter for
the words the cue patterns use, so "hugged"/"hugging" match the pattern "hug" on NORM with
no lemmatizer pass, and no lexeme has to be created for it at load time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.attrs import NORM
from spacy.vocab import Vocab

_VOWELS = frozenset("aeiou")
#: The words of a pattern whose lemmas are folded.
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def inflections(lemma: str) -> set[str]:
    """Regular English inflections of ``lemma`` (-s, -es, -ed, -ing, -ies, doubling)."""
    forms = {lemma + "s", lemma + "es", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and len(lemma) > 3 and lemma[-2] not in _VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if (
        len(lemma) >= 3
        and lemma[-1] not in _VOWELS | {"w", "x", "y"}
        and lemma[-2] in _VOWELS
        and lemma[-3] not in _VOWELS
    ):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


class FoldedNorm:
    """The vocabulary's NORM getter with lemma folding: exact-string entries first.

    Installed as ``vocab.lex_attr_getters[NORM]``, so a lexeme gets its folded norm when it
    is first created, instead of creating thousands of lexemes up front at load time.
    """

    def __init__(self, base: Callable[[str], Any] | None, table: dict[str, str]) -> None:
        self.base = base
        self.table = table

    def __call__(self, string: str) -> Any:
        found = self.table.get(string)
        if found is not None:
            return found
        return self.base(string) if self.base is not None else string.lower()


@functools.cache
def lemma_table() -> dict[str, str]:
    """English ``lemma_lookup`` of ``spacy-lookups-data``, form -> lemma (read once)."""
    import spacy_lookups_data
    import srsly

    path = Path(str(spacy_lookups_data.en["lemma_lookup"]))
    gz = path.with_name(path.name + ".gz")
    data = srsly.read_gzip_json(gz) if gz.exists() else srsly.read_json(path)
    return {str(form): str(lemma) for form, lemma in data.items()}


def folded_norms(words: Iterable[str], extra_norms: dict[str, str]) -> dict[str, str]:
    """The lemma data to fold into lexeme norms for the words the patterns use: form ->
    lemma (plain data; :func:`install_norms` puts it into a vocabulary).

    Forms whose lookup-table lemma (``spacy-lookups-data``) is a pattern word's lemma get that
    lemma as their norm ("hugging", "gave" -> "give"), and so do the regular inflections of
    those lemmas that the table lacks; the table wins where it has an entry. Title-case
    variants are set too (UPPER-case words keep their plain lower-case norm). Other words
    keep their default norm. ``extra_norms`` (case-sensitive exceptions) are applied last.
    """
    table = lemma_table()
    words = set(words)
    wanted = {table.get(w, w) for w in words}
    folded: dict[str, str] = {}
    for form, lemma in table.items():
        # a form that is itself a pattern word keeps its own norm, so the pattern
        # "friended" does not widen to every "friend"
        if lemma in wanted and form != lemma and form.isalpha() and form not in words:
            folded[form] = folded[form.title()] = lemma
    for lemma in wanted:
        if lemma.isalpha() and len(lemma) >= 3:
            for form in inflections(lemma):
                # the table wins; a form that is itself a pattern word keeps its own norm, so
                # the pattern "friended" does not widen to every "friend"
                if form not in table and form not in words:
                    folded[form] = folded[form.title()] = lemma
    folded.update(extra_norms)
    return folded


def has_folded_norms(vocab: Vocab) -> bool:
    """Whether :func:`install_norms` has already run on ``vocab``."""
    return isinstance(_getters(vocab).get(NORM), FoldedNorm)


def install_norms(vocab: Vocab, folded: dict[str, str]) -> None:
    """Make ``folded`` (:func:`folded_norms`) the norms of those forms in ``vocab``.

    They go into the vocabulary's NORM getter (:class:`FoldedNorm`), so new lexemes get them
    when first seen; lexemes that already exist are updated now.
    """
    getters: dict[int, Any] = _getters(vocab)
    base = getters.get(NORM)
    if isinstance(base, FoldedNorm):  # rebuilt with more rules: earlier folds stay
        folded = {**base.table, **folded}
        base = base.base
    getters[NORM] = FoldedNorm(base, folded)
    for form, lemma in folded.items():
        if form in vocab:
            vocab[form].norm_ = lemma


def token_value(vocab: Vocab, word: str, attr: str) -> int:
    """The NORM or LOWER value a token ``word`` will have, without creating its lexeme.

    A new lexeme takes its attributes from the vocabulary's getters (the NORM getter holds
    the folded lemmas, :class:`FoldedNorm`), so asking the getter gives the same value the
    lexeme will get when a message first has the word; a word that already has a lexeme is
    read from it (:func:`install_norms` may have set its norm). ``attr`` is "NORM" or "LOWER".
    """
    if word in vocab:
        lexeme = vocab[word]
        return lexeme.norm if attr == "NORM" else lexeme.lower
    if attr == "LOWER":
        return vocab.strings.add(word.lower())
    getter = _getters(vocab).get(NORM)
    value = getter(word) if getter is not None else word.lower()
    return value if isinstance(value, int) else vocab.strings.add(value)


def _getters(vocab: Vocab) -> Any:
    """The vocabulary's lexical attribute getters (a Cython attribute the stubs lack)."""
    typed: Any = vocab
    return typed.lex_attr_getters


def key_lexemes(vocab: Vocab, keys: Iterable[str]) -> None:
    """Create the lexemes ``PhraseMatcher.add`` makes for its match keys, cheaply.

    ``add`` looks every key up in the vocabulary, which computes all lexical attributes
    (shape, like_url, ...) for thousands of rule keys at load. The keys contain a space, so
    no token can ever have their text: their lexemes are created with no attribute getters.
    """
    typed: Any = vocab  # lex_attr_getters is a Cython attribute the stubs do not declare
    getters = typed.lex_attr_getters
    typed.lex_attr_getters = {}
    try:
        for key in keys:
            if " " in key and key not in vocab:
                vocab[key]
    finally:
        typed.lex_attr_getters = getters
