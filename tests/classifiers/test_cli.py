"""The classifier subcommands, run through ``bot.cli.main``."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main


def test_classify_explains_category_severity_phrase_rule_and_flags(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["classify", "my coworker is dating her client?"]) == 0
    out = capsys.readouterr().out
    assert "romantic (high)" in out
    assert "'dating'" in out and "romantic.client" in out
    assert "question" in out and "reported" in out
    assert "Romance, attraction" in out


def test_classify_shows_suppressed_findings_with_reason_and_cue(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["classify", "I would never accept a gift from a client"]) == 0
    out = capsys.readouterr().out
    assert "No boundary situation recognised." in out
    assert "suppressed gifts (negated) by 'I would never'" in out


def test_classify_shows_quoted(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["classify", "> can I hug you?\nmy client asked me this"]) == 0
    assert "quoted" in capsys.readouterr().out


def test_classify_without_text_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["classify"]) == 2
    assert "expected a message text" in capsys.readouterr().err


def test_classify_jsonl_keeps_order_and_reports_bad_lines(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [
        json.dumps({"id": 1, "text": "my client hugged me at the door"}),
        "this is not json",
        json.dumps({"id": 3}),
        json.dumps({"id": 4, "text": 42}),
        json.dumps([1, 2]),
        json.dumps({"id": 6, "text": "client portal is down again"}),
        json.dumps({"id": 7, "text": ""}),
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["classify", "--jsonl"]) == 0
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(out) == 7
    assert out[0]["id"] == 1 and out[0]["categories"] == ["physical_contact"]
    assert out[0]["findings"][0]["evidence"][0]["rule_id"]
    assert out[1] == {"line": 2, "error": out[1]["error"]} and "invalid JSON" in out[1]["error"]
    assert out[2]["id"] == 3 and "no 'text' field" in out[2]["error"]
    assert out[3]["id"] == 4 and "int" in out[3]["error"]
    assert out[4]["line"] == 5 and "list" in out[4]["error"]
    assert out[5] == {"id": 6, "text": "client portal is down again", "categories": [],
                      "findings": []}  # fmt: skip
    assert out[6]["skipped"] == "empty" and out[6]["categories"] == []


def test_eval_prints_per_category_scores(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "c.jsonl"
    rows = [
        {"id": "a", "text": "my client hugged me", "categories": ["physical_contact"]},
        {"id": "b", "text": "client portal is down", "categories": []},
        {"id": "c", "text": "going home to hug my kids", "categories": []},
        {"id": "d", "text": "my client gave me a gift card", "categories": ["socializing"]},
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert main(["eval", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "physical_contact" in out and "1.000" in out
    assert "benign false-positive rate: 0.000%" in out
    assert "socializing        -> gifts" in out


def test_eval_rejects_a_bad_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"text": "x", "categories": ["gossip"]}\n')
    assert main(["eval", str(corpus)]) == 1
    assert "c.jsonl:1" in capsys.readouterr().err


def test_prompt_classifies_each_line_and_exits_zero_at_eof(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("my client hugged me\n\nclient portal is down\n"))
    assert main(["prompt"]) == 0
    out = capsys.readouterr().out
    assert "physical_contact (caution)" in out
    assert "No boundary situation recognised." in out


def test_a_reader_that_goes_away_ends_the_command_quietly(tmp_path: Path) -> None:
    """``boundary-bot classify --jsonl < FILE | head -1``: no traceback when the pipe closes."""
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps({"text": f"my client hugged me {i}"}) + "\n" for i in range(5000))
    )
    script = "import sys; from bot.cli import main; sys.exit(main())"
    with source.open("rb") as stdin:
        proc = subprocess.Popen(
            [sys.executable, "-c", script, "classify", "--jsonl"],
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=Path(__file__).resolve().parents[2],
        )
        assert proc.stdout is not None and proc.stderr is not None
        assert json.loads(proc.stdout.readline())["categories"] == ["physical_contact"]
        proc.stdout.close()  # the reader goes away after one line
        err = proc.stderr.read().decode()
        proc.stderr.close()
        assert proc.wait(timeout=120) == 141
    assert "Traceback" not in err and "BrokenPipeError" not in err
