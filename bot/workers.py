"""Run N Boundary Bot HTTP workers on one machine, all listening on the same port.

Each worker is a separate Python process, forked from a clean fork server that imported the
heavy modules once (see :func:`worker_context`), that builds its own app,
Store, database engine and connection pool, and binds its own listening socket with
``SO_REUSEPORT``. The Linux kernel then spreads incoming connections over the workers' accept
queues. Workers share nothing in memory: event dedupe, cooldowns, mutes, channel settings,
summary claims and installations live in the database (see docs/SCALING.md).

The supervisor (the process that ran ``boundary-bot serve --workers N``):

1. applies the database migrations once, so N workers do not race to do it;
2. reserves the port (so ``PORT=0`` means one free port shared by every worker);
3. starts the workers and waits until each one is listening;
4. restarts a worker that dies after it became ready (a crash loop stops everything);
5. on SIGTERM or SIGINT sends SIGTERM to every worker, waits for their graceful shutdown
   (in-flight requests drain) and kills any that overrun.

Workers also stop by themselves if the supervisor disappears (``SIGKILL``), so no orphan keeps
the port bound.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
import socket
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any

from bot.errors import BoundaryBotError, ConfigurationError
from bot.worker_process import _STOP_SIGNALS, GO, WorkerSpec, _worker_main, build_store

if TYPE_CHECKING:
    from bot.settings import Settings

log = logging.getLogger("bot.workers")

#: How long a worker may take to start listening before the whole start is abandoned.
READY_TIMEOUT_SECONDS = 60.0
#: Extra seconds a worker gets, beyond its own drain time, to exit after SIGTERM.
STOP_GRACE_SECONDS = 5.0
#: More crashes than this within ``CRASH_WINDOW_SECONDS`` stops the supervisor.
MAX_CRASHES = 5
CRASH_WINDOW_SECONDS = 60.0
#: Database connections per worker (the pool may overflow by as many again).
DEFAULT_POOL_SIZE = 5
__all__ = ["GO", "WorkerSpec", "build_store", "reserve_port", "reuse_port_supported", "run_workers"]


#: Modules the fork server imports once, before it forks the workers (each worker would
#: otherwise spend about a second importing them on its own, all at once).
PRELOAD = ("bot.worker_process", "bot.server", "bot.settings", "bot.storage", "classifiers")


def worker_context() -> Any:
    """The multiprocessing context workers start in: a fork server with ``PRELOAD`` imported.

    Workers are forked from a clean single-threaded server process, not from the supervisor
    (which holds signal handlers, a migrated database engine and the reserved socket), so
    they inherit nothing but the imported modules; each still builds its own app, Store and
    pool. Falls back to ``spawn`` where the platform has no fork server.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(list(PRELOAD))
    return ctx


def reuse_port_supported() -> bool:
    """Whether this platform lets several processes bind one TCP port (``SO_REUSEPORT``)."""
    if not hasattr(socket, "SO_REUSEPORT"):
        return False
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    except OSError:
        return False
    return True


