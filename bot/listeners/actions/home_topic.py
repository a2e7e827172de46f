"""App Home "Read" button of a topic: send that topic's guidance as a DM-less ephemeral.

Home has no channel for an ephemeral message, so the guidance opens in a modal."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError, SlackRequestError

from bot.listeners.actions._nudge import Click, ack_listener
from responses import ids
from responses.answer import build_topic

logger = logging.getLogger(__name__)


def topic_modal(payload: dict[str, Any], title: str = "Boundary Bot") -> dict[str, Any]:
    """Wrap a message payload's blocks in a modal view (at most 100 blocks)."""
    blocks = [b for b in payload.get("blocks", []) if b.get("type") != "actions"][:100]
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": title[:24]},
        "close": {"type": "plain_text", "text": "Close"},
        "blocks": blocks,
    }


@ack_listener
async def handle_home_topic(click: Click) -> None:
    """Open the topic's guidance in a modal (``trigger_id`` is valid for 3 s: no delay)."""
    svc, client = click.svc, click.client
    match = ids.HOME_TOPIC_ACTION_PATTERN.match(str(click.action.get("action_id", "")))
    trigger_id = click.body.get("trigger_id")
    if match is None or not trigger_id:
        return
    topic = svc.guidance.find_topic(match.group(1))
    if topic is None:
        return
    view = topic_modal(build_topic(topic, svc.guidance))
    try:
        await client.views_open(trigger_id=trigger_id, view=view)
    except (SlackApiError, SlackRequestError, OSError) as exc:
        logger.warning("views.open failed: %s", type(exc).__name__)


def register(app: AsyncApp) -> None:
    """Register the listener for every topic button."""
    app.action(ids.HOME_TOPIC_ACTION_PATTERN)(handle_home_topic)
