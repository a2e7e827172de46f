""" "Mute for 24h" on a nudge: mute the user's nudges for a day and confirm in place."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from slack_bolt.async_app import AsyncApp

from bot.listeners.actions._nudge import Click, click_listener
from responses import ids
from responses.nudge import build_mute_confirmation


@click_listener
async def handle_mute_24h(click: Click) -> None:
    """Mute for 24 hours from the click; a replayed click changes nothing."""
    until = await click.svc.store.set_mute(
        click.workspace_id, click.user, datetime.now(UTC) + timedelta(hours=24)
    )
    click.reply_in_place(
        build_mute_confirmation(until), what="mute confirmation", name="mute-confirmation"
    )


def register(app: AsyncApp) -> None:
    """Register the listener."""
    app.action(ids.ACTION_MUTE_24H)(handle_mute_24h)
