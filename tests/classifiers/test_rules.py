"""Rule files: every bundled file validates; bad files name file, line, rule and value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from classifiers import RuleError, load_classifier
from classifiers.errors import RuleDirectoryError
from classifiers.rules import BUNDLED_RULES_DIR, load_rule_file, load_rules

BUNDLED = sorted(BUNDLED_RULES_DIR.glob("*.jsonl"))


def test_there_are_bundled_rule_files() -> None:
    names = {p.name for p in BUNDLED}
    assert "situations.jsonl" in names
    assert any(n.startswith("context_") for n in names)
    assert len(BUNDLED) >= 12


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_every_bundled_rule_file_validates(path: Path) -> None:
    kind, rules = load_rule_file(path)
    assert rules, f"{path.name} has no rules"
    for _, rule in rules:
        assert rule.description and "\n" not in rule.description


def test_bundled_rules_cross_check() -> None:
    rules = load_rules(BUNDLED_RULES_DIR)
    categories = {s.category for s in rules.situations}
    assert len(categories) == 11


def _write(tmp_path: Path, name: str, rows: list[object]) -> Path:
    path = tmp_path / name
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows))
    return path


GOOD = {"label": "GIFT", "pattern": "striped gourd", "id": "org.gift.striped_gourd",
        "description": "A striped gourd is a gift"}  # fmt: skip


@pytest.mark.parametrize(
    ("row", "field", "value"),
    [
        ({**GOOD, "label": "gift"}, "label", "gift"),
        ({**GOOD, "pattern": ""}, "pattern", ""),
        ({**GOOD, "pattern": [{"LOWER": {"BOGUS": 1}}]}, "pattern", None),
        ({**GOOD, "description": "two\nlines"}, "description", "two\nlines"),
        ({**GOOD, "id": "Bad Id!"}, "id", "Bad Id!"),
        ({**GOOD, "colour": "red"}, "colour", "red"),
    ],
)
def test_bad_rule_names_file_line_rule_and_value(
    tmp_path: Path, row: dict[str, object], field: str, value: object
) -> None:
    path = _write(tmp_path, "gifts.jsonl", [GOOD | {"id": "org.ok"}, row])
    with pytest.raises(RuleError) as info:
        load_rule_file(path)
    err = info.value
    assert err.file == str(path) and err.line == 2
    assert field in str(err)
    assert str(path) in str(err) and ":2" in str(err)
    if row.get("id") == GOOD["id"]:
        assert err.rule_id == GOOD["id"] and GOOD["id"] in str(err)
    if value is not None:
        assert repr(value) in str(err)


def test_invalid_json_line_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path, "gifts.jsonl", ["# comment", "", '{"label": "GIFT",'])
    with pytest.raises(RuleError, match=r"gifts.jsonl:3: expected one JSON object"):
        load_rule_file(path)


def test_duplicate_rule_id_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path, "gifts.jsonl", [GOOD, GOOD])
    with pytest.raises(RuleError, match="duplicate rule id") as info:
        load_rule_file(path)
    assert info.value.line == 2 and info.value.rule_id == GOOD["id"]


def test_situation_with_unknown_cue_label_is_reported(tmp_path: Path) -> None:
    _write(tmp_path, "situations.jsonl", [
        {"id": "org.x", "category": "gifts", "severity": "info", "all": ["NO_SUCH_CUE"],
         "description": "uses an unknown cue"}])  # fmt: skip
    with pytest.raises(RuleError, match="NO_SUCH_CUE") as info:
        load_rules(BUNDLED_RULES_DIR, tmp_path)
    assert info.value.rule_id == "org.x" and info.value.line == 1


def test_situation_with_bad_category_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path, "situations.jsonl", [
        {"id": "org.x", "category": "gossip", "severity": "info", "all": ["GIFT"],
         "description": "bad category"}])  # fmt: skip
    with pytest.raises(RuleError, match="category") as info:
        load_rule_file(path)
    assert info.value.value == "gossip"


def test_missing_or_empty_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RuleDirectoryError, match="not a directory"):
        load_rules(tmp_path / "nope")
    with pytest.raises(RuleDirectoryError, match="found none"):
        load_rules(tmp_path)


def test_organisation_rules_extend_the_classifier(tmp_path: Path) -> None:
    _write(tmp_path, "org_gifts.jsonl", [GOOD])
    text = "a striped gourd from my client is at the desk for me"
    plain = load_classifier(None).assess(text)
    # no rule of ours knows it (the learned scorer may still guess gifts, severity info)
    assert all(f.rule_id.startswith("learned.") for f in plain.findings)
    org = load_classifier(type("S", (), {"rules_dir": tmp_path, "max_chars": 1000})())
    (finding,) = org.assess(text).findings
    assert finding.category == "gifts" and finding.severity == "caution"
    assert "org.gift.striped_gourd" in finding.rule_ids


def test_rules_dir_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, "org_gifts.jsonl", [GOOD])
    monkeypatch.setenv("RULES_DIR", str(tmp_path))
    text = "a striped gourd from my client is at the desk for me"
    assert "gifts" in load_classifier().assess(text).categories


def test_rules_check_cli_accepts_a_valid_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, "org_gifts.jsonl", [GOOD])
    assert main(["rules", "check", str(tmp_path)]) == 0
    assert "ok:" in capsys.readouterr().out


def test_rules_check_cli_rejects_a_bad_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, "org_gifts.jsonl", [GOOD, {**GOOD, "id": "org.two", "label": "lower"}])
    assert main(["rules", "check", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "org_gifts.jsonl:2" in err and "org.two" in err and "'lower'" in err


def test_rules_check_cli_on_the_bundled_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "check", "--alone", str(BUNDLED_RULES_DIR)]) == 0


@pytest.mark.parametrize(
    ("name", "row", "fields"),
    [
        ("gifts.jsonl", {**GOOD, "colour": "red"}, "id, description, pattern, label, requires"),
        (
            "context_org.jsonl",
            {"label": "NEGATION", "pattern": "no way", "id": "org.no_way",
             "description": "A refusal", "scope_of": "clause"},
            "id, description, pattern, label, direction, window, scope",
        ),
    ],
)  # fmt: skip
def test_an_unknown_field_says_which_fields_are_expected(
    tmp_path: Path, name: str, row: dict[str, object], fields: str
) -> None:
    path = _write(tmp_path, name, [row])
    with pytest.raises(RuleError, match="unknown field, expected one of") as info:
        load_rule_file(path)
    assert fields in str(info.value)


def test_loaded_cue_and_context_rules_are_slotted() -> None:
    """A loaded classifier keeps about 22,000 rules: they carry no per-instance dict."""
    rules = load_rules(BUNDLED_RULES_DIR)
    for rule in (rules.cues[0], rules.context[0]):
        assert not hasattr(rule, "__dict__")
        with pytest.raises(AttributeError):
            rule.label = "OTHER"  # type: ignore[misc]
