"""``boundary-bot guidance check|show|list`` through the real CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main


def test_check_builtin(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guidance", "check"]) == 0
    assert "OK: built-in guidance is valid." in capsys.readouterr().out


def test_check_valid_overrides(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "org.toml").write_text(
        'name = "Riverside"\npolicy_url = "https://riverside.example/p"\n'
    )
    assert main(["guidance", "check", str(tmp_path)]) == 0
    assert f"OK: override directory {tmp_path} is valid." in capsys.readouterr().out


def test_check_reports_problems_by_file_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "gifts.toml").write_text(f'[replace]\nnudge = "{"x" * 250}."\ntitel = "y"\n')
    (tmp_path / "romance.toml").write_text("")
    assert main(["guidance", "check", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert any(line.startswith("gifts.toml: replace.titel: unknown field") for line in lines)
    assert any(line.startswith("romance.toml: (file name):") for line in lines)
    assert "2 problem(s)" in captured.err


def test_check_full_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "gifts.toml").write_text('category = "gifts"\ntitle = "Gifts"\n')
    assert main(["guidance", "check", "--full", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "gifts.toml: nudge: required field is missing" in out
    assert "general.toml: (file): expected this file; it is missing" in out


def test_check_missing_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guidance", "check", str(tmp_path / "absent")]) == 1
    assert "expected a directory" in capsys.readouterr().out


@pytest.mark.parametrize("topic", [["gifts"], ["social", "media"], ["phi_exposure"], ["general"]])
def test_show_prints_plain_text(topic: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guidance", "show", *topic]) == 0
    out = capsys.readouterr().out
    assert "\n====" in out and "References" in out
    assert "<http" not in out and "&amp;" not in out and '"type"' not in out


def test_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guidance", "show", "gifts", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["text"] and payload["blocks"][0]["type"] == "header"


def test_show_unknown_topic(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guidance", "show", "weather"]) == 2
    err = capsys.readouterr().err
    assert "Unknown topic 'weather'" in err and "socializing" in err


def test_show_with_overrides_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "gifts.toml").write_text('[extend]\nsteps = ["Use the Riverside gift register."]\n')
    monkeypatch.setenv("GUIDANCE_DIR", str(tmp_path))
    assert main(["guidance", "show", "gifts"]) == 0
    assert "Use the Riverside gift register." in capsys.readouterr().out


def test_show_with_invalid_overrides(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "gifts.toml").write_text("nonsense = 1\n")
    assert main(["guidance", "show", "gifts", "--overrides", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "gifts.toml: nonsense: unknown field" in err and "guidance check" in err


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guidance", "list"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("socializing") and "general" in out


def test_guidance_without_subcommand_shows_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guidance"]) == 2
    assert "check" in capsys.readouterr().err
