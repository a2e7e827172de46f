"""Canned Web API method responses for :mod:`bot.sandbox.fake_slack`.

Each handler takes the fake workspace state and the parsed request parameters and
returns the JSON body Slack would send. A handler signals a Slack-level failure
(HTTP 200 with ``{"ok": false, "error": ...}``) by raising :class:`MethodError`.
The responses follow the shapes documented on docs.slack.dev for each method,
trimmed to the fields a bot reads.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: Parameters that slack_sdk sends as JSON-encoded strings in form bodies; the fake decodes them.
JSON_PARAMS = ("blocks", "attachments", "view", "metadata", "user_auth_blocks")


class MethodError(Exception):
    """A Slack API error answered as HTTP 200 ``{"ok": false, "error": code}``."""

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


@dataclass
class FakeUser:
    """A user as ``users.info`` reports it."""

    id: str
    team_id: str
    name: str
    is_admin: bool = False
    is_owner: bool = False
    is_bot: bool = False
    deleted: bool = False
    tz: str = "America/New_York"

    def payload(self) -> dict[str, Any]:
        """The ``user`` object of a ``users.info`` response."""
        return {
            "id": self.id,
            "team_id": self.team_id,
            "name": self.name,
            "real_name": self.name.title(),
            "deleted": self.deleted,
            "is_admin": self.is_admin,
            "is_owner": self.is_owner,
            "is_primary_owner": False,
            "is_bot": self.is_bot,
            "is_app_user": False,
            "tz": self.tz,
            "tz_label": self.tz,
            "tz_offset": 0,
            "profile": {"display_name": self.name, "real_name": self.name.title()},
        }


@dataclass
class FakeChannel:
    """A conversation as ``conversations.info`` reports it."""

    id: str
    name: str
    creator: str
    is_ext_shared: bool = False
    is_private: bool = False
    is_archived: bool = False
    is_im: bool = False
    is_mpim: bool = False
    user: str | None = None

    def payload(self) -> dict[str, Any]:
        """The ``channel`` object of a ``conversations.info`` response."""
        body: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "created": 1_700_000_000,
            "creator": self.creator,
            "is_channel": not (self.is_private or self.is_im or self.is_mpim),
            "is_group": self.is_private and not self.is_mpim,
            "is_im": self.is_im,
            "is_mpim": self.is_mpim,
            "is_private": self.is_private or self.is_im or self.is_mpim,
            "is_archived": self.is_archived,
            "is_ext_shared": self.is_ext_shared,
            "is_shared": self.is_ext_shared,
            "is_member": True,
        }
        if self.user is not None:
            body["user"] = self.user
        return body


@dataclass
class FakeState:
    """The fake workspace: its ids, users, channels and issued OAuth tokens."""

    team_id: str
    bot_user_id: str
    bot_id: str
    app_id: str = "A0SANDBOX"
    team_name: str = "Sandbox"
    token_rotation: bool = False
    socket_url: str = ""
    users: dict[str, FakeUser] = field(default_factory=dict)
    channels: dict[str, FakeChannel] = field(default_factory=dict)
    used_refresh_tokens: set[str] = field(default_factory=set)
    invalid_codes: set[str] = field(default_factory=lambda: {"invalid"})
    _counter: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def next_ts(self) -> str:
        """A fresh, strictly increasing message timestamp (``"1700000000.000123"``)."""
        return f"{int(time.time())}.{next(self._counter):06d}"

    def unique(self, prefix: str) -> str:
        """A fresh identifier with ``prefix`` (``"V000001"``)."""
        return f"{prefix}{next(self._counter):06d}"

    def user(self, user_id: str) -> FakeUser:
        """The registered user, or an ordinary member of the home team."""
        return self.users.get(user_id) or FakeUser(
            id=user_id, team_id=self.team_id, name=user_id.lower()
        )

    def channel(self, channel_id: str) -> FakeChannel:
        """The registered channel, or an ordinary public channel."""
        known = self.channels.get(channel_id)
        if known is not None:
            return known
        return FakeChannel(
            id=channel_id,
            name=f"channel-{channel_id.lower()}",
            creator="U0CREATOR",
            is_private=channel_id.startswith("G"),
            is_im=channel_id.startswith("D"),
        )


def _require(params: dict[str, Any], name: str, error: str) -> Any:
    value = params.get(name)
    if value in (None, ""):
        raise MethodError(error)
    return value


def _check_message(params: dict[str, Any]) -> None:
    if not params.get("text") and not params.get("blocks") and not params.get("attachments"):
        raise MethodError("no_text")


def auth_test(state: FakeState, params: dict[str, Any], token: str) -> dict[str, Any]:
    """``auth.test``: the bot identity for bot tokens, an installing user for user tokens."""
    body: dict[str, Any] = {
        "url": f"https://{state.team_name.lower()}.slack.com/",
        "team": state.team_name,
        "team_id": state.team_id,
        "is_enterprise_install": False,
    }
    if token.startswith("xoxp-"):
        body.update(user="installer", user_id="U0INSTALLER")
    else:
        body.update(user="boundarybot", user_id=state.bot_user_id, bot_id=state.bot_id)
    return body


def chat_post_ephemeral(state: FakeState, params: dict[str, Any], token: str) -> dict[str, Any]:
    """``chat.postEphemeral``."""
    _require(params, "channel", "channel_not_found")
    _require(params, "user", "user_not_found")
    _check_message(params)
    return {"message_ts": state.next_ts()}


def chat_post_message(state: FakeState, params: dict[str, Any], token: str) -> dict[str, Any]:
    """``chat.postMessage``; posting to a user id lands in that user's DM, as on Slack."""
    channel = str(_require(params, "channel", "channel_not_found"))
    _check_message(params)
    if channel.startswith(("U", "W")):
        channel = _dm_id(channel)
    ts = state.next_ts()
    message = {"type": "message", "user": state.bot_user_id, "bot_id": state.bot_id, "ts": ts}
    message.update({k: params[k] for k in ("text", "blocks", "thread_ts") if k in params})
    return {"channel": channel, "ts": ts, "message": message}


