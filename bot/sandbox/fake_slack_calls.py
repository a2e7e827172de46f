"""Recorded calls, scripted answers and token checks of the fake Slack Web API.

Split out of :mod:`bot.sandbox.fake_slack` (which re-exports ``RecordedCall`` and
``QueuedResponse``); see that module for the API.
"""

from __future__ import annotations

import base64
import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot.sandbox.fake_slack_methods import (
    APP_TOKEN_METHODS,
    FakeChannel,
    FakeState,
    FakeUser,
    MethodError,
)

_VALID_PREFIXES = ("xoxb-", "xoxp-", "xoxe.xoxb-", "xoxe.xoxp-")


@dataclass(frozen=True)
class RecordedCall:
    """One request the fake received.

    ``params`` merges query string and body (JSON or form); JSON-string form values such as
    ``blocks`` and ``view`` are decoded. ``time`` is ``time.monotonic()`` at arrival;
    ``status`` the HTTP status answered (0 for a reset connection) and ``response`` the JSON
    body answered (None for a reset connection).
    """

    method: str
    params: dict[str, Any]
    body: bytes
    headers: Mapping[str, str]
    time: float
    token: str | None = None
    status: int = 200
    response: Any = None
    response_url: str | None = None


@dataclass
class QueuedResponse:
    """A scripted answer for the next call to a method."""

    status: int = 200
    json: Any = None
    headers: Mapping[str, str] | None = None
    reset: bool = False
    delay: float = 0.0


@dataclass
class _ResponseUrl:
    max_uses: int
    expires_at: float
    uses: int = 0
    expired: bool = False


class DirectoryMixin:
    """How ``users.info`` and ``conversations.info`` describe users and channels."""

    state: FakeState

    def set_user(
        self,
        user_id: str,
        *,
        is_admin: bool = False,
        is_owner: bool = False,
        tz: str = "America/New_York",
        team_id: str | None = None,
        name: str | None = None,
        is_bot: bool = False,
    ) -> None:
        """Register how ``users.info`` describes ``user_id``."""
        self.state.users[user_id] = FakeUser(
            id=user_id,
            team_id=team_id or self.state.team_id,
            name=name or user_id.lower(),
            is_admin=is_admin,
            is_owner=is_owner,
            is_bot=is_bot,
            tz=tz,
        )

    def set_channel(
        self,
        channel_id: str,
        *,
        creator: str = "U0CREATOR",
        is_ext_shared: bool = False,
        name: str | None = None,
        is_private: bool | None = None,
        is_archived: bool = False,
    ) -> None:
        """Register how ``conversations.info`` describes ``channel_id``."""
        self.state.channels[channel_id] = FakeChannel(
            id=channel_id,
            name=name or f"channel-{channel_id.lower()}",
            creator=creator,
            is_ext_shared=is_ext_shared,
            is_private=channel_id.startswith("G") if is_private is None else is_private,
            is_archived=is_archived,
        )


def _token(request: web.Request, params: dict[str, Any]) -> str | None:
    token = params.pop("token", None)
    auth = request.headers.get("Authorization", "")
    if auth.startswith("Bearer "):
        return auth[len("Bearer ") :].strip() or None
    return str(token) if token else None


def _client_credentials(request: web.Request, params: dict[str, Any]) -> None:
    """Copy HTTP Basic client credentials into params, as Slack accepts both forms."""
    auth = request.headers.get("Authorization", "")
    if auth.startswith("Basic "):
        with contextlib.suppress(ValueError):
            user, _, password = base64.b64decode(auth[6:]).decode().partition(":")
            params.setdefault("client_id", user)
            params.setdefault("client_secret", password)


def _check_token(method: str, token: str | None, invalid: Mapping[str, str]) -> None:
    if not token:
        raise MethodError("not_authed")
    if token in invalid:
        raise MethodError(invalid[token])
    if method in APP_TOKEN_METHODS:
        if not token.startswith("xapp-"):
            raise MethodError("not_allowed_token_type")
    elif token.startswith("xapp-"):
        raise MethodError("not_allowed_token_type")
    elif not token.startswith(_VALID_PREFIXES):
        raise MethodError("invalid_auth")
