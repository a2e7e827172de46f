"""Every command, event and action declared to Slack has a listener, and every listener is
declared: the manifest's command and events, the action ids in ``responses.ids`` and the
modal callback ids (``CALLBACK_*`` in ``responses.ids`` and ``bot.summaries.modal``).

Each declared item becomes the request body Slack would send for it, and is matched against
the real app's listeners with Bolt's own matchers (the same ones that route live requests).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.cli.manifest import load_manifest
from bot.summaries import modal
from classifiers.models import CATEGORIES
from responses import ids

TEAM = "T0COVER"
#: The ``channel_type`` Slack sets for each message.* subscription.
CHANNEL_TYPES = {"message.channels": "channel", "message.groups": "group", "message.mpim": "mpim"}


def _event(event_type: str, **fields: Any) -> dict[str, Any]:
    event = {"type": event_type, "event_ts": "1700000000.000100", **fields}
    return {"type": "event_callback", "team_id": TEAM, "event": event, "event_id": "Ev1"}


def _declared_events() -> dict[str, dict[str, Any]]:
    probes = {}
    for name in load_manifest()["settings"]["event_subscriptions"]["bot_events"]:
        if name in CHANNEL_TYPES:
            fields = {"channel": "C1", "user": "U1", "text": "hi", "ts": "1700000000.000100"}
            probes[f"event {name}"] = _event("message", channel_type=CHANNEL_TYPES[name], **fields)
        else:
            probes[f"event {name}"] = _event(name, user="U1")
    return probes


def _declared_commands() -> dict[str, dict[str, Any]]:
    return {
        f"command {c['command']}": {
            "command": c["command"],
            "text": "",
            "team_id": TEAM,
            "user_id": "U1",
            "channel_id": "C1",
        }
        for c in load_manifest()["features"]["slash_commands"]
    }


def _declared_action_ids() -> set[str]:
    declared = {
        value
        for name, value in vars(ids).items()
        if name.startswith("ACTION_") and isinstance(value, str)
    }
    declared.discard(ids.ACTION_HOME_TOPIC_PREFIX)  # a prefix, not an id
    declared |= {ids.home_topic_action_id(category) for category in CATEGORIES}
    return declared


def _declared_actions() -> dict[str, dict[str, Any]]:
    return {
        f"action {action_id}": {
            "type": "block_actions",
            "team": {"id": TEAM},
            "user": {"id": "U1", "team_id": TEAM},
            "actions": [{"type": "button", "action_id": action_id, "block_id": "b"}],
        }
        for action_id in sorted(_declared_action_ids())
    }


def _declared_view_callback_ids() -> set[str]:
    """Every ``CALLBACK_*`` constant: the modals' ``callback_id`` values."""
    return {
        value
        for module in (ids, modal)
        for name, value in vars(module).items()
        if name.startswith("CALLBACK_") and isinstance(value, str)
    }


def _declared_views() -> dict[str, dict[str, Any]]:
    return {
        f"view {callback_id}": {
            "type": "view_submission",
            "team": {"id": TEAM},
            "user": {"id": "U1", "team_id": TEAM},
            "view": {"id": "V1", "type": "modal", "callback_id": callback_id, "state": {}},
        }
        for callback_id in sorted(_declared_view_callback_ids())
    }


def _all_probes() -> dict[str, dict[str, Any]]:
    return {
        **_declared_commands(),
        **_declared_events(),
        **_declared_actions(),
        **_declared_views(),
    }


@pytest.fixture
async def app(tmp_path: Path) -> AsyncApp:
    from bot.app import create_app
    from bot.settings import load_settings

    settings = load_settings(
        slack_bot_token="xoxb-coverage",
        slack_signing_secret="coverage-secret",
        pseudonym_key="k" * 64,
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'coverage.db'}",
    )
    # The client is never called: matching a request runs no listener.
    client = AsyncWebClient(token="xoxb-coverage", base_url="http://127.0.0.1:9/api/")
    return create_app(settings, client)


async def _matching(app: AsyncApp, body: dict[str, Any]) -> list[Any]:
    listeners = app._async_listeners  # Bolt's routing table
    assert listeners, "expected the app to register listeners"
    request = AsyncBoltRequest(body=body, mode="socket_mode")
    return [
        listener
        for listener in listeners
        if await listener.async_matches(req=request, resp=BoltResponse(status=200))
    ]


async def test_every_declared_command_event_and_action_has_a_listener(app: AsyncApp) -> None:
    probes = _all_probes()
    assert "command /boundary" in probes and "event app_uninstalled" in probes
    assert f"action {ids.ACTION_SHOW_GUIDANCE}" in probes
    assert f"view {modal.CALLBACK_SUMMARY_SETTINGS}" in probes
    unhandled = [name for name, body in probes.items() if not await _matching(app, body)]
    assert not unhandled, f"declared but no listener: {unhandled}"


async def test_every_listener_is_declared(app: AsyncApp) -> None:
    probes = _all_probes()
    matched: set[int] = set()
    for body in probes.values():
        matched |= {id(listener) for listener in await _matching(app, body)}
    undeclared = [
        getattr(listener.ack_function, "__qualname__", repr(listener))
        for listener in app._async_listeners
        if id(listener) not in matched
    ]
    assert not undeclared, f"listeners for nothing declared in the manifest or ids: {undeclared}"
