"""Scenario fixtures: the real app over HTTP, the fake Slack Web API, a real database.

``bot`` starts the app with :func:`bot.server.start_http` on a loopback port, wired to a
fresh :class:`~bot.sandbox.fake_slack.FakeSlack` and to the ``store`` fixture (SQLite and
PostgreSQL). Every log record at DEBUG and above is captured while it runs; on teardown
the fixture asserts that no message text the test sent, no token and no signing secret
appears in the logs, in the outbox, or (SQLite) anywhere in the database file. The
session-wide audit (:func:`suite_privacy_audit`) repeats the log check across the whole
scenario suite: no text sent by ANY scenario appears in the logs of ANY scenario.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy import select

from bot.sandbox.fake_slack import FakeSlack
from bot.server import start_http
from bot.settings import Settings
from bot.storage.tables import outbox
from tests.bot.scenarios.harness import (
    BOT_ID,
    BOT_TOKEN,
    BOT_USER,
    PSEUDONYM_KEY,
    SIGNING_SECRET,
    TEAM,
    CapturingHandler,
    Harness,
)

#: Every message text and every captured log line of the scenario suite (session audit).
_SUITE_TEXTS: list[str] = []
_SUITE_LOGS: list[str] = []


@pytest.fixture(scope="session", autouse=True)
def suite_privacy_audit() -> Any:
    """After the whole scenario suite: no sent text in any scenario's logs, no token."""
    yield
    logs = "\n".join(_SUITE_LOGS)
    assert BOT_TOKEN not in logs and SIGNING_SECRET not in logs
    leaked = sorted(
        {t.strip()[:40] for t in _SUITE_TEXTS if len(t.strip()) >= 12 and t.strip() in logs}
    )
    assert not leaked, f"message text reached the logs somewhere in the suite: {len(leaked)}"


@pytest.fixture(scope="session")
def classifier() -> Any:
    """The real classifier, loaded once per session."""
    from classifiers import load_classifier

    return load_classifier()


@pytest.fixture(scope="session")
def guidance() -> Any:
    """The built-in guidance library."""
    from responses.loader import load_guidance

    return load_guidance()


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    """A fresh fake Slack Web API on 127.0.0.1."""
    async with FakeSlack(team_id=TEAM, bot_user_id=BOT_USER, bot_id=BOT_ID) as fake:
        yield fake


def scenario_settings(fake: FakeSlack, **overrides: Any) -> Settings:
    """Single-workspace HTTP settings pointing at the fake Slack server."""
    values: dict[str, Any] = {
        "slack_bot_token": BOT_TOKEN,
        "slack_signing_secret": SIGNING_SECRET,
        "pseudonym_key": PSEUDONYM_KEY,
        "slack_api_url": fake.api_url,
        "shutdown_drain_seconds": 5.0,
        "log_level": "DEBUG",
        # the in-server summary loop would race tests that seed summaries; the tests that
        # exercise it start it themselves with a short interval
        "summary_interval_seconds": 0,
    }
    values.update(overrides)
    return Settings(**values)


@asynccontextmanager
async def running_bot(
    fake_slack: FakeSlack,
    store: Any,
    classifier: Any,
    guidance: Any,
    handler: CapturingHandler | None = None,
) -> AsyncIterator[Harness]:
    """The app served over HTTP on ``store``; stopped (and its client session closed) on exit.

    ``handler`` becomes ``Harness.logs``; attaching it to a logger is the caller's part."""
    settings = scenario_settings(fake_slack)
    client = AsyncWebClient(token=BOT_TOKEN, base_url=fake_slack.api_url)
    server = await start_http(
        settings, client=client, store=store, classifier=classifier, guidance=guidance
    )
    session = aiohttp.ClientSession()
    try:
        yield Harness(
            server,
            fake_slack,
            store,
            settings,
            session,
            handler if handler is not None else CapturingHandler(),
        )
    finally:
        await session.close()
        await server.stop()


def _sqlite_file(store: Any) -> Path | None:
    if store.backend != "sqlite":
        return None
    database = store.engine.url.database
    return Path(database) if database else None


@pytest.fixture
async def bot(
    fake_slack: FakeSlack, store: Any, classifier: Any, guidance: Any
) -> AsyncIterator[Harness]:
    """The running app (HTTP) with log capture and the privacy audit on teardown."""
    handler = CapturingHandler()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    harness: Harness | None = None
    try:
        async with running_bot(fake_slack, store, classifier, guidance, handler) as harness:
            yield harness
            await harness.settle()
            async with store.engine.connect() as connection:
                rows = (await connection.execute(select(outbox))).mappings().all()
            outbox_text = " ".join(str(dict(row)) for row in rows)
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        if harness is not None:
            _SUITE_TEXTS.extend(harness.sent_texts)
            _SUITE_LOGS.append(harness.logs.text)
    audit_privacy(harness, outbox_text, _sqlite_file(store))


def audit_privacy(harness: Harness, outbox_text: str, db_file: Path | None) -> None:
    """No sent text, token or secret in the logs, the outbox, or the SQLite file."""
    logs = harness.logs.text
    secrets = [BOT_TOKEN, SIGNING_SECRET, PSEUDONYM_KEY]
    for secret in secrets:
        assert secret not in logs, "a secret reached the logs"
    db_bytes = b""
    if db_file is not None:
        for path in (db_file, Path(f"{db_file}-wal")):
            if path.exists():
                db_bytes += path.read_bytes()
    for text in harness.sent_texts:
        probe = text.strip()
        if len(probe) < 12:  # short probes ("help", "mute 24h") are commands, not content
            continue
        assert probe not in logs, "message text reached the logs"
        assert probe not in outbox_text, "message text reached the outbox"
        assert probe.encode("utf-8") not in db_bytes, "message text reached the database file"
