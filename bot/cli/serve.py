"""``boundary-bot serve [--no-migrate] [--workers N] [--pool-size N]``: run the app.

Socket Mode when ``SLACK_APP_TOKEN`` is set, otherwise the HTTP server on ``PORT``
(default 3000); ``--workers N`` runs N HTTP worker processes sharing the port
(``bot.workers``, docs/SCALING.md). Migrations are applied on start unless
``--no-migrate``. SIGINT/SIGTERM stop it cleanly: no new requests, background work
drained, the database closed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
from typing import Any

from bot.errors import BoundaryBotError, ConfigurationError
from bot.settings import Settings, load_settings


def register(subparsers: Any) -> None:
    """Add the ``serve`` subcommand."""
    parser = subparsers.add_parser(
        "serve",
        help="run the Slack app (Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--no-migrate", action="store_true", help="do not apply database migrations on start"
    )
    parser.add_argument("--host", default=None, help="HTTP bind address (default: HOST)")
    parser.add_argument("--port", type=int, default=None, help="HTTP port (default: PORT)")
    from bot.workers import add_arguments

    add_arguments(parser)
    parser.set_defaults(func=serve)


async def _wait_for_signal() -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    await stop.wait()


async def run_http(settings: Settings, *, migrate: bool) -> None:
    """Serve HTTP until SIGINT/SIGTERM."""
    from aiohttp import web

    from bot.app import services_of
    from bot.server import BOLT_APP_KEY, build_web_app

    web_app = build_web_app(settings)
    services_of(web_app[BOLT_APP_KEY]).migrate = migrate
    runner = web.AppRunner(web_app, access_log=None, handle_signals=False)
    await runner.setup()
    try:
        await web.TCPSite(runner, settings.host, settings.port).start()
        print(
            f"boundary-bot: HTTP on {settings.host}:{settings.port} "
            "(POST /slack/events, GET /healthz)",
            file=sys.stderr,
        )
        await _wait_for_signal()
    finally:
        await runner.cleanup()


async def run_socket(settings: Settings, *, migrate: bool) -> None:
    """Run over Socket Mode until SIGINT/SIGTERM."""
    from bot.app import create_app, services_of
    from bot.socket_mode import start_socket_mode

    app = create_app(settings)
    svc = services_of(app)
    svc.migrate = migrate
    runner = await start_socket_mode(app)
    print("boundary-bot: connected over Socket Mode", file=sys.stderr)
    try:
        await _wait_for_signal()
    finally:
        await runner.stop()
        await svc.stop()


def serve(args: argparse.Namespace) -> int:
    """Entry point of ``boundary-bot serve``."""
    from bot.logging import configure_logging

    overrides: dict[str, Any] = {}
    if args.host is not None:
        overrides["host"] = args.host
    if args.port is not None:
        overrides["port"] = args.port
    if args.pool_size is not None:
        overrides["database_pool_size"] = args.pool_size
    try:
        settings = load_settings(**overrides)
        if settings.mode == "sandbox":
            raise ConfigurationError(
                "SLACK_BOT_TOKEN: no Slack credentials are set "
                "(run 'boundary-bot run' for the local sandbox)"
            )
        configure_logging(settings.log_level)
        if args.workers != 1:
            from bot.workers import run_workers

            # N HTTP processes sharing the port (SO_REUSEPORT); see docs/SCALING.md.
            # run_workers refuses Socket Mode (Slack allows 10 connections per app) and
            # bad counts with one line.
            return run_workers(
                settings.host,
                settings.port,
                args.workers,
                pool_size=settings.database_pool_size,
                migrate=not args.no_migrate,
            )
        runner = run_socket if settings.mode == "socket" else run_http
        asyncio.run(runner(settings, migrate=not args.no_migrate))
    except BoundaryBotError as exc:
        print(f"boundary-bot: {exc}", file=sys.stderr)
        return 2
    return 0
