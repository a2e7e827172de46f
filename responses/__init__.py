"""Guidance content and Block Kit rendering for Boundary Bot.

Reads only :mod:`classifiers.models` from our code. Builders are pure: they return Slack
payload dicts (``{"text": ..., "blocks": [...]}``) or view dicts, checked against Slack's
limits, and never perform I/O (except ``build_home`` loading the built-in guidance when
none is passed).
"""

from responses.actions import NudgeRef, parse_action_value
from responses.answer import build_answer, build_help, build_topic, build_topics
from responses.content import (
    GENERAL,
    GeneralGuidance,
    GuidanceEntry,
    GuidanceLibrary,
    OrgInfo,
    ProfessionNotes,
    Reference,
)
from responses.errors import (
    ActionValueError,
    GuidanceError,
    GuidanceFileError,
    NothingToRenderError,
    OverrideError,
    Problem,
    SlackLimitError,
    UnknownTopicError,
)
from responses.home import HomeLeadState, HomeUserState, build_home
from responses.limits import ensure_within_limits, find_problems
from responses.loader import check_guidance_dir, check_overrides, load_builtin, load_guidance
from responses.mrkdwn import escape
from responses.nudge import (
    build_error,
    build_feedback_thanks,
    build_mute_confirmation,
    build_nudge,
    build_nudge_expanded,
)
from responses.summary import build_summary
from responses.summary_model import (
    CategoryTrend,
    ChannelRow,
    FeedbackRow,
    SummaryTotals,
    WeeklySummary,
)
from responses.text import render_text

__all__ = [
    "GENERAL",
    "ActionValueError",
    "CategoryTrend",
    "ChannelRow",
    "FeedbackRow",
    "GeneralGuidance",
    "GuidanceEntry",
    "GuidanceError",
    "GuidanceFileError",
    "GuidanceLibrary",
    "HomeLeadState",
    "HomeUserState",
    "NothingToRenderError",
    "NudgeRef",
    "OrgInfo",
    "OverrideError",
    "Problem",
    "ProfessionNotes",
    "Reference",
    "SlackLimitError",
    "SummaryTotals",
    "UnknownTopicError",
    "WeeklySummary",
    "build_answer",
    "build_error",
    "build_feedback_thanks",
    "build_help",
    "build_home",
    "build_mute_confirmation",
    "build_nudge",
    "build_nudge_expanded",
    "build_summary",
    "build_topic",
    "build_topics",
    "check_guidance_dir",
    "check_overrides",
    "ensure_within_limits",
    "escape",
    "find_problems",
    "load_builtin",
    "load_guidance",
    "parse_action_value",
    "render_text",
]
