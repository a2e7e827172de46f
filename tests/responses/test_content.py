"""The built-in guidance: complete, valid, and accurate to the codes it cites."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from classifiers.models import CATEGORIES
from responses import GuidanceFileError, GuidanceLibrary, check_guidance_dir, load_builtin
from responses.content import ACCUSATORY_PHRASES, NUDGE_MAX_CHARS, GuidanceEntry
from responses.loader import BUILTIN_DIR


def test_builtin_guidance_has_no_problems() -> None:
    assert check_guidance_dir() == []


def test_every_category_and_general_has_a_file() -> None:
    names = {p.stem for p in BUILTIN_DIR.glob("*.toml")}
    assert names == {*CATEGORIES, "general"}


@pytest.mark.parametrize("category", CATEGORIES)
def test_entry_is_complete(guidance: GuidanceLibrary, category: str) -> None:
    entry = guidance.entry(category)
    assert entry.category == category
    assert len(entry.nudge) <= NUDGE_MAX_CHARS
    assert len(entry.steps) >= 3
    assert entry.script.startswith('"'), "the sample script is a quotation of what to say"
    for text in (entry.title, entry.why, entry.consult, entry.document, entry.acceptable):
        assert text.strip()
    p = entry.professions
    assert p.therapists and p.physicians and p.nurses
    assert len(entry.references) >= 2


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_reference_has_code_section_summary_and_official_link(
    guidance: GuidanceLibrary, category: str
) -> None:
    official = (
        "https://www.apa.org/ethics/code",
        "https://www.counseling.org/",
        "https://www.socialworkers.org/About/Ethics/Code-of-Ethics",
        "https://www.aamft.org/",
        "https://code-medical-ethics.ama-assn.org/",
        "https://www.ecfr.gov/current/title-45/",
        "https://www.ncsbn.org/",
    )
    for ref in guidance.entry(category).references:
        assert ref.code and ref.section and len(ref.summary) >= 10
        assert ref.url.startswith(official), ref.url


@pytest.mark.parametrize("category", CATEGORIES)
def test_nudge_is_kind_and_one_sentence(guidance: GuidanceLibrary, category: str) -> None:
    nudge = guidance.entry(category).nudge.lower()
    assert not any(p in nudge for p in ACCUSATORY_PHRASES)
    assert nudge.count(". ") == 0
    assert not nudge.startswith("you ")


def _text_of(guidance: GuidanceLibrary, category: str) -> str:
    e = guidance.entry(category)
    refs = " ".join(f"{r.label} {r.summary}" for r in e.references)
    return " ".join(
        [
            e.why,
            e.acceptable,
            *e.nuance,
            e.professions.therapists,
            e.professions.physicians,
            e.professions.nurses,
            refs,
        ]
    )


@pytest.mark.parametrize(
    ("category", "must_contain"),
    [
        ("post_termination", ["APA 10.08", "two years", "show there was no exploitation"]),
        ("post_termination", ["ACA A.5.c", "five years"]),
        ("post_termination", ["NASW 1.09(c)", "Opinion 9.1.1"]),
        ("social_media", ["ACA A.5.e", "ACA H.6", "1.07(q)", "1.07(r)"]),
        ("social_media", ["not in itself a HIPAA violation"]),
        ("social_media", ["without consent"]),
        ("romantic", ["Opinion 9.1.1", "Opinion 9.1.2", "key third parties", "NASW 1.09"]),
        ("physical_contact", ["NASW 1.10", "culturally sensitive"]),
        ("dual_relationship", ["APA 3.05", "NASW 1.06(c)", "AAMFT 1.3"]),
        ("gifts", ["ACA A.10.f", "AAMFT 3.10", "cultural"]),
        ("phi_disclosure", ["164.502(b)", "164.510(b)", "minimum necessary"]),
        ("phi_disclosure", ["Being friends with a patient is not itself a HIPAA violation"]),
        ("phi_exposure", ["164.514(b)(2)", "18"]),
    ],
)
def test_guidance_states_the_key_facts(
    guidance: GuidanceLibrary, category: str, must_contain: list[str]
) -> None:
    text = _text_of(guidance, category)
    for fact in must_contain:
        assert fact in text, f"{category} should mention {fact!r}"


def test_unconfirmed_items_are_phrased_cautiously(guidance: GuidanceLibrary) -> None:
    # AAMFT 1.5 and the AMA social-media opinion number are unconfirmed in our sources.
    post = guidance.entry("post_termination").professions.therapists
    assert "1.5" in post and "check its current text" in post
    assert all(r.section != "1.5" for r in guidance.entry("post_termination").references)
    for category in CATEGORIES:
        assert "2.3.2" not in _text_of(guidance, category)


def test_general_entry(guidance: GuidanceLibrary) -> None:
    g = guidance.general
    assert "boundaries" in g.what_boundaries_are.lower()
    assert len(g.get_help) >= 2
    assert any("supervisor" in h for h in g.get_help)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("gifts", "gifts"),
        ("Social Media", "social_media"),
        ("social-media", "social_media"),
        ("hug", "physical_contact"),
        ("  PHI in chat ", "phi_exposure"),
        ("general", "general"),
        ("weather", None),
        ("", None),
    ],
)
def test_find_topic(guidance: GuidanceLibrary, typed: str, expected: str | None) -> None:
    assert guidance.find_topic(typed) == expected


def test_unknown_entry_names_known_categories(guidance: GuidanceLibrary) -> None:
    with pytest.raises(KeyError) as info:
        guidance.entry("gift")
    assert "expected one of socializing" in str(info.value)
    assert "'gift'" in str(info.value)
    with pytest.raises(KeyError) as info:
        guidance.entry("my patient Jane Doe")
    assert "Jane" not in str(info.value) and "<19 characters>" in str(info.value)


def test_aliases_do_not_collide(guidance: GuidanceLibrary) -> None:
    seen: dict[str, str] = {}
    for c in CATEGORIES:
        e = guidance.entry(c)
        for name in (c.replace("_", " "), e.title.lower(), *(a.lower() for a in e.aliases)):
            assert seen.setdefault(name, c) == c, f"{name!r} used by {seen[name]} and {c}"


def _copy_builtin(tmp_path: Path) -> Path:
    target = tmp_path / "guidance"
    shutil.copytree(BUILTIN_DIR, target)
    return target


def test_broken_full_directory_reports_file_and_field(tmp_path: Path) -> None:
    d = _copy_builtin(tmp_path)
    (d / "gifts.toml").write_text(
        (d / "gifts.toml").read_text().replace('code = "AAMFT"', 'code = ""'), encoding="utf-8"
    )
    (d / "romantic.toml").unlink()
    problems = check_guidance_dir(d)
    as_text = [str(p) for p in problems]
    assert any(p.startswith("gifts.toml: references[1].code:") for p in as_text), as_text
    assert any(p.startswith("romantic.toml: (file):") and "missing" in p for p in as_text)
    with pytest.raises(GuidanceFileError):
        load_builtin(d)


def test_missing_reference_summary_is_reported(tmp_path: Path) -> None:
    d = _copy_builtin(tmp_path)
    path = d / "socializing.toml"
    text = path.read_text().replace(
        'summary = "A second role is to be avoided when it could reasonably impair objectivity or '
        'risk exploitation or harm."\n',
        "",
    )
    path.write_text(text, encoding="utf-8")
    problems = check_guidance_dir(d)
    assert [str(p) for p in problems] == [
        "socializing.toml: references[0].summary: required field is missing"
    ]


@pytest.mark.parametrize(
    ("nudge", "complaint"),
    [
        ("x" * 199 + ".", None),
        ("x" * 200 + ".", "at most 200"),
        ("You violated the code by doing this.", "non-accusatory"),
        ("This is one. This is two.", "one sentence"),
        ("No final punctuation", "ending in"),
    ],
)
def test_nudge_validation(guidance: GuidanceLibrary, nudge: str, complaint: str | None) -> None:
    data = guidance.entry("gifts").model_dump()
    data["nudge"] = nudge
    if complaint is None:
        GuidanceEntry.model_validate(data)
        return
    with pytest.raises(ValueError, match=complaint):
        GuidanceEntry.model_validate(data)
