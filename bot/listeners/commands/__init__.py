"""Slash commands: ``/boundary`` and the subcommands other features add to it."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.listeners.commands import boundary, leads, summary_settings


def register(app: AsyncApp) -> None:
    """Register ``/boundary`` and its feature subcommands (leads, summary settings)."""
    boundary.register(app)
    leads.register(app)
    summary_settings.register(app)
