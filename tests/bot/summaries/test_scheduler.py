"""Exactly-once delivery against the fake Slack Web API, on SQLite and PostgreSQL: two
concurrent senders (two Store instances), a failed send retried without a duplicate, the
summary channel, and nothing before the send moment."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.sandbox.fake_slack import FakeSlack
from bot.storage import Store
from bot.summaries.scheduler import send_due

from .helpers import nudges

WS = "T0SUM"
# Monday 23 Nov 2026 09:00 New York = 14:00 UTC: 2026-W47 becomes due.
DUE = datetime(2026, 11, 23, 14, 5, tzinfo=UTC)
IN_W47 = datetime(2026, 11, 18, 15, tzinfo=UTC)


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    async with FakeSlack(team_id=WS, bot_user_id="UBOT", bot_id="BBOT") as fake:
        yield fake


def client_for(fake: FakeSlack) -> Callable[[str], Awaitable[AsyncWebClient | None]]:
    client = AsyncWebClient(token="xoxb-summary-test", base_url=fake.api_url)

    async def get(workspace: str) -> AsyncWebClient | None:
        return client

    return get


async def setup(store: Store) -> None:
    await store.update_workspace_settings(WS, time_zone="America/New_York")
    await store.add_lead(WS, "ULEADA")
    await store.add_lead(WS, "ULEADB", ["C0CLINIC"])
    for channel in ("C0WARD", "C0CLINIC"):
        for nudge_id in await nudges(store, IN_W47, 5, channel=channel, workspace=WS):
            assert nudge_id


async def test_two_concurrent_senders_send_each_summary_once(
    store: Store, make_store: Callable[..., Awaitable[Store]], slack: FakeSlack
) -> None:
    other = await make_store()
    await setup(store)
    get = client_for(slack)
    first, second = await asyncio.gather(
        send_due(store, get, now=DUE), send_due(other, get, now=DUE)
    )
    assert len(first.sent) + len(second.sent) == 2
    posts = slack.calls_to("chat.postMessage")
    assert len(posts) == 2
    assert len(slack.calls_to("conversations.open")) == 2
    assert sorted(c.params["channel"].startswith("D") for c in posts) == [True, True]
    texts = sorted(str(c.params["text"]) for c in posts)
    assert texts == sorted(
        [
            "Weekly boundary summary 2026-W47: 5 nudges, 0 questions.",
            "Weekly boundary summary 2026-W47: 10 nudges, 0 questions.",
        ]
    )
    for lead in ("ULEADA", "ULEADB"):
        claim = await store.get_summary_claim(WS, "2026-W47", lead)
        assert claim is not None and claim.status == "sent" and claim.message_ts
    # A later pass (any worker) sends nothing more.
    again = await asyncio.gather(send_due(store, get, now=DUE), send_due(other, get, now=DUE))
    assert not again[0].sent and not again[1].sent
    assert len(slack.calls_to("chat.postMessage")) == 2


async def test_failed_send_is_retried_next_run_without_duplicate(
    store: Store, slack: FakeSlack
) -> None:
    await setup(store)
    await store.remove_lead(WS, "ULEADB")
    get = client_for(slack)
    slack.queue_error("chat.postMessage", "internal_error")
    report = await send_due(store, get, now=DUE)
    assert report.failed == [(WS, "2026-W47")] and not report.sent
    claim = await store.get_summary_claim(WS, "2026-W47", "ULEADA")
    assert claim is not None and claim.status == "failed"
    retry = await send_due(store, get, now=DUE)
    assert retry.sent == [(WS, "2026-W47")]
    ok = [c for c in slack.calls_to("chat.postMessage") if (c.response or {}).get("ok")]
    assert len(ok) == 1
    assert not (await send_due(store, get, now=DUE)).sent
    assert len(slack.calls_to("chat.postMessage")) == 2  # one failure, one success


async def test_summary_channel_replaces_dms(store: Store, slack: FakeSlack) -> None:
    await setup(store)
    await store.update_workspace_settings(WS, summary_channel_id="G0LEADS")
    report = await send_due(store, client_for(slack), now=DUE)
    assert len(report.sent) == 1
    [post] = slack.calls_to("chat.postMessage")
    assert post.params["channel"] == "G0LEADS"
    assert not slack.calls_to("conversations.open")


async def test_nothing_is_sent_before_the_send_moment(store: Store, slack: FakeSlack) -> None:
    await setup(store)
    early = datetime(2026, 11, 23, 13, 55, tzinfo=UTC)  # 08:55 in New York
    report = await send_due(store, client_for(slack), now=early)
    # The due week is still 2026-W46 (sent to nobody before: sent now, and empty).
    assert {week for _, week in report.sent} == {"2026-W46"}
    for call in slack.calls_to("chat.postMessage"):
        assert "no nudges" in str(call.params["text"])
