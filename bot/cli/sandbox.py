"""``boundary-bot sandbox``: try Boundary Bot locally, with no Slack workspace.

Starts a fake Slack Web API on loopback and the real app in HTTP mode, then reads console
lines (see :mod:`bot.sandbox.console` for the syntax) from the terminal, or from ``--script
FILE`` non-interactively, printing a transcript. Without ``DATABASE_URL`` or
``--database-url`` the sandbox uses a fresh SQLite file in a temporary directory, removed at
exit, so every session starts clean (no mutes or cooldowns left from last time).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from bot.errors import BoundaryBotError
from classifiers.errors import ClassifierError
from responses.errors import GuidanceError

#: The packaged demo conversation (``boundary-bot sandbox --demo``).
DEMO_SCRIPT = "demo.txt"


def demo_script_lines() -> list[str]:
    """The lines of the packaged demo script."""
    from importlib import resources

    text = resources.files("bot.sandbox").joinpath(DEMO_SCRIPT).read_text(encoding="utf-8")
    return text.splitlines()


async def _script(session: object, lines: Iterable[str], out: TextIO) -> None:
    from bot.sandbox.console import SandboxSession

    assert isinstance(session, SandboxSession)
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip():
            continue
        if line.lstrip().startswith("#"):
            print(line, file=out, flush=True)
            continue
        print(f"{session.prompt()}{line}", file=out, flush=True)
        if not await session.handle(line):
            break


async def _interactive(session: object, stdin: TextIO, out: TextIO) -> None:
    """Read lines on a daemon thread (so Ctrl-C and shutdown never wait on the terminal)."""
    from bot.sandbox.console import SandboxSession

    assert isinstance(session, SandboxSession)
    loop = asyncio.get_running_loop()
    lines: asyncio.Queue[str | None] = asyncio.Queue()
    want = threading.Event()
    prompt = [""]
    tty = stdin.isatty() and out.isatty()

    def read() -> None:
        while True:
            want.wait()
            want.clear()
            line: str | None
            try:
                line = input(prompt[0]) if tty else (stdin.readline() or None)
            except (EOFError, OSError, ValueError):
                line = None
            with contextlib.suppress(RuntimeError):  # the loop may already be closed
                loop.call_soon_threadsafe(lines.put_nowait, line)
            if line is None:
                return

    threading.Thread(target=read, name="sandbox-console", daemon=True).start()
    while True:
        prompt[0] = session.prompt()
        want.set()
        line = await lines.get()
        if line is None:
            if tty:
                print(file=out)
            return
        if not tty:
            print(f"{prompt[0]}{line.rstrip()}", file=out, flush=True)
        if not await session.handle(line):
            return


async def _main(
    script: list[str] | None, database_url: str | None, verbose: bool, out: TextIO
) -> int:
    from bot.sandbox.console import SandboxSession

    with tempfile.TemporaryDirectory(prefix="boundary-sandbox-") as tmp:
        if database_url is None and not os.environ.get("DATABASE_URL"):
            database_url = f"sqlite+aiosqlite:///{Path(tmp) / 'sandbox.db'}"
        session = SandboxSession(out, database_url=database_url, verbose=verbose)
        print("Starting the sandbox (the real app and a local Slack stand-in)...", file=out)
        await session.start()
        try:
            print(session.banner(), file=out, flush=True)
            if script is not None:
                await _script(session, script, out)
            else:
                await _interactive(session, sys.stdin, out)
        finally:
            await session.stop()
        print("Sandbox stopped. Bye.", file=out, flush=True)
    return 0


def run_sandbox(
    *, script: list[str] | None = None, database_url: str | None = None, verbose: bool = False
) -> int:
    """Run the sandbox to completion; returns the exit status (0 at end of input or Ctrl-C)."""
    out = sys.stdout
    try:
        return asyncio.run(_main(script, database_url, verbose, out))
    except KeyboardInterrupt:
        print("\nSandbox stopped. Bye.", file=out, flush=True)
        return 0
    except (BoundaryBotError, ClassifierError, GuidanceError) as exc:
        # a bad setting, rule file or guidance override: one line, no traceback
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    script: list[str] | None = None
    if args.demo:
        script = demo_script_lines()
    elif args.script is not None:
        try:
            script = Path(args.script).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            print(
                f"error: --script: expected a readable UTF-8 text file; received {args.script!r} "
                f"({type(exc).__name__})",
                file=sys.stderr,
            )
            return 2
    return run_sandbox(script=script, database_url=args.database_url, verbose=args.verbose)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``sandbox`` subcommand."""
    parser = subparsers.add_parser(
        "sandbox",
        help="try the bot locally: the real app, a fake Slack and a console",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--script", metavar="FILE", help="replay console lines from FILE")
    source.add_argument("--demo", action="store_true", help="replay the built-in demo")
    parser.add_argument("--database-url", help="keep sandbox data in this database instead")
    parser.add_argument(
        "--verbose", action="store_true", help="also list every Web API call the app makes"
    )
    parser.set_defaults(func=_run)
