"""``/boundary``: questions, help, topics, one topic, mute, channel opt-out.

The listener does its fast, durable work before acking, in ONE write transaction: claim the
``trigger_id`` so a replayed command acts once, together with the command's effect (set a
mute, or record that a question was asked — never its text: ``Store.claim_command_mute``,
``Store.claim_command_question``). The reply is rendered and sent afterwards, from a
background task, via ``response_url`` with a ``chat.postEphemeral`` fallback.
``channel off|on`` needs ``users.info`` / ``conversations.info`` (admin/owner or channel
creator, never trusted from the payload), so it runs entirely in the background. When the
database is down the command is acked with a polite "temporarily unavailable" notice.

Other features may add subcommands with :func:`register_subcommand`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.web.async_client import AsyncWebClient

from bot import notices
from bot.errors import StorageError
from bot.listeners._common import reply_ephemeral, services, workspace_of
from bot.services import Services
from responses.answer import build_answer, build_help, build_topic, build_topics
from responses.nudge import build_mute_confirmation

logger = logging.getLogger(__name__)

COMMAND = "/boundary"
REPLAY_WINDOW = timedelta(minutes=10)
MUTE_DURATIONS = {"24h": timedelta(hours=24), "1d": timedelta(days=1), "7d": timedelta(days=7)}
_MUTE_RE = re.compile(r"^(\d{1,3})\s*(h|d)$")


@dataclass(frozen=True)
class CommandRequest:
    """One ``/boundary`` invocation, parsed (``args`` is what followed the subcommand)."""

    svc: Services
    client: AsyncWebClient
    workspace_id: str
    user_id: str
    channel_id: str | None
    response_url: str | None
    args: str


#: A subcommand returns the payload to send back (it may read and write the store).
Subcommand = Callable[[CommandRequest], Awaitable[dict[str, Any]]]
_SUBCOMMANDS: dict[str, Subcommand] = {}


def register_subcommand(name: str, handler: Subcommand) -> None:
    """Add ``/boundary <name> ...``; built-in words (help, topics, mute, channel) win."""
    _SUBCOMMANDS[name.lower()] = handler


def parse_mute(args: str) -> timedelta | None | str:
    """``24h``/``7d``/``Nh``/``Nd`` (at most 30 days) → duration; ``off`` → None; else "invalid"."""
    word = args.strip().lower()
    if word in ("off", "on", "unmute"):
        return None
    if word in MUTE_DURATIONS:
        return MUTE_DURATIONS[word]
    match = _MUTE_RE.match(word)
    if match:
        amount = int(match.group(1))
        duration = timedelta(hours=amount) if match.group(2) == "h" else timedelta(days=amount)
        if timedelta(0) < duration <= timedelta(days=30):
            return duration
    return "invalid"


def _mute_payload(parsed: timedelta | None | str, until: datetime | None) -> dict[str, Any]:
    if isinstance(parsed, str):
        return notices.build_notice(notices.MUTE_USAGE, "Boundary Bot: how to mute")
    return build_mute_confirmation(until)


async def may_change_channel(client: AsyncWebClient, user_id: str, channel_id: str) -> bool:
    """True for workspace admins/owners (``users.info``) or the channel's creator
    (``conversations.info``). Never trusts anything in the command payload."""
    info = await client.users_info(user=user_id)
    user = info.get("user") or {}
    if user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"):
        return True
    channel = (await client.conversations_info(channel=channel_id)).get("channel") or {}
    return bool(channel.get("creator")) and channel.get("creator") == user_id


async def _channel(req: CommandRequest) -> None:
    """``/boundary channel off|on``, run in the background after the ack."""
    word = req.args.strip().lower()
    payload: dict[str, Any]
    if word not in ("off", "on") or not req.channel_id:
        payload = notices.build_notice(notices.CHANNEL_USAGE, "Boundary Bot: channel settings")
    else:
        try:
            allowed = await may_change_channel(req.client, req.user_id, req.channel_id)
            if allowed:
                await req.svc.store.set_channel_enabled(
                    req.workspace_id, req.channel_id, word == "on"
                )
                logger.info("channel nudges turned %s in a channel of %s", word, req.workspace_id)
                text = notices.CHANNEL_ON if word == "on" else notices.CHANNEL_OFF
                payload = notices.build_notice(text, f"Boundary Bot nudges {word}")
            else:
                logger.info("channel setting refused: not an admin or the creator")
                payload = notices.build_notice(notices.CHANNEL_REFUSED, "Not allowed")
        except (SlackApiError, SlackRequestError, OSError, StorageError) as exc:
            logger.warning("channel setting failed: %s", type(exc).__name__)
            payload = notices.build_notice(notices.UNAVAILABLE, "Temporarily unavailable")
    await _reply(req, payload)


async def _reply(req: CommandRequest, payload: dict[str, Any]) -> None:
    await reply_ephemeral(
        req.svc,
        req.client,
        payload,
        response_url=req.response_url,
        channel=req.channel_id,
        user=req.user_id,
        what="command reply",
    )


async def handle_boundary(
    ack: AsyncAck,
    command: dict[str, Any],
    body: dict[str, Any],
    context: AsyncBoltContext,
    client: AsyncWebClient,
) -> None:
    """Handle ``/boundary ...`` (see the module docstring).

    Before the ack: at most one write transaction (the ``trigger_id`` claim, with the
    question's record or the mute in the same transaction) and, for a question, the
    classifier. Rendering the reply and sending it happen after the ack.
    """
    svc = services(context)
    text = (command.get("text") or "").strip()
    word, _, rest = text.partition(" ")
    word = word.lower()
    req = CommandRequest(
        svc=svc,
        client=client,
        workspace_id=workspace_of(context, body),
        user_id=str(command.get("user_id") or ""),
        channel_id=command.get("channel_id"),
        response_url=command.get("response_url"),
        args=rest.strip(),
    )
    trigger = command.get("trigger_id")
    key = f"command:{trigger}" if trigger else None
    render: Callable[[], dict[str, Any]] | None = None
    payload: dict[str, Any] | None = None
    try:
        if word == "mute":
            parsed = parse_mute(req.args)
            if isinstance(parsed, str):
                claimed = await _claim(svc, key)
                render = partial(_mute_payload, parsed, None)
            else:
                until = None if parsed is None else datetime.now(UTC) + parsed
                claimed = await svc.store.claim_command_mute(
                    key, REPLAY_WINDOW, req.workspace_id, req.user_id, until
                )
                render = partial(_mute_payload, parsed, until)
        elif word in ("", "help", "topics", "channel"):
            claimed = await _claim(svc, key)
            render = partial(build_topics, svc.guidance) if word == "topics" else build_help
        elif word in _SUBCOMMANDS:
            claimed = await _claim(svc, key)
            if claimed:
                payload = await _SUBCOMMANDS[word](req)
        else:
            topic = svc.guidance.find_topic(text)
            if topic is not None:
                claimed = await _claim(svc, key)
                render = partial(build_topic, topic, svc.guidance)
            else:
                assessment = svc.classifier.assess(text)
                claimed = await svc.store.claim_command_question(
                    key,
                    REPLAY_WINDOW,
                    req.workspace_id,
                    req.user_id,
                    req.channel_id or "",
                    list(assessment.categories),
                )
                render = partial(build_answer, assessment, svc.guidance, question=text)
    except StorageError as exc:
        logger.warning("/boundary answered 'unavailable': %s", type(exc).__name__)
        unavailable = notices.build_notice(notices.UNAVAILABLE, "Temporarily unavailable")
        await ack(response_type="ephemeral", **unavailable)
        return
    await ack()
    if not claimed:
        return  # a replay of a command already answered
    if word == "channel":
        svc.tasks.spawn(_channel(req), name="command-channel")
    else:
        svc.tasks.spawn(_render_and_reply(req, payload, render), name="command-reply")


async def _claim(svc: Services, key: str | None) -> bool:
    """Claim the command's replay key (True without one)."""
    return key is None or bool(await svc.store.claim_command(key, REPLAY_WINDOW))


async def _render_and_reply(
    req: CommandRequest,
    payload: dict[str, Any] | None,
    render: Callable[[], dict[str, Any]] | None,
) -> None:
    """After the ack: build the reply (unless a subcommand already did) and send it."""
    if payload is None and render is not None:
        payload = render()
    if payload is not None:
        await _reply(req, payload)


def register(app: AsyncApp) -> None:
    """Register ``/boundary``."""
    app.command(COMMAND)(handle_boundary)
