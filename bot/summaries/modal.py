"""The summary settings modal (opened from App Home): a pure builder and a parser.

Our own ids live here (``responses/ids.py`` owns the App Home button id
``ACTION_HOME_OPEN_SUMMARY_SETTINGS`` that opens it):

``CALLBACK_SUMMARY_SETTINGS``  the modal's ``callback_id`` (its ``view_submission``).
``BLOCK_*`` / ``ACTION_*``      one input block per setting: leads, summary channel,
                                day, time, time zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from typing import Any

from bot.errors import InvalidSetting
from bot.summaries.admin import WEEKDAYS, parse_clock
from bot.summaries.weeks import time_zone
from responses.limits import ensure_within_limits

CALLBACK_SUMMARY_SETTINGS = "summary_settings_modal"
BLOCK_LEADS = "summary_settings_leads"
BLOCK_CHANNEL = "summary_settings_channel"
BLOCK_DAY = "summary_settings_day"
BLOCK_TIME = "summary_settings_time"
BLOCK_TZ = "summary_settings_tz"
ACTION_LEADS = "summary_leads_select"
ACTION_CHANNEL = "summary_channel_select"
ACTION_DAY = "summary_day_select"
ACTION_TIME = "summary_time_pick"
ACTION_TZ = "summary_tz_input"
MAX_LEADS = 100


def _plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def _option(index: int) -> dict[str, Any]:
    return {"text": _plain(WEEKDAYS[index].title()), "value": str(index)}


def build_settings_modal(settings: Any, lead_ids: list[str]) -> dict[str, Any]:
    """The modal view for ``settings`` (WorkspaceSettings) and the current lead ids."""
    leads: dict[str, Any] = {
        "type": "multi_users_select",
        "action_id": ACTION_LEADS,
        "placeholder": _plain("Choose leads"),
        "max_selected_items": MAX_LEADS,
    }
    if lead_ids:
        leads["initial_users"] = lead_ids[:MAX_LEADS]
    channel: dict[str, Any] = {
        "type": "conversations_select",
        "action_id": ACTION_CHANNEL,
        "placeholder": _plain("Leave empty to DM each lead"),
        "filter": {"include": ["private"], "exclude_bot_users": True},
    }
    if settings.summary_channel_id:
        channel["initial_conversation"] = settings.summary_channel_id
    blocks = [
        {
            "type": "section",
            "text": {
                "type": "mrkdwn",
                "text": "Weekly summaries show de-identified counts only: never message text, "
                "names or per-person counts.",
            },
        },
        {
            "type": "input",
            "block_id": BLOCK_LEADS,
            "optional": True,
            "label": _plain("Leads"),
            "element": leads,
        },
        {
            "type": "input",
            "block_id": BLOCK_CHANNEL,
            "optional": True,
            "label": _plain("Private channel for summaries"),
            "hint": _plain("Empty: each lead gets the summary by DM."),
            "element": channel,
        },
        {
            "type": "input",
            "block_id": BLOCK_DAY,
            "label": _plain("Day"),
            "element": {
                "type": "static_select",
                "action_id": ACTION_DAY,
                "options": [_option(i) for i in range(7)],
                "initial_option": _option(settings.summary_weekday),
            },
        },
        {
            "type": "input",
            "block_id": BLOCK_TIME,
            "label": _plain("Time"),
            "element": {
                "type": "timepicker",
                "action_id": ACTION_TIME,
                "initial_time": settings.summary_time.strftime("%H:%M"),
            },
        },
        {
            "type": "input",
            "block_id": BLOCK_TZ,
            "label": _plain("Time zone (IANA name)"),
            "element": {
                "type": "plain_text_input",
                "action_id": ACTION_TZ,
                "initial_value": settings.time_zone,
                "max_length": 64,
            },
        },
    ]
    view = {
        "type": "modal",
        "callback_id": CALLBACK_SUMMARY_SETTINGS,
        "title": _plain("Summary settings"),
        "submit": _plain("Save"),
        "close": _plain("Cancel"),
        "blocks": blocks,
    }
    return ensure_within_limits(view, surface="modal")


@dataclass(frozen=True)
class SubmittedSettings:
    """What an admin saved in the modal."""

    lead_ids: tuple[str, ...]
    channel_id: str | None
    weekday: int
    at: time
    time_zone: str


def parse_submission(view: dict[str, Any]) -> SubmittedSettings | dict[str, str]:
    """The submitted settings, or ``{block_id: error}`` for ``response_action=errors``."""
    values = (view.get("state") or {}).get("values") or {}

    def value(block: str, action: str) -> dict[str, Any]:
        return dict((values.get(block) or {}).get(action) or {})

    errors: dict[str, str] = {}
    users = [str(u) for u in value(BLOCK_LEADS, ACTION_LEADS).get("selected_users") or []]
    channel = value(BLOCK_CHANNEL, ACTION_CHANNEL).get("selected_conversation") or None
    day = (value(BLOCK_DAY, ACTION_DAY).get("selected_option") or {}).get("value")
    weekday = int(day) if isinstance(day, str) and day.isdigit() and int(day) < 7 else -1
    if weekday < 0:
        errors[BLOCK_DAY] = "Choose a day."
    at = time(9, 0)
    try:
        at = parse_clock(str(value(BLOCK_TIME, ACTION_TIME).get("selected_time") or ""))
    except InvalidSetting:
        errors[BLOCK_TIME] = "Choose a time."
    zone = str(value(BLOCK_TZ, ACTION_TZ).get("value") or "").strip()
    try:
        time_zone(zone)
    except InvalidSetting:
        errors[BLOCK_TZ] = "Use an IANA time zone such as America/New_York or Europe/London."
    if errors:
        return errors
    return SubmittedSettings(tuple(dict.fromkeys(users)), channel, weekday, at, zone)
