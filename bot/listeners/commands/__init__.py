"""Slash commands: ``/boundary``."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.listeners.commands import boundary


def register(app: AsyncApp) -> None:
    """Register the command listeners."""
    boundary.register(app)
