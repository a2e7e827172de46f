"""The App Home tab: topics, the user's mute state, and the lead's summary link."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from responses import ids
from responses.blocks import Block, actions, button, context, divider, header, section
from responses.content import GuidanceLibrary
from responses.limits import ensure_within_limits
from responses.mrkdwn import escape, truncate
from responses.nudge import slack_date


class HomeUserState(BaseModel):
    """What App Home shows about the viewing user (no PHI, no message text)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    muted_until: datetime | None = Field(default=None, description="Nudges muted until then.")
    now: datetime | None = Field(default=None, description="Render time; a past mute shows as off.")
    nudges_enabled_in_workspace: bool = True

    @property
    def is_muted(self) -> bool:
        """True while ``muted_until`` lies in the future (relative to ``now``)."""
        if self.muted_until is None:
            return False
        now = self.now or datetime.now(UTC)
        until = (
            self.muted_until if self.muted_until.tzinfo else self.muted_until.replace(tzinfo=UTC)
        )
        now = now if now.tzinfo else now.replace(tzinfo=UTC)
        return until > now


class HomeLeadState(BaseModel):
    """Lead and admin details for App Home."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    is_lead: bool = False
    is_admin: bool = False
    last_summary_week: str | None = Field(default=None, pattern=r"^\d{4}-W\d{2}$")
    last_summary_url: str | None = None
    delivery: str | None = Field(
        default=None, max_length=200, description="e.g. 'DM, Mondays 09:00'"
    )

    @field_validator("last_summary_url")
    @classmethod
    def _https(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("https://", "slack://")):
            raise ValueError("expected an https:// or slack:// link to the summary message")
        if value is not None and any(ch in value for ch in " <>|"):
            raise ValueError("expected a link without spaces, '<', '>' or '|'")
        return value


def _mute_blocks(user: HomeUserState) -> list[Block]:
    if not user.nudges_enabled_in_workspace:
        status = "Nudges are turned off for this workspace. `/boundary` questions still work."
    elif user.is_muted and user.muted_until is not None:
        status = f":zipper_mouth_face: Your nudges are muted until {slack_date(user.muted_until)}."
    else:
        status = (
            ":bell: Nudges are on. When a message of yours might touch a boundary, "
            "I'll send you a private note."
        )
    out: list[Block] = [section(status, ids.BLOCK_HOME_MUTE)]
    if user.nudges_enabled_in_workspace:
        if user.is_muted:
            buttons = [
                button("Turn nudges back on", ids.ACTION_HOME_UNMUTE, "off", style="primary")
            ]
        else:
            buttons = [
                button("Mute for 24h", ids.ACTION_HOME_MUTE_24H, "24h"),
                button("Mute for 7 days", ids.ACTION_HOME_MUTE_7D, "7d"),
            ]
        out.append(actions(ids.BLOCK_HOME_MUTE_ACTIONS, *buttons))
    return out


def _lead_blocks(lead: HomeLeadState) -> list[Block]:
    if not (lead.is_lead or lead.is_admin):
        return []
    out: list[Block] = [divider(), header("Weekly summary")]
    if lead.is_lead and lead.last_summary_week:
        text = f"Your latest summary covers *{lead.last_summary_week}*."
    elif lead.is_lead:
        text = "You're a lead. Your first weekly summary will arrive after the current week ends."
    else:
        text = "You're a workspace admin: you can choose leads and where summaries are delivered."
    if lead.delivery:
        text += f"\nDelivery: {escape(lead.delivery)}."
    text += "\nSummaries show de-identified totals only: never message text or who was nudged."
    out.append(section(text, ids.BLOCK_HOME_LEAD))
    buttons: list[Block] = []
    if lead.is_lead and lead.last_summary_url:
        buttons.append(
            button("Open last summary", ids.ACTION_OPEN_SUMMARY_LINK, url=lead.last_summary_url)
        )
    if lead.is_admin:
        buttons.append(
            button("Summary settings", ids.ACTION_HOME_OPEN_SUMMARY_SETTINGS, "settings")
        )
    if buttons:
        out.append(actions(ids.BLOCK_HOME_LEAD_ACTIONS, *buttons))
    return out


def build_home(
    user_state: HomeUserState, lead_state: HomeLeadState, guidance: GuidanceLibrary | None = None
) -> dict[str, Any]:
    """The App Home view (``{"type": "home", "blocks": [...]}``, at most 100 blocks).

    ``guidance`` supplies the topic list; without it the built-in guidance is loaded.
    """
    if guidance is None:
        from responses.loader import load_guidance

        guidance = load_guidance()
    blocks: list[Block] = [
        header("Boundary Bot"),
        section(
            "Private, kind guidance on professional boundaries with clients and patients, "
            "based on the APA, ACA, NASW, AAMFT, AMA and NCSBN codes and HIPAA. "
            "Ask anything with `/boundary <question>`; only you see the answer."
        ),
        *_mute_blocks(user_state),
        *_lead_blocks(lead_state),
        divider(),
        header("Topics"),
    ]
    for c in guidance.categories:
        entry = guidance.entry(c)
        text = f"*{escape(entry.title)}*\n{escape(truncate(entry.summary, 200))}"
        blocks.append(section(text, accessory=button("Read", ids.home_topic_action_id(c), c)))
    blocks.append(
        context("Boundary Bot never stores message text. Questions? See `/boundary help`.")
    )
    return ensure_within_limits({"type": "home", "blocks": blocks}, surface="home")
