"""Passive nudges over real signed HTTP: who gets nudged, where, and how often."""

from __future__ import annotations

import asyncio

from tests.bot.scenarios.harness import BOT_ID, BOT_USER, Harness, all_text
from tests.bot.storage.helpers import count_rows

RISKY = "I added my client Dana on Facebook last night"
BENIGN = "The client portal is down again, discharge date moved to Friday"
NEGATED = "I did not add my client on Facebook, obviously"


async def test_risky_message_nudges_the_author_once_in_channel_and_thread(bot: Harness) -> None:
    reply = await bot.send_message(RISKY, user="U0ALICE", channel="C0WARD", thread_ts="1700.0001")
    assert reply.status == 200
    await bot.settle()
    [call] = bot.fake.calls_to("chat.postEphemeral")
    assert call.params["user"] == "U0ALICE"
    assert call.params["channel"] == "C0WARD"
    assert call.params["thread_ts"] == "1700.0001"
    assert "social_media" in all_text(call.params["blocks"])
    assert await count_rows(bot.store, "flag_events") == 1
    assert await count_rows(bot.store, "outbox") == 0  # delivered, so settled


async def test_top_level_message_is_nudged_without_thread(bot: Harness) -> None:
    await bot.send_message(RISKY)
    await bot.settle()
    [call] = bot.fake.calls_to("chat.postEphemeral")
    assert "thread_ts" not in call.params


async def test_flag_record_is_committed_before_the_200(bot: Harness) -> None:
    bot.fake.queue("chat.postEphemeral", delay=1.0)  # slow Slack must not delay the ack
    reply = await bot.send_message(RISKY)
    assert reply.status == 200
    assert await count_rows(bot.store, "flag_events") == 1
    assert not bot.fake.calls_to("chat.postEphemeral")  # still being posted in the background
    await bot.settle()
    assert len(bot.fake.calls_to("chat.postEphemeral")) == 1


async def test_benign_message_does_nothing(bot: Harness) -> None:
    assert (await bot.send_message(BENIGN)).status == 200
    await bot.settle()
    assert not bot.fake.calls_to("chat.postEphemeral")
    assert await count_rows(bot.store, "flag_events") == 0


async def test_negated_message_does_nothing(bot: Harness) -> None:
    assert (await bot.send_message(NEGATED)).status == 200
    await bot.settle()
    assert not bot.fake.calls_to("chat.postEphemeral")
    assert await count_rows(bot.store, "flag_events") == 0


async def test_reported_situation_nudges_with_a_note_that_it_may_be_someone_else(
    bot: Harness,
) -> None:
    await bot.send_message("my coworker is dating her client, what do I do?", user="U0BOB")
    await bot.settle()
    [call] = bot.fake.calls_to("chat.postEphemeral")
    assert call.params["user"] == "U0BOB"
    assert "someone else's situation" in all_text(call.params["blocks"])


async def test_quoted_words_are_counted_but_not_nudged(bot: Harness) -> None:
    text = "> I added my client Dana on Facebook last night\nthat is what the meme said lol"
    assert (await bot.send_message(text)).status == 200
    await bot.settle()
    assert not bot.fake.calls_to("chat.postEphemeral")
    assert await count_rows(bot.store, "flag_events") == 1


async def test_retry_with_same_event_id_acts_once(bot: Harness) -> None:
    event = bot.message_event(RISKY)
    first = await bot.send_event(event, event_id="EvRETRY1")
    second = await bot.send_event(event, event_id="EvRETRY1", retry_num=1)
    third = await bot.send_event(event, event_id="EvRETRY1", retry_num=2)
    assert (first.status, second.status, third.status) == (200, 200, 200)
    await bot.settle()
    assert len(bot.fake.calls_to("chat.postEphemeral")) == 1
    assert await count_rows(bot.store, "flag_events") == 1


async def test_concurrent_retries_act_once(bot: Harness) -> None:
    event = bot.message_event(RISKY)
    replies = await asyncio.gather(
        *(bot.send_event(event, event_id="EvRACE1", retry_num=n or None) for n in range(4))
    )
    assert {r.status for r in replies} == {200}
    await bot.settle()
    assert len(bot.fake.calls_to("chat.postEphemeral")) == 1
    assert await count_rows(bot.store, "flag_events") == 1


