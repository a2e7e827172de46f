"""Short plain notices the responses package has no builder for yet (channel settings,
refusals, "temporarily unavailable"). Pure functions over ``responses``' block helpers."""

from __future__ import annotations

from typing import Any

from responses import ids
from responses.blocks import section
from responses.limits import ensure_within_limits

CHANNEL_OFF = (
    ":no_bell: Boundary Bot nudges are now *off* in this channel. `/boundary` questions still "
    "work. Turn them back on with `/boundary channel on`."
)
CHANNEL_ON = ":bell: Boundary Bot nudges are now *on* in this channel."
CHANNEL_REFUSED = (
    ":lock: Only workspace admins, owners or this channel's creator can turn nudges on or off "
    "here. Nothing was changed."
)
CHANNEL_USAGE = "Use `/boundary channel off` or `/boundary channel on`."
MUTE_USAGE = "Use `/boundary mute 24h`, `/boundary mute 7d` or `/boundary mute off`."
UNAVAILABLE = ":hourglass: Boundary Bot is temporarily unavailable. Please try again in a minute."


def build_notice(text: str, fallback: str | None = None) -> dict[str, Any]:
    """A one-section ephemeral notice. ``text`` is trusted mrkdwn from this module only."""
    return ensure_within_limits(
        {"text": fallback or "Boundary Bot", "blocks": [section(text, ids.BLOCK_NOTICE)]}
    )
