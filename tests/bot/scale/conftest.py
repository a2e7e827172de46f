"""Real worker processes for the scale-out tests, and signed requests to send them.

Workers are started exactly as in production, ``python -m bot.workers`` in a subprocess,
configured only through the environment (``SLACK_API_URL`` points at a :class:`FakeSlack`
started by the test). Every process is stopped in a ``finally`` (SIGTERM, then SIGKILL after a
bounded wait), and every wait has a timeout.
"""

from __future__ import annotations

import asyncio
import json
import time
import urllib.parse
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest
from sqlalchemy import func, select

from benchmarks._requests import SIGNING_SECRET, TEAM_ID, event_payload, sign, slash_form
from benchmarks._stack import server_env, start_server, stop_process
from bot.sandbox.fake_slack import FakeSlack
from bot.storage import Store
from bot.storage.tables import flag_events

PSEUDONYM_KEY = "bench-pseudonym-key-0123456789abcdef"  # what server_env gives the workers
START_TIMEOUT = 90.0


@dataclass
class Server:
    """A running ``bot.workers`` supervisor and its worker processes."""

    process: asyncio.subprocess.Process
    url: str
    port: int
    pids: list[int]

    async def stop(self) -> int:
        """SIGTERM, bounded wait, SIGKILL; returns the supervisor's exit status."""
        return await stop_process(self.process)


async def launch(api_url: str, database_url: str, workers: int = 1, **env: str) -> Server:
    """Start ``python -m bot.workers --workers N`` on a free port and wait for /healthz."""
    process, host, port, pids, _ = await start_server(
        server_env(api_url, database_url, **env), workers=workers, timeout=START_TIMEOUT
    )
    return Server(process, f"http://{host}:{port}", port, pids)


@pytest.fixture
async def servers() -> AsyncIterator[Callable[..., Awaitable[Server]]]:
    """Factory starting servers that are always stopped when the test ends."""
    started: list[Server] = []

    async def start(api_url: str, database_url: str, workers: int = 1, **env: str) -> Server:
        server = await launch(api_url, database_url, workers, **env)
        started.append(server)
        return server

    try:
        yield start
    finally:
        for server in started:
            await server.stop()


def event_request(
    text: str, *, user: str, channel: str, event_id: str, retry_num: int | None = None
) -> tuple[bytes, dict[str, str]]:
    """Body and headers of a signed ``message`` event."""
    payload = event_payload(text=text, user=user, channel=channel, event_id=event_id)
    body = json.dumps(payload).encode()
    headers = {"Content-Type": "application/json", **sign(SIGNING_SECRET, body, int(time.time()))}
    if retry_num is not None:
        headers.update(
            {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"}
        )
    return body, headers


def command_request(
    text: str, *, user: str, channel: str, response_url: str
) -> tuple[bytes, dict[str, str]]:
    """Body and headers of a signed ``/boundary`` slash command."""
    form = slash_form(
        text=text,
        user=user,
        channel=channel,
        trigger_id=f"{time.time_ns()}.{user}",
        response_url=response_url,
    )
    body = urllib.parse.urlencode(form).encode()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        **sign(SIGNING_SECRET, body, int(time.time())),
    }
    return body, headers


async def post(
    session: aiohttp.ClientSession, server: Server, request: tuple[bytes, dict[str, str]]
) -> int:
    """POST a signed request to ``/slack/events``; returns the HTTP status."""
    body, headers = request
    timeout = aiohttp.ClientTimeout(total=30)
    async with session.post(
        server.url + "/slack/events", data=body, headers=headers, timeout=timeout
    ) as reply:
        await reply.read()
        return reply.status


def nudges_to(fake: FakeSlack, users: set[str]) -> list[str]:
    """The users of every ``chat.postEphemeral`` sent to one of ``users`` (repeats kept)."""
    return [
        str(call.params.get("user"))
        for call in fake.calls_to("chat.postEphemeral")
        if call.params.get("user") in users
    ]


async def wait_nudges(
    fake: FakeSlack, users: set[str], count: int, timeout: float = 30.0
) -> list[str]:
    """Wait until ``count`` nudges reached ``users``, then a little longer for any extra."""
    deadline = time.monotonic() + timeout
    while len(nudges_to(fake, users)) < count and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.5)  # a duplicate would arrive right behind the original
    return nudges_to(fake, users)


async def flag_records(database_url: str, channels: set[str]) -> dict[str, Any]:
    """Flag records stored for ``channels``: total rows and rows with a nudge sent."""
    store = Store(database_url, PSEUDONYM_KEY)
    await store.start(migrate=False)
    try:
        query = (
            select(func.count(), func.count().filter(flag_events.c.nudge_sent))
            .select_from(flag_events)
            .where(flag_events.c.workspace_id == TEAM_ID, flag_events.c.channel_id.in_(channels))
        )
        async with store.engine.connect() as connection:
            total, nudged = (await connection.execute(query)).one()
    finally:
        await store.close()
    return {"total": int(total), "nudged": int(nudged)}
