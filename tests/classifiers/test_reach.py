"""``rules check`` says when lemma folding leaves a phrase short of a form, and it is right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from classifiers.engine import Classifier, build_pipeline
from classifiers.reach import check_reach, reach_warnings
from classifiers.rules import CueRule, load_rules, rule_json


def _cue(label: str, pattern: str, rule_id: str) -> CueRule:
    return CueRule(label=label, pattern=pattern, id=rule_id, description=f"test phrase {pattern}")


def _write(directory: Path, cues: list[CueRule]) -> Path:
    directory.mkdir(exist_ok=True)
    lines = [rule_json(c) for c in cues]
    (directory / "cues_test.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    situation = {
        "id": "gifts.test",
        "category": "gifts",
        "severity": "caution",
        "all": ["GIFT"],
        "description": "a made-up gift phrase",
    }
    (directory / "situations.jsonl").write_text(json.dumps(situation) + "\n", encoding="utf-8")
    return directory


def _categories(directory: Path, text: str) -> list[str]:
    return Classifier(build_pipeline(load_rules(directory))).assess(text).categories


ZORP = _cue("GIFT", "zorp my client", "t.zorp")
ZORPED = _cue("GIFT", "zorped the card", "t.zorped")


def test_a_form_another_phrase_uses_is_named_and_really_not_matched(tmp_path: Path) -> None:
    alone = _write(tmp_path / "alone", [ZORP])
    assert reach_warnings([ZORP], [ZORP]) == []
    assert _categories(alone, "I zorped my client") == ["gifts"]  # folded to "zorp"

    both = _write(tmp_path / "both", [ZORP, ZORPED])
    warnings = check_reach(both, load_rules(both), with_bundled=False)
    assert len(warnings) == 1
    assert "t.zorp ('zorp my client') does not match 'zorped' (for 'zorp')" in warnings[0]
    assert _categories(both, "I zorped my client") == []  # what the warning says
    assert _categories(both, "I zorp my client") == ["gifts"]


def test_the_phrase_with_that_form_silences_the_warning(tmp_path: Path) -> None:
    fixed = [ZORP, ZORPED, _cue("GIFT", "zorped my client", "t.zorped_client")]
    assert reach_warnings(fixed, fixed) == []
    directory = _write(tmp_path / "fixed", fixed)
    assert _categories(directory, "I zorped my client") == ["gifts"]


@pytest.mark.parametrize(
    "pattern",
    [
        "zorped the card",  # the inflected phrase means that form only
        "zorp the card",  # no other phrase uses a form of "zorp"
        "my client",  # a word without forms among the phrases
    ],
)
def test_no_warning_rows(pattern: str) -> None:
    rule = _cue("GIFT", pattern, "t.one")
    assert reach_warnings([rule], [rule]) == []


def test_a_new_word_that_takes_a_form_from_other_phrases_is_named() -> None:
    theirs = [_cue("GIFT", "zorp her a", "b.zorp_her"), _cue("GIFT", "zorp him", "b.zorp_him")]
    ours = [_cue("TOUCH", "zorped my hand", "o.zorped")]
    warnings = reach_warnings(ours, [*theirs, *ours], theirs)
    assert warnings == [
        "the word 'zorped' now keeps its own norm: 2 other phrases written with 'zorp' stop "
        "matching 'zorped', e.g. b.zorp_her ('zorp her a'), b.zorp_him ('zorp him')"
    ]
    # a word the other phrases already used changes nothing for them
    assert reach_warnings(ours, [*theirs, *ours], [*theirs, *ours]) == []


def test_rules_check_prints_warnings_and_still_succeeds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    directory = tmp_path / "org"
    directory.mkdir()
    lines = [
        rule_json(_cue("SHARE_TO", "tell my neighbour", "org.neighbour")),
    ]
    (directory / "cues_org.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["rules", "check", str(directory)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ok: ")
    # the bundled phrases use "told", so "tell my neighbour" alone does not match it
    assert "warning: rule org.neighbour ('tell my neighbour') does not match" in out
    assert "'told' (for 'tell')" in out
