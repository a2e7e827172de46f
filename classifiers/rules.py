"""Rule files: pydantic models, loading, validation and directory merging.

A rule directory holds JSONL files (one JSON object per line, ``#`` lines and blank lines
ignored):

* ``context_*.jsonl`` – context rules (negation, policy, question, hypothetical, reported,
  pseudo, terminate), ConText style with a direction and a window;
* ``situations.jsonl`` – situation rules: which cue labels, co-occurring in one clause,
  make a category fire, with what severity;
* any other ``*.jsonl`` – cue rules in spaCy's pattern format (``label``, ``pattern``,
  ``id``) plus a one-line ``description``. String patterns are phrases matched on the
  lemma-folded NORM; list patterns are spaCy token patterns (keep them few: slow).

Every problem is raised as :class:`~classifiers.errors.RuleError` naming file, line, rule id
and the bad value.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass as std_dataclass
from dataclasses import fields
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic.dataclasses import dataclass
from spacy.schemas import validate_token_pattern

from .errors import RuleDirectoryError, RuleError
from .models import Category, Severity

#: The bundled rule directory.
BUNDLED_RULES_DIR = Path(__file__).parent / "rules"

_LABEL = r"^[A-Z][A-Z0-9_]{0,39}$"
_ALTERNATIVES = r"^[A-Z][A-Z0-9_]{0,39}(\|[A-Z][A-Z0-9_]{0,39}){0,5}$"
_RULE_ID = r"^[a-z0-9][a-z0-9_.\-]{0,79}$"
ContextLabel = Literal[
    "NEGATION",
    "POLICY",
    "HYPOTHETICAL",
    "QUESTION",
    "REPORTED",
    "PSEUDO",
    "TERMINATE",
    "UNRESOLVED",
]
#: Cue label that only shadows shorter cues it overlaps ("client portal" hides "client").
IGNORE_LABEL = "IGNORE"


def _one_line(value: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError("description must be one line")
    return value.strip()


def _check_pattern(value: str | list[dict[str, Any]]) -> str | list[dict[str, Any]]:
    if isinstance(value, str):
        if not value.strip():
            raise ValueError("a phrase pattern must not be empty")
        if len(value) > 200:
            raise ValueError("a phrase pattern must be at most 200 characters")
        return value
    if not value:
        raise ValueError("a token pattern must have at least one token")
    errors = validate_token_pattern(value)
    if errors:
        raise ValueError("invalid spaCy token pattern: " + "; ".join(errors))
    for token in value:
        regex = token.get("TEXT", {}) if isinstance(token.get("TEXT"), dict) else {}
        if isinstance(regex, dict) and "REGEX" in regex:
            try:
                re.compile(regex["REGEX"])
            except re.error as exc:
                raise ValueError(f"bad REGEX: {exc}") from exc
    return value


def _check_regex(value: str | None) -> str | None:
    if value is not None:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"bad regular expression: {exc}") from exc
    return value


RuleId = Annotated[str, Field(pattern=_RULE_ID)]
Description = Annotated[str, Field(min_length=3, max_length=200), AfterValidator(_one_line)]
Pattern = Annotated[str | list[dict[str, Any]], AfterValidator(_check_pattern)]

# Cue and context rules are pydantic dataclasses with slots, not models: a loaded classifier
# keeps some 22,000 of them, and a model instance (its __dict__ and fields-set) costs about
# 500 bytes more than a slotted dataclass of the same fields (11 MB of the RSS target).
_STRICT = ConfigDict(extra="forbid")


@dataclass(frozen=True, slots=True, config=_STRICT)
class CueRule:
    """A target/cue rule: spaCy pattern plus a label and a one-line description.

    ``requires`` (token patterns only) is a regular expression the message must contain for
    the token pattern to be tried at all; it keeps the slow Matcher off most messages.
    """

    id: RuleId
    description: Description
    pattern: Pattern
    label: Annotated[str, Field(pattern=_LABEL)]
    requires: Annotated[str | None, AfterValidator(_check_regex)] = None

    @classmethod
    def unchecked(cls, **fields: Any) -> CueRule:
        """A rule built without validation (for the scorer's learned evidence)."""
        rule = object.__new__(cls)
        for name in ("id", "description", "pattern", "label", "requires"):
            object.__setattr__(rule, name, fields.get(name))
        return rule


@dataclass(frozen=True, slots=True, config=_STRICT)
class ContextRule:
    """A ConText-style context rule (negation, policy, question, ...)."""

    id: RuleId
    description: Description
    pattern: Pattern
    label: ContextLabel
    direction: Literal["forward", "backward", "both"] = "forward"
    window: Annotated[int, Field(ge=1, le=60)] = 8
    #: "message": the cue frames the whole message ("Reminder:", "training recap"), so it
    #: applies to every finding in it regardless of clause, direction and window.
    scope: Literal["clause", "message"] = "clause"
    #: POLICY: the message is teaching material (a role play, a case vignette, a script), so
    #: it is suppressed even when it asks a question ("how would you answer?"). NEGATION: the
    #: writer's own stance ("I would never friend a pt, but how do you lock a profile?"), so
    #: what it negates stays negated when the message goes on to ask about something else.
    outranks_question: bool = False
    #: NEGATION only: the writer reports a client's approach closed ("told her no", "I
    #: declined", labelling policy 11). An UNRESOLVED cue anywhere in the message ("she
    #: keeps asking", "again", "won't stop") outranks it: the approach is still open.
    closure: bool = False


def is_stance(rule: CueRule | ContextRule) -> bool:
    """Whether ``rule`` states the writer's own stance ("I'd never ..."): a NEGATION that
    outranks a question mark, and whose matches take no other context match's words."""
    return isinstance(rule, ContextRule) and rule.label == "NEGATION" and rule.outranks_question


class SituationRule(BaseModel):
    """A category fires when ``all`` cues (and one of ``any``, if given) share a clause.

    An ``all`` entry may list alternatives (``"CLIENT|FORMER"``). ``none`` lists cues that veto
    the rule in that clause. ``carry`` lists ``all`` entries that may also come from
    neighbouring clauses of the same message (up to ``carry_clauses`` away). ``excludes``
    names categories this finding replaces in the same message (romance over socializing).
    ``actor_takes_part``: the possessive in a clause-opening "my client" does not count as
    the clinician (``ACTOR``), for cues a client can do alone ("my client went to a party",
    "my client is on instagram"); the writer has to appear as a participant.
    ``despite_policy``: a policy or reminder statement does not suppress the finding ("Reminder
    for saturday float: <name>, MRN <number>" still posts the identifier; labelling policy 7).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: RuleId
    description: Description
    category: Category
    severity: Severity
    all: Annotated[list[Annotated[str, Field(pattern=_ALTERNATIVES)]], Field(min_length=1)]
    any: list[Annotated[str, Field(pattern=_LABEL)]] = []
    none: list[Annotated[str, Field(pattern=_LABEL)]] = []
    carry: list[Annotated[str, Field(pattern=_ALTERNATIVES)]] = []
    carry_clauses: Annotated[int, Field(ge=0, le=5)] = 2
    excludes: list[Category] = []
    actor_takes_part: bool = False
    despite_policy: bool = False

    def label_groups(self) -> tuple[frozenset[str], ...]:
        """The ``all`` entries as sets of alternative labels."""
        return tuple(frozenset(group.split("|")) for group in self.all)

    def labels(self) -> set[str]:
        """Every cue label this rule mentions (alternatives split)."""
        names = {x for group in self.all + self.carry for x in group.split("|")}
        return names | set(self.any) | set(self.none)


@std_dataclass(frozen=True)
class RuleSet:
    """All rules of one or more directories, merged and cross-checked."""

    cues: tuple[CueRule, ...]
    context: tuple[ContextRule, ...]
    situations: tuple[SituationRule, ...]
    sources: tuple[str, ...] = ()


def _kind_of(path: Path) -> str:
    if path.name.startswith("context_"):
        return "context"
    if path.name.startswith("situations"):
        return "situations"
    return "cues"


Rule = CueRule | ContextRule | SituationRule
_ADAPTERS: dict[str, TypeAdapter[Any]] = {
    "cues": TypeAdapter(CueRule),
    "context": TypeAdapter(ContextRule),
    "situations": TypeAdapter(SituationRule),
}
_FIELDS: dict[str, tuple[str, ...]] = {
    "cues": tuple(f.name for f in fields(CueRule)),
    "context": tuple(f.name for f in fields(ContextRule)),
    "situations": tuple(SituationRule.model_fields),
}


def rule_json(rule: Rule) -> str:
    """The rule as one line of JSON (every field, defaults included)."""
    kind = "situations" if isinstance(rule, SituationRule) else "cues"
    if isinstance(rule, ContextRule):
        kind = "context"
    return _ADAPTERS[kind].dump_json(rule).decode("utf-8")


def parse_rule(kind: str, line: str) -> Rule:
    """Validate one JSON line as a rule of ``kind`` ("cues", "context" or "situations")."""
    rule: Rule = _ADAPTERS[kind].validate_json(line)
    return rule


def load_rule_file(path: Path) -> tuple[str, list[tuple[int, Rule]]]:
    """Parse and validate one JSONL rule file; returns its kind and (line, rule) pairs."""
    kind = _kind_of(path)
    adapter = _ADAPTERS[kind]
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read the file as UTF-8 text: {exc}", file=str(path)) from exc
    rules: list[tuple[int, Rule]] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:  # fast path: pydantic parses and validates the JSON in one step
            rule = adapter.validate_json(line)
        except ValidationError:
            rule = _validate_slowly(path, number, line, kind)
        if rule.id in seen:
            raise RuleError(
                f"duplicate rule id (first on line {seen[rule.id]})",
                file=str(path),
                line=number,
                rule_id=rule.id,
                value=rule.id,
            )
        seen[rule.id] = number
        rules.append((number, rule))
    return kind, rules


def _validate_slowly(path: Path, number: int, line: str, kind: str) -> Rule:
    """Validate a line that failed the fast path, raising the error that says what is wrong."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RuleError(
            f"expected one JSON object per line, got invalid JSON ({exc.msg})",
            file=str(path),
            line=number,
            value=line[:80],
        ) from exc
    if not isinstance(data, dict):
        raise RuleError(
            "expected a JSON object", file=str(path), line=number, value=type(data).__name__
        )
    rule_id = data.get("id") if isinstance(data.get("id"), str) else None
    try:
        rule: Rule = _ADAPTERS[kind].validate_python(data)
        return rule
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"]) or "rule"
        message = err["msg"]
        if err["type"] in ("unexpected_keyword_argument", "extra_forbidden"):
            message = f"unknown field, expected one of {', '.join(_FIELDS[kind])}"
        raise RuleError(
            f"field {loc!r}: {message}",
            file=str(path),
            line=number,
            rule_id=rule_id,
            value=err.get("input"),
        ) from None


