"""``boundary-bot summary`` and ``boundary-bot summaries send-due``.

- ``summary --workspace T --week 2026-W47 [--format text|json|blocks|csv] [--lead U]``
  prints one week's summary from the database (``--lead`` applies that lead's team scope;
  ``csv`` exports the per-category and per-channel counts). Reads ``DATABASE_URL`` (or
  ``--database-url``); needs no Slack credentials.
- ``summaries send-due`` sends every summary that is due, exactly once per (workspace,
  week, recipient), for deployments that run it from cron instead of the in-process
  scheduler of ``serve``. Needs the Slack settings ``serve`` uses.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import sys
from typing import Any

from bot.errors import BoundaryBotError
from bot.storage import DEFAULT_DATABASE_URL, Store
from bot.summaries.export import FORMATS, render


def register(subparsers: Any) -> None:
    """Add ``summary`` and ``summaries`` to the ``boundary-bot`` parser."""
    one = subparsers.add_parser("summary", help="print one week's summary for a workspace")
    one.add_argument("--workspace", required=True, help="team id (T…) or enterprise id (E…)")
    one.add_argument("--week", required=True, help="ISO week, e.g. 2026-W47")
    one.add_argument("--format", choices=FORMATS, default="text")
    one.add_argument("--lead", help="apply this lead's channel scope (user id)")
    one.add_argument("--database-url", help="default: $DATABASE_URL or a local SQLite file")
    one.set_defaults(func=_summary)
    many = subparsers.add_parser("summaries", help="weekly summary delivery")
    commands = many.add_subparsers(dest="summaries_command", metavar="COMMAND", required=True)
    due = commands.add_parser("send-due", help="send every due summary (for cron)")
    due.set_defaults(func=_send_due)


def _summary(args: argparse.Namespace) -> int:
    from bot.summaries.compute import build_weekly_summary

    url = str(args.database_url or os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL)
    # Printing a summary never computes pseudonyms; a throwaway key is enough.
    store = Store(url, os.environ.get("PSEUDONYM_KEY") or secrets.token_hex(32))
    min_group = int(os.environ.get("MIN_GROUP_SIZE") or 5)

    async def main() -> str:
        await store.start(migrate=False)
        try:
            scope = None
            if args.lead:
                leads = {lead.user_id: lead for lead in await store.list_leads(args.workspace)}
                if args.lead not in leads:
                    raise BoundaryBotError(
                        f"expected --lead to be a lead of {args.workspace}; received {args.lead!r}"
                    )
                scope = leads[args.lead].channel_ids
            summary = await build_weekly_summary(
                store, args.workspace, args.week, channel_ids=scope, min_group_size=min_group
            )
            return render(summary, args.format)
        finally:
            await store.close()

    try:
        output = asyncio.run(main())
    except (BoundaryBotError, ValueError) as exc:
        print(f"boundary-bot summary: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 0


def _send_due(args: argparse.Namespace) -> int:
    from bot.settings import load_settings

    try:
        settings = load_settings()
        if settings.mode == "sandbox":
            raise BoundaryBotError(
                "SLACK_BOT_TOKEN: no Slack credentials are set; summaries cannot be sent"
            )
        report = asyncio.run(_send_due_async(settings))
    except BoundaryBotError as exc:
        print(f"boundary-bot summaries: {exc}", file=sys.stderr)
        return 1
    print(
        f"summaries: {len(report.sent)} sent, {len(report.failed)} failed, "
        f"{report.skipped} already handled"
    )
    return 1 if report.failed else 0


async def _send_due_async(settings: Any) -> Any:
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.services import build_services
    from bot.summaries.scheduler import send_due

    client = AsyncWebClient(
        token=settings.secret("slack_bot_token"), base_url=settings.slack_api_url
    )
    # No classifier or guidance is needed to send summaries: placeholders skip loading them.
    svc = build_services(settings, client, classifier=False, guidance=False)
    await svc.store.start(migrate=True)
    try:
        return await send_due(svc.store, svc.client_for, min_group_size=settings.min_group_size)
    finally:
        await svc.store.close()
