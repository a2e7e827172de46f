"""Result models of the classifier: the public contract read by ``responses/`` and ``bot/``.

Everything here is plain pydantic data. Offsets are character offsets into the ORIGINAL
text handed to :meth:`Classifier.assess` (before Slack-markup normalisation), so a
renderer can quote exactly what the user wrote.
"""

from __future__ import annotations

from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

Category = Literal[
    "socializing",
    "social_media",
    "personal_contact",
    "romantic",
    "physical_contact",
    "gifts",
    "dual_relationship",
    "post_termination",
    "self_disclosure",
    "phi_disclosure",
    "phi_exposure",
]

#: The eleven category names, in display order. They are public API.
CATEGORIES: tuple[Category, ...] = (
    "socializing",
    "social_media",
    "personal_contact",
    "romantic",
    "physical_contact",
    "gifts",
    "dual_relationship",
    "post_termination",
    "self_disclosure",
    "phi_disclosure",
    "phi_exposure",
)

Severity = Literal["info", "caution", "high"]

#: Severities in increasing order, for threshold comparisons.
SEVERITY_ORDER: dict[Severity, int] = {"info": 0, "caution": 1, "high": 2}

ContextKind = Literal["negation", "policy", "hypothetical", "question", "reported"]
SuppressionReason = Literal["negated", "policy", "unlikely"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


_M = TypeVar("_M", bound=_Frozen)
_new = object.__new__
_set = object.__setattr__
_FIELDS_SET: dict[type, set[str]] = {}


def trusted(cls: type[_M], **fields: Any) -> _M:
    """An instance of ``cls`` from EVERY field's value, already valid (no validation).

    What ``cls.model_construct(**fields)`` builds when every field is given, at a third of
    the cost (it checks defaults and aliases field by field): the engine builds several
    models per finding from values it produced itself. Tests compare the two.
    """
    obj = _new(cls)
    _set(obj, "__dict__", fields)
    # every field is set, so all instances of a class can share one fields-set: a set per
    # result model was half the memory of a batch's results. Sharing is safe because these
    # models are frozen and pydantic copies the set before changing it (``model_copy``).
    names = _FIELDS_SET.get(cls)
    if names is None or fields.keys() != names:
        names = _FIELDS_SET[cls] = set(fields)
    _set(obj, "__pydantic_fields_set__", names)
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


class Evidence(_Frozen):
    """One matched span that contributed to a finding."""

    start: int = Field(ge=0, description="Start offset into the original text.")
    end: int = Field(ge=0, description="End offset (exclusive) into the original text.")
    text: str = Field(description="The original text between start and end.")
    rule_id: str
    description: str = Field(description="The rule's one-line human description.")
    cue: str = Field(description="The cue label this span matched, e.g. CLIENT_REF.")


class ContextHit(_Frozen):
    """A context word (negation, policy, question, ...) that modified a finding."""

    kind: ContextKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    rule_id: str


class Finding(_Frozen):
    """A recognised boundary situation in one sentence or clause."""

    category: Category
    severity: Severity
    rule_id: str = Field(description="The situation rule that fired.")
    description: str = Field(description="The situation rule's one-line description.")
    is_question: bool = False
    reported: bool = False
    quoted: bool = False
    evidence: tuple[Evidence, ...]
    context: tuple[ContextHit, ...] = ()
    score: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description="The learned scorer's probability for the category, when it ran.",
    )

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """The situation rule id followed by every cue rule id, without repeats."""
        seen: dict[str, None] = {self.rule_id: None}
        for ev in self.evidence:
            seen.setdefault(ev.rule_id, None)
        return tuple(seen)

    @property
    def trigger(self) -> Evidence:
        """The evidence span to show the user as "the phrase that triggered this"."""
        return self.evidence[0]


class SuppressedFinding(_Frozen):
    """A finding that was turned off, with the reason and what did it.

    ``negated`` and ``policy``: the context ``cue`` that did it. ``unlikely``: the learned
    scorer (``classifiers.scorer``) gave the category only ``score`` (no cue).
    """

    finding: Finding
    reason: SuppressionReason
    cue: ContextHit | None = None
    score: float | None = Field(default=None, ge=0.0, le=1.0)


class Assessment(_Frozen):
    """The classifier's verdict on one message."""

    text_length: int = Field(ge=0)
    findings: tuple[Finding, ...] = ()
    suppressed: tuple[SuppressedFinding, ...] = ()
    skipped: Literal["too_long", "empty"] | None = Field(
        default=None, description="Set when the text was not classified, with the reason."
    )

    @property
    def categories(self) -> list[Category]:
        """Sorted names of the categories that have (non-suppressed) findings."""
        return sorted({f.category for f in self.findings})

    def at_or_above(self, threshold: Severity) -> tuple[Finding, ...]:
        """Findings whose severity is at or above ``threshold``."""
        limit = SEVERITY_ORDER[threshold]
        return tuple(f for f in self.findings if SEVERITY_ORDER[f.severity] >= limit)

    def top(self) -> Finding | None:
        """The most severe finding (first in text order among equals), or None."""
        if not self.findings:
            return None
        return max(self.findings, key=lambda f: (SEVERITY_ORDER[f.severity], -f.trigger.start))
