"""Organisation overrides: merged correctly, and bad ones fail naming file and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from responses import (
    OverrideError,
    build_answer,
    build_topic,
    check_overrides,
    load_guidance,
    render_text,
)

from .conftest import make_assessment, make_finding


def _write(d: Path, name: str, text: str) -> None:
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_text(text, encoding="utf-8")


@pytest.fixture
def org_dir(tmp_path: Path) -> Path:
    d = tmp_path / "org"
    _write(
        d,
        "org.toml",
        """
name = "Riverside Health"
policy_label = "Riverside boundaries policy"
policy_url = "https://intranet.riverside.example/policies/boundaries"
contact_name = "Ethics office"
contact_email = "ethics@riverside.example"
""",
    )
    _write(
        d,
        "gifts.toml",
        """
policy_url = "https://intranet.riverside.example/policies/gifts"
policy_label = "Gift register"

[replace]
script = "\\"Thank you so much; our rules mean I can only accept gifts under $25.\\""

[extend]
why = "At Riverside, gifts over $25 must be entered in the gift register."
steps = ["Log any gift over $25 in the gift register within a week."]

[[extend.references]]
code = "Riverside"
section = "Policy HR-12"
summary = "Staff may accept gifts under $25; others go in the register."
url = "https://intranet.riverside.example/policies/hr-12"
""",
    )
    _write(
        d, "general.toml", '[extend]\nget_help = ["Call the ethics office on extension 4410."]\n'
    )
    return d


def test_valid_overrides_have_no_problems(org_dir: Path) -> None:
    assert check_overrides(org_dir) == []


def test_overrides_merge(org_dir: Path) -> None:
    base = load_guidance()
    lib = load_guidance(org_dir)
    gifts, base_gifts = lib.entry("gifts"), base.entry("gifts")
    assert gifts.script.startswith('"Thank you so much; our rules')
    assert gifts.why.startswith(base_gifts.why) and gifts.why.endswith("gift register.")
    assert gifts.steps[: len(base_gifts.steps)] == base_gifts.steps
    assert gifts.steps[-1].startswith("Log any gift")
    assert gifts.references[-1].code == "Riverside"
    assert len(gifts.references) == len(base_gifts.references) + 1
    assert gifts.nudge == base_gifts.nudge  # untouched fields stay
    assert lib.entry("romantic") == base.entry("romantic")  # other categories untouched
    assert lib.general.get_help[-1].startswith("Call the ethics office")
    assert lib.org.name == "Riverside Health" and lib.org.has_contact


def test_org_details_are_rendered(org_dir: Path) -> None:
    lib = load_guidance(org_dir)
    text = render_text(build_topic("gifts", lib))
    assert "Gift register (https://intranet.riverside.example/policies/gifts)" in text
    assert "Riverside boundaries policy" in text
    assert "Questions? Ethics office (ethics@riverside.example)" in text
    answer = build_answer(make_assessment(make_finding("gifts")), lib)
    assert "Riverside" in render_text(answer)


@pytest.mark.parametrize(
    ("file", "content", "expected"),
    [
        ("gift.toml", "[replace]\n", "gift.toml: (file name): expected <topic>.toml"),
        ("gifts.toml", 'colour = "blue"\n', "gifts.toml: colour: unknown field"),
        ("gifts.toml", '[replace]\ntitel = "x"\n', "gifts.toml: replace.titel: unknown field"),
        (
            "gifts.toml",
            '[replace]\ncategory = "romantic"\n',
            "gifts.toml: replace.category: unknown",
        ),
        (
            "gifts.toml",
            f'[replace]\nnudge = "{"a" * 201}."\n',
            "gifts.toml: replace.nudge: String should have at most 200 characters",
        ),
        ("gifts.toml", '[replace]\nnudge = "Two. Sentences here."\n', "gifts.toml: replace.nudge:"),
        ("gifts.toml", '[replace]\nsteps = ["only one"]\n', "gifts.toml: replace.steps:"),
        (
            "gifts.toml",
            '[extend]\nsteps = "not a list"\n',
            "gifts.toml: extend.steps: expected a list",
        ),
        ("gifts.toml", "[extend]\nwhy = 3\n", "gifts.toml: extend.why: expected text"),
        (
            "gifts.toml",
            '[extend]\nprofessions = "x"\n',
            "gifts.toml: extend.professions: this field",
        ),
        (
            "gifts.toml",
            '[extend]\nnudge = "More."\n',
            "gifts.toml: extend.nudge: this field cannot",
        ),
        ("gifts.toml", '[extend]\ntitle = "More"\n', "gifts.toml: extend.title: this field cannot"),
        (
            "gifts.toml",
            'policy_url = "javascript:alert(1)"\n',
            "gifts.toml: policy_url: Value error",
        ),
        (
            "gifts.toml",
            '[[extend.references]]\ncode = "X"\nsection = "1"\nurl = "https://x.example"\n',
            "gifts.toml: extend.references[3].summary: required field is missing",
        ),
        ("gifts.toml", "[replace\n", "gifts.toml: (syntax): expected valid TOML"),
        ("org.toml", 'contact_email = "not-an-email"\n', "org.toml: contact_email:"),
        ("org.toml", 'phone = "123"\n', "org.toml: phone: unknown field"),
        (
            "general.toml",
            '[replace]\nacceptable = "x"\n',
            "general.toml: replace.acceptable: unknown",
        ),
    ],
)
def test_bad_override_names_file_and_field(
    tmp_path: Path, file: str, content: str, expected: str
) -> None:
    _write(tmp_path, file, content)
    problems = [str(p) for p in check_overrides(tmp_path)]
    assert len(problems) >= 1
    assert any(p.startswith(expected) for p in problems), problems
    with pytest.raises(OverrideError) as info:
        load_guidance(tmp_path)
    assert expected.split(":")[0] in str(info.value)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    _write(tmp_path, "gifts.toml", '[replace]\ntitel = "x"\n')
    _write(tmp_path, "romance.toml", "")
    _write(tmp_path, "org.toml", 'policy_url = "ftp://x"\n')
    files = {p.file for p in check_overrides(tmp_path)}
    assert files == {"gifts.toml", "romance.toml", "org.toml"}


def test_missing_directory_is_a_problem(tmp_path: Path) -> None:
    problems = check_overrides(tmp_path / "nope")
    assert len(problems) == 1 and "expected a directory" in problems[0].message


def test_non_toml_files_are_ignored(tmp_path: Path) -> None:
    _write(tmp_path, "README.md", "notes for admins")
    assert check_overrides(tmp_path) == []


def test_empty_override_dir_string_means_none() -> None:
    assert load_guidance("") == load_guidance()
