"""Start and stop what a benchmark measures: a fake Slack Web API, a database, server processes.

``app_stack(...)`` is an async context manager yielding a :class:`Stack`:

- the fake Slack Web API (:class:`bot.sandbox.fake_slack.FakeSlack`) runs in the benchmark's
  own process, on loopback;
- the database is a fresh SQLite file in a temporary directory, or a temporary PostgreSQL
  database created on 127.0.0.1:5432 and dropped afterwards;
- the server is ``python -m bot.workers --workers N`` (Boundary Bot, N processes sharing one
  port) or ``python -m benchmarks._harness reference`` (bare slack-bolt), each in its own
  process(es), configured only through the environment, as in production.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from benchmarks._requests import BOT_TOKEN, SIGNING_SECRET, TEAM_ID
from bot.sandbox.fake_slack import FakeSlack

PG_ADMIN_USERS = ("postgres", "root")
PG_HOST, PG_PORT = "127.0.0.1", 5432
_ANNOUNCE = re.compile(rb"listening on http://([^:\s]+):(\d+) \(pids ([\d,]+)\)")
REPO_ROOT = Path(__file__).resolve().parent.parent


class Unavailable(RuntimeError):
    """A part of the stack (e.g. PostgreSQL) is not available on this machine."""


@dataclass
class Stack:
    """A running server with its fake Slack; ``pids`` are the worker processes."""

    fake: FakeSlack
    host: str
    port: int
    pids: list[int]
    database: str
    started_in: float
    process: asyncio.subprocess.Process
    peak_rss: dict[int, int] = field(default_factory=dict)

    @property
    def url(self) -> str:
        """Base URL of the server."""
        return f"http://{self.host}:{self.port}"

    def sample_peak_rss(self) -> dict[int, int]:
        """Peak resident set size (bytes, the kernel's ``VmHWM``) of each worker so far."""
        for pid in self.pids:
            with contextlib.suppress(OSError):
                self.peak_rss[pid] = peak_rss_bytes(pid)
        return self.peak_rss


def peak_rss_bytes(pid: int) -> int:
    """The peak resident set size of a live process, from ``/proc/PID/status`` (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise OSError(f"no VmHWM for pid {pid}")


async def _pg_admin() -> tuple[object, str]:
    import asyncpg

    last: Exception | None = None
    for user in PG_ADMIN_USERS:
        try:
            conn = await asyncpg.connect(
                host=PG_HOST, port=PG_PORT, user=user, database="test", timeout=3
            )
        except (OSError, asyncpg.PostgresError) as exc:
            last = exc
            continue
        return conn, user
    raise Unavailable(f"PostgreSQL on {PG_HOST}:{PG_PORT} not available ({last!r})")


@contextlib.asynccontextmanager
async def temporary_database(backend: str) -> AsyncIterator[str]:
    """Yield a ``DATABASE_URL`` for an empty database that is removed afterwards."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="bb-bench-") as tmp:
            yield f"sqlite+aiosqlite:///{tmp}/bench.db"
        return
    conn, user = await _pg_admin()
    name = f"bb_bench_{uuid.uuid4().hex[:12]}"
    await conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[attr-defined]
    try:
        yield f"postgresql+asyncpg://{user}@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[attr-defined]
        await conn.close()  # type: ignore[attr-defined]


#: Variables passed through from our environment; everything else the app reads is set here,
#: so a developer's shell cannot change what is measured or tested.
PASS_THROUGH = ("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "VIRTUAL_ENV")


def server_env(api_url: str, database_url: str, **extra: str) -> dict[str, str]:
    """The complete environment a server process is configured with."""
    env = {k: os.environ[k] for k in PASS_THROUGH if k in os.environ}
    env.update(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=api_url,
        DATABASE_URL=database_url,
        PSEUDONYM_KEY="bench-pseudonym-key-0123456789abcdef",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(REPO_ROOT),
    )
    env.update(extra)
    return env


async def wait_healthy(url: str, timeout: float = 30.0) -> None:
    """Poll ``GET /healthz`` until it answers 200."""
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as session:
        while True:
            with contextlib.suppress(aiohttp.ClientError, OSError):
                async with session.get(url + "/healthz") as response:
                    if response.status == 200:
                        return
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url}/healthz not ready within {timeout:.0f} s")
            await asyncio.sleep(0.02)


async def stop_process(process: asyncio.subprocess.Process, timeout: float = 20.0) -> int:
    """SIGTERM ``process``, wait up to ``timeout`` seconds, then SIGKILL. Returns its status."""
    if process.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(process.wait(), timeout)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()
    return int(process.returncode or 0)


async def start_server(
    env: dict[str, str], *, workers: int = 1, reference: bool = False, timeout: float = 60.0
) -> tuple[asyncio.subprocess.Process, str, int, list[int], float]:
    """Start the server processes; return (process, host, port, worker pids, seconds to ready).

    "Ready" means the announce line was printed (every worker listening) *and* ``/healthz``
    answered 200, i.e. the database is reachable.
    """
    if reference:
        args = ["-m", "benchmarks._harness", "reference", "--port", "0"]
    else:
        args = ["-m", "bot.workers", "--host", "127.0.0.1", "--port", "0"]
        args += ["--workers", str(workers)]
    began = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        sys.executable, *args, env=env, cwd=REPO_ROOT, stdout=asyncio.subprocess.PIPE
    )
    try:
        assert process.stdout is not None
        while True:
            line = await asyncio.wait_for(process.stdout.readline(), timeout)
            if not line:
                raise RuntimeError(f"server exited before it was ready ({' '.join(args)})")
            match = _ANNOUNCE.search(line)
            if match:
                break
        host, port = match.group(1).decode(), int(match.group(2))
        pids = [int(p) for p in match.group(3).split(b",")]
        await wait_healthy(f"http://{host}:{port}", timeout)
    except BaseException:
        await stop_process(process)
        raise
    return process, host, port, pids, time.perf_counter() - began


@contextlib.asynccontextmanager
async def app_stack(
    backend: str = "sqlite", *, workers: int = 1, reference: bool = False
) -> AsyncIterator[Stack]:
    """Fake Slack + a fresh database + the server; everything is stopped on exit."""
    async with FakeSlack(team_id=TEAM_ID) as fake, temporary_database(backend) as database:
        env = server_env(fake.api_url, database)
        process, host, port, pids, took = await start_server(
            env, workers=workers, reference=reference
        )
        stack = Stack(fake, host, port, pids, database, took, process)
        try:
            yield stack
        finally:
            stack.sample_peak_rss()
            await stop_process(process)
