"""``python -m bot.workers``: N processes on one port, clean stops, crash recovery.

Run on SQLite (no server needed); the PostgreSQL behaviour is in test_postgres_workers.py.
"""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import aiohttp
import psutil
import pytest

from benchmarks._requests import TEAM_ID
from benchmarks._stack import REPO_ROOT, server_env
from bot.sandbox.fake_slack import FakeSlack
from tests.bot.scale.conftest import Server

pytestmark = pytest.mark.slow


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    """A fake Slack Web API for the workers."""
    async with FakeSlack(team_id=TEAM_ID) as fake_slack:
        yield fake_slack


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh SQLite database file."""
    return f"sqlite+aiosqlite:///{tmp_path / 'boundary-bot.db'}"


def _listening(pid: int, port: int) -> bool:
    connections = psutil.Process(pid).net_connections(kind="tcp")
    return any(c.laddr and c.laddr.port == port and c.status == "LISTEN" for c in connections)


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


async def _until(predicate: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.1)
    return True


async def _healthy(server: Server) -> int:
    async with (
        aiohttp.ClientSession() as session,
        session.get(server.url + "/healthz", timeout=aiohttp.ClientTimeout(total=10)) as reply,
    ):
        return reply.status


async def test_workers_share_the_port_survive_a_crash_and_stop_on_ctrl_c(
    fake: FakeSlack, sqlite_url: str, servers: Callable[..., Awaitable[Server]]
) -> None:
    server = await servers(fake.api_url, sqlite_url, workers=2)
    supervisor = psutil.Process(server.process.pid)
    assert {c.pid for c in supervisor.children(recursive=True)} >= set(server.pids)
    assert all(_listening(pid, server.port) for pid in server.pids)  # SO_REUSEPORT

    victim, survivor = server.pids
    psutil.Process(victim).kill()

    def replacements() -> list[int]:
        children = supervisor.children(recursive=True)
        others = [c.pid for c in children if c.pid not in (victim, survivor)]
        return [pid for pid in others if _alive(pid) and _listening(pid, server.port)]

    assert await _until(lambda: bool(replacements()), 60)
    assert _alive(survivor)
    assert await _healthy(server) == 200

    workers = [survivor, *replacements()]
    server.process.send_signal(signal.SIGINT)  # Ctrl-C; SIGTERM is covered by the other tests
    assert await asyncio.wait_for(server.process.wait(), 30) == 0
    assert not any(_alive(pid) for pid in workers)


async def test_workers_exit_when_the_supervisor_is_killed(
    fake: FakeSlack, sqlite_url: str, servers: Callable[..., Awaitable[Server]]
) -> None:
    server = await servers(fake.api_url, sqlite_url, workers=2)
    server.process.kill()
    await server.process.wait()
    assert await _until(lambda: not any(_alive(pid) for pid in server.pids), 15)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"PSEUDONYM_KEY": ""}, "PSEUDONYM_KEY"),
        ({"DATABASE_URL": "postgresql+asyncpg://root@127.0.0.1:9/none"}, "database unavailable"),
    ],
    ids=["missing-setting", "database-down"],
)
async def test_a_start_that_cannot_succeed_exits_1_with_one_line(
    env: dict[str, str], expected: str, sqlite_url: str
) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.workers",
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--workers",
        "2",
        env=server_env("http://127.0.0.1:9/api/", sqlite_url, **env),
        cwd=REPO_ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        _, stderr = await asyncio.wait_for(process.communicate(), 60)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode == 1
    lines = [line for line in stderr.decode().splitlines() if line.startswith("boundary-bot:")]
    assert len(lines) == 1 and expected in lines[0], stderr.decode()[-2000:]