def chat_update(state: FakeState, params: dict[str, Any], token: str) -> dict[str, Any]:
    """``chat.update``."""
    channel = _require(params, "channel", "channel_not_found")
    ts = _require(params, "ts", "message_not_found")
    _check_message(params)
    return {"channel": channel, "ts": ts, "text": params.get("text", "")}


def chat_get_permalink(state: FakeState, params: dict[str, Any], token: str) -> dict[str, Any]:
    """``chat.getPermalink``: an https link shaped like Slack's."""
    channel = _require(params, "channel", "channel_not_found")
    ts = _require(params, "message_ts", "message_not_found")
    domain = state.team_name.lower().replace(" ", "-") or "fake"
    link = f"https://{domain}.slack.com/archives/{channel}/p{str(ts).replace('.', '')}"
    return {"channel": channel, "permalink": link}


def _view(state: FakeState, params: dict[str, Any]) -> dict[str, Any]:
    view = _require(params, "view", "invalid_arguments")
    if not isinstance(view, dict) or "type" not in view:
        raise MethodError("invalid_arguments")
    return {**view, "id": state.unique("V"), "team_id": state.team_id, "app_id": state.app_id}


def views_publish(state: FakeState, params: dict[str, Any], token: str) -> dict[str, Any]:
    """``views.publish`` (App Home)."""
    _require(params, "user_id", "user_not_found")
    return {"view": _view(state, params)}


def views_open(state: FakeState, params: dict[str, Any], token: str) -> dict[str, Any]:
    """``views.open`` (modals); needs a ``trigger_id``."""
    _require(params, "trigger_id", "invalid_trigger_id")
    return {"view": _view(state, params)}


def views_update(state: FakeState, params: dict[str, Any], token: str) -> dict[str, Any]:
    """``views.update``."""
    if not params.get("view_id") and not params.get("external_id"):
        raise MethodError("not_found")
    return {"view": _view(state, params)}


def users_info(state: FakeState, params: dict[str, Any], token: str) -> dict[str, Any]:
    """``users.info``: registered users as set, anyone else as an ordinary member."""
    return {"user": state.user(str(_require(params, "user", "user_not_found"))).payload()}


def conversations_info(state: FakeState, params: dict[str, Any], token: str) -> dict[str, Any]:
    """``conversations.info``."""
    channel = str(_require(params, "channel", "channel_not_found"))
    return {"channel": state.channel(channel).payload()}


def _dm_id(users: str) -> str:
    digest = hashlib.sha256(users.encode()).hexdigest()[:8].upper()
    return f"D{digest}"