def load_rules(*directories: Path) -> RuleSet:
    """Load and merge rule directories in order (later directories add or override by id)."""
    cues: dict[str, CueRule] = {}
    context: dict[str, ContextRule] = {}
    situations: dict[str, SituationRule] = {}
    where: dict[str, tuple[str, int]] = {}
    sources: list[str] = []
    for directory in directories:
        directory = Path(directory)
        if not directory.is_dir():
            raise RuleDirectoryError(
                f"expected a directory of *.jsonl rule files, got {str(directory)!r} "
                "which is not a directory"
            )
        files = sorted(directory.glob("*.jsonl"))
        if not files:
            raise RuleDirectoryError(
                f"expected *.jsonl rule files in {str(directory)!r}, found none"
            )
        sources.append(str(directory))
        for path in files:
            kind, rules = load_rule_file(path)
            targets: dict[str, dict[str, Any]] = {
                "cues": cues,
                "context": context,
                "situations": situations,
            }
            target = targets[kind]
            for number, rule in rules:
                target[rule.id] = rule
                where[rule.id] = (str(path), number)
    cue_labels = {r.label for r in cues.values()}
    for rule in situations.values():
        missing = sorted(rule.labels() - cue_labels)
        if missing:
            file, line = where[rule.id]
            raise RuleError(
                "situation mentions cue labels that no cue rule defines",
                file=file,
                line=line,
                rule_id=rule.id,
                value=missing,
            )
    return RuleSet(
        cues=tuple(cues.values()),
        context=tuple(context.values()),
        situations=tuple(situations.values()),
        sources=tuple(sources),
    )


def check_directory(directory: Path, *, with_bundled: bool = True) -> RuleSet:
    """Validate a rule directory (merged over the bundled rules unless told otherwise)."""
    if with_bundled:
        return load_rules(BUNDLED_RULES_DIR, directory)
    return load_rules(directory)
