"""Registers the weekly-summary listeners on the Bolt app (called once by ``create_app``):
the ``/boundary leads|summary-channel|summary-time`` subcommands and the App Home summary
settings modal. The modal's ``view_submission`` and App Home button listeners are registered
by :func:`bot.listeners.register_all` (once)."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp


def register(app: AsyncApp) -> None:
    """Register every summary listener on ``app``."""
    from bot.listeners.commands import leads, summary_settings

    leads.register(app)
    summary_settings.register(app)
