""" "Show guidance": replace the nudge with the full guidance, via ``response_url``."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.listeners.actions._nudge import Click, nudge_listener
from responses import ids
from responses.actions import NudgeRef
from responses.nudge import build_nudge_expanded


@nudge_listener
async def handle_show_guidance(click: Click, ref: NudgeRef) -> None:
    """Render the guidance from the button's category and rule id (no message text)."""
    payload = build_nudge_expanded(ref, click.svc.guidance)
    click.reply_in_place(payload, what="guidance", name="show-guidance")


def register(app: AsyncApp) -> None:
    """Register the listener."""
    app.action(ids.ACTION_SHOW_GUIDANCE)(handle_show_guidance)
