"""Ephemeral posts on the shared session send what slack_sdk would, with the same outcomes.

``post_ephemeral`` posts through ``post_json`` when the client has an open session (the
served app) and through ``client.chat_postEphemeral`` otherwise: the fake Slack Web API
must receive the same request both ways, and each scripted answer must end the same way.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.delivery import Outcome, attach_retry_handlers, post_ephemeral
from bot.sandbox.fake_slack import FakeSlack

TOKEN = "xoxb-delivery-test"
PAYLOAD = {
    "text": "fallback",
    "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "hello"}}],
}


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    async with FakeSlack(team_id="T0DELIVERY") as fake:
        yield fake


@pytest.fixture(params=["shared session", "slack_sdk"])
async def client(request: pytest.FixtureRequest, fake: FakeSlack) -> AsyncIterator[Any]:
    if request.param == "slack_sdk":
        sdk_client = AsyncWebClient(token=TOKEN, base_url=fake.api_url)
        attach_retry_handlers(sdk_client)
        yield sdk_client
        return
    async with aiohttp.ClientSession() as session:
        shared = AsyncWebClient(token=TOKEN, base_url=fake.api_url, session=session)
        attach_retry_handlers(shared)
        yield shared


async def _post(client: AsyncWebClient, thread_ts: str | None = None) -> Outcome:
    return await post_ephemeral(
        client, channel="C1", user="U1", payload=PAYLOAD, thread_ts=thread_ts, what="test"
    )


async def test_both_paths_send_the_same_request(fake: FakeSlack) -> None:
    sdk_client = AsyncWebClient(token=TOKEN, base_url=fake.api_url)
    assert await _post(sdk_client, "1700000000.000100") is Outcome.DELIVERED
    async with aiohttp.ClientSession() as session:
        shared = AsyncWebClient(token=TOKEN, base_url=fake.api_url, session=session)
        assert await _post(shared, "1700000000.000100") is Outcome.DELIVERED
    by_sdk, by_us = fake.calls_to("chat.postEphemeral")
    assert by_us.body == by_sdk.body  # byte for byte
    assert by_us.params == by_sdk.params
    assert by_us.token == by_sdk.token == TOKEN
    for name in ("Content-Type", "User-Agent", "Authorization"):
        assert by_us.headers.get(name) == by_sdk.headers.get(name), name


@pytest.mark.parametrize(
    ("script", "outcome", "statuses"),
    [
        ([{"status": 503}], Outcome.DELIVERED, [503, 200]),  # one bounded retry
        ([{"status": 500, "times": 2}], Outcome.FAILED, [500, 500]),
        ([{"status": 429, "headers": {"Retry-After": "0"}}], Outcome.DELIVERED, [429, 200]),
        ([{"json": {"ok": False, "error": "user_not_in_channel"}}], Outcome.DROPPED, [200]),
        ([{"json": {"ok": False, "error": "token_revoked"}}], Outcome.AUTH_DEAD, [200]),
        ([{"reset": True}], Outcome.UNCERTAIN, [0]),  # Slack may have it: never re-sent
    ],
)
async def test_both_paths_end_each_answer_the_same_way(
    fake: FakeSlack,
    client: AsyncWebClient,
    script: list[dict[str, Any]],
    outcome: Outcome,
    statuses: list[int],
) -> None:
    for answer in script:
        fake.queue("chat.postEphemeral", **answer)
    assert await _post(client) is outcome
    assert [c.status for c in fake.calls_to("chat.postEphemeral")] == statuses


async def test_a_refused_connection_is_retried_once_then_failed() -> None:
    async with FakeSlack(team_id="T0DELIVERY") as gone:
        url = gone.api_url
    async with aiohttp.ClientSession() as session:
        client = AsyncWebClient(token=TOKEN, base_url=url, session=session)
        attach_retry_handlers(client)
        assert await _post(client) is Outcome.FAILED
