"""Parsing and permission checks shared by the summary settings surfaces (slash command
and App Home modal). Pure parsing, plus one ``users.info`` call for the admin check."""

from __future__ import annotations

import asyncio
import re
from datetime import time
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import InvalidSetting

#: Budget for the ``users.info`` admin check, which runs before the slash command is acked.
ADMIN_CHECK_TIMEOUT = 2.0

_USER_RE = re.compile(r"<@([UW][A-Z0-9]{2,30})(?:\|[^>]*)?>")
_CHANNEL_RE = re.compile(r"<#([CG][A-Z0-9]{2,30})(?:\|[^>]*)?>")
_TIME_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def user_mentions(text: str) -> list[str]:
    """User ids of Slack's escaped mentions (``<@U123|name>``), in order, without repeats."""
    return list(dict.fromkeys(_USER_RE.findall(text or "")))


def channel_mentions(text: str) -> list[str]:
    """Channel ids of Slack's escaped channel links (``<#C123|name>``), without repeats."""
    return list(dict.fromkeys(_CHANNEL_RE.findall(text or "")))


def parse_weekday(word: str) -> int:
    """``mon``/``monday`` (any case) → 0 … ``sun`` → 6; raises InvalidSetting."""
    w = (word or "").strip().lower()
    for index, name in enumerate(WEEKDAYS):
        if len(w) >= 3 and name.startswith(w):
            return index
    raise InvalidSetting(f"day must be one of mon, tue, wed, thu, fri, sat, sun; received {word!r}")


def parse_clock(word: str) -> time:
    """``HH:MM`` (24-hour) → time; raises InvalidSetting."""
    match = _TIME_RE.match((word or "").strip())
    if match is None:
        raise InvalidSetting(f"time must be HH:MM (24-hour), e.g. 09:00; received {word!r}")
    return time(int(match.group(1)), int(match.group(2)))


def describe_delivery(settings: Any) -> str:
    """``"DM to each lead, Mondays 09:00 (Europe/London)"`` or ``"<#C…>, …"`` (mrkdwn)."""
    day = WEEKDAYS[settings.summary_weekday].title()
    when = f"{day}s {settings.summary_time:%H:%M} ({settings.time_zone})"
    where = (
        f"<#{settings.summary_channel_id}>" if settings.summary_channel_id else "DM to each lead"
    )
    return f"{where}, {when}"


async def is_workspace_admin(client: AsyncWebClient, user_id: str) -> bool:
    """True when ``users.info`` says ``user_id`` is a workspace admin or owner.

    Never trusts anything in a request payload. Raises on Slack errors or after
    :data:`ADMIN_CHECK_TIMEOUT` seconds (callers answer "temporarily unavailable").
    """
    if not user_id:
        return False
    info = await asyncio.wait_for(client.users_info(user=user_id), ADMIN_CHECK_TIMEOUT)
    user = info.get("user") or {}
    if user.get("deleted") or user.get("is_bot"):
        return False
    return bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))