async def test_retry_whose_original_never_arrived_is_processed(bot: Harness) -> None:
    await bot.send_message(RISKY, event_id="EvLOST1", retry_num=1)
    await bot.settle()
    assert len(bot.fake.calls_to("chat.postEphemeral")) == 1


async def test_bots_and_the_app_itself_are_ignored(bot: Harness) -> None:
    await bot.send_message(RISKY, user=BOT_USER, bot_id=BOT_ID)  # the app itself
    await bot.send_message(RISKY, user="U0OTHERBOT", bot_id="B0OTHER")  # another bot
    await bot.send_message(RISKY, subtype="bot_message", bot_id="B0HOOK", user=None)
    await bot.send_message(RISKY, user=BOT_USER)  # own user id, no bot_id
    await bot.settle()
    assert not bot.fake.calls_to("chat.postEphemeral")
    assert await count_rows(bot.store, "flag_events") == 0


async def test_cooldown_per_user_and_category(bot: Harness) -> None:
    await bot.send_message(RISKY, user="U0ALICE")
    await bot.send_message("Also I friended my client on Instagram", user="U0ALICE")
    await bot.send_message(RISKY, user="U0BOB")
    await bot.send_message("My client gave me a $200 gift card and I kept it", user="U0ALICE")
    await bot.settle()
    calls = bot.fake.calls_to("chat.postEphemeral")
    assert sorted(c.params["user"] for c in calls) == ["U0ALICE", "U0ALICE", "U0BOB"]
    assert await count_rows(bot.store, "flag_events") == 4  # counted, not nudged twice


async def test_channel_types_and_slack_connect(bot: Harness) -> None:
    await bot.send_message(RISKY, channel="D0DM", channel_type="im")
    await bot.send_event(bot.message_event(RISKY, channel="C0SHARED"), is_ext_shared_channel=True)
    await bot.send_message(RISKY, user="U0EXT", team="T0OTHERORG", user_team="T0OTHERORG")
    await bot.settle()
    assert not bot.fake.calls_to("chat.postEphemeral")
    assert await count_rows(bot.store, "flag_events") == 0
    await bot.send_message(RISKY, channel="G0PRIVATE", channel_type="group")
    await bot.send_message(RISKY, user="U0CAROL", channel="G0MPIM", channel_type="mpim")
    await bot.settle()
    assert len(bot.fake.calls_to("chat.postEphemeral")) == 2


async def test_subtypes_are_acked_and_only_classifiable_ones_act(bot: Harness) -> None:
    for subtype in ("message_deleted", "channel_join", "some_future_subtype", "bot_message"):
        event = bot.message_event(RISKY, subtype=subtype)
        reply = await bot.send_event(event)
        assert reply.status == 200, subtype
    unknown = await bot.send_event({"type": "reaction_added", "user": "U0ALICE"})
    assert unknown.status == 200
    await bot.settle()
    assert not bot.fake.calls_to("chat.postEphemeral")
    for subtype in ("thread_broadcast", "file_share"):
        await bot.send_message(RISKY, subtype=subtype, user=f"U0{subtype.upper()[:6]}")
    await bot.settle()
    assert len(bot.fake.calls_to("chat.postEphemeral")) == 2


async def test_edit_nudges_only_when_it_adds_a_category(bot: Harness) -> None:
    def edit(new: str, old: str) -> dict[str, object]:
        bot.sent_texts.extend([new, old])
        return {
            "type": "message",
            "subtype": "message_changed",
            "channel": "C0GENERAL",
            "channel_type": "channel",
            "hidden": True,
            "ts": "1700000000.000900",
            "message": {"type": "message", "user": "U0ALICE", "text": new, "ts": "1700.1"},
            "previous_message": {"type": "message", "user": "U0ALICE", "text": old, "ts": "1700.1"},
        }

    same = await bot.send_event(edit(RISKY + " again", RISKY))
    assert same.status == 200
    await bot.settle()
    assert not bot.fake.calls_to("chat.postEphemeral")
    await bot.send_event(edit(RISKY, BENIGN))
    await bot.settle()
    [call] = bot.fake.calls_to("chat.postEphemeral")
    assert call.params["user"] == "U0ALICE"
