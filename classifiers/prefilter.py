"""Cheap necessary conditions for the ``requires`` regexes of token patterns.

A ``requires`` regex keeps the slow ``Matcher`` off most messages, but searching a dozen
regexes in every message with a cue costs more than tokenizing it. This module derives, from
the parsed regex, what an ASCII text must contain for the regex to match at all: literal
strings (compared case-folded, which is a weaker but still necessary condition), small
character classes (digits, "@"), or an upper-case letter. Those are checked with ``in`` and
one ``str.lower()`` per message; the regex itself runs only when they all hold.

The conditions are necessary, never sufficient, and only used on ASCII text (Unicode case
folding and Unicode digits would need more care than they are worth here).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from typing import Any

from .memo import Memo

try:  # the regex parser is private (``re._parser`` since 3.11); without it nothing is skipped
    _p: Any = importlib.import_module("re._parser")
    _c: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - other Python versions
    _p = _c = None

#: A requirement: the lower-cased text must contain one of these strings; the special
#: value ``UPPER`` means the original text must contain an ASCII capital letter.
Requirement = frozenset[str]
UPPER: Requirement = frozenset(("\0upper",))
#: Special requirement: the text must contain three digits in a row (``\d{3}``).
DIGITS3: Requirement = frozenset(("\0digits3",))
_SPECIAL = (UPPER, DIGITS3)
_ASCII = [chr(i) for i in range(128)]
_MAX_CLASS = 10  # larger character classes are too common to be worth checking
_CATEGORY_RE = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


def _class_chars(items: Any, folded: bool) -> Requirement | None:
    """The ASCII characters an ``IN`` node matches, as a requirement (None: too broad)."""
    chars: set[str] = set()
    negate = False
    for op, av in items:
        name = str(op)
        if folded and name in ("LITERAL", "RANGE") and max(av if name == "RANGE" else (av,)) > 127:
            return None  # under IGNORECASE "ſ" matches "s", "K" (Kelvin) matches "k"
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            chars.add(chr(av))
        elif name == "RANGE":
            chars.update(chr(i) for i in range(av[0], min(av[1], 127) + 1))
        elif name == "CATEGORY" and str(av) in _CATEGORY_RE:
            probe = re.compile(_CATEGORY_RE[str(av)])
            chars.update(c for c in _ASCII if probe.match(c))
        else:
            return None
    if negate:
        chars = set(_ASCII) - chars
    if not folded and chars and chars <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ"):
        return UPPER
    lowered = frozenset(c.lower() for c in chars)
    return lowered if 0 < len(lowered) <= _MAX_CLASS else None


def _needs(seq: Any, folded: bool) -> list[Requirement]:
    """Requirements of a parsed sequence; ``folded`` when matching ignores case."""
    out: list[Requirement] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            literal = "".join(run)
            if literal.isascii() or not folded:  # see _class_chars on non-ASCII folding
                out.append(frozenset((literal.lower(),)))
            run.clear()

    for op, av in seq:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(av))
            continue
        if name == "AT":
            continue  # zero-width: the literals around it are adjacent in the text
        flush()
        if name == "IN":
            req = _class_chars(av, folded)
            if req is not None:
                out.append(req)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            if av[0] >= 3 and _digit_class(av[2]):
                out.append(DIGITS3)
            out.extend(_needs(av[2], folded))
        elif name == "SUBPATTERN":
            add, remove = av[1], av[2]
            inner = (folded or bool(add & _c.SRE_FLAG_IGNORECASE)) and not (
                remove & _c.SRE_FLAG_IGNORECASE
            )
            out.extend(_needs(av[3], inner))
        elif name == "ATOMIC_GROUP":
            out.extend(_needs(av, folded))
        elif name == "BRANCH":
            best = [_best(_needs(alt, folded)) for alt in av[1]]
            if all(b is not None and b not in _SPECIAL for b in best):
                out.append(frozenset().union(*best))  # type: ignore[arg-type]
    flush()
    return out


def _digit_class(seq: Any) -> bool:
    """Whether a parsed sequence is one character class of digits only (``[0-9]``, ...)."""
    items = list(seq)
    if len(items) != 1 or str(items[0][0]) != "IN":
        return False
    chars = _class_chars(items[0][1], False)
    return chars is not None and chars <= _DIGITS


def _best(reqs: list[Requirement]) -> Requirement | None:
    """The most selective requirement: the longest shortest string, then fewest options."""
    usable = [r for r in reqs if r not in _SPECIAL]
    if not usable:
        return None
    return max(usable, key=lambda r: (min(map(len, r)), -len(r)))


def requirements(pattern: str) -> tuple[Requirement, ...]:
    """Necessary conditions for ``re.search(pattern, text)`` on an ASCII ``text``."""
    if _p is None:
        return ()
    try:
        parsed = _p.parse(pattern)
    except re.error:
        return ()
    folded = bool(parsed.state.flags & _c.SRE_FLAG_IGNORECASE)
    reqs = list(dict.fromkeys(_needs(parsed, folded)))
    chosen = [r for r in _SPECIAL if r in reqs]
    usable = [r for r in reqs if r not in _SPECIAL]
    usable.sort(key=lambda r: (min(map(len, r)), -len(r)), reverse=True)
    return tuple(chosen + usable[:3])


def holds(req: Requirement, text: str, lowered: str) -> bool:
    """Whether an ASCII text (and its lower-cased form) meets one requirement."""
    if req == UPPER:
        return text != lowered
    if req == DIGITS3:
        return _DIGIT3.search(text) is not None
    return any(s in lowered for s in req)


#: Character features of a message that most ``requires`` regexes need: a digit, an "@",
#: an upper-case letter, three digits in a row (record and phone numbers: "pt in 12" has
#: none, so the identifier groups are not even considered). They are tested once per
#: message and decide, with the labels of the phrase cues, which token groups are worth a
#: look (the plan is cached per pair).
DIGIT, AT, CAPITAL, DIGIT3 = 1, 2, 4, 8
_DIGIT = re.compile(r"\d")
_DIGIT3 = re.compile(r"\d{3}")
_DIGITS = frozenset("0123456789")


def features(text: str, lowered: str) -> int:
    """The DIGIT/AT/CAPITAL/DIGIT3 bits of ``text`` (exact for any text, ASCII or not)."""
    bits = 0
    if _DIGIT.search(text):
        bits = DIGIT | DIGIT3 if _DIGIT3.search(text) else DIGIT
    if "@" in text:
        bits |= AT
    if text != lowered:
        bits |= CAPITAL
    return bits


def _feature_bits(needs: Sequence[Requirement]) -> int:
    bits = 0
    for req in needs:
        if req == UPPER:
            bits |= CAPITAL
        elif req == DIGITS3:
            bits |= DIGIT | DIGIT3
        elif req <= _DIGITS:
            bits |= DIGIT
        elif req == frozenset("@"):
            bits |= AT
    return bits


class TokenGroup:
    """Token patterns sharing one ``requires`` regex, in one ``Matcher``."""

    __slots__ = (
        "_all",
        "_checks",
        "bits",
        "index",
        "labels",
        "matcher",
        "needs",
        "requires",
        "words",
    )

    def __init__(
        self,
        requires: str | None,
        matcher: Any,
        labels: frozenset[str],
        index: int = 0,
        words: tuple[frozenset[int], ...] | None = None,
        needs: tuple[Requirement, ...] | None = None,
    ) -> None:
        """``needs``: ``requirements(requires)`` when already known (it parses the regex)."""
        self.index = index  # position among the groups (matches are combined in this order)
        self.requires = re.compile(requires) if requires else None
        if needs is None:
            needs = requirements(requires) if requires else ()
        self.needs = needs
        self.bits = _feature_bits(self.needs)
        # what the feature bits do not already guarantee (see :meth:`passes`)
        self._all = _compiled(self.needs)
        self._checks = _compiled([r for r in self.needs if not _feature_bits((r,))])
        self.matcher = matcher
        self.labels = labels
        #: ``tokenneeds.word_needs`` of the patterns as LOWER hashes (None: no word check)
        self.words = words

    def has_words(self, lowers: set[int]) -> bool:
        """Whether the doc's lower-cased tokens (``tokenneeds.doc_words``) meet every set of
        ``words``."""
        if self.words is not None:
            for needed in self.words:
                if needed.isdisjoint(lowers):
                    return False
        return True

    def may_match(self, text: str, lowered: str | None) -> bool:
        """Whether the ``requires`` regex matches (``lowered``: the ASCII text lower-cased)."""
        return self._search(self._all, text, lowered)

    def passes(self, text: str, lowered: str | None) -> bool:
        """:meth:`may_match` for a text known to have every feature bit in ``self.bits``."""
        return self._search(self._checks, text, lowered)

    def _search(self, tests: Sequence[_Test], text: str, lowered: str | None) -> bool:
        if self.requires is None:
            return True
        if lowered is not None:
            for test in tests:
                if isinstance(test, str):
                    if test not in lowered:
                        return False
                elif isinstance(test, re.Pattern):
                    if test.search(lowered) is None:
                        return False
                elif not holds(test, text, lowered):
                    return False
        return self.requires.search(text) is not None


#: A compiled requirement: one string to find, an alternation of several, or a special one.
_Test = str | re.Pattern[str] | Requirement


def _compiled(reqs: Sequence[Requirement]) -> tuple[_Test, ...]:
    """``reqs`` as tests :meth:`TokenGroup._search` runs fast (same answers as :func:`holds`).

    One string is an ``in`` test; several become one regex alternation, searched in C instead
    of a Python loop over dozens of ``in`` tests (a list of kin words, of trades).
    """
    out: list[_Test] = []
    for req in reqs:
        if req in _SPECIAL:
            out.append(req)
        elif len(req) == 1:
            out.append(next(iter(req)))
        else:
            out.append(re.compile("|".join(re.escape(s) for s in sorted(req))))
    return tuple(out)


Plan = tuple[TokenGroup, ...] | None
#: What a plan needs for the word check: the indices of its groups that have word needs,
#: and its groups without any, in plan order (see :meth:`Planner.select`).
_WordPlan = tuple[frozenset[int], tuple[TokenGroup, ...]] | None


def _plan_id(entry: tuple[Plan, _WordPlan]) -> tuple[int, ...] | None:
    """What tells plans apart: their groups' indices (None for a rejecting plan)."""
    plan = entry[0]
    return None if plan is None else tuple(g.index for g in plan)


