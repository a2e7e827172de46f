"""The fast ack for benign ``message`` events (``bot/fast_path.py``), through signed HTTP.

The server answers a message event that cannot produce a finding without Bolt's dispatch.
These scenarios prove it answers exactly what Bolt answers, that it takes only such events
(risky messages, edits that add a category, too-long texts, the first event before Bolt's
``auth.test``, url_verification and lifecycle events all still reach Bolt and act as before),
and that it turns itself off when the app has something it cannot stand in for.
"""

from __future__ import annotations

import json
from typing import Any

from bot.app import services_of
from bot.fast_path import COUNTER
from bot.listeners.events.message import REUSED_COUNTER
from bot.server import FAST_PATH_KEY
from tests.bot.scenarios.harness import BOT_USER, Harness
from tests.bot.storage.helpers import all_counts

RISKY = "I added my client Dana on Facebook last night"
RISKY_2 = "my patient gave me a really expensive watch as a thank you gift"
BENIGN = "reminder: team huddle at 8:30 in room 204"


def _fast(bot: Harness) -> int:
    return services_of(bot.server.bolt_app).counters[COUNTER]


def _answer(reply: Any) -> tuple[int, str, dict[str, str]]:
    headers = {k.lower(): v for k, v in reply.headers.items() if k.lower() != "date"}
    return reply.status, reply.text, headers


async def _warm(bot: Harness) -> None:
    """Bolt's first request calls ``auth.test``; until then the fast path stays out."""
    reply = await bot.send_message("good morning team")
    assert reply.status == 200
    assert len(bot.fake.calls_to("auth.test")) == 1


async def test_first_event_goes_through_bolt_then_benign_ones_are_answered_fast(
    bot: Harness,
) -> None:
    assert bot.server.web_app[FAST_PATH_KEY].enabled
    assert _fast(bot) == 0
    await _warm(bot)
    assert _fast(bot) == 0  # that one reached Bolt, which authorised it
    for _ in range(3):
        assert (await bot.send_message(BENIGN)).status == 200
    assert _fast(bot) == 3
    assert len(bot.fake.calls_to("auth.test")) == 1
    await bot.settle()
    assert not bot.fake.calls_to("chat.postEphemeral")


async def test_fast_answer_is_byte_for_byte_what_bolt_answers(bot: Harness) -> None:
    await _warm(bot)
    via_bolt = await bot.send_message(RISKY)  # a finding: Bolt runs the listener
    fast = await bot.send_message(BENIGN)
    assert _fast(bot) == 1
    assert _answer(fast) == _answer(via_bolt)
    assert _answer(fast)[:2] == (200, "")
    await bot.settle()
    assert len(bot.fake.calls_to("chat.postEphemeral")) == 1


async def test_risky_messages_and_their_retries_still_act_exactly_once(bot: Harness) -> None:
    await _warm(bot)
    before = await all_counts(bot.store)
    event = bot.message_event(RISKY, user="U0RISK")
    for retry in (None, 1, 2):
        body = json.dumps(bot.event_body(event, event_id="Ev0FASTRETRY")).encode()
        headers = {} if retry is None else {"X-Slack-Retry-Num": str(retry)}
        reply = await bot.post(body, content_type="application/json", headers=headers)
        assert reply.status == 200
    await bot.settle()
    assert _fast(bot) == 0
    assert len(bot.fake.calls_to("chat.postEphemeral")) == 1
    after = await all_counts(bot.store)
    assert after != before


async def test_a_risky_message_is_classified_once_and_nudged_with_the_same_findings(
    bot: Harness,
) -> None:
    svc = services_of(bot.server.bolt_app)
    await _warm(bot)
    assert svc.counters[REUSED_COUNTER] == 0
    assert (await bot.send_message(RISKY, user="U0ONCE")).status == 200
    await bot.settle()
    assert svc.counters[REUSED_COUNTER] == 1  # the listener took the fast path's assessment
    [call] = bot.fake.calls_to("chat.postEphemeral")
    expected = svc.classifier.assess(RISKY).categories
    assert expected and all(c.replace("_", " ") in json.dumps(call.params) for c in expected)
    # an edit hands over its new text's assessment too; the old text is classified as before
    message = bot.message_event(RISKY_2, user="U0ONCE")
    edit = bot.message_event(
        "", subtype="message_changed", message=message, previous_message=message | {"text": ""}
    )
    assert (await bot.send_event(edit)).status == 200
    await bot.settle()
    assert svc.counters[REUSED_COUNTER] == 2


