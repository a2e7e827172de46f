"""The event hot path stays fast without giving anything up.

- a benign message is acked without touching the database at all;
- Bolt's second signature check is off only behind our request guard, and a bad
  signature is still refused with 401;
- the Web API client keeps one HTTP session (keep-alive) while the app runs, and closes it.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from slack_bolt.middleware.request_verification.async_request_verification import (
    AsyncRequestVerification,
)
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.web.async_client import AsyncWebClient

from bot.app import create_app, services_of
from bot.request_guard import sign
from tests.bot.scenarios.conftest import scenario_settings
from tests.bot.scenarios.harness import BOT_TOKEN, SIGNING_SECRET, Harness
from tests.bot.storage.helpers import all_counts

RISKY = "I added my client Dana on Facebook last night"
BENIGN = (
    "The client portal is down again, discharge date moved to Friday",
    "anyone up for drinks after shift on friday?",
    "I need to hug my kids tonight, rough shift",
)
HOT_TABLES = re.compile(
    r"\b(dedupe_keys|flag_events|outbox|cooldowns|user_prefs|workspaces|channel_settings)\b"
)


@contextmanager
def statements_on(store: Any) -> Iterator[list[str]]:
    """Every SQL statement the store sends inside the block (observed, not intercepted:
    SQLAlchemy's event listener plus the drivers' own trace hooks, ``Store.trace_sql``)."""
    with store.trace_sql() as seen:
        yield seen


async def test_benign_messages_are_acked_without_any_database_work(bot: Harness) -> None:
    before = await all_counts(bot.store)
    with statements_on(bot.store) as seen:
        for text in BENIGN:
            assert (await bot.send_message(text)).status == 200
        await bot.settle()
    hot = [s for s in seen if HOT_TABLES.search(s)]
    assert not hot, hot
    assert await all_counts(bot.store) == before
    assert not bot.fake.calls_to("chat.postEphemeral")


async def test_the_audit_sees_the_statements_of_a_risky_message(bot: Harness) -> None:
    """The observation above can fail: a risky message's writes are seen."""
    with statements_on(bot.store) as seen:
        assert (await bot.send_message(RISKY)).status == 200
        await bot.settle()
    written = " ".join(seen)
    for table in ("dedupe_keys", "flag_events", "outbox", "cooldowns"):
        assert table in written, table


async def test_served_app_skips_bolts_second_check_and_still_refuses_bad_signatures(
    bot: Harness,
) -> None:
    middleware = bot.server.bolt_app._async_middleware_list
    assert not any(isinstance(m, AsyncRequestVerification) for m in middleware)
    body = json.dumps(bot.event_body(bot.message_event(RISKY))).encode()
    forged = await bot.post(body, content_type="application/json", sign_with="not-the-secret")
    assert forged.status == 401
    stale = await bot.post(
        body, content_type="application/json", timestamp=str(int(time.time()) - 400)
    )
    assert stale.status == 401
    await bot.settle()
    assert not bot.fake.calls_to("chat.postEphemeral")


async def test_an_app_not_behind_the_guard_verifies_signatures_itself(
    bot: Harness, store: Any, classifier: Any, guidance: Any
) -> None:
    settings = scenario_settings(bot.fake)
    client = AsyncWebClient(token=BOT_TOKEN, base_url=bot.fake.api_url)
    app = create_app(settings, client, store=store, classifier=classifier, guidance=guidance)
    assert any(isinstance(m, AsyncRequestVerification) for m in app._async_middleware_list)
    body = json.dumps(bot.event_body(bot.message_event(RISKY)))
    ts = str(int(time.time()))
    for secret, expected in (("not-the-secret", 401), (SIGNING_SECRET, 200)):
        headers = {
            "content-type": "application/json",
            "x-slack-request-timestamp": ts,
            "x-slack-signature": sign(secret, ts, body.encode()),
        }
        response = await app.async_dispatch(AsyncBoltRequest(body=body, headers=headers))
        assert response.status == expected
    await services_of(app).tasks.join(10)


async def test_web_api_calls_share_one_http_session_closed_on_stop(bot: Harness) -> None:
    client = services_of(bot.server.bolt_app).client
    session = client.session
    assert session is not None and not session.closed
    for user in ("U0ONE", "U0TWO"):
        await bot.send_message(RISKY, user=user)
    await bot.settle()
    assert len(bot.fake.calls_to("chat.postEphemeral")) == 2
    assert client.session is session  # the same pool served both posts
    await bot.server.stop()
    assert session.closed
    assert client.session is None  # the injected client is handed back as it came
