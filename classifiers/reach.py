"""What a phrase pattern reaches under lemma folding, and when it silently reaches less.

Cue phrases are matched on NORM with the lemma table folded into the norms of the words
the patterns use (:func:`~classifiers.lexicon.folded_norms`): "hugged" and "hugging" get the
norm "hug", so the phrase "hug me" matches them. A form that is itself a word of some
phrase keeps its own norm, so that "friended me" does not widen to every "friend me". The
price: once any phrase uses "grabbed", every phrase written with "grab" stops matching
"grabbed", and nothing said so. :func:`reach_warnings` says so for a rule directory
(``boundary-bot rules check``): which of its phrases miss forms of their words, and which
other phrases its words take a form away from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from .lexicon import WORD, inflections, lemma_table
from .rules import BUNDLED_RULES_DIR, ContextRule, CueRule, RuleSet, load_rule_file, load_rules

#: Phrases named per warning before "and N more".
_SHOWN = 3

Rule = CueRule | ContextRule


@dataclass(frozen=True)
class Reach:
    """The phrase words of a rule set and, per lemma, its forms that keep their own norm."""

    words: frozenset[str]
    kept: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, rules: Iterable[Rule]) -> Reach:
        """The reach of ``rules``' phrases (cue and context words both decide the folding,
        as in :func:`~classifiers.lexicon.folded_norms`)."""
        texts = (r.pattern for r in rules if isinstance(r.pattern, str))
        words = frozenset(w for text in texts for w in WORD.findall(text.lower()))
        table = lemma_table()
        kept: dict[str, set[str]] = {}
        for form in words:
            lemma = table.get(form)
            if lemma is not None and lemma != form and form.isalpha():
                kept.setdefault(lemma, set()).add(form)
        for lemma in words:
            if lemma.isalpha() and len(lemma) >= 3:
                for form in inflections(lemma):
                    if form in words and form not in table:
                        kept.setdefault(lemma, set()).add(form)
        return cls(words, {lemma: frozenset(forms) for lemma, forms in kept.items()})


def _labelled_phrases(rules: Iterable[Rule]) -> dict[str, set[str]]:
    """Lower-cased cue phrases per label."""
    out: dict[str, set[str]] = {}
    for rule in rules:
        if isinstance(rule, CueRule) and isinstance(rule.pattern, str):
            out.setdefault(rule.label, set()).add(rule.pattern.lower())
    return out


def _missed(
    rule: CueRule, phrases: dict[str, set[str]], reach: Reach, inflected: set[str]
) -> list[str]:
    """Forms of the rule's base-form words that its phrase does not match, where phrases of
    the same label use the form (so it matters to them) and none is this phrase with it."""
    words = str(rule.pattern).lower().split(" ")
    siblings = phrases.get(rule.label, set())
    used = {w for phrase in siblings for w in phrase.split(" ")}
    missed = []
    for i, word in enumerate(words):
        if word in inflected or word in STOP_WORDS:
            continue  # an inflected word means that form only, as written
        for form in sorted(reach.kept.get(word, frozenset()) & used):
            if " ".join([*words[:i], form, *words[i + 1 :]]) not in siblings:
                missed.append(f"{form!r} (for {word!r})")
    return missed


def reach_warnings(
    own: Sequence[Rule], merged: Sequence[Rule], others: Sequence[Rule] = ()
) -> list[str]:
    """Warnings about the reach of the ``own`` rules' phrases, as plain sentences.

    ``merged`` is every rule that will be loaded (``own`` included); ``others`` are the rules
    loaded without ``own`` (the bundled ones, when an organisation directory is checked).
    Two kinds: a phrase of ``own`` written with a base form that does not match some of its
    forms (another phrase uses them), and a word of ``own`` that takes a form away from
    phrases of ``others`` that matched it before.
    """
    reach = Reach.of(merged)
    inflected = {form for forms in reach.kept.values() for form in forms}
    phrases = _labelled_phrases(merged)
    out = []
    for rule in own:
        if isinstance(rule, CueRule) and isinstance(rule.pattern, str):
            missed = _missed(rule, phrases, reach, inflected)
            if missed:
                out.append(
                    f"rule {rule.id} ({rule.pattern!r}) does not match {', '.join(missed)}: "
                    "another phrase uses that form, so it keeps its own norm; add the phrase "
                    "with that form if it should match"
                )
    if not others:
        return out
    before = Reach.of(others).words
    lemmas_of: dict[str, set[str]] = {}
    for lemma, forms in reach.kept.items():
        for form in forms:
            lemmas_of.setdefault(form, set()).add(lemma)
    for form in sorted(Reach.of(own).words - before):
        lemmas = (lemmas_of.get(form, set()) & before) - STOP_WORDS
        losing = [
            r
            for r in others
            if isinstance(r, CueRule)
            and isinstance(r.pattern, str)
            and not lemmas.isdisjoint(r.pattern.lower().split(" "))
        ]
        if losing:
            shown = ", ".join(f"{r.id} ({r.pattern!r})" for r in losing[:_SHOWN])
            more = f" and {len(losing) - _SHOWN} more" if len(losing) > _SHOWN else ""
            out.append(
                f"the word {form!r} now keeps its own norm: {len(losing)} other phrases "
                f"written with {' / '.join(repr(x) for x in sorted(lemmas))} stop matching "
                f"{form!r}, e.g. {shown}{more}"
            )
    return out


def check_reach(directory: Path, merged: RuleSet, *, with_bundled: bool = True) -> list[str]:
    """:func:`reach_warnings` for the phrase rules of ``directory``, given ``merged``, the
    rules it loads with (:func:`~classifiers.rules.check_directory`: over the bundled rules
    unless ``with_bundled`` is false)."""
    own: list[Rule] = []
    for path in sorted(Path(directory).glob("*.jsonl")):
        kind, rules = load_rule_file(path)
        if kind != "situations":
            own += [rule for _, rule in rules if isinstance(rule, CueRule | ContextRule)]
    everything: list[Rule] = [*merged.cues, *merged.context]
    if not with_bundled:
        return reach_warnings(own, everything)
    bundled = load_rules(BUNDLED_RULES_DIR)
    others: list[Rule] = [*bundled.cues, *bundled.context]
    return reach_warnings(own, everything, others)