def _word_plan(plan: Plan) -> _WordPlan:
    """The word-check view of ``plan`` (None: no group in it has word needs)."""
    if not plan or all(g.words is None for g in plan):
        return None
    worded = frozenset(g.index for g in plan if g.words is not None)
    return worded, tuple(g for g in plan if g.words is None)


class Planner:
    """Chooses the token groups worth running on a message (see :meth:`select`).

    ``gate(labels)`` tells whether some situation could fire with ``labels`` and
    ``relevant(labels)`` which labels the situations that could fire mention (needs and
    vetoes). A group whose labels no possible situation mentions is not run (its matches
    could neither be evidence nor veto anything), nor one whose regex needs a character
    feature the message lacks; when even every remaining group matching could not make a
    situation fire, the message is rejected before any regex runs.
    """

    def __init__(
        self,
        groups: Sequence[TokenGroup],
        gate: Callable[[frozenset[str]], bool],
        relevant: Callable[[frozenset[str]], frozenset[str]],
    ) -> None:
        self.groups = tuple(groups)
        self.gate = gate
        self.relevant = relevant
        self._plans: Memo[tuple[frozenset[str], int], tuple[Plan, _WordPlan]] = Memo(_plan_id)
        # Every group with word needs, indexed by the words of its first (least common) need
        # set: a group meets its needs only if one of those words is in the doc, so the
        # groups reached from the doc's words are the only ones to check.
        by_word: dict[int, list[TokenGroup]] = {}
        for group in self.groups:
            if group.words is not None:
                for word in group.words[0]:
                    by_word.setdefault(word, []).append(group)
        self._by_word = {w: tuple(gs) for w, gs in by_word.items()}
        self._indexed = frozenset(by_word)
        #: each group's position in ``groups``: chosen groups run in that order
        self._order = {g.index: i for i, g in enumerate(self.groups)}

    def _plan(self, present: frozenset[str], bits: int) -> Plan:
        candidates = tuple(g for g in self.groups if not g.bits & ~bits)
        while True:
            possible = present.union(*[g.labels for g in candidates])
            if not self.gate(possible):
                return None
            wanted = self.relevant(possible)
            kept = tuple(g for g in candidates if not g.labels.isdisjoint(wanted))
            if len(kept) == len(candidates):
                return kept
            candidates = kept

    def select(
        self,
        present: frozenset[str],
        text: str,
        words: Callable[[], set[int]] | None = None,
    ) -> list[TokenGroup] | None:
        """The groups whose regex matches ``text`` and that matter, or None to reject.

        ``words`` returns the doc's lower-cased token hashes (``tokenneeds.doc_words``); a
        group whose patterns miss a mandatory word there could not match, so it is not chosen.
        """
        lowered = text.lower()
        key = (present, features(text, lowered))
        entry = self._plans.get(key)
        if entry is None:
            plan = self._plan(*key)
            entry = self._plans.put(key, (plan, _word_plan(plan)))
        plan, word_plan = entry
        if plan is None:
            return None
        if not plan:
            return [] if self.gate(present) else None
        ascii_lowered = lowered if text.isascii() else None
        if words is not None and word_plan is not None:
            worded, plain = word_plan
            found = words()
            hit = self._indexed.intersection(found)
            if hit:
                # only the groups reached from the doc's words, not the whole plan (which
                # holds most groups when a message has common cues)
                by_word = self._by_word
                reached = {g for w in hit for g in by_word[w] if g.index in worded}
                kept = [g for g in reached if g.has_words(found)]
                kept += plain
                order = self._order
                plan = tuple(sorted(kept, key=lambda g: order[g.index]))
            else:
                plan = plain
        chosen = [g for g in plan if g.passes(text, ascii_lowered)]
        if not chosen:
            return [] if self.gate(present) else None
        if not self.gate(present.union(*[g.labels for g in chosen])):
            return None
        return chosen
