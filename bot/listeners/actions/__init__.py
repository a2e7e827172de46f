"""Interactivity: nudge buttons and App Home buttons."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.listeners.actions import (
    home_mute,
    home_topic,
    mute_24h,
    not_relevant,
    show_guidance,
    summary_link,
)


def register(app: AsyncApp) -> None:
    """Register the action listeners."""
    show_guidance.register(app)
    not_relevant.register(app)
    mute_24h.register(app)
    home_mute.register(app)
    home_topic.register(app)
    summary_link.register(app)
