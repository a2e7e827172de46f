"""A running Boundary Bot for scenario tests: real HTTP in, a fake Slack Web API out.

:class:`Harness` sends correctly signed requests (events, slash commands, button clicks) to
the app started with :func:`bot.server.start_http`, remembers every message text it sent
(so the suite can prove none of it reached the logs or the database), and waits for the
app's background work to finish before a test inspects the fake Slack server.
"""

from __future__ import annotations

import io
import itertools
import json
import logging
import time
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import aiohttp

from bot.app import services_of
from bot.request_guard import sign
from bot.sandbox.fake_slack import FakeSlack
from bot.server import RunningServer
from bot.settings import Settings

SIGNING_SECRET = "scenario-signing-secret-5f0c"
BOT_TOKEN = "xoxb-scenario-token-1234"
PSEUDONYM_KEY = "scenario-pseudonym-key-0123456789"
TEAM = "T0SCENE"
BOT_USER = "UBOTSCENE"
BOT_ID = "BSCENE"

_counter = itertools.count(1)


@dataclass
class Reply:
    """The app's HTTP answer."""

    status: int
    text: str
    headers: dict[str, str]


class CapturingHandler(logging.Handler):
    """Keeps every formatted record (message, exception, stack) seen at DEBUG and above."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))

    @property
    def text(self) -> str:
        """Everything captured, one record per line."""
        return "\n".join(self.lines)


@dataclass
class Harness:
    """The running app, the fake Slack server and helpers to talk to the app."""

    server: RunningServer
    fake: FakeSlack
    store: Any
    settings: Settings
    session: aiohttp.ClientSession
    logs: CapturingHandler
    sent_texts: list[str] = field(default_factory=list)

    # ------------------------------------------------------------------ plumbing
    async def post(
        self,
        body: bytes,
        *,
        content_type: str,
        sign_with: str | None = SIGNING_SECRET,
        timestamp: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        """POST ``body`` to /slack/events, signed unless ``sign_with`` is None."""
        ts = timestamp if timestamp is not None else str(int(time.time()))
        sent_headers = {"Content-Type": content_type}
        if sign_with is not None:
            sent_headers["X-Slack-Request-Timestamp"] = ts
            sent_headers["X-Slack-Signature"] = sign(sign_with, ts, body)
        sent_headers.update(headers or {})
        data: bytes | io.BytesIO = io.BytesIO(body) if len(body) > 512_000 else body
        async with self.session.post(
            self.server.events_url, data=data, headers=sent_headers
        ) as response:
            return Reply(response.status, await response.text(), dict(response.headers))

    async def settle(self, timeout: float = 10.0) -> None:
        """Wait until the app's background tasks (deliveries, replies) have finished."""
        await services_of(self.server.bolt_app).tasks.join(timeout)

    # ------------------------------------------------------------------ events
    def event_body(
        self, event: dict[str, Any], *, event_id: str | None = None, **extra: Any
    ) -> dict[str, Any]:
        """An ``event_callback`` envelope around ``event``."""
        return {
            "token": "legacy-verification-token",
            "team_id": TEAM,
            "api_app_id": "A0SCENE",
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{uuid.uuid4().hex[:12].upper()}",
            "event_time": int(time.time()),
            "authorizations": [
                {
                    "team_id": TEAM,
                    "user_id": BOT_USER,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": False,
            **extra,
        }

    async def send_event(
        self,
        event: dict[str, Any],
        *,
        event_id: str | None = None,
        retry_num: int | None = None,
        **extra: Any,
    ) -> Reply:
        """Send a signed Events API request."""
        body = json.dumps(self.event_body(event, event_id=event_id, **extra)).encode()
        headers = {}
        if retry_num is not None:
            headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"}
        return await self.post(body, content_type="application/json", headers=headers)

    def message_event(
        self,
        text: str,
        *,
        user: str = "U0ALICE",
        channel: str = "C0GENERAL",
        channel_type: str = "channel",
        thread_ts: str | None = None,
        **fields: Any,
    ) -> dict[str, Any]:
        """A ``message`` event (records ``text`` as sent)."""
        self.sent_texts.append(text)
        event: dict[str, Any] = {
            "type": "message",
            "channel": channel,
            "user": user,
            "text": text,
            "ts": f"{int(time.time())}.{next(_counter):06d}",
            "team": TEAM,
            "channel_type": channel_type,
            "event_ts": f"{int(time.time())}.000100",
        }
        if thread_ts:
            event["thread_ts"] = thread_ts
        event.update(fields)
        return event

    async def send_message(
        self, text: str, *, event_id: str | None = None, retry_num: int | None = None, **kw: Any
    ) -> Reply:
        """Send one signed ``message`` event with ``text``."""
        return await self.send_event(
            self.message_event(text, **kw), event_id=event_id, retry_num=retry_num
        )

    # ------------------------------------------------------------------ commands
    async def send_command(
        self,
        text: str,
        *,
        user: str = "U0ALICE",
        channel: str = "C0GENERAL",
        trigger_id: str | None = None,
        response_url: str | None = None,
    ) -> tuple[Reply, str]:
        """Send ``/boundary text``; returns the reply and the response_url it carried."""
        self.sent_texts.append(text)
        url = response_url or self.fake.new_response_url()
        form = {
            "token": "legacy-verification-token",
            "team_id": TEAM,
            "team_domain": "scene",
            "channel_id": channel,
            "channel_name": "general",
            "user_id": user,
            "user_name": user.lower(),
            "command": "/boundary",
            "text": text,
            "api_app_id": "A0SCENE",
            "is_enterprise_install": "false",
            "response_url": url,
            "trigger_id": trigger_id or f"{next(_counter)}.{uuid.uuid4().hex[:10]}",
        }
        reply = await self.post(
            urlencode(form).encode(), content_type="application/x-www-form-urlencoded"
        )
        return reply, url

    # ------------------------------------------------------------------ buttons
    async def click(
        self,
        action_id: str,
        value: str,
        *,
        user: str = "U0ALICE",
        channel: str = "C0GENERAL",
        response_url: str | None = None,
        action_ts: str | None = None,
    ) -> tuple[Reply, str]:
        """Click a button on an ephemeral message; returns the reply and its response_url."""
        url = response_url or self.fake.new_response_url()
        payload = {
            "type": "block_actions",
            "team": {"id": TEAM, "domain": "scene"},
            "user": {"id": user, "team_id": TEAM},
            "api_app_id": "A0SCENE",
            "token": "legacy-verification-token",
            "container": {"type": "message", "channel_id": channel, "is_ephemeral": True},
            "trigger_id": f"{next(_counter)}.{uuid.uuid4().hex[:10]}",
            "channel": {"id": channel, "name": "general"},
            "response_url": url,
            "is_enterprise_install": False,
            "actions": [
                {
                    "action_id": action_id,
                    "block_id": "boundary_nudge_actions",
                    "value": value,
                    "type": "button",
                    "action_ts": action_ts or f"{time.time():.6f}",
                }
            ],
        }
        body = urlencode({"payload": json.dumps(payload)}).encode()
        return await self.post(body, content_type="application/x-www-form-urlencoded"), url


def button_value(call_params: dict[str, Any], action_id: str) -> str:
    """The ``value`` of the button ``action_id`` in a recorded message's blocks."""
    for block in call_params.get("blocks") or []:
        for element in block.get("elements", []) if block.get("type") == "actions" else []:
            if element.get("action_id") == action_id:
                return str(element["value"])
    raise AssertionError(f"expected a button {action_id!r} in the message; none found")


def all_text(payload: Any) -> str:
    """Every string inside a (decoded) payload, joined: for asserting on what users see."""
    if isinstance(payload, str):
        return payload
    if isinstance(payload, dict):
        return " ".join(all_text(v) for v in payload.values())
    if isinstance(payload, list):
        return " ".join(all_text(v) for v in payload)
    return ""
