"""Issue 7 promises over signed HTTP: Slack faults, hostile text, no mention abuse.

Everything runs through the real app (:func:`bot.server.start_http`), the fake Slack Web API
at the network edge and a real database (SQLite and PostgreSQL).
"""

from __future__ import annotations

import itertools
import json
import re
import time
from typing import Any
from urllib.parse import unquote_plus

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.app import services_of
from bot.delivery import CappedRateLimitRetryHandler
from bot.outbox import sweep_once
from tests.bot.scenarios.harness import TEAM, Harness
from tests.bot.storage.helpers import count_rows

RISKY = "I added my client Dana on Facebook last night"

# ----------------------------------------------------------------------------- Slack faults


async def test_reset_after_slack_got_the_request_is_never_reposted(bot: Harness) -> None:
    """The fake reads the whole request, then resets the connection: Slack may have posted
    it, so neither the retry handlers nor the outbox sweeper may send it again."""
    bot.fake.queue("chat.postEphemeral", reset=True)
    assert (await bot.send_message(RISKY)).status == 200
    await bot.settle()
    svc = services_of(bot.server.bolt_app)
    await sweep_once(svc)  # what the sweeper would do after the lease
    await bot.settle()
    calls = bot.fake.calls_to("chat.postEphemeral")
    assert [c.status for c in calls] == [0]  # one attempt, answered by a reset
    assert await count_rows(bot.store, "outbox") == 0
    assert "connection lost after sending" in bot.logs.text


async def test_500_is_retried_once_then_left_to_the_sweeper_without_double_post(
    bot: Harness,
) -> None:
    bot.fake.queue("chat.postEphemeral", status=500, times=2)
    await bot.send_message(RISKY)
    await bot.settle()
    assert [c.status for c in bot.fake.calls_to("chat.postEphemeral")] == [500, 500]  # bounded
    assert await count_rows(bot.store, "outbox") == 1  # released for the sweeper
    delivered, dropped = await sweep_once(services_of(bot.server.bolt_app))
    assert (delivered, dropped) == (1, 0)
    statuses = [c.status for c in bot.fake.calls_to("chat.postEphemeral")]
    assert statuses == [500, 500, 200]
    assert await count_rows(bot.store, "outbox") == 0


@pytest.mark.parametrize("error", ["invalid_auth", "account_inactive", "token_revoked"])
async def test_dead_token_stops_all_work_for_the_workspace(bot: Harness, error: str) -> None:
    bot.fake.queue_error("chat.postEphemeral", error)
    await bot.send_message(RISKY)
    await bot.settle()
    assert not await bot.store.is_installation_active(TEAM)
    bot.fake.clear()
    reply = await bot.send_message("My client gave me a $200 gift card and I kept it", user="U0BOB")
    assert reply.status == 200
    await bot.settle()
    assert not bot.fake.calls, "no Web API call for an inactive installation"
    assert await count_rows(bot.store, "flag_events", workspace_id=TEAM) == 1


async def test_429_wait_is_jittered_and_capped(bot: Harness) -> None:
    """Retry-After 100 s is never waited out in full: each wait and the total are capped."""
    client = AsyncWebClient(
        token="xoxb-cap",
        base_url=bot.fake.api_url,
        retry_handlers=[CappedRateLimitRetryHandler(max_wait=0.3, max_total_wait=0.8)],
    )
    bot.fake.queue("chat.postMessage", status=429, headers={"Retry-After": "100"}, times=10)
    started = time.monotonic()
    with pytest.raises(SlackApiError):
        await client.chat_postMessage(channel="C1", text="x")
    elapsed = time.monotonic() - started
    calls = bot.fake.calls_to("chat.postMessage")
    assert 2 <= len(calls) <= 4  # bounded by the total budget (and max_retry_count)
    assert elapsed < 2.0
    gaps = [b.time - a.time for a, b in itertools.pairwise(calls)]
    assert all(gap < 0.45 for gap in gaps), gaps  # each wait capped at max_wait
    assert 0.7 <= sum(gaps) < 1.1, gaps  # and the total at max_total_wait


async def test_429_waits_carry_random_jitter(bot: Harness) -> None:
    client = AsyncWebClient(
        token="xoxb-jitter",
        base_url=bot.fake.api_url,
        retry_handlers=[CappedRateLimitRetryHandler(max_retry_count=4, max_total_wait=10)],
    )
    bot.fake.queue("chat.postMessage", status=429, headers={"Retry-After": "0"}, times=4)
    await client.chat_postMessage(channel="C1", text="x")
    calls = bot.fake.calls_to("chat.postMessage")
    assert [c.status for c in calls] == [429, 429, 429, 429, 200]
    gaps = [b.time - a.time for a, b in itertools.pairwise(calls)]
    assert all(0 <= gap < 1.2 for gap in gaps), gaps  # Retry-After 0 + up to 1 s jitter
    assert max(gaps) - min(gaps) > 0.01, gaps  # random, not a fixed delay


# ----------------------------------------------------------------------------- hostile text

ZERO_WIDTH = "I added my cli\u200bent Dana on Face\u200dbook last night"
BIDI = "\u202eI added my client Dana on Facebook last night\u202c"
EMOJI = "🙂🙂 I added my client Dana on Facebook last night 🎉" * 3
HOMOGLYPH = "I added my client Dana on f\u0430cebook last night"  # Cyrillic a
REDOS = ("a" * 5000 + "!") + " client " * 2000 + "(" * 300 + "facebook " * 1000


