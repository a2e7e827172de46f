"""The guidance content model: one validated entry per category, plus ``general``.

Entries live as TOML files in ``responses/guidance/`` (one per category, named
``<category>.toml``, and ``general.toml``). :func:`load_guidance` reads and validates them,
then applies organisation overrides (see :mod:`responses.overrides`).
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

from classifiers.models import CATEGORIES, Category

#: Longest nudge sentence, in characters (issue 3).
NUDGE_MAX_CHARS = 200
#: Longest title: Slack's header block allows 150 characters of plain text.
TITLE_MAX_CHARS = 150

GENERAL: Literal["general"] = "general"
TopicName = Category | Literal["general"]

#: Phrases a nudge must never contain: it speaks to someone who may have done nothing wrong.
ACCUSATORY_PHRASES: tuple[str, ...] = (
    "you violated",
    "you broke",
    "you are violating",
    "you have breached",
    "you breached",
    "violation",
    "unethical",
    "you must stop",
    "you should be ashamed",
    "misconduct",
    "shame on",
    "inappropriate behaviour",
    "inappropriate behavior",
)

_URL_RE = re.compile(r"^https?://[^\s<>|\"]+$")
_SENTENCE_BREAK_RE = re.compile(r"[.!?][\"')\]]?\s+[A-Z]")


def _check_url(value: str) -> str:
    if not _URL_RE.match(value):
        raise ValueError(f"expected an http(s) URL without spaces, '<', '>' or '|'; got {value!r}")
    return value


Url = Annotated[str, AfterValidator(_check_url)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Reference(_Model):
    """A citation: which code, which section, what it says (in our words), and a link."""

    code: Text = Field(max_length=40, description="e.g. APA, ACA, NASW, AAMFT, AMA, HIPAA.")
    section: Text = Field(max_length=80, description="e.g. 10.08, A.5.c, 45 CFR 164.502(b).")
    summary: Text = Field(min_length=10, max_length=300, description="One line, our words.")
    url: Url

    @property
    def label(self) -> str:
        """``"APA 10.08"``: the code and section as one short label."""
        return f"{self.code} {self.section}"


class ProfessionNotes(_Model):
    """Where the professions' codes differ for this situation."""

    therapists: Text = Field(max_length=1200, description="APA, ACA, NASW, AAMFT.")
    physicians: Text = Field(max_length=800, description="AMA.")
    nurses: Text = Field(max_length=800, description="NCSBN.")


def _check_nudge(value: str) -> str:
    if _SENTENCE_BREAK_RE.search(value):
        raise ValueError("expected exactly one sentence; found a sentence break inside")
    if value[-1] not in ".?!":
        raise ValueError("expected a sentence ending in '.', '?' or '!'")
    lowered = value.lower()
    for phrase in ACCUSATORY_PHRASES:
        if phrase in lowered:
            raise ValueError(f"expected kind, non-accusatory wording; found {phrase!r}")
    return value


Nudge = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=NUDGE_MAX_CHARS),
    AfterValidator(_check_nudge),
]
Item = Annotated[Text, Field(max_length=500)]


class GuidanceEntry(_Model):
    """Guidance for one category of boundary situation."""

    category: Category
    title: Text = Field(max_length=TITLE_MAX_CHARS)
    label: Text = Field(max_length=40, description="Short name in sentences, e.g. 'touch'.")
    summary: Text = Field(max_length=200, description="One line for the topics list.")
    aliases: tuple[Annotated[Text, Field(max_length=40)], ...] = Field(
        default=(), description="Other names a user may type after /boundary."
    )
    nudge: Nudge
    why: Text = Field(max_length=1500, description="Why it matters.")
    steps: tuple[Item, ...] = Field(min_length=3, max_length=8, description="What to do now.")
    script: Text = Field(max_length=600, description="A sample of what to say.")
    consult: Text = Field(max_length=800, description="When and how to consult a supervisor.")
    document: Text = Field(max_length=800, description="What to document, and when to refer.")
    acceptable: Text = Field(max_length=1200, description="When it can be acceptable.")
    nuance: tuple[Item, ...] = Field(min_length=1, max_length=8)
    professions: ProfessionNotes
    references: tuple[Reference, ...] = Field(min_length=2, max_length=12)
    policy_label: Annotated[Text, Field(max_length=80)] | None = None
    policy_url: Url | None = None

    @property
    def codes_cited(self) -> str:
        """Short labels of the first few references, e.g. ``"ACA A.10.f, AAMFT 3.10"``."""
        return ", ".join(r.label for r in self.references[:3])


