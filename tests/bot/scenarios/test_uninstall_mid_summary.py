"""An uninstall that arrives while the weekly summary is being sent: the send stops, the
workspace's rows are all gone afterwards, and nothing is recreated for it."""

from __future__ import annotations

import asyncio

from slack_sdk.web.async_client import AsyncWebClient

from bot.storage.tables import metadata
from bot.summaries.scheduler import send_workspace
from tests.bot.scenarios.harness import TEAM, Harness
from tests.bot.storage.helpers import count_rows


async def test_uninstall_while_a_summary_is_being_sent(bot: Harness) -> None:
    store = bot.store
    await store.ensure_workspace(TEAM)
    for lead in ("U0LEAD1", "U0LEAD2", "U0LEAD3"):
        await store.add_lead(TEAM, lead)
    bot.fake.queue("chat.postMessage", delay=0.5)  # the first summary is slow to post
    client = AsyncWebClient(token="xoxb-scenario-token-1234", base_url=bot.fake.api_url)

    async def client_for(_: str) -> AsyncWebClient:
        return client

    settings = await store.get_workspace_settings(TEAM)
    from bot.storage._base import utcnow

    # The server's own scheduler may pick up the same (last complete) week at the same time;
    # claims make the two senders exclusive, so the counts below hold for both together.
    now = utcnow()
    sending = asyncio.create_task(send_workspace(store, settings, client_for, now=now))
    await bot.fake.wait_until(
        lambda: any(c.method == "conversations.open" for c in bot.fake.calls), timeout=5
    )
    reply = await bot.send_event({"type": "app_uninstalled"})  # arrives mid-send
    assert reply.status == 200
    report = await asyncio.wait_for(sending, 10)
    assert len(report.sent) <= 1  # the one in flight may complete; no further recipient
    await bot.settle()
    assert len(bot.fake.calls_to("chat.postMessage")) <= 1
    for table in metadata.sorted_tables:
        if "workspace_id" in table.c:
            assert await count_rows(store, table.name, workspace_id=TEAM) == 0, table.name
    assert "stopped: workspace uninstalled" in bot.logs.text
