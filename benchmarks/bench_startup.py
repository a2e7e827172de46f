"""Cold start and memory: ``boundary-bot serve`` until ``GET /healthz`` answers 200.

- ``serve``: ``python -m bot serve`` (one process), on a fresh SQLite file (migrations
  included) and again on the migrated file;
- ``workers 2``: ``python -m bot.workers --workers 2`` (supervisor + two spawned workers);
- peak RSS (``VmHWM``) of each serving process once ready and idle;
- where a start spends its time, measured in a fresh interpreter: imports, building the app
  (classifier and guidance), migrations.

Target: cold start <= 3 s.
"""

from __future__ import annotations

import asyncio
import json
import socket
import statistics
import sys
import tempfile
import time

from benchmarks._requests import TEAM_ID
from benchmarks._stack import (
    REPO_ROOT,
    peak_rss_bytes,
    server_env,
    start_server,
    stop_process,
    wait_healthy,
)
from bot.sandbox.fake_slack import FakeSlack

RUNS = 3
TARGET_SECONDS = 3.0

_PHASES = r"""
import asyncio, json, time
t0 = time.perf_counter()
from bot.server import build_web_app
from bot.settings import load_settings
from bot.workers import build_store
t1 = time.perf_counter()
settings = load_settings()
store = build_store(settings, 1)
app = build_web_app(settings, store=store)
t2 = time.perf_counter()
async def migrate():
    await store.start(migrate=True)
    await store.close()
asyncio.run(migrate())
t3 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "build app (classifier, guidance)": t2 - t1,
                  "migrations (fresh database)": t3 - t2}))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _serve_once(env: dict[str, str]) -> tuple[float, int]:
    """Seconds from spawning ``python -m bot serve`` to /healthz 200, and its peak RSS."""
    port = _free_port()
    began = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1", "--port", str(port),
        env=env, cwd=REPO_ROOT, stdout=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        await wait_healthy(f"http://127.0.0.1:{port}", timeout=60)
        took = time.perf_counter() - began
        await asyncio.sleep(0.5)  # idle: background start-up work (outbox redelivery) settles
        return took, peak_rss_bytes(process.pid)
    finally:
        await stop_process(process)


async def _workers_once(env: dict[str, str], workers: int) -> tuple[float, list[int]]:
    process, _, _, pids, took = await start_server(env, workers=workers)
    try:
        await asyncio.sleep(0.5)
        return took, [peak_rss_bytes(pid) for pid in pids]
    finally:
        await stop_process(process)


async def _phases(env: dict[str, str]) -> dict[str, float]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", _PHASES, env=env, cwd=REPO_ROOT, stdout=asyncio.subprocess.PIPE
    )
    out, _ = await asyncio.wait_for(process.communicate(), 120)
    return dict(json.loads(out.decode().strip().splitlines()[-1]))


def _mib(values: list[int]) -> str:
    return ", ".join(f"{v / 2**20:.0f}" for v in values)


async def _main() -> int:
    rows: list[tuple[str, list[float], list[int]]] = []
    async with FakeSlack(team_id=TEAM_ID) as fake:
        fresh, again, rss_serve = [], [], []
        for _ in range(RUNS):
            with tempfile.TemporaryDirectory(prefix="bb-start-") as tmp:
                env = server_env(fake.api_url, f"sqlite+aiosqlite:///{tmp}/bot.db")
                took, rss = await _serve_once(env)
                fresh.append(took)
                took, rss = await _serve_once(env)
                again.append(took)
                rss_serve.append(rss)
        rows.append(("serve, fresh SQLite (migrates)", fresh, []))
        rows.append(("serve, migrated SQLite", again, rss_serve))
        two, rss_two = [], []
        for _ in range(RUNS):
            with tempfile.TemporaryDirectory(prefix="bb-start-") as tmp:
                env = server_env(fake.api_url, f"sqlite+aiosqlite:///{tmp}/bot.db")
                took, rss = await _workers_once(env, 2)
                two.append(took)
                rss_two.extend(rss)
        rows.append(("bot.workers --workers 2, fresh SQLite", two, rss_two))
        with tempfile.TemporaryDirectory(prefix="bb-start-") as tmp:
            phases = await _phases(server_env(fake.api_url, f"sqlite+aiosqlite:///{tmp}/b.db"))

    print(f"{'start':<40} {'median s':>8} {'min s':>6} {'max s':>6}  peak RSS per worker (MiB)")
    for name, times, rss in rows:
        print(
            f"{name:<40} {statistics.median(times):>8.2f} {min(times):>6.2f} "
            f"{max(times):>6.2f}  {_mib(rss) or '-'}"
        )
    print("\nwhere one start spends its time (fresh interpreter, in order):")
    for phase, seconds in phases.items():
        print(f"  {phase:<36} {seconds:>6.2f} s")
    print("\ntargets:")
    for name, times, _ in rows:
        median = statistics.median(times)
        verdict = "met" if median <= TARGET_SECONDS else "MISSED"
        print(f"  [{verdict}] cold start <= {TARGET_SECONDS:.0f} s ({name}): {median:.2f} s")
    return 0


def main() -> int:
    """Run the start-up benchmark and print its table."""
    return asyncio.run(_main())


if __name__ == "__main__":
    raise SystemExit(main())