async def test_ignored_and_subtype_events_are_acked_fast_and_do_nothing(bot: Harness) -> None:
    await _warm(bot)
    before = await all_counts(bot.store)
    events = [
        bot.message_event(RISKY, bot_id="B0OTHER"),
        bot.message_event(RISKY, subtype="bot_message"),
        bot.message_event(RISKY, user=BOT_USER),  # the app itself: Bolt drops it too
        bot.message_event(RISKY, subtype="message_deleted"),
        bot.message_event(RISKY, subtype="channel_join"),
        bot.message_event(RISKY, channel_type="im"),
    ]
    for event in events:
        reply = await bot.send_event(event)
        assert (reply.status, reply.text) == (200, "")
    await bot.settle()
    # the app's own risky message has a finding, so it went to Bolt (which ignores it)
    assert _fast(bot) == len(events) - 1
    assert await all_counts(bot.store) == before
    assert not bot.fake.calls_to("chat.postEphemeral")


async def test_edits_are_fast_only_when_the_new_text_has_no_finding(bot: Harness) -> None:
    await _warm(bot)

    def edit(new: str, old: str) -> dict[str, Any]:
        message = bot.message_event(new, user="U0EDIT")
        previous = bot.message_event(old, user="U0EDIT")
        return bot.message_event(
            "", subtype="message_changed", message=message, previous_message=previous
        )

    assert (await bot.send_event(edit(BENIGN, RISKY))).status == 200
    assert _fast(bot) == 1
    assert (await bot.send_event(edit(RISKY, BENIGN))).status == 200  # adds a category
    assert (await bot.send_event(edit(RISKY_2, RISKY_2 + " "))).status == 200  # adds none
    await bot.settle()
    assert _fast(bot) == 1
    assert len(bot.fake.calls_to("chat.postEphemeral")) == 1


async def test_too_long_text_still_reaches_the_listener_and_is_counted(bot: Harness) -> None:
    await _warm(bot)
    svc = services_of(bot.server.bolt_app)
    text = "supervision notes are due by end of week. " * (svc.classifier.max_chars // 40 + 1)
    assert (await bot.send_message(text)).status == 200
    assert svc.counters["message_skipped_too_long"] == 1
    assert _fast(bot) == 0


async def test_other_requests_never_take_the_fast_path(bot: Harness) -> None:
    await _warm(bot)
    body = json.dumps({"type": "url_verification", "challenge": "fastch4ll", "token": "t"})
    reply = await bot.post(body.encode(), content_type="application/json")
    assert reply.status == 200 and "fastch4ll" in reply.text
    reply = await bot.send_event({"type": "app_home_opened", "user": "U0HOME", "tab": "home"})
    assert reply.status == 200
    reply, _ = await bot.send_command("help")
    assert reply.status == 200
    await bot.settle()
    assert bot.fake.calls_to("views.publish")
    assert _fast(bot) == 0


async def test_a_custom_global_middleware_turns_the_fast_path_off(bot: Harness) -> None:
    """A middleware with its own effect must see every event: the fast path steps aside."""
    seen: list[str] = []
    bolt = bot.server.bolt_app

    @bolt.middleware
    async def count_events(body: dict[str, Any], next: Any) -> None:
        seen.append(str(body.get("event_id")))
        await next()

    fast = bot.server.web_app[FAST_PATH_KEY]
    assert not await fast.prepare()
    await _warm(bot)
    assert (await bot.send_message(BENIGN, event_id="Ev0SEEN")).status == 200
    assert "Ev0SEEN" in seen
    assert _fast(bot) == 0


async def test_another_message_listener_turns_the_fast_path_off(bot: Harness) -> None:
    """A listener that would take message events before ours must see them."""
    seen: list[str] = []
    bolt = bot.server.bolt_app

    @bolt.event("message")
    async def first(body: dict[str, Any]) -> None:
        seen.append(str(body.get("event_id")))

    bolt._async_listeners.insert(0, bolt._async_listeners.pop())  # now matched first
    assert not await bot.server.web_app[FAST_PATH_KEY].prepare()
    await _warm(bot)
    assert (await bot.send_message(BENIGN, event_id="Ev0FIRST")).status == 200
    assert "Ev0FIRST" in seen
    assert _fast(bot) == 0
