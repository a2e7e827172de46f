"""``serve`` and the workers freeze the start-up heap out of the garbage collector's reach;
``start_http`` (tests, sandbox: processes shared with other work) leaves it alone."""

from __future__ import annotations

import gc
from typing import Any

from aiohttp import web
from slack_sdk.web.async_client import AsyncWebClient

from bot.sandbox.fake_slack import FakeSlack
from bot.server import build_web_app, start_http
from tests.bot.scenarios.conftest import scenario_settings
from tests.bot.scenarios.harness import BOT_TOKEN


async def test_served_app_freezes_its_startup_heap_and_start_http_does_not(
    fake_slack: FakeSlack, store: Any, classifier: Any, guidance: Any
) -> None:
    settings = scenario_settings(fake_slack)
    gc.unfreeze()
    server = await start_http(
        settings,
        client=AsyncWebClient(token=BOT_TOKEN, base_url=fake_slack.api_url),
        store=store,
        classifier=classifier,
        guidance=guidance,
    )
    try:
        assert gc.get_freeze_count() == 0
    finally:
        await server.stop()
    web_app = build_web_app(
        settings,
        client=AsyncWebClient(token=BOT_TOKEN, base_url=fake_slack.api_url),
        store=store,
        classifier=classifier,
        guidance=guidance,
    )
    runner = web.AppRunner(web_app, access_log=None, handle_signals=False)
    await runner.setup()  # runs on_startup
    try:
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        await runner.cleanup()
