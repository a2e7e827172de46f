"""Registers the weekly-summary listeners on the Bolt app (called once by ``create_app``):
the ``/boundary leads|summary-channel|summary-time`` subcommands and the App Home summary
settings modal."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp


def register(app: AsyncApp) -> None:
    """Register every summary listener on ``app``."""
    from bot.listeners import views
    from bot.listeners.commands import leads, summary_settings

    leads.register(app)
    summary_settings.register(app)
    views.register(app)
