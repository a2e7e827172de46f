"""``boundary-bot run`` (what ``make run`` starts): the app with Slack, or the local sandbox.

With Slack credentials in the environment (``SLACK_BOT_TOKEN`` + ``SLACK_SIGNING_SECRET``,
``SLACK_APP_TOKEN`` for Socket Mode, or ``SLACK_CLIENT_ID`` + ``SLACK_CLIENT_SECRET`` for OAuth)
it is ``boundary-bot serve``. With none, it starts the local sandbox
(``boundary-bot sandbox``): the real app, a local Slack stand-in and a console, so a newcomer
can try the bot without a Slack workspace. Settings that are present but inconsistent stop it
with one line naming the setting, rather than silently falling back to the sandbox.
"""

from __future__ import annotations

import argparse
import sys

from bot.errors import ConfigurationError


def _run(args: argparse.Namespace) -> int:
    from bot.settings import load_settings

    try:
        settings = load_settings()
    except ConfigurationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if settings.mode != "sandbox":
        from bot.cli import main

        return main(["serve"])
    from bot.cli.sandbox import run_sandbox

    print(
        "No Slack credentials found (SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET, SLACK_APP_TOKEN, "
        "or SLACK_CLIENT_ID + SLACK_CLIENT_SECRET): starting the local sandbox.",
        file=sys.stderr,
    )
    return run_sandbox(verbose=args.verbose)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``run`` subcommand."""
    parser = subparsers.add_parser(
        "run",
        help="serve with Slack credentials, or start the local sandbox without them",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--verbose", action="store_true", help="sandbox: list every Web API call the app makes"
    )
    parser.set_defaults(func=_run)
