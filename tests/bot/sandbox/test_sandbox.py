"""The local sandbox end to end: the real app over signed HTTP, the fake Slack, the console."""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.sandbox import demo_script_lines

PROMPT = re.compile(r"^(\S+) in #(\S+)> (.*)$")
ROOT = Path(__file__).resolve().parents[3]


def run_cli(argv: list[str]) -> tuple[int, str]:
    """``boundary-bot ARGV`` in-process, stdout captured.

    It runs on a worker thread: ``asyncio.run`` on the main thread would replace (and leak)
    the event loop pytest-asyncio leaves installed there after an async test.
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out), ThreadPoolExecutor(1) as pool:
        status = pool.submit(main, argv).result(timeout=120)
    return status, out.getvalue()


def run_script(lines: list[str], tmp_path: Path, *extra: str) -> tuple[int, str]:
    script = tmp_path / "script.txt"
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return run_cli(["sandbox", "--script", str(script), *extra])


def segments(transcript: str) -> list[tuple[str, str]]:
    """(input line, output printed for it) pairs, in order."""
    result: list[tuple[str, list[str]]] = []
    for line in transcript.splitlines():
        match = PROMPT.match(line)
        if match:
            result.append((match.group(3), []))
        elif result and not line.startswith(("#", "Sandbox stopped")):
            result[-1][1].append(line)
    return [(said, "\n".join(out)) for said, out in result]


def output_for(transcript: str, said: str) -> str:
    found = [out for line, out in segments(transcript) if line == said]
    assert found, f"expected the transcript to contain the input {said!r}"
    return found[0]


@pytest.fixture(scope="module")
def demo_transcript(tmp_path_factory: pytest.TempPathFactory) -> str:
    # module-scoped: one real app start for the demo assertions below
    db = tmp_path_factory.mktemp("demo") / "sandbox.db"
    status, transcript = run_cli(
        ["sandbox", "--demo", "--database-url", f"sqlite+aiosqlite:///{db}"]
    )
    assert status == 0
    return transcript


def test_demo_benign_and_negated_messages_get_no_nudge(demo_transcript: str) -> None:
    for said in (
        "Anyone want to grab drinks after shift on Friday?",
        "I would never accept a friend request from a client.",
    ):
        out = output_for(demo_transcript, said)
        assert out.strip() == "(Boundary Bot stays quiet)", out


def test_demo_risky_message_gets_a_private_nudge_with_buttons(demo_transcript: str) -> None:
    out = output_for(
        demo_transcript, "My client sent me a friend request on Facebook, I think I'll accept it"
    )
    assert "Boundary Bot, only visible to you in #sandbox" in out
    assert "friend request" in out  # the nudge names the triggering phrase
    assert re.search(r"buttons: \[1\] Show guidance\s+\[2\] Not relevant\s+\[3\] Mute", out)


def test_demo_click_replaces_the_nudge_with_full_guidance(demo_transcript: str) -> None:
    out = output_for(demo_transcript, ":click show guidance")
    assert "(clicked [1] Show guidance)" in out
    assert "replaces the message you clicked" in out
    assert "Social media and online contact" in out


def test_demo_slash_command_answers_privately(demo_transcript: str) -> None:
    out = output_for(demo_transcript, "/boundary can I accept a gift card from a client?")
    assert "only visible to you" in out
    assert "Gifts from and to clients" in out


def test_demo_home_tab_lists_topics_with_distinct_buttons(demo_transcript: str) -> None:
    out = output_for(demo_transcript, ":home")
    assert "Boundary Bot, App Home" in out
    assert re.search(r"\[\d+\] Read: Gifts from and to clients", out)
    assert "HTTP" not in demo_transcript  # no request was refused by the app
    assert demo_transcript.rstrip().endswith("Sandbox stopped. Bye.")


def test_demo_script_file_is_packaged_and_has_every_kind_of_line() -> None:
    lines = [line for line in demo_script_lines() if line.strip() and not line.startswith("#")]
    assert any(line.startswith("/boundary ") for line in lines)
    assert any(line.startswith(":click") for line in lines)
    assert len([line for line in lines if not line.startswith((":", "/"))]) >= 3


def test_threads_edits_channels_users_and_console_errors(tmp_path: Path) -> None:
    status, transcript = run_script(
        [
            ":click 1",
            "Quick question about the team rota",
            ":thread I gave my client my personal cell number so she can text me",
            ":edit Quick question about the rota, and I hugged my client goodbye",
            "/boundary help",
            "/giphy cats",
            ":channel team-b",
            "I ran into my client at the gym and we are getting coffee this weekend",
            ":click 99",
            ":user U0COLLEAGUE",
            ":nonsense",
            ":quit",
            "this line is never sent",
        ],
        tmp_path,
    )
    assert status == 0
    assert "! there is nothing to click yet" in output_for(transcript, ":click 1")
    thread_out = output_for(
        transcript, ":thread I gave my client my personal cell number so she can text me"
    )
    assert "only visible to you in #sandbox, in the thread" in thread_out
    assert "Boundary Bot, only visible to you" in output_for(transcript, "/boundary help")
    assert "is not installed here" in output_for(transcript, "/giphy cats")
    assert "(now in #team-b)" in output_for(transcript, ":channel team-b")
    gym = output_for(
        transcript, "I ran into my client at the gym and we are getting coffee this weekend"
    )
    assert "only visible to you in #team-b" in gym
    assert "! no button '99'" in output_for(transcript, ":click 99")
    assert "unknown console command" in output_for(transcript, ":nonsense")
    assert "this line is never sent" not in transcript
    assert "HTTP 4" not in transcript and "HTTP 5" not in transcript


def test_missing_script_file_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sandbox", "--script", str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert "--script: expected a readable UTF-8 text file" in err and "nope.txt" in err


def _clean_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL"))}
    env["HOME"] = str(tmp_path)
    return env


@pytest.mark.slow
def test_run_without_credentials_starts_the_sandbox_and_exits_0_at_end_of_input(
    tmp_path: Path,
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**_clean_env(tmp_path), "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "starting the local sandbox" in result.stderr
    assert "Boundary Bot sandbox" in result.stdout
    assert result.stdout.rstrip().endswith("Sandbox stopped. Bye.")
    assert list(tmp_path.iterdir()) == []  # the sandbox database lived in a temp dir


@pytest.mark.slow
def test_run_with_piped_lines_and_ctrl_c_exits_0_with_servers_stopped(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env={**_clean_env(tmp_path), "PYTHONPATH": str(ROOT)},
    )
    try:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write("A client gave me a $200 gift card, can I keep it?\n")
        proc.stdin.flush()
        seen = ""
        deadline = time.monotonic() + 90
        while "only visible to you" not in seen and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            seen += line
        assert "only visible to you in #sandbox" in seen
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err[-2000:]
    assert "Sandbox stopped. Bye." in out
    assert "Traceback" not in err


def test_run_with_inconsistent_credentials_names_the_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "abc123")
    assert main(["run"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "SLACK_SIGNING_SECRET" in err
