"""The App Home link button to the last summary: Slack opens the URL; the app only acks."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck

from responses import ids


async def handle_summary_link(ack: AsyncAck) -> None:
    """Acknowledge the click (Slack sends an interaction even for link buttons)."""
    await ack()


def register(app: AsyncApp) -> None:
    """Register the listener."""
    app.action(ids.ACTION_OPEN_SUMMARY_LINK)(handle_summary_link)
