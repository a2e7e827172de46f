"""Shared steps of the nudge buttons: decode the button value, claim the click once."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from bot.services import Services
from responses.actions import NudgeRef, parse_action_value
from responses.errors import ActionValueError

logger = logging.getLogger(__name__)

#: Slack accepts a replayed request for 5 minutes; keep click keys a little longer.
CLICK_KEY_TTL = timedelta(minutes=10)


def click_key(body: dict[str, Any], action: dict[str, Any]) -> str:
    """An idempotency key of one click: ``action_ts`` (else ``trigger_id``) + action id."""
    stamp = action.get("action_ts") or body.get("trigger_id") or ""
    user = (body.get("user") or {}).get("id", "")
    return f"click:{user}:{stamp}:{action.get('action_id', '')}"


def decode(action: dict[str, Any]) -> NudgeRef | None:
    """The :class:`NudgeRef` carried by a nudge button, or None for a foreign value."""
    try:
        return parse_action_value(str(action.get("value") or ""))
    except ActionValueError as exc:
        logger.warning("nudge button with an unusable value: %s", type(exc).__name__)
        return None


async def claim_click(svc: Services, body: dict[str, Any], action: dict[str, Any]) -> bool:
    """True the first time this click is seen (across workers); False for a replay."""
    return bool(await svc.store.claim_key(click_key(body, action), CLICK_KEY_TTL))


def where(body: dict[str, Any]) -> tuple[str, str | None, str | None]:
    """(user id, channel id, response_url) of an interaction payload."""
    user = str((body.get("user") or {}).get("id", ""))
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get(
        "channel_id"
    )
    return user, channel, body.get("response_url")
