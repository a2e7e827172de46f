"""Signed Slack requests, shaped like the ones Slack sends, for the sandbox and tests.

:class:`SlackRequester` posts events, slash commands and interactivity payloads to the app's
``/slack/events`` URL over real HTTP, signed with the app's signing secret exactly as Slack
signs them (``v0=HMAC-SHA256(secret, "v0:{timestamp}:{raw body}")``).
The payload builders are pure functions returning the body Slack would send; they follow the
payload shapes documented on docs.slack.dev for ``event_callback``, slash commands and
``block_actions``.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import time
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import aiohttp
from slack_sdk.signature import SignatureVerifier

from bot.sandbox.display import Button


@dataclass(frozen=True)
class Workspace:
    """The ids a sandbox workspace uses in every payload."""

    team_id: str
    bot_user_id: str
    app_id: str = "A0SANDBOX"
    team_domain: str = "sandbox"


@dataclass(frozen=True)
class AppResponse:
    """What the app answered over HTTP: status and body (JSON decoded when it is JSON)."""

    status: int
    body: Any


_counter = itertools.count(1)


def new_ts() -> str:
    """A unique, increasing Slack message timestamp."""
    return f"{int(time.time())}.{next(_counter):06d}"


def message_event(
    ws: Workspace,
    *,
    user: str,
    channel: str,
    text: str,
    ts: str | None = None,
    thread_ts: str | None = None,
    channel_type: str = "channel",
    event_id: str | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An ``event_callback`` body carrying a ``message`` event."""
    ts = ts or new_ts()
    event: dict[str, Any] = {
        "type": "message",
        "channel": channel,
        "user": user,
        "text": text,
        "ts": ts,
        "event_ts": ts,
        "channel_type": channel_type,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    event.update(extra or {})
    return event_callback(ws, event, event_id=event_id)


def app_home_opened_event(ws: Workspace, *, user: str, tab: str = "home") -> dict[str, Any]:
    """An ``event_callback`` body carrying ``app_home_opened``."""
    event = {
        "type": "app_home_opened",
        "user": user,
        "channel": f"D{user[1:]}",
        "tab": tab,
        "event_ts": new_ts(),
    }
    return event_callback(ws, event)


def event_callback(
    ws: Workspace, event: dict[str, Any], *, event_id: str | None = None
) -> dict[str, Any]:
    """Wrap ``event`` in the Events API envelope."""
    return {
        "token": "sandbox-verification-token",
        "team_id": ws.team_id,
        "api_app_id": ws.app_id,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or f"Ev{uuid.uuid4().hex[:12].upper()}",
        "event_time": int(time.time()),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": ws.team_id,
                "user_id": ws.bot_user_id,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": uuid.uuid4().hex,
    }


def slash_command(
    ws: Workspace,
    *,
    user: str,
    channel: str,
    channel_name: str,
    text: str,
    response_url: str,
    command: str = "/boundary",
) -> dict[str, str]:
    """The form fields of a slash command invocation."""
    return {
        "token": "sandbox-verification-token",
        "team_id": ws.team_id,
        "team_domain": ws.team_domain,
        "channel_id": channel,
        "channel_name": channel_name,
        "user_id": user,
        "user_name": user.lower(),
        "command": command,
        "text": text,
        "api_app_id": ws.app_id,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": f"{int(time.time())}.{uuid.uuid4().int % 10**12}.sandbox",
    }


def block_actions(
    ws: Workspace,
    *,
    user: str,
    action: dict[str, Any],
    container: dict[str, Any],
    response_url: str | None = None,
    channel: dict[str, str] | None = None,
    view: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A ``block_actions`` payload for one clicked element.

    ``action`` holds ``action_id``, ``block_id``, ``type`` and (for buttons) ``value`` and
    ``text``; ``action_ts`` is added.
    """
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": ws.team_id},
        "api_app_id": ws.app_id,
        "token": "sandbox-verification-token",
        "container": container,
        "trigger_id": f"{int(time.time())}.{uuid.uuid4().int % 10**12}.sandbox",
        "team": {"id": ws.team_id, "domain": ws.team_domain},
        "enterprise": None,
        "is_enterprise_install": False,
        "state": {"values": {}},
        "actions": [{**action, "action_ts": f"{time.time():.6f}"}],
    }
    if response_url is not None:
        payload["response_url"] = response_url
    if channel is not None:
        payload["channel"] = channel
    if view is not None:
        payload["view"] = view
    return payload


def button_click(
    ws: Workspace,
    *,
    user: str,
    button: Button,
    channel: str,
    names: dict[str, str],
    response_url: str | None,
) -> dict[str, Any]:
    """The ``block_actions`` payload of a click on a button the console listed.

    A button in a message (``button.surface.kind == "message"``) is clicked in ``channel``
    unless its surface names one (``names`` maps channel ids to names), with ``response_url``
    to answer; a button on App Home or in a modal carries its view.
    """
    action: dict[str, Any] = {
        "type": "button",
        "action_id": button.action_id,
        "block_id": button.block_id,
        "text": {"type": "plain_text", "text": button.label, "emoji": True},
    }
    if button.value is not None:
        action["value"] = button.value
    if button.url:
        action["url"] = button.url
    surface = button.surface
    if surface.kind != "message":
        view = surface.view or {}
        container = {"type": "view", "view_id": view.get("id")}
        return block_actions(ws, user=user, action=action, container=container, view=view)
    where = surface.channel or channel
    container = {
        "type": "message",
        "message_ts": surface.message_ts or new_ts(),
        "channel_id": where,
        "is_ephemeral": surface.is_ephemeral,
    }
    return block_actions(
        ws,
        user=user,
        action=action,
        container=container,
        response_url=response_url,
        channel={"id": where, "name": names.get(where, where)},
    )


class SlackRequester:
    """Posts correctly signed requests to the app, the way Slack delivers them."""

    def __init__(self, events_url: str, signing_secret: str) -> None:
        self.events_url = events_url
        self._verifier = SignatureVerifier(signing_secret)
        self._session: aiohttp.ClientSession | None = None

    async def close(self) -> None:
        """Close the HTTP session."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    def signed_headers(self, body: bytes, content_type: str) -> dict[str, str]:
        """Slack's headers for ``body``: content type, timestamp and ``v0=`` signature."""
        timestamp = str(int(time.time()))
        signature = self._verifier.generate_signature(timestamp=timestamp, body=body)
        if signature is None:  # pragma: no cover - only without a secret, which __init__ needs
            raise ValueError("expected a signing secret to sign with; received none")
        return {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": signature,
        }

    async def post(
        self, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> AppResponse:
        """POST ``body`` signed; returns the app's status and body."""
        if self._session is None:
            # a fresh connection per request, as Slack's deliveries are independent
            self._session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(force_close=True))
        all_headers = {**self.signed_headers(body, content_type), **(headers or {})}
        async with self._session.post(self.events_url, data=body, headers=all_headers) as resp:
            raw = await resp.read()
        parsed: Any = raw.decode("utf-8", "replace")
        if raw[:1] in (b"{", b"["):
            with contextlib.suppress(ValueError):
                parsed = json.loads(raw)
        return AppResponse(resp.status, parsed)

    async def send_event(self, body: dict[str, Any]) -> AppResponse:
        """Deliver an Events API body as JSON."""
        return await self.post(json.dumps(body).encode(), "application/json")

    async def send_command(self, fields: dict[str, str]) -> AppResponse:
        """Deliver a slash command as a form post."""
        return await self.post(urlencode(fields).encode(), "application/x-www-form-urlencoded")

    async def send_interaction(self, payload: dict[str, Any]) -> AppResponse:
        """Deliver an interactivity payload as ``payload=<json>`` form post."""
        body = urlencode({"payload": json.dumps(payload)}).encode()
        return await self.post(body, "application/x-www-form-urlencoded")