@pytest.mark.parametrize(
    "text",
    [ZERO_WIDTH, BIDI, EMOJI, HOMOGLYPH, REDOS, "x" * 40_000, "client " * 5_714],
    ids=["zero_width", "bidi", "emoji", "homoglyph", "redos", "40000_x", "40000_words"],
)
async def test_strange_text_is_answered_within_the_budget(bot: Harness, text: str) -> None:
    started = time.monotonic()
    reply = await bot.send_message(text)
    assert reply.status == 200
    assert time.monotonic() - started < 3.0
    await bot.settle()


async def test_punctuation_flood_is_answered_within_the_budget(bot: Harness) -> None:
    started = time.monotonic()
    assert (await bot.send_message("(" * 39_000)).status == 200
    assert time.monotonic() - started < 3.0


async def test_lone_surrogate_in_json_is_answered(bot: Harness) -> None:
    event = bot.message_event("placeholder")
    body = json.dumps(bot.event_body(event)).replace("placeholder", "client \\ud800 facebook")
    started = time.monotonic()
    reply = await bot.post(body.encode(), content_type="application/json")
    assert reply.status == 200
    assert time.monotonic() - started < 3.0
    await bot.settle()


async def test_text_over_max_chars_is_not_classified_and_is_counted(bot: Harness) -> None:
    svc = services_of(bot.server.bolt_app)
    limit = svc.classifier.max_chars
    text = RISKY + " " + "x" * limit  # over the classifier's limit, under the body limit
    started = time.monotonic()
    reply = await bot.send_message(text)
    assert reply.status == 200 and time.monotonic() - started < 3.0
    reply = await bot.send_message(RISKY + " " + "y" * (900_000 - len(RISKY)), user="U0BOB")
    assert reply.status == 200 and time.monotonic() - started < 6.0
    await bot.settle()
    assert svc.counters["message_skipped_too_long"] == 2
    assert not bot.fake.calls_to("chat.postEphemeral")
    assert await count_rows(bot.store, "flag_events") == 0
    assert "not classified: too_long" in bot.logs.text


async def test_one_megabyte_message_gets_413_before_parsing(bot: Harness) -> None:
    body = json.dumps(bot.event_body(bot.message_event("z" * 1_048_576))).encode()
    reply = await bot.post(body, content_type="application/json")
    assert reply.status == 413
    assert not bot.fake.calls


async def test_homoglyph_spelling_is_still_caught(bot: Harness) -> None:
    await bot.send_message(HOMOGLYPH)
    await bot.settle()
    assert len(bot.fake.calls_to("chat.postEphemeral")) == 1


# ----------------------------------------------------------------------------- mention abuse

MENTIONS = "<!channel> <!here> <!everyone> <@U0BOSS> <!subteam^S1|@nurses> &lt;!channel&gt;"
#: What Slack turns into a broadcast or a group notification. (``&lt;!channel&gt;`` is safe:
#: Slack shows it as text, so escaped forms are allowed.)
_BROADCAST = re.compile(r"<\s*!|(?<![\w&])@(?:channel|here|everyone)\b", re.IGNORECASE)
_USER_MENTION = re.compile(r"<\s*[@#]")


def _posted_text(call: Any) -> str:
    raw = call.body.decode("utf-8", "replace")
    if not raw.lstrip().startswith("{"):
        raw = unquote_plus(raw)
    return raw


def _found(pattern: re.Pattern[str], text: str) -> list[str]:
    return [text[max(0, m.start() - 30) : m.end() + 30] for m in pattern.finditer(text)]


async def test_nothing_the_bot_posts_carries_a_mention_from_user_text(bot: Harness) -> None:
    """No broadcast anywhere. A user mention appears only where an admin named a lead
    (``leads add @user``): a validated user id, echoed in an ephemeral reply to that admin
    only, which notifies nobody."""
    bot.fake.set_user("U0ADMIN", is_admin=True)
    await bot.send_message(f"{MENTIONS} I added my client Dana on Facebook last night")
    await bot.send_message(f"My client gave me a $200 gift card {MENTIONS}", user="U0BOB")
    await bot.send_command(f"{MENTIONS} can I accept a gift from a client?")
    await bot.send_command(f"mute {MENTIONS}")
    await bot.send_command(f"channel {MENTIONS}", user="U0ADMIN")
    _, leads_url = await bot.send_command(f"leads add {MENTIONS}", user="U0ADMIN")
    await bot.send_command(f"summary-time {MENTIONS}", user="U0ADMIN")
    await bot.send_command(MENTIONS)
    await bot.settle()
    posted = [c for c in bot.fake.calls if c.method != "users.info"]
    assert len(bot.fake.calls_to("chat.postEphemeral")) == 2  # both messages nudged
    assert len(bot.fake.calls_to("response_url")) >= 5
    for call in posted:
        text = _posted_text(call)
        assert not _found(_BROADCAST, text), f"{call.method} posted {_found(_BROADCAST, text)}"
        if call.method == "response_url" and call.response_url == leads_url:
            assert call.params.get("response_type") == "ephemeral"
            continue
        assert not _found(_USER_MENTION, text), f"{call.method}: {_found(_USER_MENTION, text)}"
