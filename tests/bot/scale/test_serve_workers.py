"""``boundary-bot serve --workers N``: the CLI runs N worker processes on one port."""

from __future__ import annotations

import asyncio
import re
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import psutil
import pytest

from benchmarks._requests import TEAM_ID
from benchmarks._stack import REPO_ROOT, server_env, stop_process
from bot.sandbox.fake_slack import FakeSlack
from tests.bot.scale.conftest import Server, event_request, post, wait_nudges

pytestmark = pytest.mark.slow

_ANNOUNCE = re.compile(rb"(\d+) worker\(s\) listening on http://([^:\s]+):(\d+) \(pids ([\d,]+)\)")


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    """A fake Slack Web API for the workers."""
    async with FakeSlack(team_id=TEAM_ID) as fake_slack:
        yield fake_slack


async def _serve(env: dict[str, str], *args: str) -> tuple[asyncio.subprocess.Process, bytes]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "serve",
        *args,
        env=env,
        cwd=REPO_ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    assert process.stdout is not None
    try:
        while True:
            line = await asyncio.wait_for(process.stdout.readline(), 90)
            if not line or _ANNOUNCE.search(line):
                return process, line
    except BaseException:
        await stop_process(process)
        raise


async def test_serve_workers_2_runs_two_processes_on_one_port(
    fake: FakeSlack, tmp_path: Path
) -> None:
    env = server_env(
        fake.api_url,
        f"sqlite+aiosqlite:///{tmp_path / 'serve.db'}",
        HOST="127.0.0.1",
        PORT="0",
        DATABASE_POOL_SIZE="3",
    )
    process, line = await _serve(env, "--workers", "2")
    try:
        match = _ANNOUNCE.search(line)
        assert match, "serve --workers 2 exited before announcing its workers"
        count, host, port = int(match.group(1)), match.group(2).decode(), int(match.group(3))
        pids = [int(p) for p in match.group(4).split(b",")]
        assert count == 2 and len(set(pids)) == 2
        supervisor = psutil.Process(process.pid)
        assert set(pids) <= {child.pid for child in supervisor.children(recursive=True)}
        for pid in pids:  # both workers listen on the same port (SO_REUSEPORT)
            tcp = psutil.Process(pid).net_connections(kind="tcp")
            assert any(c.laddr.port == port and c.status == "LISTEN" for c in tcp), pid
        server = Server(process, f"http://{host}:{port}", port, pids)
        users = {f"U0SERVE{k:03d}" for k in range(20)}
        async with aiohttp.ClientSession() as session:
            statuses = await asyncio.gather(
                *(
                    post(
                        session,
                        server,
                        event_request(
                            "a client asked me out for dinner after our session today",
                            user=user,
                            channel="C0SERVE",
                            event_id=f"EvSERVE{user}",
                        ),
                    )
                    for user in sorted(users)
                )
            )
        assert statuses == [200] * len(users)
        assert sorted(await wait_nudges(fake, users, len(users))) == sorted(users)
    finally:
        status = await stop_process(process)
    assert status == 0


async def test_serve_refuses_workers_in_socket_mode(fake: FakeSlack, tmp_path: Path) -> None:
    env = server_env(
        fake.api_url,
        f"sqlite+aiosqlite:///{tmp_path / 'serve.db'}",
        SLACK_APP_TOKEN="xapp-1-serve-test",
    )
    env.pop("SLACK_SIGNING_SECRET")
    process, _ = await _serve(env, "--workers", "2")
    _, err = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 1
    assert b"--workers applies to the HTTP server" in err
    assert b"xapp-1-serve-test" not in err
