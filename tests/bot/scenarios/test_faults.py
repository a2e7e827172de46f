"""Slack faults on the outbound path: 429, 5xx, permanent errors, dead tokens, DB outage."""

from __future__ import annotations

import time
from typing import Any

from bot.sandbox.fake_slack import FakeSlack
from bot.storage import Store
from tests.bot.scenarios.conftest import running_bot
from tests.bot.scenarios.harness import PSEUDONYM_KEY, Harness
from tests.bot.storage.helpers import count_rows

RISKY = "I added my client Dana on Facebook last night"


async def test_rate_limited_then_ok_is_retried_off_the_ack_path(bot: Harness) -> None:
    bot.fake.queue("chat.postEphemeral", status=429, headers={"Retry-After": "1"})
    started = time.monotonic()
    reply = await bot.send_message(RISKY)
    assert reply.status == 200
    assert time.monotonic() - started < 1.0  # the ack did not wait for Retry-After
    await bot.settle()
    calls = bot.fake.calls_to("chat.postEphemeral")
    assert [c.status for c in calls] == [429, 200]
    assert calls[1].time - calls[0].time >= 1.0
    assert await count_rows(bot.store, "outbox") == 0


async def test_server_error_then_ok_posts_once(bot: Harness) -> None:
    bot.fake.queue("chat.postEphemeral", status=503)
    await bot.send_message(RISKY)
    await bot.settle()
    assert [c.status for c in bot.fake.calls_to("chat.postEphemeral")] == [503, 200]


async def test_user_not_in_channel_is_not_retried_and_logged_by_code(bot: Harness) -> None:
    bot.fake.queue_error("chat.postEphemeral", "user_not_in_channel")
    await bot.send_message(RISKY)
    await bot.settle()
    assert len(bot.fake.calls_to("chat.postEphemeral")) == 1
    assert "error=user_not_in_channel" in bot.logs.text
    assert await count_rows(bot.store, "outbox") == 0
    assert await count_rows(bot.store, "flag_events", nudge_sent=False) == 1


async def test_is_archived_is_not_retried(bot: Harness) -> None:
    bot.fake.queue_error("chat.postEphemeral", "is_archived")
    await bot.send_message(RISKY)
    await bot.settle()
    assert len(bot.fake.calls_to("chat.postEphemeral")) == 1


async def test_revoked_token_marks_the_installation_inactive(bot: Harness) -> None:
    bot.fake.queue_error("chat.postEphemeral", "token_revoked")
    await bot.send_message(RISKY)
    await bot.settle()
    assert not await bot.store.is_installation_active("T0SCENE")
    await bot.send_message("My client gave me a $200 gift card and I kept it", user="U0BOB")
    await bot.settle()
    assert len(bot.fake.calls_to("chat.postEphemeral")) == 1  # no work for a dead install


async def test_database_down_gives_events_503_and_commands_a_polite_reply(
    fake_slack: FakeSlack, classifier: Any, guidance: Any
) -> None:
    dead = Store("postgresql+asyncpg://root@127.0.0.1:1/test", PSEUDONYM_KEY)
    await dead.start(migrate=False)  # opens the engine lazily; nothing answers on port 1
    try:
        async with running_bot(fake_slack, dead, classifier, guidance) as bot:
            event_reply = await bot.send_message(RISKY)
            assert event_reply.status == 503  # Slack retries it later
            assert "x-slack-no-retry" not in {k.lower() for k in event_reply.headers}
            command_reply, _ = await bot.send_command("mute 24h")
            assert command_reply.status == 200
            assert "temporarily unavailable" in command_reply.text
            async with bot.session.get(bot.server.url + "/healthz") as health:
                assert health.status == 503
    finally:
        await dead.close()
