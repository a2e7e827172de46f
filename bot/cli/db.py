"""``boundary-bot db``: database maintenance.

- ``db upgrade`` applies the packaged Alembic migrations (safe from several workers at once).
- ``db purge`` enforces retention: flag events older than ``RETENTION_DAYS`` (default 180),
  expired dedupe keys, mutes and OAuth states, stale outbox rows.
- ``db rotate-token-key`` re-encrypts stored Slack tokens with the first key of
  ``TOKEN_ENCRYPTION_KEY`` (keep the old key listed after it while rotating).
- ``db delete-workspace T…`` deletes every row of one workspace, as uninstall does.

Each reads ``DATABASE_URL`` (or ``--database-url``). Output names the backend, never a password.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import sys
from collections.abc import Awaitable, Callable
from typing import Any

from bot.errors import BoundaryBotError
from bot.storage import DEFAULT_DATABASE_URL, DEFAULT_RETENTION_DAYS, Store
from bot.storage.crypto import parse_keys
from bot.storage.migrate import current_revision


def register(subparsers: Any) -> None:
    """Add ``db`` and its subcommands to the ``boundary-bot`` parser."""
    parser = subparsers.add_parser("db", help="database maintenance (migrations, retention)")
    commands = parser.add_subparsers(dest="db_command", metavar="DB_COMMAND", required=True)

    def add(name: str, help_text: str, func: Callable[[argparse.Namespace], int]) -> Any:
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument(
            "--database-url", help="database URL (default: $DATABASE_URL or a local SQLite file)"
        )
        sub.set_defaults(func=func)
        return sub

    add("upgrade", "apply pending migrations", _upgrade)
    purge = add("purge", "delete data past its retention period", _purge)
    purge.add_argument(
        "--retention-days",
        type=int,
        help="keep flag events this many days "
        f"(default: $RETENTION_DAYS or {DEFAULT_RETENTION_DAYS})",
    )
    add("rotate-token-key", "re-encrypt stored Slack tokens with the newest key", _rotate)
    delete = add("delete-workspace", "delete every row of one workspace", _delete)
    delete.add_argument("workspace_id", help="team id (T…) or enterprise id (E…)")


def _url(args: argparse.Namespace) -> str:
    return str(args.database_url or os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL)


def _store(args: argparse.Namespace, *, tokens: bool = False) -> Store:
    # Maintenance never computes pseudonyms; without PSEUDONYM_KEY a throwaway key is used.
    key = os.environ.get("PSEUDONYM_KEY") or secrets.token_hex(32)
    keys = parse_keys(os.environ.get("TOKEN_ENCRYPTION_KEY")) if tokens else None
    return Store(_url(args), key, token_encryption_keys=keys or None)


def _run(store: Store, job: Callable[[Store], Awaitable[str]], *, migrate: bool) -> int:
    async def main() -> str:
        try:
            await store.start(migrate=migrate)
            return await job(store)
        finally:
            await store.close()

    try:
        print(asyncio.run(main()))
    except BoundaryBotError as exc:
        print(f"boundary-bot db: {exc}", file=sys.stderr)
        return 1
    return 0


def _upgrade(args: argparse.Namespace) -> int:
    async def job(store: Store) -> str:
        revision = await current_revision(store.engine)
        return f"{store.description}: schema at revision {revision}"

    return _run(_store(args), job, migrate=True)


def _purge(args: argparse.Namespace) -> int:
    days = args.retention_days
    if days is None:
        raw = os.environ.get("RETENTION_DAYS") or str(DEFAULT_RETENTION_DAYS)
        if not raw.isdigit():
            print(f"boundary-bot db: RETENTION_DAYS must be a whole number; received {raw!r}")
            return 2
        days = int(raw)

    async def job(store: Store) -> str:
        result = await store.purge_older_than(days)
        parts = ", ".join(f"{name} {count}" for name, count in vars(result).items())
        return f"{store.description}: purged {result.total} rows ({parts})"

    return _run(_store(args), job, migrate=True)


def _rotate(args: argparse.Namespace) -> int:
    async def job(store: Store) -> str:
        count = await store.rotate_token_key()
        return f"{store.description}: re-encrypted {count} installation rows with the newest key"

    return _run(_store(args, tokens=True), job, migrate=True)


def _delete(args: argparse.Namespace) -> int:
    async def job(store: Store) -> str:
        count = await store.delete_workspace(args.workspace_id)
        return f"{store.description}: deleted {count} rows of workspace {args.workspace_id}"

    return _run(_store(args), job, migrate=True)
