"""``boundary-bot manifest``: print the Slack app manifest.

Without options it prints the packaged ``manifest.yml`` (Socket Mode, the quickest install).
``--request-url https://HOST`` prints the HTTP variant: Socket Mode off, and the request URLs
for events, the ``/boundary`` command and interactivity (``HOST/slack/events``) plus the OAuth
redirect URL (``HOST/slack/oauth_redirect``). ``--format json`` prints JSON instead of YAML,
for Slack's ``apps.manifest.create`` API.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import yaml

#: Path of events, commands and interactivity on the HTTP server (see ``bot.server``).
EVENTS_PATH = "/slack/events"
#: Path of the OAuth redirect (see ``Settings.slack_redirect_uri_path``).
OAUTH_REDIRECT_PATH = "/slack/oauth_redirect"


class ManifestError(ValueError):
    """A manifest option was not what was expected."""


def manifest_text() -> str:
    """The packaged manifest, verbatim (comments included)."""
    return resources.files("bot").joinpath("manifest.yml").read_text(encoding="utf-8")


def load_manifest() -> dict[str, Any]:
    """The packaged manifest as a dict (the Socket Mode variant)."""
    data = yaml.safe_load(manifest_text())
    if not isinstance(data, dict):  # pragma: no cover - guarded by tests on the file
        raise ManifestError("expected bot/manifest.yml to hold a mapping")
    return data


def normalise_request_url(url: str) -> str:
    """``https://HOST[/prefix]`` without a trailing slash; raises :class:`ManifestError`."""
    parts = urlsplit(url.strip())
    if parts.scheme != "https" or not parts.hostname:
        raise ManifestError(
            f"--request-url: expected an https:// URL such as https://bot.example.org "
            f"(Slack only calls HTTPS request URLs); received {url!r}"
        )
    if parts.query or parts.fragment:
        raise ManifestError(
            f"--request-url: expected a base URL without query or fragment; received {url!r}"
        )
    return f"https://{parts.netloc}{parts.path.rstrip('/')}"


def http_manifest(request_url: str) -> dict[str, Any]:
    """The HTTP-mode manifest for a server reachable at ``request_url``."""
    base = normalise_request_url(request_url)
    events_url = base + EVENTS_PATH
    manifest = copy.deepcopy(load_manifest())
    for command in manifest["features"].get("slash_commands", []):
        command["url"] = events_url
    manifest["oauth_config"]["redirect_urls"] = [base + OAUTH_REDIRECT_PATH]
    settings = manifest["settings"]
    settings["event_subscriptions"]["request_url"] = events_url
    settings["interactivity"]["request_url"] = events_url
    settings["socket_mode_enabled"] = False
    return manifest


def render(manifest: dict[str, Any], fmt: str) -> str:
    """``manifest`` as YAML or JSON text."""
    if fmt == "json":
        return json.dumps(manifest, indent=2) + "\n"
    return yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True, width=100)


def _run(args: argparse.Namespace) -> int:
    try:
        if args.request_url:
            text = render(http_manifest(args.request_url), args.format)
        elif args.format == "json":
            text = render(load_manifest(), "json")
        else:
            text = manifest_text()
    except ManifestError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(text)
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``manifest`` subcommand."""
    parser = subparsers.add_parser(
        "manifest",
        help="print the Slack app manifest (Socket Mode, or HTTP with --request-url)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--request-url",
        metavar="https://HOST",
        help="print the HTTP-mode variant with request URLs on this host",
    )
    parser.add_argument("--format", choices=("yaml", "json"), default="yaml")
    parser.set_defaults(func=_run)
