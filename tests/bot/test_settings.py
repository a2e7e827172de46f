"""Settings: one clear line naming a missing or invalid setting; conflicting modes refused."""

from __future__ import annotations

import pytest

from bot.errors import ConfigurationError
from bot.settings import load_settings

BOT = "xoxb-1-abc"
APP = "xapp-1-abc"


def _env(monkeypatch: pytest.MonkeyPatch, **values: str) -> None:
    for name, value in values.items():
        monkeypatch.setenv(name, value)


def test_no_credentials_is_sandbox_with_defaults() -> None:
    settings = load_settings()
    assert settings.mode == "sandbox"
    assert settings.port == 3000
    assert settings.retention_days == 180
    assert settings.min_group_size == 5
    assert settings.max_body_bytes == 1_048_576
    assert settings.database_url.startswith("sqlite+aiosqlite:///")
    assert settings.slack_api_url == "https://slack.com/api/"


@pytest.mark.parametrize(
    ("env", "mode"),
    [
        ({"SLACK_BOT_TOKEN": BOT, "SLACK_SIGNING_SECRET": "s", "PSEUDONYM_KEY": "k"}, "http"),
        ({"SLACK_BOT_TOKEN": BOT, "SLACK_APP_TOKEN": APP, "PSEUDONYM_KEY": "k"}, "socket"),
        (
            {
                "SLACK_CLIENT_ID": "1.2",
                "SLACK_CLIENT_SECRET": "c",
                "SLACK_SIGNING_SECRET": "s",
                "TOKEN_ENCRYPTION_KEY": "t",
                "PSEUDONYM_KEY": "k",
            },
            "oauth",
        ),
    ],
)
def test_modes(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], mode: str) -> None:
    _env(monkeypatch, **env)
    assert load_settings().mode == mode


def test_secrets_are_hidden_in_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    _env(monkeypatch, SLACK_BOT_TOKEN=BOT, SLACK_SIGNING_SECRET="sig-123", PSEUDONYM_KEY="pk-9")
    settings = load_settings()
    shown = repr(settings) + str(settings)
    assert BOT not in shown and "sig-123" not in shown and "pk-9" not in shown
    assert settings.secret("slack_bot_token") == BOT


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"PORT": "eighty"}, "PORT"),
        ({"PORT": "70000"}, "PORT"),
        ({"RETENTION_DAYS": "0"}, "RETENTION_DAYS"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({"DATABASE_URL": "mysql://x/y"}, "DATABASE_URL"),
        ({"SLACK_API_URL": "ftp://x"}, "SLACK_API_URL"),
        ({"RULES_DIR": "/nonexistent/rules"}, "RULES_DIR"),
        ({"SLACK_BOT_TOKEN": "xoxp-user", "SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN"),
        ({"SLACK_APP_TOKEN": "xoxb-1", "SLACK_BOT_TOKEN": BOT}, "SLACK_APP_TOKEN"),
        ({"SLACK_BOT_TOKEN": BOT, "PSEUDONYM_KEY": "k"}, "SLACK_SIGNING_SECRET"),
        ({"SLACK_APP_TOKEN": APP, "PSEUDONYM_KEY": "k"}, "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": BOT, "SLACK_SIGNING_SECRET": "s"}, "PSEUDONYM_KEY"),
        ({"SLACK_CLIENT_ID": "1.2", "SLACK_SIGNING_SECRET": "s"}, "SLACK_CLIENT_SECRET"),
        (
            {"SLACK_CLIENT_ID": "1", "SLACK_CLIENT_SECRET": "c", "SLACK_SIGNING_SECRET": "s"},
            "TOKEN_ENCRYPTION_KEY",
        ),
    ],
)
def test_invalid_setting_is_one_line_naming_it(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], named: str
) -> None:
    _env(monkeypatch, **env)
    with pytest.raises(ConfigurationError) as info:
        load_settings()
    message = str(info.value)
    assert "\n" not in message
    assert named in message
    for value in env.values():
        if value.startswith(("xox", "xapp")):
            assert value not in message


@pytest.mark.parametrize(
    "env",
    [
        {
            "SLACK_APP_TOKEN": APP,
            "SLACK_BOT_TOKEN": BOT,
            "SLACK_CLIENT_ID": "1",
            "SLACK_CLIENT_SECRET": "c",
        },
        {
            "SLACK_BOT_TOKEN": BOT,
            "SLACK_SIGNING_SECRET": "s",
            "SLACK_CLIENT_ID": "1",
            "SLACK_CLIENT_SECRET": "c",
        },
    ],
)
def test_conflicting_credentials_are_refused_with_reason(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    _env(monkeypatch, PSEUDONYM_KEY="k", TOKEN_ENCRYPTION_KEY="t", **env)
    with pytest.raises(ConfigurationError, match="conflicts with"):
        load_settings()
