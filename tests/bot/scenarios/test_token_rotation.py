"""Token rotation across two workers: one refresh of the single-use refresh token.

Two real app instances (two HTTP servers, two Store objects on one SQLite file or one
PostgreSQL database) get a signed event each, at the same moment, for a workspace whose
bot token is about to expire. The fake Slack's ``oauth.v2.access`` hands out single-use
refresh tokens and takes a moment to answer, so both workers are inside the refresh at
once. Exactly one refresh reaches Slack, both events are processed with the new token, and
the new tokens are stored encrypted.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import select

from bot.app import services_of
from bot.sandbox.fake_slack import FakeSlack
from bot.sandbox.signed_requests import SlackRequester, Workspace, message_event
from bot.server import RunningServer, start_http
from bot.settings import Settings
from bot.storage import Store
from bot.storage.tables import slack_bots, slack_installations
from tests.bot.conftest import TEST_PSEUDONYM_KEY, TEST_TOKEN_KEYS
from tests.bot.storage.helpers import count_rows

TEAM = "T0ROTATE"
BOT_USER = "UBOTROTATE"
CLIENT_ID = "333.444"
SIGNING_SECRET = "rotation-signing-secret-77"
OLD_TOKEN = "xoxe.xoxb-1-old-rotating-token"
OLD_REFRESH = "xoxe-1-bot-seed-refresh"
RISKY = "I added my client Dana on Facebook last night"

# slack_sdk's async client builds aiohttp.BasicAuth for oauth.v2.access (deprecated in
# aiohttp 3.14): a third-party warning, not ours.
pytestmark = pytest.mark.filterwarnings("ignore:BasicAuth is deprecated:DeprecationWarning")


def _settings(fake: FakeSlack, database_url: str) -> Settings:
    settings = Settings(
        slack_client_id=CLIENT_ID,
        slack_client_secret="rotation-client-secret-55",
        slack_signing_secret=SIGNING_SECRET,
        token_encryption_key=TEST_TOKEN_KEYS[0],
        pseudonym_key=TEST_PSEUDONYM_KEY,
        slack_api_url=fake.api_url,
        database_url=database_url,
        shutdown_drain_seconds=5.0,
    )
    assert settings.mode == "oauth"
    return settings


async def _install_expiring(store: Store, *, expires_in: int) -> None:
    await store.installation_store(CLIENT_ID).async_save(
        Installation(
            app_id="A0SANDBOX",
            enterprise_id=None,
            team_id=TEAM,
            user_id="U0INSTALLER",
            bot_token=OLD_TOKEN,
            bot_refresh_token=OLD_REFRESH,
            bot_token_expires_at=int(time.time()) + expires_in,
            bot_id="BROTATE",
            bot_user_id=BOT_USER,
            bot_scopes="commands,chat:write",
            installed_at=time.time() - 3600,
        )
    )


async def _raw_token_columns(store: Store) -> str:
    async with store.engine.connect() as connection:
        rows = [
            *(await connection.execute(select(slack_installations))).all(),
            *(await connection.execute(select(slack_bots))).all(),
        ]
    return "\n".join(repr(tuple(row)) for row in rows)


def _refreshes(fake: FakeSlack) -> list[Any]:
    return [
        c for c in fake.calls_to("oauth.v2.access") if c.params.get("grant_type") == "refresh_token"
    ]


async def test_two_workers_refresh_an_expiring_token_once(
    database_url: str,
    store: Store,
    make_store: Callable[..., Awaitable[Store]],
    classifier: Any,
    guidance: Any,
) -> None:
    other_store = await make_store()
    await _install_expiring(store, expires_in=60)  # inside Bolt's 120-minute window
    ws = Workspace(team_id=TEAM, bot_user_id=BOT_USER)
    async with FakeSlack(team_id=TEAM, bot_user_id=BOT_USER, token_rotation=True) as fake:
        fake.latency["oauth.v2.access"] = 0.3  # both workers are inside the refresh at once
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
            answers = await asyncio.gather(
                requesters[0].send_event(
                    message_event(ws, user="U0ALICE", channel="C0ONE", text=RISKY)
                ),
                requesters[1].send_event(
                    message_event(ws, user="U0BOB", channel="C0TWO", text=RISKY)
                ),
            )
            assert [a.status for a in answers] == [200, 200]
            posted = await fake.wait_for("chat.postEphemeral", count=2)
            for server in servers:
                await services_of(server.bolt_app).tasks.join(5)

            [refresh] = _refreshes(fake)
            assert refresh.params["refresh_token"] == OLD_REFRESH
            assert refresh.response["ok"] is True
            new_token = refresh.response["access_token"]
            new_refresh = refresh.response["refresh_token"]
            errors = [c.response.get("error") for c in fake.calls if isinstance(c.response, dict)]
            assert "invalid_refresh_token" not in errors
            # Both events were processed, each with the refreshed token.
            assert sorted(c.params["user"] for c in posted) == ["U0ALICE", "U0BOB"]
            assert {c.token for c in posted} == {new_token}
            assert len(fake.calls_to("chat.postEphemeral")) == 2
            assert await count_rows(store, "flag_events") == 2

            # Stored (and read back by the other worker) decrypted: the new pair, 12 h ahead.
            for worker_store in (store, other_store):
                saved = await worker_store.installation_store(CLIENT_ID).async_find_installation(
                    enterprise_id=None, team_id=TEAM
                )
                assert saved is not None
                assert (saved.bot_token, saved.bot_refresh_token) == (new_token, new_refresh)
                assert saved.bot_token_expires_at is not None
                assert saved.bot_token_expires_at > time.time() + 11 * 3600
                bot = await worker_store.installation_store(CLIENT_ID).async_find_bot(
                    enterprise_id=None, team_id=TEAM
                )
                assert bot is not None and bot.bot_token == new_token
            # ...and encrypted at rest: neither secret appears in the raw rows.
            raw = await _raw_token_columns(store)
            assert new_token not in raw and new_refresh not in raw and OLD_REFRESH not in raw

            # The refreshed token is good for 12 h: a later event refreshes nothing.
            later = await requesters[1].send_event(
                message_event(ws, user="U0CAROL", channel="C0THREE", text=RISKY)
            )
            assert later.status == 200
            await fake.wait_for("chat.postEphemeral", count=3)
            assert len(_refreshes(fake)) == 1
        finally:
            for requester in requesters:
                await requester.close()
            for server in servers:
                await server.stop()


async def test_a_token_far_from_expiry_is_not_refreshed(
    database_url: str, store: Store, classifier: Any, guidance: Any
) -> None:
    await _install_expiring(store, expires_in=6 * 3600)
    ws = Workspace(team_id=TEAM, bot_user_id=BOT_USER)
    async with FakeSlack(team_id=TEAM, bot_user_id=BOT_USER, token_rotation=True) as fake:
        server = await start_http(
            _settings(fake, database_url), store=store, classifier=classifier, guidance=guidance
        )
        requester = SlackRequester(server.events_url, SIGNING_SECRET)
        try:
            answer = await requester.send_event(
                message_event(ws, user="U0ALICE", channel="C0ONE", text=RISKY)
            )
            assert answer.status == 200
            [call] = await fake.wait_for("chat.postEphemeral")
            assert call.token == OLD_TOKEN
            assert _refreshes(fake) == []
        finally:
            await requester.close()
            await server.stop()


async def test_background_sends_refresh_an_expiring_token_once(
    database_url: str,
    store: Store,
    make_store: Callable[..., Awaitable[Store]],
    classifier: Any,
    guidance: Any,
) -> None:
    """Outbox redelivery and weekly summaries get their client from ``client_for``: an
    expiring token is refreshed there too, once across workers, and the new one is used."""
    other_store = await make_store()
    await _install_expiring(store, expires_in=60)
    async with FakeSlack(team_id=TEAM, bot_user_id=BOT_USER, token_rotation=True) as fake:
        fake.latency["oauth.v2.access"] = 0.3
        settings = _settings(fake, database_url)
        servers = [
            await start_http(settings, store=s, classifier=classifier, guidance=guidance)
            for s in (store, other_store)
        ]
        try:
            clients = await asyncio.gather(
                *(services_of(server.bolt_app).client_for(TEAM) for server in servers)
            )
            [refresh] = _refreshes(fake)
            new_token = refresh.response["access_token"]
            assert [c.token for c in clients if c is not None] == [new_token, new_token]
            # A later lookup finds the fresh token and refreshes nothing.
            again = await services_of(servers[0].bolt_app).client_for(TEAM)
            assert again is not None and again.token == new_token
            assert len(_refreshes(fake)) == 1
        finally:
            for server in servers:
                await server.stop()
