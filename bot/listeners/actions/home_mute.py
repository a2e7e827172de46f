"""App Home mute controls (24h, 7d, unmute): change the mute, republish the Home tab."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from slack_bolt.async_app import AsyncApp

from bot.listeners.actions._nudge import Click, click_listener
from bot.listeners.events.app_home_opened import publish_home
from responses import ids

DURATIONS: dict[str, timedelta | None] = {
    ids.ACTION_HOME_MUTE_24H: timedelta(hours=24),
    ids.ACTION_HOME_MUTE_7D: timedelta(days=7),
    ids.ACTION_HOME_UNMUTE: None,
}


@click_listener
async def handle_home_mute(click: Click) -> None:
    """Apply the mute the button names, once per click, then refresh the Home tab."""
    duration = DURATIONS[str(click.action.get("action_id"))]
    user, workspace_id = click.user, click.workspace_id
    until = None if duration is None else datetime.now(UTC) + duration
    await click.svc.store.set_mute(workspace_id, user, until)
    click.svc.tasks.spawn(
        publish_home(click.svc, click.client, workspace_id, user), name="home-publish"
    )


def register(app: AsyncApp) -> None:
    """Register the listener for the three mute buttons."""
    for action_id in DURATIONS:
        app.action(action_id)(handle_home_mute)
