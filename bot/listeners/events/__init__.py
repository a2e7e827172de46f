"""Events API listeners: messages, App Home, uninstall and token revocation."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.listeners.events import app_home_opened, app_uninstalled, message, tokens_revoked


def register(app: AsyncApp) -> None:
    """Register the event listeners."""
    message.register(app)
    app_home_opened.register(app)
    app_uninstalled.register(app)
    tokens_revoked.register(app)
