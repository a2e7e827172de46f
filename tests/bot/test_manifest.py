"""The Slack app manifest and ``boundary-bot manifest``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

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


def test_scopes_are_minimal_and_cover_the_subscribed_events() -> None:
    manifest = load_manifest()
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert scopes == {
        "commands",
        "chat:write",
        "channels:history",
        "groups:history",
        "mpim:history",
        "users:read",
        "im:write",  # conversations.open for the weekly summary DM to leads
    }
    needs = {"message.channels": "channels:history", "message.groups": "groups:history"}
    needs["message.mpim"] = "mpim:history"
    for event in manifest["settings"]["event_subscriptions"]["bot_events"]:
        if event in needs:
            assert needs[event] in scopes
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
