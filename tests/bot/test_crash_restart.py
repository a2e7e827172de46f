"""A real crash: ``boundary-bot serve`` is SIGKILLed mid-stream and restarted.

The worker runs as a subprocess (``python -m bot serve``) against the fake Slack Web API in
this process and a real database (a SQLite file, and PostgreSQL). While Slack answers
``chat.postEphemeral`` with 503, a stream of signed risky messages (one author each) is
sent; the worker is killed with SIGKILL while requests are in flight, and a second worker
is started on the same database. Slack then recovers, and every event that did not get a
200 is retried with ``X-Slack-Retry-Num`` (as Slack does), plus some that did (an
``http_timeout`` retry). Every acknowledged event must end in exactly one delivered
ephemeral nudge, no author gets two, retried events act once, and a pending nudge older
than ``OUTBOX_MAX_AGE_SECONDS`` is dropped with a count in the logs.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.request_guard import sign
from bot.sandbox.fake_slack import FakeSlack
from bot.storage import FindingRecord, Store
from bot.storage._base import utcnow

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SECRET = "crash-signing-secret-7d1e"
TOKEN = "xoxb-crash-token-5678"
PSEUDONYM_KEY = "crash-pseudonym-key-0123456789"
TEAM = "T0CRASH"
RISKY = "I added my client Dana on Facebook last night"
EVENTS = 30
KILL_AFTER = 12  # acknowledged events before the SIGKILL


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(fake: FakeSlack, database_url: str, port: int) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "PSEUDONYM", "DATABASE", "TOKEN_", "OUTBOX_"))
    }
    env.update(
        SLACK_BOT_TOKEN=TOKEN,
        SLACK_SIGNING_SECRET=SECRET,
        PSEUDONYM_KEY=PSEUDONYM_KEY,
        SLACK_API_URL=fake.api_url,
        DATABASE_URL=database_url,
        HOST="127.0.0.1",
        PORT=str(port),
        LOG_LEVEL="INFO",
        OUTBOX_LEASE_SECONDS="2",
        OUTBOX_SWEEP_SECONDS="0.5",
        SHUTDOWN_DRAIN_SECONDS="5",
    )
    return env


async def _start_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    handle = log.open("ab")
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve"], cwd=ROOT, env=env, stdout=handle, stderr=handle
    )
    handle.close()
    url = f"http://127.0.0.1:{env['PORT']}/healthz"
    async with aiohttp.ClientSession() as session:
        for _ in range(300):
            try:
                async with session.get(url) as response:
                    if response.status == 200:
                        return proc
            except aiohttp.ClientError:
                pass
            if proc.poll() is not None:
                raise AssertionError(f"worker exited early: {log.read_text()[-2000:]}")
            await asyncio.sleep(0.1)
    proc.kill()
    raise AssertionError("worker did not answer /healthz within 30 s")


def _event(index: int) -> dict[str, Any]:
    now = int(time.time())
    return {
        "token": "legacy",
        "team_id": TEAM,
        "api_app_id": "A0CRASH",
        "type": "event_callback",
        "event_id": f"EvCRASH{index:04d}{uuid.uuid4().hex[:6].upper()}",
        "event_time": now,
        "authorizations": [{"team_id": TEAM, "user_id": "UBOTCRASH", "is_bot": True}],
        "is_ext_shared_channel": False,
        "event": {
            "type": "message",
            "channel": "C0WARD",
            "channel_type": "channel",
            "user": f"U{index:05d}",
            "text": RISKY,
            "ts": f"{now}.{index:06d}",
            "team": TEAM,
        },
    }


async def _send(
    session: aiohttp.ClientSession, port: int, body: dict[str, Any], retry: int | None = None
) -> int:
    """POST one signed event; the HTTP status, or 0 when the connection failed."""
    raw = json.dumps(body).encode()
    ts = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": sign(SECRET, ts, raw),
    }
    if retry is not None:
        headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
    try:
        async with session.post(
            f"http://127.0.0.1:{port}/slack/events", data=raw, headers=headers
        ) as response:
            await response.read()
            return response.status
    except (aiohttp.ClientError, OSError):
        return 0


def _delivered(fake: FakeSlack) -> Counter[str]:
    """Ephemerals Slack accepted (HTTP 200, ok), per author."""
    return Counter(
        str(c.params.get("user"))
        for c in fake.calls_to("chat.postEphemeral")
        if c.status == 200 and (c.response or {}).get("ok")
    )


async def test_sigkill_mid_stream_then_restart_acts_exactly_once(
    tmp_path: Path, make_store: Callable[..., Awaitable[Store]], database_url: str
) -> None:
    store = await make_store(pseudonym_key=PSEUDONYM_KEY)  # migrated; used to age a row
    log_a, log_b = tmp_path / "worker-a.log", tmp_path / "worker-b.log"
    async with FakeSlack(team_id=TEAM, bot_user_id="UBOTCRASH", bot_id="BCRASH") as fake:
        fake.queue("chat.postEphemeral", status=503, times=100_000)  # Slack is down
        port = _free_port()
        env = _env(fake, database_url, port)
        worker_a = await _start_worker(env, log_a)
        bodies = [_event(i) for i in range(EVENTS)]
        status: dict[int, int] = {}
        async with aiohttp.ClientSession() as session:
            try:
                for start in range(0, EVENTS, 3):
                    batch = range(start, min(start + 3, EVENTS))
                    if sum(1 for s in status.values() if s == 200) >= KILL_AFTER:
                        # Kill while this batch is in flight: some may commit without a 200.
                        sends = [_send(session, port, bodies[i]) for i in batch]
                        tasks = [asyncio.ensure_future(s) for s in sends]
                        await asyncio.sleep(0.005)
                        worker_a.send_signal(signal.SIGKILL)
                        for i, result in zip(batch, await asyncio.gather(*tasks), strict=True):
                            status[i] = result
                        continue
                    results = await asyncio.gather(
                        *(_send(session, port, bodies[i]) for i in batch)
                    )
                    status.update(zip(batch, results, strict=True))
            finally:
                worker_a.kill()
                worker_a.wait(timeout=10)
            acked = {i for i, s in status.items() if s == 200}
            assert KILL_AFTER <= len(acked) < EVENTS, status
            assert not _delivered(fake), "Slack was down: nothing can have been delivered"

            # A pending nudge from long ago: must be dropped (and counted), not delivered.
            stale = await store.record_message_flags(
                "EvCRASHSTALE",
                TEAM,
                "U0STALE",
                "C0WARD",
                [FindingRecord("social_media", ("social_media.presence",), "caution")],
                now=utcnow() - timedelta(minutes=15),
            )
            assert stale.nudge_id

            fake.clear_queue("chat.postEphemeral")  # Slack recovers
            worker_b = await _start_worker(env, log_b)
            try:
                # Slack retries what it did not get a 200 for, and (http_timeout) a few it did.
                retried = sorted(set(range(EVENTS)) - acked) + sorted(acked)[:5]
                for i in retried:
                    assert await _send(session, port, bodies[i], retry=1) == 200
                authors = {f"U{i:05d}" for i in range(EVENTS)}
                await fake.wait_until(lambda: set(_delivered(fake)) >= authors, timeout=30)
                await asyncio.sleep(2.5)  # more sweeps and a lease expiry: nothing more comes
            finally:
                worker_b.send_signal(signal.SIGTERM)
                worker_b.wait(timeout=30)
            assert worker_b.returncode == 0, log_b.read_text()[-2000:]

    delivered = _delivered(fake)
    assert set(delivered) == authors, "an acknowledged event lost its nudge, or a stranger got one"
    assert all(n == 1 for n in delivered.values()), f"double delivery: {delivered}"
    assert "U0STALE" not in delivered
    logs_b = log_b.read_text()
    assert "dropped 1 nudge(s) older than" in logs_b
    logs = log_a.read_text() + logs_b
    assert "Dana" not in logs and "Facebook" not in logs and TOKEN not in logs
    assert await store.pending_nudge_count() == 0
