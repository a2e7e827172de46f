"""Stable ``block_id`` and ``action_id`` values used by the rendered Block Kit.

These strings are public API: the Slack app (``bot/listeners/actions``) registers its
listeners on the action ids, and Slack echoes block ids back in interaction payloads.
Changing one is a breaking change; add a new id instead.

Message surfaces (ephemeral nudge, expanded nudge, slash-command answer)
-----------------------------------------------------------------------
``ACTION_SHOW_GUIDANCE``  "Show guidance" button on a nudge. Its ``value`` is an encoded
                          :class:`responses.actions.NudgeRef` (nudge id, category, rule id),
                          never message text. The app re-renders with
                          ``build_nudge_expanded(ref, guidance)`` via ``response_url``.
``ACTION_NOT_RELEVANT``   "Not relevant" feedback button; same value format.
``ACTION_MUTE_24H``       "Mute for 24h" button; same value format.

Block ids on messages: ``BLOCK_NUDGE`` (the nudge sentence), ``BLOCK_NUDGE_WHY``
("Why am I seeing this?"), ``BLOCK_NUDGE_ACTIONS`` (the three buttons),
``BLOCK_UNDERSTOOD`` (what the bot understood, on answers), ``BLOCK_ORG`` (organisation
policy and contact), and per-category guidance blocks ``guidance:<category>:<part>``
built by :func:`guidance_block_id`.

App Home
--------
``ACTION_HOME_MUTE_24H``, ``ACTION_HOME_MUTE_7D``, ``ACTION_HOME_UNMUTE``: mute controls.
``ACTION_HOME_TOPIC_PREFIX`` + category (e.g. ``home_topic:gifts``): "Read" button of
one topic; match with the regex ``HOME_TOPIC_ACTION_PATTERN``.
``ACTION_HOME_OPEN_SUMMARY_SETTINGS``: opens the summary settings modal (leads/admins).
``ACTION_OPEN_SUMMARY_LINK``: link button to the last weekly summary (Slack still sends an
interaction for link buttons; the app only needs to ack it).
"""

from __future__ import annotations

import re

# --- actions on messages -------------------------------------------------------------
ACTION_SHOW_GUIDANCE = "boundary_show_guidance"
ACTION_NOT_RELEVANT = "boundary_not_relevant"
ACTION_MUTE_24H = "boundary_mute_24h"

#: Every action id a nudge or expanded nudge can carry.
NUDGE_ACTIONS: tuple[str, ...] = (
    ACTION_SHOW_GUIDANCE,
    ACTION_NOT_RELEVANT,
    ACTION_MUTE_24H,
)

# --- blocks on messages --------------------------------------------------------------
BLOCK_NUDGE = "boundary_nudge"
BLOCK_NUDGE_WHY = "boundary_nudge_why"
BLOCK_NUDGE_ACTIONS = "boundary_nudge_actions"
BLOCK_UNDERSTOOD = "boundary_understood"
BLOCK_ORG = "boundary_org"
BLOCK_NOTICE = "boundary_notice"
BLOCK_TOPICS = "boundary_topics"
BLOCK_HELP = "boundary_help"
BLOCK_SUMMARY_PREFIX = "summary:"

# --- App Home -------------------------------------------------------------------------
ACTION_HOME_MUTE_24H = "home_mute_24h"
ACTION_HOME_MUTE_7D = "home_mute_7d"
ACTION_HOME_UNMUTE = "home_unmute"
ACTION_HOME_TOPIC_PREFIX = "home_topic:"
HOME_TOPIC_ACTION_PATTERN = re.compile(r"^home_topic:([a-z_]+)$")
ACTION_HOME_OPEN_SUMMARY_SETTINGS = "home_open_summary_settings"
ACTION_OPEN_SUMMARY_LINK = "home_open_summary_link"

BLOCK_HOME_MUTE = "home_mute"
BLOCK_HOME_MUTE_ACTIONS = "home_mute_actions"
BLOCK_HOME_LEAD = "home_lead"
BLOCK_HOME_LEAD_ACTIONS = "home_lead_actions"


def guidance_block_id(category: str, part: str) -> str:
    """Block id of one part (``title``, ``why``, ``todo``, ...) of a category's guidance."""
    return f"guidance:{category}:{part}"


def home_topic_action_id(category: str) -> str:
    """Action id of the App Home "Read" button for ``category``."""
    return f"{ACTION_HOME_TOPIC_PREFIX}{category}"
