"""Two real worker processes on one PostgreSQL database.

- 200 distinct risky events spread over both workers of one ``--workers 2`` server (one port,
  SO_REUSEPORT) give exactly 200 nudges and 200 flag records;
- the same event delivered to two workers at the same moment (a retry racing the original)
  gives one nudge and one record;
- a mute set through one worker is respected by the other.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable

import aiohttp
import psutil
import pytest
import pytest_asyncio

from benchmarks._requests import RISKY_TEXTS, TEAM_ID
from bot.sandbox.fake_slack import FakeSlack
from tests.bot.scale.conftest import (
    Server,
    command_request,
    event_request,
    flag_records,
    launch,
    post,
    wait_nudges,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.slow,
    pytest.mark.asyncio(loop_scope="module"),
]


@pytest.fixture(scope="module")
def pg_url(pg_create_database: Callable[[], str]) -> str:
    """A fresh PostgreSQL database for this module (dropped at session end)."""
    return pg_create_database()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def fake() -> AsyncIterator[FakeSlack]:
    """The fake Slack Web API every worker in this module talks to."""
    async with FakeSlack(team_id=TEAM_ID) as fake_slack:
        yield fake_slack


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def pair(fake: FakeSlack, pg_url: str) -> AsyncIterator[tuple[Server, Server]]:
    """Two single-worker servers on separate ports (two machines behind a load balancer),
    started at the same moment so both also race to migrate the empty database."""
    results = await asyncio.gather(
        launch(fake.api_url, pg_url), launch(fake.api_url, pg_url), return_exceptions=True
    )
    started = [r for r in results if isinstance(r, Server)]
    try:
        for result in results:
            if isinstance(result, BaseException):
                raise result
        yield started[0], started[1]
    finally:
        for server in started:
            await server.stop()


def _ids(prefix: str, n: int) -> list[str]:
    run = uuid.uuid4().hex[:6].upper()
    return [f"{prefix}{run}{i:04d}" for i in range(n)]


def _established(pid: int, port: int) -> int:
    connections = psutil.Process(pid).net_connections(kind="tcp")
    return sum(
        1 for c in connections if c.laddr and c.laddr.port == port and c.status == "ESTABLISHED"
    )


async def test_200_events_over_two_workers_give_200_nudges_and_records(
    fake: FakeSlack, pg_url: str, pair: tuple[Server, Server]
) -> None:
    # pair first: the database is migrated; this server's supervisor finds it at head.
    server = await launch(fake.api_url, pg_url, workers=2)
    try:
        assert len(server.pids) == 2
        users = _ids("U", 200)
        channels = {f"C{user}" for user in users}
        connector = aiohttp.TCPConnector(limit=16)
        async with aiohttp.ClientSession(connector=connector) as session:
            requests = [
                event_request(
                    RISKY_TEXTS[i % len(RISKY_TEXTS)],
                    user=user,
                    channel=f"C{user}",
                    event_id=f"Ev{user}",
                )
                for i, user in enumerate(users)
            ]
            statuses = await asyncio.gather(*(post(session, server, r) for r in requests))
            assert statuses == [200] * 200
            # Both workers accepted some of the 16 keep-alive connections (still open here).
            per_worker = [_established(pid, server.port) for pid in server.pids]
            assert all(n > 0 for n in per_worker), per_worker
        nudged = await wait_nudges(fake, set(users), 200)
        assert sorted(nudged) == sorted(users)  # exactly one each
        assert await flag_records(pg_url, channels) == {"total": 200, "nudged": 200}
    finally:
        assert await server.stop() == 0


async def test_same_event_on_both_workers_at_once_acts_once(
    fake: FakeSlack, pg_url: str, pair: tuple[Server, Server]
) -> None:
    first, second = pair
    users = _ids("U", 20)
    channels = {f"C{user}" for user in users}
    async with aiohttp.ClientSession() as a, aiohttp.ClientSession() as b:
        for session, server in ((a, first), (b, second)):  # warm connections: a true race
            async with session.get(server.url + "/healthz") as reply:
                assert reply.status == 200
        for i, user in enumerate(users):
            text = RISKY_TEXTS[i % len(RISKY_TEXTS)]
            original = event_request(text, user=user, channel=f"C{user}", event_id=f"Ev{user}")
            retry = event_request(
                text, user=user, channel=f"C{user}", event_id=f"Ev{user}", retry_num=1
            )
            statuses = await asyncio.gather(post(a, first, original), post(b, second, retry))
            assert statuses == [200, 200]
    nudged = await wait_nudges(fake, set(users), len(users))
    assert sorted(nudged) == sorted(users)
    assert await flag_records(pg_url, channels) == {"total": 20, "nudged": 20}


async def test_mute_through_one_worker_is_respected_by_the_other(
    fake: FakeSlack, pg_url: str, pair: tuple[Server, Server]
) -> None:
    first, second = pair
    muted, control = _ids("U", 2)
    response_url = fake.new_response_url()
    async with aiohttp.ClientSession() as session:
        command = command_request(
            "mute 24h", user=muted, channel="CMUTE", response_url=response_url
        )
        assert await post(session, first, command) == 200
        await fake.wait_until(
            lambda: any(c.response_url == response_url for c in fake.calls_to("response_url")),
            timeout=15,
        )
        for user in (muted, control):
            message = event_request(
                RISKY_TEXTS[0], user=user, channel=f"C{user}", event_id=f"Ev{user}"
            )
            assert await post(session, second, message) == 200
    nudged = await wait_nudges(fake, {muted, control}, 1)
    assert nudged == [control]
