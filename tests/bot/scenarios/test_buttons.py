"""Nudge buttons: show guidance, not relevant, mute; each click acts once."""

from __future__ import annotations

from responses import ids
from tests.bot.scenarios.harness import Harness, all_text, button_value
from tests.bot.storage.helpers import count_rows

RISKY = "I added my client Dana on Facebook last night"


async def _nudge(bot: Harness) -> dict[str, object]:
    await bot.send_message(RISKY)
    await bot.settle()
    [call] = bot.fake.calls_to("chat.postEphemeral")
    return call.params


async def test_show_guidance_replaces_the_nudge_without_message_text(bot: Harness) -> None:
    value = button_value(await _nudge(bot), ids.ACTION_SHOW_GUIDANCE)
    assert "Dana" not in value and "Facebook" not in value
    reply, url = await bot.click(ids.ACTION_SHOW_GUIDANCE, value)
    assert reply.status == 200
    await bot.settle()
    [call] = [c for c in bot.fake.calls_to("response_url") if c.response_url == url]
    assert call.params["replace_original"] is True
    shown = all_text(call.params)
    assert "social_media" in shown and "Dana" not in shown


async def test_not_relevant_records_feedback_and_thanks(bot: Harness) -> None:
    value = button_value(await _nudge(bot), ids.ACTION_NOT_RELEVANT)
    _, url = await bot.click(ids.ACTION_NOT_RELEVANT, value)
    await bot.settle()
    [call] = [c for c in bot.fake.calls_to("response_url") if c.response_url == url]
    assert "Thanks" in all_text(call.params)
    assert await count_rows(bot.store, "flag_events", feedback="not_relevant") == 1


async def test_mute_button_mutes_for_a_day(bot: Harness) -> None:
    value = button_value(await _nudge(bot), ids.ACTION_MUTE_24H)
    _, url = await bot.click(ids.ACTION_MUTE_24H, value)
    await bot.settle()
    [call] = [c for c in bot.fake.calls_to("response_url") if c.response_url == url]
    assert "Muted until" in all_text(call.params)
    assert await bot.store.is_muted("T0SCENE", "U0ALICE")
    await bot.send_message("My client gave me a $200 gift card and I kept it")
    await bot.settle()
    assert len(bot.fake.calls_to("chat.postEphemeral")) == 1


async def test_replayed_click_acts_once(bot: Harness) -> None:
    value = button_value(await _nudge(bot), ids.ACTION_SHOW_GUIDANCE)
    url = bot.fake.new_response_url()
    for _ in range(3):
        reply, _ = await bot.click(
            ids.ACTION_SHOW_GUIDANCE, value, response_url=url, action_ts="1700000000.123456"
        )
        assert reply.status == 200
    await bot.settle()
    assert len([c for c in bot.fake.calls_to("response_url") if c.response_url == url]) == 1


async def test_foreign_button_value_is_ignored(bot: Harness) -> None:
    reply, url = await bot.click(ids.ACTION_SHOW_GUIDANCE, "<!channel> not ours")
    assert reply.status == 200
    await bot.settle()
    assert not bot.fake.calls_to("response_url")


async def test_app_home_is_published_with_mute_state(bot: Harness) -> None:
    await bot.send_command("mute 24h")
    await bot.send_event(
        {"type": "app_home_opened", "user": "U0ALICE", "tab": "home", "channel": "D0HOME"}
    )
    await bot.settle()
    [call] = bot.fake.calls_to("views.publish")
    assert call.params["user_id"] == "U0ALICE"
    assert call.params["view"]["type"] == "home"
    assert "Muted" in all_text(call.params["view"]) or "muted" in all_text(call.params["view"])
