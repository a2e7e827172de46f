"""The ``boundary-bot`` console script.

Each module in this package that defines ``register(subparsers)`` adds its own
subcommands; ``main`` discovers them, so features never edit a shared table.
A subcommand sets ``func`` (taking the parsed namespace, returning an exit status)
with ``parser.set_defaults(func=...)``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every discovered subcommand."""
    parser = argparse.ArgumentParser(
        prog="boundary-bot",
        description="Boundary Bot: professional-boundary nudges for clinicians on Slack.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the console script; returns the process exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    try:
        return int(func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (``boundary-bot eval FILE | head``): stop quietly, and point
        # stdout at /dev/null so the interpreter's last flush does not raise again
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, as the shell reports a process killed by it


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
