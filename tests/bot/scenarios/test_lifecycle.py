"""Uninstall and token revocation delete the workspace's data, idempotently."""

from __future__ import annotations

import pytest

from tests.bot.scenarios.harness import TEAM, Harness
from tests.bot.storage.helpers import count_rows

RISKY = "I added my client Dana on Facebook last night"


async def _populate(bot: Harness) -> None:
    await bot.send_message(RISKY)
    await bot.send_command("mute 24h")
    bot.fake.set_user("U0ADMIN", is_admin=True)
    await bot.send_command("channel off", user="U0ADMIN", channel="C0QUIET")
    await bot.settle()
    assert await count_rows(bot.store, "flag_events") == 1
    assert await count_rows(bot.store, "user_prefs") == 1
    assert await count_rows(bot.store, "channel_settings") == 1


@pytest.mark.parametrize(
    "order",
    [
        ("app_uninstalled", "tokens_revoked"),
        ("tokens_revoked", "app_uninstalled"),
        ("app_uninstalled", "app_uninstalled"),
    ],
)
async def test_uninstall_and_revocation_delete_everything_in_any_order(
    bot: Harness, order: tuple[str, str]
) -> None:
    await _populate(bot)
    for event_type in order:
        event = {"type": event_type}
        if event_type == "tokens_revoked":
            event["tokens"] = {"oauth": [], "bot": ["UBOTSCENE"]}  # type: ignore[assignment]
        reply = await bot.send_event(event)
        assert reply.status == 200
    for table in ("flag_events", "user_prefs", "channel_settings", "cooldowns", "outbox"):
        assert await count_rows(bot.store, table, workspace_id=TEAM) == 0, table


async def test_revoking_only_user_tokens_keeps_data(bot: Harness) -> None:
    await _populate(bot)
    reply = await bot.send_event(
        {"type": "tokens_revoked", "tokens": {"oauth": ["U0X"], "bot": []}}
    )
    assert reply.status == 200
    assert await count_rows(bot.store, "flag_events") == 1
