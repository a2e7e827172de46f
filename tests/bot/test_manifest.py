"""The Slack app manifest and ``boundary-bot manifest``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from slack_sdk.web.async_client import AsyncWebClient

from bot.cli import main
from bot.cli.manifest import (
    EVENTS_PATH,
    OAUTH_REDIRECT_PATH,
    http_manifest,
    load_manifest,
    manifest_text,
)

ROOT = Path(__file__).resolve().parents[2]

EXPECTED_EVENTS = {
    "message.channels",
    "message.groups",
    "message.mpim",
    "app_home_opened",
    "app_uninstalled",
    "tokens_revoked",
}


def test_packaged_copy_is_identical_to_the_top_level_manifest() -> None:
    top_level = (ROOT / "manifest.yml").read_text(encoding="utf-8")
    assert (ROOT / "bot" / "manifest.yml").read_text(encoding="utf-8") == top_level
    assert manifest_text() == top_level


def test_manifest_has_everything_slack_requires() -> None:
    manifest = load_manifest()
    assert manifest["_metadata"] == {"major_version": 1, "minor_version": 1}
    info = manifest["display_information"]
    assert 0 < len(info["name"]) <= 35
    assert 0 < len(info["description"]) <= 140
    assert 175 <= len(info["long_description"]) <= 4000
    assert info["background_color"].startswith("#") and len(info["background_color"]) == 7
    features = manifest["features"]
    assert features["bot_user"]["display_name"]
    assert features["app_home"]["home_tab_enabled"] is True
    [command] = features["slash_commands"]
    assert command["command"] == "/boundary"
    assert command["usage_hint"] and len(command["description"]) <= 100
    settings = manifest["settings"]
    assert settings["interactivity"]["is_enabled"] is True
    assert set(settings["event_subscriptions"]["bot_events"]) == EXPECTED_EVENTS
    assert settings["socket_mode_enabled"] is True
    assert "request_url" not in settings["event_subscriptions"]
    assert "request_url" not in settings["interactivity"]
    assert "url" not in command


#: Bot scopes each Web API method needs (docs.slack.dev method pages). A method the app calls
#: that is missing here fails the test below: add it with its scopes.
METHOD_SCOPES: dict[str, set[str]] = {
    "auth_test": set(),
    "chat_postEphemeral": {"chat:write"},
    "chat_postMessage": {"chat:write"},
    "chat_update": {"chat:write"},
    "chat_delete": {"chat:write"},
    "chat_getPermalink": set(),  # no scope required (docs.slack.dev chat.getPermalink)
    "views_publish": set(),
    "views_open": set(),
    "views_update": set(),
    "views_push": set(),
    "users_info": {"users:read"},
    # the bot is in public and private channels and group DMs, so it needs all three
    "conversations_info": {"channels:read", "groups:read", "mpim:read"},
    "conversations_open": {"im:write"},
    "oauth_v2_access": set(),
    "apps_connections_open": set(),
    "team_info": {"team:read"},
}
EVENT_SCOPES = {
    "message.channels": {"channels:history"},
    "message.groups": {"groups:history"},
    "message.mpim": {"mpim:history"},
    "app_home_opened": set(),
    "app_uninstalled": set(),
    "tokens_revoked": set(),
}
#: Scopes the manifest asks for ahead of the code that uses them, with the reason.
PLANNED = {"im:write": "weekly summary DMs to leads (issue 5: conversations.open)"}

_CALL = re.compile(r"\bclient\.([a-z]+(?:_[a-zA-Z0-9]+)+)\(")


def _methods_called_by_the_app() -> set[str]:
    methods: set[str] = set()
    for path in (ROOT / "bot").rglob("*.py"):
        if "sandbox" in path.parts or path.name == "manifest.py":
            continue  # the fake Slack and the console are not the app
        methods.update(_CALL.findall(path.read_text(encoding="utf-8")))
    # keep Web API methods only (a Socket Mode client's connect_to_new_endpoint() is not one)
    return {m for m in methods if hasattr(AsyncWebClient, m) and m != "api_call"}


def test_scopes_cover_every_event_and_web_api_call_and_nothing_more() -> None:
    manifest = load_manifest()
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    needed = {"commands"}
    for event in manifest["settings"]["event_subscriptions"]["bot_events"]:
        needed |= EVENT_SCOPES[event]
    called = _methods_called_by_the_app()
    assert "chat_postEphemeral" in called  # the scan finds the app's calls
    unknown = called - set(METHOD_SCOPES)
    assert not unknown, f"add these Web API methods to METHOD_SCOPES: {sorted(unknown)}"
    for method in called:
        needed |= METHOD_SCOPES[method]
    assert needed <= scopes, f"missing scopes: {sorted(needed - scopes)}"
    unused = scopes - needed - set(PLANNED)
    assert not unused, f"scopes nothing uses: {sorted(unused)}"
    assert "user" not in manifest["oauth_config"]["scopes"]  # no user-token scopes at all


def test_oauth_install_requests_the_manifest_scopes() -> None:
    from bot.settings import DEFAULT_SCOPES

    manifest_scopes = set(load_manifest()["oauth_config"]["scopes"]["bot"])
    assert set(DEFAULT_SCOPES.split(",")) == manifest_scopes


def test_paths_match_the_http_server_and_settings() -> None:
    from bot.server import EVENTS_PATH as SERVER_EVENTS_PATH
    from bot.settings import Settings

    assert EVENTS_PATH == SERVER_EVENTS_PATH
    assert Settings.model_fields["slack_redirect_uri_path"].default == OAUTH_REDIRECT_PATH


@pytest.mark.parametrize(
    ("given", "base"),
    [
        ("https://bot.example.org", "https://bot.example.org"),
        ("https://bot.example.org/", "https://bot.example.org"),
        ("https://example.org:8443/boundary/", "https://example.org:8443/boundary"),
    ],
)
def test_http_variant_points_every_surface_at_the_server(given: str, base: str) -> None:
    manifest = http_manifest(given)
    events = f"{base}/slack/events"
    settings = manifest["settings"]
    assert settings["socket_mode_enabled"] is False
    assert settings["event_subscriptions"]["request_url"] == events
    assert settings["interactivity"]["request_url"] == events
    assert [c["url"] for c in manifest["features"]["slash_commands"]] == [events]
    assert manifest["oauth_config"]["redirect_urls"] == [f"{base}/slack/oauth_redirect"]
    # everything else is unchanged, and the packaged manifest itself is not mutated
    assert set(settings["event_subscriptions"]["bot_events"]) == EXPECTED_EVENTS
    assert load_manifest()["settings"]["socket_mode_enabled"] is True


def test_cli_prints_the_packaged_manifest(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["manifest"]) == 0
    assert capsys.readouterr().out == manifest_text()


def test_cli_prints_the_http_variant_as_yaml_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["manifest", "--request-url", "https://bot.example.org"]) == 0
    printed = yaml.safe_load(capsys.readouterr().out)
    assert printed == http_manifest("https://bot.example.org")
    assert main(["manifest", "--request-url", "https://bot.example.org", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == printed
    assert main(["manifest", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == load_manifest()


@pytest.mark.parametrize(
    "bad", ["http://bot.example.org", "bot.example.org", "https://", "https://h/?x=1"]
)
def test_cli_rejects_a_request_url_slack_cannot_call(
    bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["manifest", "--request-url", bad]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "--request-url: expected" in captured.err and repr(bad) in captured.err