class GeneralGuidance(_Model):
    """The ``general`` entry: what boundaries are, how to get help (topics are generated)."""

    category: Literal["general"]
    title: Text = Field(max_length=TITLE_MAX_CHARS)
    summary: Text = Field(max_length=200)
    nudge: Nudge = Field(description="One-sentence introduction.")
    what_boundaries_are: Text = Field(max_length=2000)
    get_help: tuple[Item, ...] = Field(min_length=2, max_length=8)
    principles: tuple[Item, ...] = Field(min_length=1, max_length=8)
    references: tuple[Reference, ...] = Field(min_length=1, max_length=12)
    policy_label: Annotated[Text, Field(max_length=80)] | None = None
    policy_url: Url | None = None


class OrgInfo(_Model):
    """Organisation details from ``org.toml`` in the override directory."""

    name: Annotated[Text, Field(max_length=80)] | None = None
    policy_label: Annotated[Text, Field(max_length=80)] | None = None
    policy_url: Url | None = None
    contact_name: Annotated[Text, Field(max_length=120)] | None = None
    contact_email: (
        Annotated[str, Field(max_length=120, pattern=r"^[^@\s<>|]+@[^@\s<>|]+$")] | None
    ) = None
    contact_url: Url | None = None
    contact_note: Annotated[Text, Field(max_length=300)] | None = None

    @property
    def has_contact(self) -> bool:
        """True when any way to reach the compliance or ethics contact is set."""
        return bool(self.contact_name or self.contact_email or self.contact_url)


class GuidanceLibrary(_Model):
    """Every guidance entry, keyed by category, plus ``general`` and organisation details."""

    entries: dict[Category, GuidanceEntry]
    general: GeneralGuidance
    org: OrgInfo = OrgInfo()

    @field_validator("entries")
    @classmethod
    def _complete(cls, value: dict[Category, GuidanceEntry]) -> dict[Category, GuidanceEntry]:
        missing = [c for c in CATEGORIES if c not in value]
        if missing:
            raise ValueError(f"expected an entry for every category; missing {', '.join(missing)}")
        for key, entry in value.items():
            if entry.category != key:
                raise ValueError(f"entry under {key!r} says category {entry.category!r}")
        return value

    @property
    def categories(self) -> tuple[Category, ...]:
        """Categories in display order."""
        return CATEGORIES

    def entry(self, category: str) -> GuidanceEntry:
        """The entry for ``category``; raises :class:`UnknownTopicError` when there is none."""
        from responses.errors import UnknownTopicError

        for key in CATEGORIES:
            if key == category:
                return self.entries[key]
        raise UnknownTopicError(category, CATEGORIES)

    def find_topic(self, name: str) -> TopicName | None:
        """Match what a user typed after ``/boundary`` to a topic, or None.

        Accepts the category name with spaces, hyphens or underscores, the title, or an
        alias, case-insensitively: ``"social media"``, ``"Social-Media"``, ``"gifts"``.
        """
        wanted = _normalise(name)
        if not wanted:
            return None
        if wanted in (GENERAL, "boundaries"):
            return "general"
        for category in CATEGORIES:
            entry = self.entries[category]
            names = {category, entry.title, *entry.aliases}
            if wanted in {_normalise(n) for n in names}:
                return category
        return None


def _normalise(name: str) -> str:
    return re.sub(r"[\s_\-]+", " ", name.strip().lower()).strip()
