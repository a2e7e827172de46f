"""Bolt listeners, one per file, grouped by surface; each surface has ``register(app)``.

Listeners are thin: parse, classify, render (with ``responses``' builders), respond. They
reach the store, classifier and guidance through ``context["services"]`` and never touch
SQL. Slow Slack calls go to background tasks so the ack is never delayed.
"""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.listeners import actions, commands, events, views


def register_all(app: AsyncApp) -> None:
    """Register every listener of every surface on ``app``."""
    commands.register(app)
    events.register(app)
    actions.register(app)
    views.register(app)