def reserve_port(host: str, port: int) -> socket.socket:
    """Bind (without listening) a ``SO_REUSEPORT`` socket to ``host:port`` and return it.

    Holding it keeps ``port`` (a chosen free one when ``port`` is 0) for our workers: other
    programs cannot take it, while our workers, which also set ``SO_REUSEPORT`` as the same
    user, can. A socket that never listens receives no connections.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


# --------------------------------------------------------------------------- supervisor side


@dataclass
class _Worker:
    index: int
    process: BaseProcess
    channel: Connection
    pid: int = 0


@dataclass
class Supervisor:
    """Starts, watches and stops N worker processes sharing ``host:port``."""

    host: str
    port: int
    workers: int
    pool_size: int = DEFAULT_POOL_SIZE
    ready_timeout: float = READY_TIMEOUT_SECONDS
    stop_timeout: float = 10.0 + STOP_GRACE_SECONDS
    prepare: Callable[[], None] | None = None
    announce: Callable[[str], None] = field(default=lambda line: print(line, flush=True))
    _ctx: Any = field(default_factory=lambda: worker_context())
    _procs: list[_Worker] = field(default_factory=list)
    _stopping: bool = False
    _crashes: list[float] = field(default_factory=list)

    def _spawn(self, index: int) -> _Worker:
        ours, theirs = self._ctx.Pipe()
        spec = WorkerSpec(index, self.host, self.port, os.getpid(), self.pool_size)
        process = self._ctx.Process(
            target=_worker_main, args=(spec, theirs), name=f"boundary-bot-worker-{index}"
        )
        process.start()
        theirs.close()
        return _Worker(index=index, process=process, channel=ours)

    @staticmethod
    def _go(workers: list[_Worker]) -> None:
        for worker in workers:
            with contextlib.suppress(OSError):  # a worker that died is reported by _await_ready
                worker.channel.send(GO)

    def _on_signal(self, signum: int, _frame: object) -> None:
        self._stopping = True

    def _await_ready(self, pending: list[_Worker]) -> None:
        """Block until every worker in ``pending`` reports ready; raise if one fails."""
        deadline = time.monotonic() + self.ready_timeout
        waiting = {w.channel: w for w in pending}
        while waiting:
            if self._stopping:
                raise KeyboardInterrupt
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ConfigurationError(
                    f"workers did not start listening within {self.ready_timeout:.0f} s "
                    f"({len(waiting)} of {len(pending)} still starting)"
                )
            for ready in wait(list(waiting), timeout=min(remaining, 0.2)):
                worker = waiting.pop(ready)  # type: ignore[arg-type]
                try:
                    kind, pid, detail = worker.channel.recv()
                except EOFError:
                    worker.process.join(1.0)
                    raise ConfigurationError(
                        f"worker {worker.index} exited during start-up "
                        f"(status {worker.process.exitcode})"
                    ) from None
                if kind != "ready":
                    raise ConfigurationError(f"worker {worker.index} failed to start: {detail}")
                worker.pid = int(pid)

    def _stop_all(self) -> None:
        for worker in self._procs:
            if worker.process.is_alive() and worker.process.pid:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(worker.process.pid, signal.SIGTERM)
            worker.channel.close()  # a worker still waiting for its go-ahead gives up
        deadline = time.monotonic() + self.stop_timeout
        for worker in self._procs:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                log.warning("worker %d did not stop in time; killing it", worker.index)
                worker.process.kill()
                worker.process.join(2.0)

    def _restart(self, worker: _Worker) -> None:
        now = time.monotonic()
        self._crashes = [t for t in self._crashes if now - t < CRASH_WINDOW_SECONDS] + [now]
        if len(self._crashes) > MAX_CRASHES:
            raise ConfigurationError(
                f"workers exited {len(self._crashes)} times within "
                f"{CRASH_WINDOW_SECONDS:.0f} s; stopping"
            )
        log.error(
            "worker %d (pid %d) exited with status %s; restarting it",
            worker.index,
            worker.pid,
            worker.process.exitcode,
        )
        worker.channel.close()
        replacement = self._spawn(worker.index)
        self._procs[self._procs.index(worker)] = replacement
        self._go([replacement])
        self._await_ready([replacement])

    def run(self) -> int:
        """Run until SIGTERM/SIGINT; return the exit status (0 after a clean stop)."""
        previous = {sig: signal.signal(sig, self._on_signal) for sig in _STOP_SIGNALS}
        try:
            self._procs = [self._spawn(i) for i in range(self.workers)]
            if self.prepare is not None:
                self.prepare()  # e.g. migrations, while the workers import and load
            self._go(self._procs)
            self._await_ready(self._procs)
            pids = ",".join(str(w.pid) for w in self._procs)
            self.announce(
                f"Boundary Bot: {self.workers} worker(s) listening on "
                f"http://{self.host}:{self.port} (pids {pids})"
            )
            while not self._stopping:
                sentinels = {w.process.sentinel: w for w in self._procs}
                for sentinel in wait(list(sentinels), timeout=0.5):
                    worker = sentinels[sentinel]  # type: ignore[index]
                    worker.process.join()
                    if not self._stopping:
                        self._restart(worker)
            return 0
        except KeyboardInterrupt:
            return 0
        except BoundaryBotError as exc:
            print(f"boundary-bot: {exc}", file=sys.stderr)
            return 1
        finally:
            self._stop_all()
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def run_workers(
    host: str,
    port: int,
    workers: int,
    *,
    pool_size: int = DEFAULT_POOL_SIZE,
    migrate: bool = True,
) -> int:
    """Apply migrations once, then serve with ``workers`` processes sharing ``host:port``.

    Returns the process exit status; a configuration problem is printed as one line on
    stderr and gives status 1.
    """
    from bot.settings import load_settings

    try:
        if workers < 1:
            raise ConfigurationError(f"--workers: expected a whole number >= 1, got {workers}")
        if pool_size < 1:
            raise ConfigurationError(f"--pool-size: expected a whole number >= 1, got {pool_size}")
        if workers > 1 and not reuse_port_supported():
            raise ConfigurationError(
                "--workers > 1 needs SO_REUSEPORT (Linux 3.9+ or a BSD); use --workers 1 "
                "and run more machines behind the load balancer"
            )
        settings = load_settings()
        if settings.mode not in ("http", "oauth"):
            raise ConfigurationError(
                f"--workers applies to the HTTP server, but this configuration runs in "
                f"{settings.mode} mode (see docs/SCALING.md for Socket Mode)"
            )
        holder = reserve_port(host, port)
    except (BoundaryBotError, OSError) as exc:
        print(f"boundary-bot: {exc}", file=sys.stderr)
        return 1
    try:
        supervisor = Supervisor(
            host,
            holder.getsockname()[1],
            workers,
            pool_size=pool_size,
            prepare=(lambda: asyncio.run(_migrate(settings))) if migrate else None,
        )
        return supervisor.run()
    finally:
        holder.close()


async def _migrate(settings: Settings) -> None:
    """Bring the schema up to date once (under the storage layer's cross-process lock)."""
    store = build_store(settings, pool_size=1)
    try:
        await store.start(migrate=True)
    finally:
        await store.close()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--workers`` and ``--pool-size`` to a ``serve``-like parser."""
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="worker processes sharing the port via SO_REUSEPORT (default 1)",
    )
    parser.add_argument(
        "--pool-size",
        type=int,
        default=None,
        metavar="N",
        help=(
            "database connections per worker (default DATABASE_POOL_SIZE, "
            f"{DEFAULT_POOL_SIZE}; overflow as many)"
        ),
    )


def main(argv: list[str] | None = None) -> int:
    """``python -m bot.workers [--host H] [--port P] [--workers N] [--pool-size N]``."""
    from bot.settings import load_settings

    parser = argparse.ArgumentParser(
        prog="python -m bot.workers", description="Serve Boundary Bot with N worker processes."
    )
    parser.add_argument("--host", default=None, help="address to bind (default HOST or 0.0.0.0)")
    parser.add_argument("--port", type=int, default=None, help="port (default PORT or 3000)")
    parser.add_argument("--no-migrate", action="store_true", help="do not apply migrations")
    add_arguments(parser)
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
    except ConfigurationError as exc:
        print(f"boundary-bot: {exc}", file=sys.stderr)
        return 1
    host = args.host if args.host is not None else settings.host
    port = args.port if args.port is not None else settings.port
    pool_size = args.pool_size if args.pool_size is not None else settings.database_pool_size
    return run_workers(host, port, args.workers, pool_size=pool_size, migrate=not args.no_migrate)


if __name__ == "__main__":
    sys.exit(main())