def conversations_open(state: FakeState, params: dict[str, Any], token: str) -> dict[str, Any]:
    """``conversations.open``: a stable DM (or group DM) id per set of users."""
    if params.get("channel"):
        return {"channel": {"id": params["channel"]}, "already_open": True}
    users = ",".join(sorted(str(_require(params, "users", "users_list_not_supplied")).split(",")))
    channel_id = _dm_id(users)
    if channel_id not in state.channels:
        first = users.split(",")[0]
        state.channels[channel_id] = FakeChannel(
            id=channel_id, name=channel_id.lower(), creator=first, is_im=True, user=first
        )
    return {"channel": {"id": channel_id}, "no_op": False, "already_open": False}


def _tokens(state: FakeState, access: str, refresh_seed: str) -> dict[str, Any]:
    body: dict[str, Any] = {"access_token": access}
    if state.token_rotation:
        body["refresh_token"] = f"xoxe-1-{refresh_seed}-{state.unique('')}"
        body["expires_in"] = 43_200
    return body


def oauth_v2_access(state: FakeState, params: dict[str, Any], token: str) -> dict[str, Any]:
    """``oauth.v2.access``: the ``authorization_code`` and ``refresh_token`` grants.

    Refresh tokens are single use, as on Slack: the second use answers ``invalid_refresh_token``.
    """
    if not params.get("client_id") or not params.get("client_secret"):
        raise MethodError("invalid_client_id")
    if params.get("grant_type") == "refresh_token":
        refresh = str(_require(params, "refresh_token", "invalid_refresh_token"))
        if refresh in state.used_refresh_tokens or not refresh.startswith("xoxe-"):
            raise MethodError("invalid_refresh_token")
        state.used_refresh_tokens.add(refresh)
        return {
            "token_type": "bot",
            "scope": "commands,chat:write",
            "team": {"id": state.team_id, "name": state.team_name},
            "enterprise": None,
            **_tokens(state, f"xoxe.xoxb-1-{state.unique('R')}", "bot"),
        }
    code = str(_require(params, "code", "invalid_code"))
    if code in state.invalid_codes:
        raise MethodError("invalid_code")
    user = {"id": "U0INSTALLER", "scope": "", "token_type": "user"}
    return {
        "app_id": state.app_id,
        "token_type": "bot",
        "scope": "commands,chat:write",
        "bot_user_id": state.bot_user_id,
        "team": {"id": state.team_id, "name": state.team_name},
        "enterprise": None,
        "is_enterprise_install": False,
        "authed_user": user,
        **_tokens(state, f"xoxb-{state.team_id}-{state.unique('')}-sandbox", "bot"),
    }


def apps_connections_open(state: FakeState, params: dict[str, Any], token: str) -> dict[str, Any]:
    """``apps.connections.open``: a ``ws://`` URL on the fake for Socket Mode."""
    return {"url": f"{state.socket_url}?ticket={state.unique('ticket-')}"}


def team_info(state: FakeState, params: dict[str, Any], token: str) -> dict[str, Any]:
    """``team.info``."""
    name = state.team_name
    return {"team": {"id": state.team_id, "name": name, "domain": name.lower()}}


def generic_ok(state: FakeState, params: dict[str, Any], token: str) -> dict[str, Any]:
    """Any method the fake has no canned answer for: ``{"ok": true}``."""
    return {}


Handler = Callable[[FakeState, dict[str, Any], str], dict[str, Any]]

HANDLERS: dict[str, Handler] = {
    "auth.test": auth_test,
    "chat.postEphemeral": chat_post_ephemeral,
    "chat.postMessage": chat_post_message,
    "chat.update": chat_update,
    "chat.getPermalink": chat_get_permalink,
    "views.publish": views_publish,
    "views.open": views_open,
    "views.update": views_update,
    "users.info": users_info,
    "conversations.info": conversations_info,
    "conversations.open": conversations_open,
    "oauth.v2.access": oauth_v2_access,
    "apps.connections.open": apps_connections_open,
    "team.info": team_info,
}

#: Methods that take no token (client credentials instead).
NO_TOKEN_METHODS = frozenset({"oauth.v2.access", "oauth.v2.exchange"})
#: Methods that need an app-level ``xapp-`` token.
APP_TOKEN_METHODS = frozenset({"apps.connections.open"})


def decode_json_params(params: dict[str, Any]) -> dict[str, Any]:
    """Decode the JSON-string parameters (``blocks``, ``view`` ...) of a form body in place."""
    for name in JSON_PARAMS:
        value = params.get(name)
        if isinstance(value, str) and value[:1] in ("[", "{"):
            try:
                params[name] = json.loads(value)
            except json.JSONDecodeError:
                raise MethodError("invalid_arguments") from None
    return params
