"""``boundary-bot serve`` as a real process: migrates, serves /healthz, stops on SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(**values: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PSEUDONYM", "DATABASE"))
    }
    env.update(values)
    return env


def test_serve_http_answers_healthz_and_stops_cleanly(tmp_path: Path) -> None:
    port = _free_port()
    env = _env(
        SLACK_BOT_TOKEN="xoxb-serve-test",
        SLACK_SIGNING_SECRET="serve-secret",
        PSEUDONYM_KEY="serve-pseudonym-key",
        SLACK_API_URL="http://127.0.0.1:9/api/",
        DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'serve.db'}",
        PORT=str(port),
        HOST="127.0.0.1",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        status = None
        for _ in range(150):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as r:
                    status = r.status
                    break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        assert status == 200
        assert (tmp_path / "serve.db").exists()  # migrations applied on start
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err.decode()[-2000:]
    assert b"xoxb-serve-test" not in out + err


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({}, "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxb-1", "PSEUDONYM_KEY": "k"}, "SLACK_SIGNING_SECRET"),
        (
            {
                "SLACK_BOT_TOKEN": "xoxb-1",
                "SLACK_SIGNING_SECRET": "s",
                "PSEUDONYM_KEY": "k",
                "PORT": "x",
            },
            "PORT",
        ),
    ],
)
def test_serve_refuses_bad_configuration_with_one_line(env: dict[str, str], named: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "serve"],
        cwd=ROOT,
        env=_env(**env),
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 2
    lines = proc.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and named in lines[0]
