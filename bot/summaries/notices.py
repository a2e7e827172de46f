"""Ephemeral replies of the summary settings commands: pure builders over ``responses``'
block helpers (the same pattern as :mod:`bot.notices`). Text passed in is our own mrkdwn
or Slack ids; nothing here echoes what the user typed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from responses import ids
from responses.blocks import section
from responses.limits import ensure_within_limits

REFUSED = (
    ":lock: Only workspace admins and owners can choose leads or change how weekly summaries "
    "are delivered. Nothing was changed."
)
LEADS_USAGE = (
    "Use `/boundary leads` to list leads, `/boundary leads add @person [#channel …]` "
    "(channels limit their summary to their team) or `/boundary leads remove @person`. "
    "Pick the person from Slack's suggestions so the mention becomes a link."
)
CHANNEL_USAGE = (
    "Use `/boundary summary-channel #private-channel` to post summaries there, or "
    "`/boundary summary-channel off` to send them to each lead by DM."
)
TIME_USAGE = (
    "Use `/boundary summary-time mon 09:00` (day, 24-hour time), optionally followed by an "
    "IANA time zone such as `Europe/London`."
)


def build_notice(text: str, fallback: str = "Boundary Bot summaries") -> dict[str, Any]:
    """A one-section ephemeral notice."""
    return ensure_within_limits(
        {"text": fallback, "blocks": [section(text[:3000], ids.BLOCK_NOTICE)]}
    )


def leads_text(leads: Sequence[Any], delivery: str) -> str:
    """The leads list: mentions (rendered by Slack as names) and each lead's team scope."""
    if not leads:
        lines = "No leads yet. Add one with `/boundary leads add @person`."
    else:
        parts = []
        for lead in leads[:40]:
            scope = (
                "all channels"
                if lead.channel_ids is None
                else "team: " + ", ".join(f"<#{c}>" for c in sorted(lead.channel_ids)[:10])
            )
            parts.append(f"• <@{lead.user_id}> ({scope})")
        if len(leads) > 40:
            parts.append(f"… and {len(leads) - 40} more")
        lines = "\n".join(parts)
    return f"*Weekly summary leads*\n{lines}\n*Delivery:* {delivery}"
