"""``/boundary`` over signed HTTP: answers, help, topics, mute, channel opt-out."""

from __future__ import annotations

import pytest

from tests.bot.scenarios.harness import Harness, all_text
from tests.bot.storage.helpers import count_rows

RISKY = "I added my client Dana on Facebook last night"


async def _reply_text(bot: Harness, url: str) -> str:
    await bot.settle()
    calls = [c for c in bot.fake.calls_to("response_url") if c.response_url == url]
    assert len(calls) == 1, f"expected one reply on the response_url, got {len(calls)}"
    return all_text(calls[0].params)


async def test_question_is_answered_privately_and_counted_without_text(bot: Harness) -> None:
    question = "A client offered me concert tickets as a thank-you gift, can I accept them?"
    reply, url = await bot.send_command(question)
    assert reply.status == 200
    text = await _reply_text(bot, url)
    [call] = [c for c in bot.fake.calls_to("response_url") if c.response_url == url]
    assert call.params["response_type"] == "ephemeral"
    assert "Gift" in text or "gift" in text
    assert await count_rows(bot.store, "flag_events", source="command") >= 1


@pytest.mark.parametrize("text", ["", "help", "HELP"])
async def test_empty_and_help_show_help(bot: Harness, text: str) -> None:
    _, url = await bot.send_command(text)
    assert "/boundary mute" in await _reply_text(bot, url)


async def test_topics_and_one_topic(bot: Harness) -> None:
    _, url = await bot.send_command("topics")
    topics = await _reply_text(bot, url)
    assert "topics" in topics.lower() and "social media" in topics.lower()
    _, url = await bot.send_command("social media")
    topic = await _reply_text(bot, url)
    assert "social" in topic.lower()
    assert await count_rows(bot.store, "flag_events") == 0  # browsing a topic is not a question


async def test_unknown_text_gets_general_answer(bot: Harness) -> None:
    _, url = await bot.send_command("what is this bot even for, honestly")
    text = await _reply_text(bot, url)
    assert "topics" in text.lower() or "boundar" in text.lower()


async def test_echoed_question_cannot_mention_everyone(bot: Harness) -> None:
    _, url = await bot.send_command("<!channel> <@U0BOSS> my client gave me a gift card <!here>")
    text = await _reply_text(bot, url)
    assert "<!channel>" not in text and "<!here>" not in text and "<@U0BOSS>" not in text


async def test_replayed_command_acts_once(bot: Harness) -> None:
    url = bot.fake.new_response_url()
    first, _ = await bot.send_command("topics", trigger_id="111.replay", response_url=url)
    second, _ = await bot.send_command("topics", trigger_id="111.replay", response_url=url)
    assert (first.status, second.status) == (200, 200)
    await _reply_text(bot, url)


async def test_expired_response_url_falls_back_to_post_ephemeral(bot: Harness) -> None:
    url = bot.fake.new_response_url()
    bot.fake.expire_response_url(url)
    await bot.send_command("help", response_url=url, channel="C0WARD")
    await bot.settle()
    [call] = bot.fake.calls_to("chat.postEphemeral")
    assert call.params["channel"] == "C0WARD" and call.params["user"] == "U0ALICE"


async def test_mute_blocks_nudges_and_unmute_restores_them(bot: Harness) -> None:
    _, url = await bot.send_command("mute 24h")
    assert "Muted until" in await _reply_text(bot, url)
    await bot.send_message(RISKY)
    await bot.settle()
    assert not bot.fake.calls_to("chat.postEphemeral")
    assert await count_rows(bot.store, "flag_events") == 1  # still counted
    _, url = await bot.send_command("mute off")
    assert "back on" in await _reply_text(bot, url)
    await bot.send_message("My client gave me a $200 gift card and I kept it")
    await bot.settle()
    assert len(bot.fake.calls_to("chat.postEphemeral")) == 1


async def test_mute_7d_and_bad_argument(bot: Harness) -> None:
    _, url = await bot.send_command("mute 7d")
    assert "Muted until" in await _reply_text(bot, url)
    _, url = await bot.send_command("mute forever")
    assert "/boundary mute 24h" in await _reply_text(bot, url)


async def test_channel_opt_out_by_admin(bot: Harness) -> None:
    bot.fake.set_user("U0ADMIN", is_admin=True)
    _, url = await bot.send_command("channel off", user="U0ADMIN", channel="C0WARD")
    assert "off" in await _reply_text(bot, url)
    assert [c.params["user"] for c in bot.fake.calls_to("users.info")] == ["U0ADMIN"]
    await bot.send_message(RISKY, channel="C0WARD")
    await bot.settle()
    assert not bot.fake.calls_to("chat.postEphemeral")
    assert await count_rows(bot.store, "flag_events") == 0  # opted-out channels store nothing
    _, url = await bot.send_command("channel on", user="U0ADMIN", channel="C0WARD")
    await _reply_text(bot, url)
    await bot.send_message(RISKY, channel="C0WARD")
    await bot.settle()
    assert len(bot.fake.calls_to("chat.postEphemeral")) == 1


async def test_channel_opt_out_by_channel_creator(bot: Harness) -> None:
    bot.fake.set_channel("C0OWN", creator="U0CREATOR")
    _, url = await bot.send_command("channel off", user="U0CREATOR", channel="C0OWN")
    assert "now *off*" in await _reply_text(bot, url)
    assert not await bot.store.is_channel_enabled("T0SCENE", "C0OWN")


async def test_channel_opt_out_refused_for_members_with_no_change(bot: Harness) -> None:
    bot.fake.set_user("U0MEMBER")
    bot.fake.set_channel("C0WARD", creator="U0SOMEONEELSE")
    _, url = await bot.send_command("channel off", user="U0MEMBER", channel="C0WARD")
    assert "Only workspace admins" in await _reply_text(bot, url)
    assert await bot.store.is_channel_enabled("T0SCENE", "C0WARD")
    await bot.send_message(RISKY, channel="C0WARD")
    await bot.settle()
    assert len(bot.fake.calls_to("chat.postEphemeral")) == 1
