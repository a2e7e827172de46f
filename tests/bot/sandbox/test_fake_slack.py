"""The fake Slack Web API, exercised through slack_sdk's real AsyncWebClient over HTTP."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator

import aiohttp
import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.token_rotation.async_rotator import AsyncTokenRotator
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.sandbox.fake_slack import FakeSlack, socket_envelope

QUICK = FixedValueRetryIntervalCalculator(fixed_internal=0.01)


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    async with FakeSlack(team_id="T0TEST", bot_user_id="UBOT", bot_id="BBOT") as server:
        yield server


def client_for(fake: FakeSlack, token: str = "xoxb-test-token", **kwargs: object) -> AsyncWebClient:
    return AsyncWebClient(token=token, base_url=fake.api_url, **kwargs)  # type: ignore[arg-type]


async def test_binds_loopback_on_an_ephemeral_port(fake: FakeSlack) -> None:
    assert fake.port > 0
    assert fake.api_url == f"http://127.0.0.1:{fake.port}/api/"


async def test_records_method_params_body_and_token(fake: FakeSlack) -> None:
    client = client_for(fake)
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "hello"}}]
    response = await client.chat_postEphemeral(
        channel="C1", user="U1", text="hi", blocks=blocks, thread_ts="123.456"
    )
    assert response["ok"] is True
    assert response["message_ts"]
    [call] = fake.calls_to("chat.postEphemeral")
    assert call.params["channel"] == "C1"
    assert call.params["user"] == "U1"
    assert call.params["thread_ts"] == "123.456"
    assert call.params["blocks"] == blocks  # JSON-string form value decoded
    assert b"thread_ts=123.456" in call.body or b'"thread_ts": "123.456"' in call.body
    assert call.token == "xoxb-test-token"
    assert "token" not in call.params
    assert call.status == 200
    assert call.response == {"ok": True, "message_ts": response["message_ts"]}
    assert call.headers["User-Agent"]


async def test_canned_answers_for_the_methods_the_bot_uses(fake: FakeSlack) -> None:
    client = client_for(fake)
    auth = await client.auth_test()
    assert (auth["team_id"], auth["user_id"], auth["bot_id"]) == ("T0TEST", "UBOT", "BBOT")
    posted = await client.chat_postMessage(channel="C1", text="x")
    assert posted["channel"] == "C1" and posted["ts"]
    updated = await client.chat_update(channel="C1", ts=posted["ts"], text="y")
    assert updated["ts"] == posted["ts"]
    home = await client.views_publish(user_id="U1", view={"type": "home", "blocks": []})
    assert home["view"]["type"] == "home" and home["view"]["id"].startswith("V")
    modal = {"type": "modal", "title": {"type": "plain_text", "text": "t"}, "blocks": []}
    opened = await client.views_open(trigger_id="1.2.3", view=modal)
    assert opened["view"]["type"] == "modal"
    dm = await client.conversations_open(users="U1")
    assert dm["channel"]["id"].startswith("D")
    assert (await client.conversations_open(users="U1"))["channel"]["id"] == dm["channel"]["id"]
    unknown = await client.api_call("bookmarks.list", params={"channel_id": "C1"})
    assert unknown["ok"] is True
    assert [c.method for c in fake.calls][-1] == "bookmarks.list"


async def test_users_and_channels_are_configurable(fake: FakeSlack) -> None:
    fake.set_user("UADMIN", is_admin=True, tz="Europe/Berlin")
    fake.set_user("UEXT", team_id="T0OTHER")
    fake.set_channel("C9", creator="UCREATOR", is_ext_shared=True, name="shared")
    client = client_for(fake)
    admin = (await client.users_info(user="UADMIN"))["user"]
    assert admin["is_admin"] is True and admin["tz"] == "Europe/Berlin"
    assert (await client.users_info(user="UEXT"))["user"]["team_id"] == "T0OTHER"
    plain = (await client.users_info(user="UPLAIN"))["user"]
    assert plain["is_admin"] is False and plain["team_id"] == "T0TEST"
    channel = (await client.conversations_info(channel="C9"))["channel"]
    assert channel["creator"] == "UCREATOR" and channel["is_ext_shared"] is True
    assert channel["name"] == "shared"
    private = (await client.conversations_info(channel="G1"))["channel"]
    assert private["is_private"] is True and private["is_ext_shared"] is False


async def test_missing_arguments_answer_like_slack(fake: FakeSlack) -> None:
    client = client_for(fake)
    with pytest.raises(SlackApiError) as err:
        await client.api_call("chat.postEphemeral", json={"channel": "C1", "user": "U1"})
    assert err.value.response["error"] == "no_text"
    with pytest.raises(SlackApiError) as err:
        await client.views_open(trigger_id="", view={"type": "modal"})
    assert err.value.response["error"] == "invalid_trigger_id"


async def test_token_checks(fake: FakeSlack) -> None:
    with pytest.raises(SlackApiError) as err:
        await client_for(fake, token="not-a-token").auth_test()
    assert err.value.response["error"] == "invalid_auth"
    with pytest.raises(SlackApiError) as err:
        await client_for(fake, token="xapp-1-app").auth_test()
    assert err.value.response["error"] == "not_allowed_token_type"
    fake.invalidate_token("xoxb-revoked", "token_revoked")
    with pytest.raises(SlackApiError) as err:
        await client_for(fake, token="xoxb-revoked").auth_test()
    assert err.value.response["error"] == "token_revoked"
    assert (await client_for(fake, token="xoxp-user").auth_test())["user_id"] == "U0INSTALLER"
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{fake.api_url}auth.test") as resp,
    ):
        assert (await resp.json())["error"] == "not_authed"


async def test_queued_error_then_canned_answer(fake: FakeSlack) -> None:
    fake.queue_error("chat.postEphemeral", "user_not_in_channel")
    client = client_for(fake)
    with pytest.raises(SlackApiError) as err:
        await client.chat_postEphemeral(channel="C1", user="U1", text="x")
    assert err.value.response["error"] == "user_not_in_channel"
    assert (await client.chat_postEphemeral(channel="C1", user="U1", text="x"))["ok"]
    assert len(fake.calls_to("chat.postEphemeral")) == 2


async def test_queued_429_is_retried_by_the_rate_limit_handler(fake: FakeSlack) -> None:
    fake.queue("chat.postEphemeral", status=429, headers={"Retry-After": "0"}, times=2)
    client = client_for(fake, retry_handlers=[AsyncRateLimitErrorRetryHandler(max_retry_count=2)])
    response = await client.chat_postEphemeral(channel="C1", user="U1", text="x")
    assert response["ok"] is True
    calls = fake.calls_to("chat.postEphemeral")
    assert [c.status for c in calls] == [429, 429, 200]
    assert calls[0].response == {"ok": False, "error": "ratelimited"}
    assert calls[0].params["text"] == "x"


async def test_429_without_a_retry_handler_surfaces_ratelimited(fake: FakeSlack) -> None:
    fake.queue("chat.postMessage", status=429, headers={"Retry-After": "7"})
    with pytest.raises(SlackApiError) as err:
        await client_for(fake).chat_postMessage(channel="C1", text="x")
    assert err.value.response.status_code == 429
    assert err.value.response.headers["Retry-After"] == "7"
    assert err.value.response["error"] == "ratelimited"


async def test_queued_500_then_ok_with_the_server_error_handler(fake: FakeSlack) -> None:
    fake.queue("chat.postMessage", status=500)
    handler = AsyncServerErrorRetryHandler(max_retry_count=1, interval_calculator=QUICK)
    client = client_for(fake, retry_handlers=[handler])
    assert (await client.chat_postMessage(channel="C1", text="x"))["ok"] is True
    assert [c.status for c in fake.calls_to("chat.postMessage")] == [500, 200]
    fake.queue("chat.postMessage", status=503, times=2)
    with pytest.raises(SlackApiError) as err:
        await client.chat_postMessage(channel="C1", text="x")
    assert err.value.response.status_code == 503


async def test_connection_reset_is_retried_by_the_connection_error_handler(
    fake: FakeSlack,
) -> None:
    fake.queue("chat.postMessage", reset=True)
    # slack_sdk's default handler (one retry), with a short interval to keep the test quick
    handler = AsyncConnectionErrorRetryHandler(max_retry_count=1, interval_calculator=QUICK)
    client = client_for(fake, retry_handlers=[handler])
    assert (await client.chat_postMessage(channel="C1", text="x"))["ok"] is True
    assert [c.status for c in fake.calls_to("chat.postMessage")] == [0, 200]
    fake.queue("chat.postMessage", reset=True, times=2)
    with pytest.raises(aiohttp.ClientError):
        await client.chat_postMessage(channel="C1", text="x")


async def test_delay_holds_the_answer(fake: FakeSlack) -> None:
    fake.queue("users.info", delay=0.3, json={"ok": True, "user": {"id": "U1"}})
    started = time.monotonic()
    await client_for(fake).users_info(user="U1")
    assert time.monotonic() - started >= 0.3


async def test_response_url_records_and_expires(fake: FakeSlack) -> None:
    url = fake.new_response_url(max_uses=2)
    assert url.startswith(fake.url)
    webhook = AsyncWebhookClient(url)
    first = await webhook.send(text="one", replace_original=True)
    assert first.status_code == 200
    assert (await webhook.send(text="two")).status_code == 200
    used_up = await webhook.send(text="three")
    assert used_up.status_code == 404
    assert json.loads(used_up.body)["error"] == "expired_url"
    calls = fake.calls_to("response_url")
    assert [c.params["text"] for c in calls] == ["one", "two", "three"]
    assert calls[0].params["replace_original"] is True
    assert calls[0].response_url == url
    assert [c.status for c in calls] == [200, 200, 404]

    other = fake.new_response_url()
    fake.expire_response_url(other)
    assert (await AsyncWebhookClient(other).send(text="late")).status_code == 404
    short = fake.new_response_url(ttl=0)
    await asyncio.sleep(0.01)
    assert (await AsyncWebhookClient(short).send(text="late")).status_code == 404


async def test_wait_for_sees_calls_made_in_the_background(fake: FakeSlack) -> None:
    client = client_for(fake)

    async def later() -> None:
        await asyncio.sleep(0.05)
        await client.chat_postEphemeral(channel="C1", user="U1", text="x")

    task = asyncio.create_task(later())
    [call] = await fake.wait_for("chat.postEphemeral", timeout=2)
    assert call.params["user"] == "U1"
    await task
    with pytest.raises(TimeoutError, match=r"views\.publish.*chat\.postEphemeral"):
        await fake.wait_for("views.publish", timeout=0.05)


# slack_sdk passes client credentials with aiohttp.BasicAuth, which aiohttp 3.12+ deprecates.
@pytest.mark.filterwarnings("ignore:BasicAuth is deprecated:DeprecationWarning")
async def test_oauth_code_and_single_use_refresh_grants() -> None:
    async with FakeSlack(token_rotation=True) as fake:
        client = AsyncWebClient(base_url=fake.api_url)
        installed = await client.oauth_v2_access(client_id="1.2", client_secret="s", code="abc")
        assert installed["access_token"].startswith("xoxb-")
        assert installed["bot_user_id"] == fake.bot_user_id
        refresh = installed["refresh_token"]
        rotated = await client.oauth_v2_access(
            client_id="1.2", client_secret="s", grant_type="refresh_token", refresh_token=refresh
        )
        assert rotated["access_token"].startswith("xoxe.xoxb-")
        assert rotated["refresh_token"] != refresh
        with pytest.raises(SlackApiError) as err:
            await client.oauth_v2_access(
                client_id="1.2",
                client_secret="s",
                grant_type="refresh_token",
                refresh_token=refresh,
            )
        assert err.value.response["error"] == "invalid_refresh_token"
        with pytest.raises(SlackApiError) as err:
            await client.oauth_v2_access(client_id="1.2", client_secret="s", code="invalid")
        assert err.value.response["error"] == "invalid_code"
        # slack_sdk's own token rotator refreshes an expiring installation against the fake.
        rotator = AsyncTokenRotator(client_id="1.2", client_secret="s", client=client)
        installation = Installation(
            app_id=fake.state.app_id,
            team_id=fake.team_id,
            user_id="U0INSTALLER",
            bot_token=rotated["access_token"],
            bot_refresh_token=rotated["refresh_token"],
            bot_token_expires_in=60,
        )
        refreshed = await rotator.perform_token_rotation(
            installation=installation, minutes_before_expiration=120
        )
        assert refreshed is not None and refreshed.bot_token != rotated["access_token"]
        assert fake.calls_to("oauth.v2.access")[-1].params["client_id"] == "1.2"


async def test_socket_mode_hello_envelopes_acks_and_disconnect(fake: FakeSlack) -> None:
    opened = await client_for(fake, token="xapp-1-test").apps_connections_open(app_token="xapp-1")
    url = opened["url"]
    assert url.startswith(f"ws://127.0.0.1:{fake.port}/socket-mode")
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
        hello = await ws.receive_json(timeout=2)
        assert hello["type"] == "hello"
        await fake.wait_for_socket(1)
        envelope_id = await fake.socket_send(socket_envelope({"event": {"type": "message"}}))
        received = await ws.receive_json(timeout=2)
        assert received["envelope_id"] == envelope_id
        assert received["type"] == "events_api"
        await ws.send_json({"envelope_id": envelope_id})
        ack = await fake.wait_for_ack(envelope_id)
        assert ack == {"envelope_id": envelope_id}
        await fake.socket_disconnect(reason="refresh_requested")
        assert (await ws.receive_json(timeout=2)) == {
            "type": "disconnect",
            "reason": "refresh_requested",
        }
        closing = await ws.receive(timeout=2)
        assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    await fake.wait_until(lambda: fake.socket_connections == 0)


async def test_socket_mode_can_withhold_hello_and_drop_abruptly(fake: FakeSlack) -> None:
    fake.withhold_hello = True
    async with aiohttp.ClientSession() as session:
        ws = await session.ws_connect(f"{fake.url}socket-mode")
        await fake.wait_for_socket(1)
        with pytest.raises(asyncio.TimeoutError):
            await ws.receive(timeout=0.2)
        await fake.socket_disconnect()
        msg = await ws.receive(timeout=2)
        assert msg.type in (
            aiohttp.WSMsgType.CLOSE,
            aiohttp.WSMsgType.CLOSED,
            aiohttp.WSMsgType.ERROR,
        )
        await ws.close()
    with pytest.raises(RuntimeError, match="expected an open Socket Mode connection"):
        await fake.socket_send({"type": "events_api"})


async def test_slack_sdk_socket_mode_client_receives_and_acks(fake: FakeSlack) -> None:
    from slack_sdk.socket_mode.aiohttp import SocketModeClient
    from slack_sdk.socket_mode.request import SocketModeRequest
    from slack_sdk.socket_mode.response import SocketModeResponse

    received: list[SocketModeRequest] = []

    async def listener(client: SocketModeClient, request: SocketModeRequest) -> None:
        received.append(request)
        await client.send_socket_mode_response(SocketModeResponse(request.envelope_id))

    client = SocketModeClient(
        app_token="xapp-1-test",
        web_client=client_for(fake),
        auto_reconnect_enabled=False,
    )
    client.socket_mode_request_listeners.append(listener)
    try:
        await client.connect()
        await fake.wait_for_socket(1)
        envelope_id = await fake.socket_send(socket_envelope({"event": {"type": "app_mention"}}))
        assert await fake.wait_for_ack(envelope_id) == {"envelope_id": envelope_id}
        assert [r.type for r in received] == ["events_api"]
        assert fake.calls_to("apps.connections.open")[0].token == "xapp-1-test"
    finally:
        await client.close()
