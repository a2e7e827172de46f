"""Socket Mode against the fake Slack websocket: events acked and acted on; the watchdog
(no ``hello``; an abruptly dropped connection is replaced)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.app import create_app, services_of
from bot.sandbox.fake_slack import FakeSlack, socket_envelope
from bot.socket_mode import SocketModeRunner
from tests.bot.scenarios.conftest import scenario_settings
from tests.bot.scenarios.harness import BOT_TOKEN, TEAM
from tests.bot.storage.helpers import count_rows

APP_TOKEN = "xapp-1-A0SCENE-1-abcdef"
RISKY = "I added my client Dana on Facebook last night"


@pytest.fixture
async def socket_app(
    fake_slack: FakeSlack, store: Any, classifier: Any, guidance: Any
) -> AsyncIterator[tuple[Any, FakeSlack]]:
    settings = scenario_settings(fake_slack, slack_app_token=APP_TOKEN, slack_signing_secret=None)
    assert settings.mode == "socket"
    client = AsyncWebClient(token=BOT_TOKEN, base_url=fake_slack.api_url)
    app = create_app(settings, client, store=store, classifier=classifier, guidance=guidance)
    await services_of(app).start()
    yield app, fake_slack
    await services_of(app).stop()


def _message_payload(event_id: str) -> dict[str, Any]:
    return {
        "team_id": TEAM,
        "api_app_id": "A0SCENE",
        "type": "event_callback",
        "event_id": event_id,
        "event_time": 1,
        "is_ext_shared_channel": False,
        "authorizations": [{"team_id": TEAM, "user_id": "UBOTSCENE", "is_bot": True}],
        "event": {
            "type": "message",
            "channel": "C0GENERAL",
            "channel_type": "channel",
            "user": "U0ALICE",
            "text": RISKY,
            "ts": "1700000000.000100",
            "team": TEAM,
        },
    }


async def test_socket_mode_event_is_acked_and_nudges_once(
    socket_app: tuple[Any, FakeSlack],
) -> None:
    app, fake = socket_app
    runner = SocketModeRunner(app, APP_TOKEN, hello_timeout=5.0)
    await runner.start()
    try:
        await fake.wait_for_socket(1)
        event_id = f"Ev{uuid.uuid4().hex[:10]}"
        first = await fake.socket_send(socket_envelope(_message_payload(event_id)))
        await fake.wait_for_ack(first)
        retry = await fake.socket_send(socket_envelope(_message_payload(event_id), retry_attempt=1))
        await fake.wait_for_ack(retry)
        await fake.wait_for("chat.postEphemeral")
        await services_of(app).tasks.join(5)
        assert len(fake.calls_to("chat.postEphemeral")) == 1
        assert await count_rows(services_of(app).store, "flag_events") == 1
    finally:
        await runner.stop()


async def test_watchdog_reconnects_when_no_hello_arrives(socket_app: tuple[Any, FakeSlack]) -> None:
    app, fake = socket_app
    fake.withhold_hello = True
    runner = SocketModeRunner(app, APP_TOKEN, hello_timeout=0.4)
    await runner.start()
    try:
        fake.withhold_hello = False
        await fake.wait_for_socket(2, timeout=5.0)
        assert runner.restarts >= 1
        for _ in range(100):  # the hello is pushed by the fake, not requested: poll
            if runner.hellos >= 1:
                break
            await asyncio.sleep(0.05)
        assert runner.hellos >= 1
    finally:
        await runner.stop()


async def test_reconnects_after_an_abrupt_drop_and_processes_later_envelopes(
    socket_app: tuple[Any, FakeSlack],
) -> None:
    app, fake = socket_app
    runner = SocketModeRunner(app, APP_TOKEN, hello_timeout=1.0)
    await runner.start()
    try:
        await fake.wait_for_socket(1)
        await fake.socket_disconnect()  # TCP abort: no close frame, no "disconnect" message
        # Well before slack_sdk's own monitor would notice (its next ping, ~10 s later).
        await fake.wait_for_socket(2, timeout=5.0)
        await fake.wait_until(lambda: fake.socket_connections == 1, timeout=5.0)
        assert runner.reconnects == 1
        event_id = f"Ev{uuid.uuid4().hex[:10]}"
        envelope = await fake.socket_send(socket_envelope(_message_payload(event_id)))
        await fake.wait_for_ack(envelope)
        await fake.wait_for("chat.postEphemeral")
        await services_of(app).tasks.join(5)
        assert [a.get("envelope_id") for a in fake.socket_acks].count(envelope) == 1
        assert fake.socket_connections_total == 2  # one drop, one new connection
        assert len(fake.calls_to("chat.postEphemeral")) == 1
        assert await count_rows(services_of(app).store, "flag_events") == 1
    finally:
        await runner.stop()
