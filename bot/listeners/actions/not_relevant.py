""" "Not relevant": record feedback for the nudge's category and rule, then thank the user."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.listeners.actions._nudge import Click, nudge_listener
from responses import ids
from responses.actions import NudgeRef
from responses.nudge import build_feedback_thanks


@nudge_listener
async def handle_not_relevant(click: Click, ref: NudgeRef) -> None:
    """Record "not relevant" once per click (the store update itself is idempotent too)."""
    await click.svc.store.record_feedback(
        click.workspace_id, ref.nudge_id, ref.category, ref.rule_id
    )
    click.reply_in_place(build_feedback_thanks(), what="feedback thanks", name="feedback-thanks")


def register(app: AsyncApp) -> None:
    """Register the listener."""
    app.action(ids.ACTION_NOT_RELEVANT)(handle_not_relevant)
