"""Words a token pattern cannot match without: a cheap check before its ``requires`` regex.

A token pattern whose mandatory tokens are literal words (``ORTH``/``LOWER`` as a string or an
``IN`` list) cannot match a doc lacking those words. One set of the doc's lower-cased token
hashes per message and a few ``isdisjoint`` calls per token group rule out most groups before
any regex runs (the planner used to search a dozen regexes per message with a cue). The
conditions are necessary, never sufficient: the ``requires`` regex and the Matcher still decide.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.attrs import LOWER

#: What the patterns of a group need among a doc's lower-cased tokens: sets of words that
#: must each be met by at least one token (see :func:`word_needs`).
WordNeeds = tuple[frozenset[str], ...]
_OPTIONAL = frozenset(("?", "*", "!"))
#: Words too common to make a selective condition when a choice is offered.
_COMMON = frozenset(
    "a an and at for from her his i in is it me my of on our she he the their they to we with"
    " you your".split()
)


def _pattern_needs(pattern: Sequence[dict[str, Any]]) -> list[frozenset[str]]:
    """Per mandatory token of ``pattern``: the lower-cased words one of which it must be."""
    needs = []
    for spec in pattern:
        op = str(spec.get("OP", ""))
        if op in _OPTIONAL or op.startswith(("{0", "{,")):
            continue
        for attr in ("ORTH", "LOWER"):  # ORTH "X" needs LOWER "x"
            value = spec.get(attr)
            if isinstance(value, str):
                needs.append(frozenset((value.lower(),)))
            elif isinstance(value, dict) and set(value) == {"IN"}:
                needs.append(frozenset(str(v).lower() for v in value["IN"]))
    return needs


def _commonness(words: frozenset[str]) -> tuple[float, int]:
    return (len(words & _COMMON) / len(words), len(words))


def word_needs(patterns: Sequence[Sequence[dict[str, Any]]]) -> WordNeeds | None:
    """Word sets a doc's lower-cased tokens must each meet for one of ``patterns`` to match.

    Only mandatory tokens count (no ``OP`` of ``?``, ``*``, ``!`` or a ``{0,..}``/``{,m}``
    quantifier), with ``ORTH``/``LOWER`` given as a string or an ``IN`` list. One pattern
    needs all its sets, least common first (the planner indexes groups by the first);
    several need the union of one set from each (the least common one), since any of them
    may match. None when some pattern demands no literal word.
    """
    per_pattern = [_pattern_needs(p) for p in patterns]
    if not per_pattern or not all(per_pattern):
        return None
    if len(per_pattern) == 1:
        return tuple(sorted(dict.fromkeys(per_pattern[0]), key=_commonness))
    return (frozenset().union(*(min(needs, key=_commonness) for needs in per_pattern)),)


def doc_words(doc: Any) -> set[int]:
    """The LOWER hashes of a doc's tokens (the set :meth:`TokenGroup.has_words` looks in)."""
    return set(doc.to_array(LOWER).tolist())
