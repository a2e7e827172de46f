"""The worker side of ``boundary-bot serve --workers N`` (see :mod:`bot.workers`).

A spawned worker builds its own app and Store while the supervisor migrates the database,
waits for the supervisor's go-ahead, listens with ``SO_REUSEPORT``, reports ready, and stops
on SIGTERM/SIGINT or when the supervisor disappears.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from bot.errors import BoundaryBotError, ConfigurationError

if TYPE_CHECKING:
    from bot.settings import Settings
    from bot.storage import Store

log = logging.getLogger("bot.workers")

#: What the supervisor sends a worker once the database is ready for it.
GO = "go"

_STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


@dataclass(frozen=True)
class WorkerSpec:
    """What a spawned worker needs to know (sent to it pickled)."""

    index: int
    host: str
    port: int
    parent_pid: int
    pool_size: int


def _watch_parent(parent_pid: int, stop: asyncio.Event) -> asyncio.Task[None]:
    """Set ``stop`` when the supervisor goes away.

    A worker is forked by the supervisor's fork server, so its parent is that server, which
    exits with the supervisor: the worker notices that it was re-parented, or that the
    supervisor's pid is gone.
    """
    started_under = os.getppid()

    def supervisor_alive() -> bool:
        try:
            os.kill(parent_pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # the pid exists (reused by another user's process)
            return True
        return True

    async def watch() -> None:
        while os.getppid() == started_under and supervisor_alive():
            await asyncio.sleep(1.0)
        log.warning("supervisor %s is gone; worker %s stopping", parent_pid, os.getpid())
        stop.set()

    return asyncio.get_running_loop().create_task(watch())


def build_store(settings: Settings, pool_size: int) -> Store:
    """The Store of one worker: its own engine and a pool of ``pool_size`` connections."""
    from bot.storage import Store
    from bot.storage.crypto import parse_keys

    key = settings.secret("pseudonym_key")
    if not key:
        raise ConfigurationError("PSEUDONYM_KEY: required to store pseudonymous users")
    keys = parse_keys(settings.secret("token_encryption_key")) or None
    return Store(settings.database_url, key, token_encryption_keys=keys, pool_size=pool_size)


def _receive(channel: Connection) -> object:
    try:
        return channel.recv()
    except (EOFError, OSError):
        return None


async def _go_ahead(channel: Connection, stop: asyncio.Event) -> bool:
    """Wait for the supervisor's go-ahead; False if told to stop (or orphaned) first."""
    loop = asyncio.get_running_loop()
    message: asyncio.Future[Any] = loop.run_in_executor(None, _receive, channel)
    stopped: asyncio.Future[Any] = loop.create_task(stop.wait())
    await asyncio.wait([message, stopped], return_when=asyncio.FIRST_COMPLETED)
    stopped.cancel()
    # When stopped first, the supervisor closes our channel, which ends the blocked receive.
    return message.done() and message.result() == GO


async def _serve_worker(spec: WorkerSpec, channel: Connection) -> None:
    from aiohttp import web

    from bot.server import build_web_app
    from bot.settings import load_settings

    settings = load_settings()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in _STOP_SIGNALS:
        loop.add_signal_handler(sig, stop.set)
    store = build_store(settings, spec.pool_size)
    # Build the app (imports, classifier, guidance: the slow part) while the supervisor
    # migrates the database, then wait for its go-ahead before touching the database.
    web_app = build_web_app(settings, store=store)
    if not await _go_ahead(channel, stop):
        return  # stopped, or the supervisor went away, before we started serving
    await store.start(migrate=False)
    runner: web.AppRunner | None = None
    watcher: asyncio.Task[None] | None = None
    try:
        # access_log=None: the access log would record OAuth codes and states.
        runner = web.AppRunner(web_app, access_log=None, handle_signals=False)
        await runner.setup()
        await web.TCPSite(runner, spec.host, spec.port, reuse_port=True).start()
        watcher = _watch_parent(spec.parent_pid, stop)
        channel.send(("ready", os.getpid(), ""))
        log.info("worker %d (pid %d) listening", spec.index, os.getpid())
        await stop.wait()
    finally:
        if watcher is not None:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher
        if runner is not None:
            await runner.cleanup()  # stops listening, drains requests and background work
        await store.close()


def _worker_main(spec: WorkerSpec, channel: Connection) -> None:
    """Entry point of one spawned worker process."""
    from bot.logging import configure_logging
    from bot.settings import load_settings

    try:
        configure_logging(load_settings().log_level)
        asyncio.run(_serve_worker(spec, channel))
    except KeyboardInterrupt:
        sys.exit(0)
    except BaseException as exc:  # tell the supervisor why, then exit non-zero
        with contextlib.suppress(OSError):
            channel.send(("error", os.getpid(), f"{type(exc).__name__}: {exc}"))
        if isinstance(exc, BoundaryBotError):
            sys.exit(1)  # a clear one-line reason; the supervisor prints it
        raise
    finally:
        channel.close()
