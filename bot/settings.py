"""Typed settings for the Slack app, read from the environment with pydantic-settings.

Secrets are :class:`~pydantic.SecretStr` so they never appear in ``repr()`` or logs.
:func:`load_settings` turns every validation problem into one
:class:`~bot.errors.ConfigurationError` whose message is a single line naming the setting,
what was expected and what was received (secrets are never echoed back).

Run modes, decided from the credentials that are present:

* ``socket``: ``SLACK_APP_TOKEN`` (``xapp-``) and ``SLACK_BOT_TOKEN`` (``xoxb-``).
* ``http``: ``SLACK_BOT_TOKEN`` and ``SLACK_SIGNING_SECRET`` (one workspace).
* ``oauth``: ``SLACK_CLIENT_ID``, ``SLACK_CLIENT_SECRET``, ``SLACK_SIGNING_SECRET`` and
  ``TOKEN_ENCRYPTION_KEY`` (many workspaces, installed through ``/slack/install``).
* ``sandbox``: no Slack credentials at all (the local sandbox supplies its own).

Conflicting combinations (Socket Mode together with OAuth, a bot token together with OAuth)
are refused with the reason, rather than guessing which one the operator meant.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.errors import ConfigurationError

RunMode = Literal["socket", "http", "oauth", "sandbox"]
Threshold = Literal["info", "caution", "high"]

#: The manifest's bot scopes (tests/bot/test_manifest.py keeps the two in step).
DEFAULT_SCOPES = (
    "commands,chat:write,channels:history,groups:history,mpim:history,"
    "channels:read,groups:read,mpim:read,users:read,im:write"
)
SLACK_API_URL = "https://slack.com/api/"


def _secret(value: SecretStr | None) -> str | None:
    if value is None:
        return None
    raw = value.get_secret_value().strip()
    return raw or None


class Settings(BaseSettings):
    """Everything the app reads from the environment (names are the upper-case field names)."""

    model_config = SettingsConfigDict(
        env_prefix="",
        case_sensitive=False,
        extra="ignore",
        validate_default=True,
        frozen=True,
    )

    # Slack credentials
    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_client_id: str | None = None
    slack_client_secret: SecretStr | None = None
    slack_scopes: str = DEFAULT_SCOPES
    slack_api_url: str = SLACK_API_URL
    slack_install_path: str = "/slack/install"
    slack_redirect_uri_path: str = "/slack/oauth_redirect"

    # Storage and privacy
    database_url: str = "sqlite+aiosqlite:///boundary-bot.db"
    #: Database connections per worker process (as many again in overflow); see
    #: docs/SCALING.md for sizing against PostgreSQL's max_connections.
    database_pool_size: int = Field(default=5, ge=1, le=100)
    pseudonym_key: SecretStr | None = None
    token_encryption_key: SecretStr | None = None
    retention_days: int = Field(default=180, ge=1, le=3650)
    min_group_size: int = Field(default=5, ge=1, le=1000)

    # Content overrides
    rules_dir: Path | None = None
    guidance_dir: Path | None = None

    # Behaviour
    nudge_threshold: Threshold = "caution"
    cooldown_hours: float = Field(default=24.0, ge=0, le=24 * 30)
    outbox_max_age_seconds: int = Field(default=600, ge=1, le=86_400)
    #: How long the recording worker owns a pending nudge before the sweeper may retry it
    #: (longer than one delivery with its retries can take).
    outbox_lease_seconds: float = Field(default=60.0, gt=0, le=3600)
    #: How often the outbox sweeper looks for nudges a crashed worker left behind.
    outbox_sweep_seconds: float = Field(default=30.0, gt=0, le=3600)
    max_chars: int = Field(default=40_000, ge=1, le=1_000_000)
    #: Let the learned scorer add findings no rule found (severity ``info``), not only veto
    #: rule findings; on by default (about +0.02 macro F1 on parts it was not trained on),
    #: at some classification time (docs/CLASSIFIER.md, "The learned scorer").
    learned_additions: bool = True
    #: How many new words the classifier's vocabulary may keep after loading (about 0.5 KB
    #: each); past it, words are freed after the message that holds them (docs/CLASSIFIER.md).
    vocab_budget: int = Field(default=50_000, ge=0, le=10_000_000)
    #: Keep the classifier's phrase tables between processes, so a restarted or added
    #: worker loads faster (``classifiers/tablecache.py``); ``cache_dir`` defaults to
    #: ``$XDG_CACHE_HOME/boundary-bot``, else ``~/.cache/boundary-bot``.
    build_cache: bool = True
    cache_dir: Path | None = None
    #: How often ``serve`` checks for due weekly summaries (0 turns the in-process loop off,
    #: for deployments that run ``boundary-bot summaries send-due`` from cron instead).
    summary_interval_seconds: float = Field(default=60.0, ge=0, le=86_400)

    # Server
    host: str = "0.0.0.0"
    port: int = Field(default=3000, ge=0, le=65_535)
    max_body_bytes: int = Field(default=1_048_576, ge=1024, le=16 * 1_048_576)
    signature_max_age_seconds: int = Field(default=300, ge=1, le=3600)
    socket_hello_timeout_seconds: float = Field(default=30.0, gt=0, le=600)
    shutdown_drain_seconds: float = Field(default=10.0, ge=0, le=120)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        raw = _secret(value)
        if raw is not None and not raw.startswith("xoxb-"):
            raise ValueError("expected a bot token starting with 'xoxb-'")
        return SecretStr(raw) if raw else None

    @field_validator("slack_app_token")
    @classmethod
    def _app_token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        raw = _secret(value)
        if raw is not None and not raw.startswith("xapp-"):
            raise ValueError("expected an app-level token starting with 'xapp-'")
        return SecretStr(raw) if raw else None

    @field_validator(
        "slack_signing_secret", "slack_client_secret", "pseudonym_key", "token_encryption_key"
    )
    @classmethod
    def _blank_secret_is_none(cls, value: SecretStr | None) -> SecretStr | None:
        raw = _secret(value)
        return SecretStr(raw) if raw else None

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        value = value.strip()
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"expected an http(s) URL, got {value[:60]!r}")
        return value if value.endswith("/") else value + "/"

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str) -> str:
        value = value.strip()
        schemes = ("sqlite", "sqlite+aiosqlite", "postgresql", "postgres", "postgresql+asyncpg")
        if value.split("://", 1)[0] not in schemes or "://" not in value:
            raise ValueError("expected a 'sqlite+aiosqlite://' or 'postgresql+asyncpg://' URL")
        return value

    @field_validator("rules_dir", "guidance_dir")
    @classmethod
    def _existing_dir(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_dir():
            raise ValueError(f"expected an existing directory, got {str(value)[:200]!r}")
        return value

    @model_validator(mode="after")
    def _consistent_credentials(self) -> Settings:
        bot = self.slack_bot_token is not None
        app = self.slack_app_token is not None
        cid = bool(self.slack_client_id)
        csecret = self.slack_client_secret is not None
        if app and (cid or csecret):
            raise ValueError(
                "SLACK_APP_TOKEN (Socket Mode) conflicts with SLACK_CLIENT_ID/SLACK_CLIENT_SECRET "
                "(OAuth over HTTP): Socket Mode serves one workspace; unset one of them"
            )
        if bot and (cid or csecret):
            raise ValueError(
                "SLACK_BOT_TOKEN (single workspace) conflicts with "
                "SLACK_CLIENT_ID/SLACK_CLIENT_SECRET (multi-workspace OAuth, tokens come from "
                "installs); unset one of them"
            )
        if cid != csecret:
            missing = "SLACK_CLIENT_SECRET" if cid else "SLACK_CLIENT_ID"
            raise ValueError(
                f"{missing} is missing: OAuth needs both SLACK_CLIENT_ID and SLACK_CLIENT_SECRET"
            )
        if app and not bot:
            raise ValueError(
                "SLACK_BOT_TOKEN is missing: Socket Mode needs it next to SLACK_APP_TOKEN"
            )
        if ((bot and not app) or cid) and self.slack_signing_secret is None:
            raise ValueError(
                "SLACK_SIGNING_SECRET is missing: HTTP mode verifies every request with it"
            )
        if cid and self.token_encryption_key is None:
            raise ValueError(
                "TOKEN_ENCRYPTION_KEY is missing: OAuth installs store tokens, "
                "which are encrypted at rest"
            )
        if self.slack_signing_secret is not None and not (bot or cid):
            raise ValueError(
                "SLACK_SIGNING_SECRET is set without SLACK_BOT_TOKEN or SLACK_CLIENT_ID: "
                "set a bot token (one workspace) or OAuth credentials (many workspaces)"
            )
        if self.mode != "sandbox" and self.pseudonym_key is None:
            raise ValueError("PSEUDONYM_KEY is missing: users are stored only as keyed pseudonyms")
        return self

    @property
    def mode(self) -> RunMode:
        """How the app connects to Slack, decided from the credentials present."""
        if self.slack_app_token is not None:
            return "socket"
        if self.slack_client_id:
            return "oauth"
        if self.slack_bot_token is not None:
            return "http"
        return "sandbox"

    @property
    def scopes(self) -> list[str]:
        """The OAuth bot scopes as a list."""
        return [s.strip() for s in self.slack_scopes.split(",") if s.strip()]

    def secret(self, name: str) -> str | None:
        """The plain value of a secret field by name, or None when unset."""
        value = getattr(self, name)
        if value is None:
            return None
        if not isinstance(value, SecretStr):
            raise TypeError(f"{name} is not a secret field")
        return value.get_secret_value()


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    loc = [str(p) for p in first.get("loc", ()) if p != "__root__"]
    msg = str(first.get("msg", "invalid value"))
    msg = msg.removeprefix("Value error, ")
    if loc:
        return f"{loc[0].upper()}: {msg}"
    return msg


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment (``overrides`` win), or raise ConfigurationError.

    The error message is one line naming the setting and the problem, never a secret value.
    """
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise ConfigurationError(f"invalid configuration: {_describe(exc)}") from None
