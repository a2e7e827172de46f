"""The dedupe race on SQLite: one worker process, the same event delivered concurrently.

Slack may deliver a retry (``X-Slack-Retry-Num``) while the original is still being handled.
Eight copies of each event arrive at once over separate connections; the database's unique
dedupe key must let exactly one of them act: one nudge, one flag record.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
import pytest

from benchmarks._requests import RISKY_TEXTS, TEAM_ID
from bot.sandbox.fake_slack import FakeSlack
from tests.bot.scale.conftest import Server, event_request, flag_records, post, wait_nudges

pytestmark = pytest.mark.slow

COPIES = 8
EVENTS = 10


async def test_concurrent_copies_of_an_event_act_once_on_sqlite(
    tmp_path: Path, servers: Callable[..., Awaitable[Server]]
) -> None:
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'boundary-bot.db'}"
    async with FakeSlack(team_id=TEAM_ID) as fake:
        server = await servers(fake.api_url, database_url, workers=1)
        run = uuid.uuid4().hex[:6].upper()
        users = [f"U{run}{i:03d}" for i in range(EVENTS)]
        connector = aiohttp.TCPConnector(limit=COPIES * EVENTS, force_close=True)
        async with aiohttp.ClientSession(connector=connector) as session:
            deliveries = []
            for i, user in enumerate(users):
                for copy in range(COPIES):
                    request = event_request(
                        RISKY_TEXTS[i % len(RISKY_TEXTS)],
                        user=user,
                        channel=f"C{user}",
                        event_id=f"Ev{user}",
                        retry_num=copy or None,  # the first is the original, the rest retries
                    )
                    deliveries.append(post(session, server, request))
            statuses = await asyncio.gather(*deliveries)
        assert statuses == [200] * (COPIES * EVENTS)
        nudged = await wait_nudges(fake, set(users), EVENTS)
        assert sorted(nudged) == sorted(users)
        assert await server.stop() == 0  # SIGTERM: a clean stop
    records = await flag_records(database_url, {f"C{user}" for user in users})
    assert records == {"total": EVENTS, "nudged": EVENTS}
