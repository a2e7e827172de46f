"""Per-doc arrays computed once with ``Doc.to_array`` and cached in ``doc.user_data``.

The situation layer, the scorer and the engine look up token offsets and lower-cased words
many times per risky message; one ``to_array`` call each, instead of a ``Token`` object
per lookup, is most of the difference in cost. Messages with no cue of the rules never
reach this code; the scorer's additions read the lower-cased words, identifier shapes and
cue labels of those with a cue and no finding.
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.attrs import (
    IDX,
    IS_ALPHA,
    IS_BRACKET,
    IS_PUNCT,
    IS_SPACE,
    IS_TITLE,
    LENGTH,
    LIKE_EMAIL,
    LOWER,
)
from spacy.strings import get_string_id
from spacy.tokens import Doc

OFFSETS_KEY = "boundary_offsets"
LEXICAL_KEY = "boundary_lexical"
SHAPES_KEY = "boundary_shapes"
#: The text the pipeline's doc was made from (set by the engine; ``doc.text`` otherwise).
TEXT_KEY = "boundary_text"
#: Identifier shapes as scorer terms: a word with three or more digits (phone, MRN, date,
#: street number), an email address, two capitalised words in a row (a name). The words
#: themselves are too varied to learn; their shapes are what makes a message identify
#: someone.
SHAPE_TERMS = ("§num", "§email", "§name")
NUM, EMAIL, NAME = (get_string_id(t) for t in SHAPE_TERMS)
_SHAPE_NAMES = {get_string_id(t): t for t in SHAPE_TERMS}
#: ``doc.user_data`` key of the cue terms (:func:`cue_terms`), set by the cue component.
CUE_TERMS_KEY = "boundary_cue_terms"
#: A cue label as a scorer term is this prefix and the label: ``§cue:TOUCH``.
CUE_PREFIX = "§cue:"
#: ``doc.user_data`` key of :func:`extra_terms` (shapes and cue labels, read once per doc).
EXTRA_KEY = "boundary_extra_terms"
_digits: dict[int, int] = {}
#: What a text needs before any of its tokens can have a shape: three digits in one run of
#: non-space characters, an "@", or a capitalised word followed by another capital (checked
#: in ASCII text; other text is always read token by token).
_MAY_SHAPE = re.compile(r"\d\S*?\d\S*?\d|@|[A-Z][a-z]*\s+[A-Z]")
#: A scorer term as string hashes: a word's LOWER hash, or a pair of them for a bigram.
TermId = int | tuple[int, int]


def cue_term(label: str) -> int:
    """The scorer term of a cue label (``§cue:`` and the label) as its string hash."""
    name = CUE_PREFIX + label
    key = get_string_id(name)
    _SHAPE_NAMES[key] = name  # for window_terms
    return key


def cue_terms(doc: Doc) -> list[tuple[int, int, int]]:
    """The cue labels the rules matched in ``doc`` as scorer terms: (hash, start, end).

    Set by the cue component (``boundary_cues``) for every message with a cue phrase,
    after overlaps are resolved (a cue hidden by ``IGNORE``, "client" in "client portal",
    is not a term); empty before it has run.
    """
    found: list[tuple[int, int, int]] = doc.user_data.get(CUE_TERMS_KEY) or []
    return found


def extra_terms(doc: Doc) -> list[tuple[int, int, int]]:
    """The scorer's terms besides words: identifier shapes, then cue labels (cached)."""
    found: list[tuple[int, int, int]] | None = doc.user_data.get(EXTRA_KEY)
    if found is None:
        found = doc.user_data[EXTRA_KEY] = shapes(doc) + cue_terms(doc)
    return found


def token_offsets(doc: Doc) -> tuple[list[int], list[int]]:
    """Every token's start and end character offset in ``doc.text`` (cached on the doc)."""
    cached: tuple[list[int], list[int]] | None = doc.user_data.get(OFFSETS_KEY)
    if cached is None:
        array = doc.to_array([IDX, LENGTH])
        starts = array[:, 0].tolist()
        cached = (starts, [s + n for s, n in zip(starts, array[:, 1].tolist(), strict=True)])
        doc.user_data[OFFSETS_KEY] = cached
    return cached


def window_terms(doc: Doc, start: int, end: int) -> list[tuple[str, int, int]]:
    """The scorer's word features of tokens ``start:end`` (see :func:`scorer.terms`).

    (term, start token, end token) for the lower-cased unigrams that are not punctuation,
    space or brackets, then the bigrams of neighbouring such tokens, then the identifier
    shapes and cue labels (:func:`extra_terms`) that lie inside the window.
    """
    strings = doc.vocab.strings
    return [
        (
            (_SHAPE_NAMES.get(key) or strings[key])
            if isinstance(key, int)
            else f"{strings[key[0]]} {strings[key[1]]}",
            i,
            j,
        )
        for key, i, j in window_ids(doc, start, end)
    ]


def lexical(doc: Doc) -> tuple[list[int], list[bool]]:
    """Every token's LOWER hash, and whether it is punctuation, space or a bracket (cached)."""
    found: tuple[list[int], list[bool]] | None = doc.user_data.get(LEXICAL_KEY)
    if found is None:
        array = doc.to_array([LOWER, IS_PUNCT, IS_SPACE, IS_BRACKET])
        found = (array[:, 0].tolist(), (array[:, 1:].sum(axis=1) > 0).tolist())
        doc.user_data[LEXICAL_KEY] = found
    return found


def shapes(doc: Doc) -> list[tuple[int, int, int]]:
    """The identifier shapes of ``doc`` (:data:`SHAPE_TERMS`): (hash, start, end), cached."""
    found: list[tuple[int, int, int]] | None = doc.user_data.get(SHAPES_KEY)
    if found is None:
        found = []
        text: str = doc.user_data.get(TEXT_KEY) or doc.text
        if text.isascii() and _MAY_SHAPE.search(text) is None:
            doc.user_data[SHAPES_KEY] = found
            return found
        lowers = lexical(doc)[0]
        strings = doc.vocab.strings
        if len(_digits) > 100_000:
            _digits.clear()
        prev = False
        for i, (title, alpha, email) in enumerate(
            doc.to_array([IS_TITLE, IS_ALPHA, LIKE_EMAIL]).tolist()
        ):
            if email:
                found.append((EMAIL, i, i + 1))
            else:
                key = lowers[i]
                n = _digits.get(key)
                if n is None:
                    n = _digits[key] = sum(c.isdigit() for c in strings[key])
                if n >= 3:
                    found.append((NUM, i, i + 1))
            name = bool(title and alpha)
            if name and prev:
                found.append((NAME, i - 1, i + 1))
            prev = name
        doc.user_data[SHAPES_KEY] = found
    return found


def window_ids(doc: Doc, start: int, end: int) -> list[tuple[TermId, int, int]]:
    """:func:`window_terms` with each term as its string hash (a bigram: a pair of hashes).

    The scorer looks terms up by these (``ScorerWeights.ids``): no string is built.
    """
    lowers, skip = lexical(doc)
    kept = [(lowers[i], i) for i in range(start, end) if not skip[i]]
    out: list[tuple[TermId, int, int]] = [(key, i, i + 1) for key, i in kept]
    for (a, i), (b, j) in pairwise(kept):
        if j == i + 1:
            out.append(((a, b), i, j + 1))
    out += [(key, i, j) for key, i, j in extra_terms(doc) if i >= start and j <= end]
    return out
