"""OAuth mode: Slack's ``auth.test`` once per token, not once per event; the installation is
still read per event, so an uninstall on one worker stops every worker at once.

Two real app instances (two HTTP servers, two Store objects on one database) in OAuth mode
with an installed workspace, the fake Slack Web API on loopback, signed events.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

from slack_sdk.oauth.installation_store import Installation

from bot.app import AuthTestCache, services_of
from bot.fast_path import COUNTER
from bot.sandbox.fake_slack import FakeSlack
from bot.sandbox.signed_requests import SlackRequester, Workspace, event_callback, message_event
from bot.server import RunningServer, start_http
from bot.settings import Settings
from bot.storage import Store
from tests.bot.conftest import TEST_PSEUDONYM_KEY, TEST_TOKEN_KEYS
from tests.bot.storage.helpers import count_rows

TEAM = "T0AUTHC"
BOT_USER = "UBOTAUTHC"
CLIENT_ID = "555.666"
SIGNING_SECRET = "authorize-signing-secret-31"
TOKEN = "xoxb-authorize-cache-token"
RISKY = "I added my client Dana on Facebook last night"
BENIGN = "reminder: team huddle at 8:30 in room 204"


def _fast(server: RunningServer) -> int:
    return services_of(server.bolt_app).counters[COUNTER]


def _settings(fake: FakeSlack, database_url: str) -> Settings:
    settings = Settings(
        slack_client_id=CLIENT_ID,
        slack_client_secret="authorize-client-secret-13",
        slack_signing_secret=SIGNING_SECRET,
        token_encryption_key=TEST_TOKEN_KEYS[0],
        pseudonym_key=TEST_PSEUDONYM_KEY,
        slack_api_url=fake.api_url,
        database_url=database_url,
        shutdown_drain_seconds=5.0,
    )
    assert settings.mode == "oauth"
    return settings


async def _install(store: Store) -> None:
    await store.installation_store(CLIENT_ID).async_save(
        Installation(
            app_id="A0SANDBOX",
            enterprise_id=None,
            team_id=TEAM,
            user_id="U0INSTALLER",
            bot_token=TOKEN,
            bot_id="BAUTHC",
            bot_user_id=BOT_USER,
            bot_scopes="commands,chat:write",
            installed_at=time.time() - 3600,
        )
    )


async def test_auth_test_once_per_token_and_uninstall_stops_every_worker(
    database_url: str,
    store: Store,
    make_store: Callable[..., Awaitable[Store]],
    classifier: Any,
    guidance: Any,
) -> None:
    other_store = await make_store()
    await _install(store)
    ws = Workspace(team_id=TEAM, bot_user_id=BOT_USER)
    async with FakeSlack(team_id=TEAM, bot_user_id=BOT_USER) as fake:
        settings = _settings(fake, database_url)
        servers: list[RunningServer] = []
        requesters: list[SlackRequester] = []
        try:
            for worker_store in (store, other_store):
                server = await start_http(
                    settings, store=worker_store, classifier=classifier, guidance=guidance
                )
                servers.append(server)
                requesters.append(SlackRequester(server.events_url, SIGNING_SECRET))
            a, b = requesters
            for i, requester in enumerate((a, a, a, b, b)):
                text = RISKY if i in (0, 3) else BENIGN
                event = message_event(ws, user=f"U0USER{i}", channel="C0ONE", text=text)
                assert (await requester.send_event(event)).status == 200
            await fake.wait_for("chat.postEphemeral", count=2)
            # one auth.test per worker (each caches its own), not one per event
            assert len(fake.calls_to("auth.test")) == 2
            assert await count_rows(store, "flag_events") == 2
            # the benign ones were authorised and acked by the fast path
            assert [_fast(s) for s in servers] == [2, 1]

            # uninstalled through worker A: worker B, whose cache still knows the token,
            # reads the installation per event, finds none and acts on nothing
            assert (await a.send_event(event_callback(ws, {"type": "app_uninstalled"}))).status
            late = await b.send_event(message_event(ws, user="U0LATE", channel="C0ONE", text=RISKY))
            assert late.status == 200
            assert len(fake.calls_to("chat.postEphemeral")) == 2
            assert await count_rows(store, "flag_events", workspace_id=TEAM) == 0
            # a benign one is not acked by the fast path either: Bolt answers it as always
            refused = await b.send_event(
                message_event(ws, user="U0LATE", channel="C0ONE", text=BENIGN)
            )
            assert refused == late and _fast(servers[1]) == 1
            assert refused.body  # Bolt's "not installed" text, which the fast path never sends

            # reinstalled: the same token is known again at once, still no new auth.test
            await _install(store)
            again = await b.send_event(
                message_event(ws, user="U0AGAIN", channel="C0ONE", text=RISKY)
            )
            assert again.status == 200
            await fake.wait_for("chat.postEphemeral", count=3)
            assert len(fake.calls_to("auth.test")) == 2
        finally:
            for requester in requesters:
                await requester.close()
            for server in servers:
                await server.stop()


def test_the_cache_forgets_after_its_ttl_and_keeps_at_most_max_entries() -> None:
    cache = AuthTestCache(ttl=60.0, max_entries=2)
    cache["xoxb-1"] = {"bot_user_id": "U1"}
    assert "xoxb-1" in cache and cache["xoxb-1"] == {"bot_user_id": "U1"}
    cache["xoxb-2"] = {}
    cache["xoxb-3"] = {}
    assert "xoxb-1" not in cache and "xoxb-2" in cache and "xoxb-3" in cache
    expired = AuthTestCache(ttl=0.0)
    expired["xoxb-4"] = {}
    time.sleep(0.01)
    assert "xoxb-4" not in expired and "xoxb-4" not in dict(expired)
    assert 42 not in cache
