"""Modal submissions (``view_submission``): the weekly-summary settings modal."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.listeners.views import summary_settings


def register(app: AsyncApp) -> None:
    """Register the view listeners (and the App Home button that opens the modal)."""
    summary_settings.register(app)
