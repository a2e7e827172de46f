"""``boundary-bot guidance``: check guidance and override files, show a topic as text.

``guidance check [DIR]``
    Without DIR, validates the built-in guidance. With DIR, validates DIR as an
    organisation override directory (what ``GUIDANCE_DIR`` points at) merged over the
    built-in guidance; ``--full`` validates DIR as a complete guidance directory instead.
    Prints one line per problem (``file: field: message``) and exits 1 when there are any.
``guidance show TOPIC``
    Prints a topic's guidance as plain text (``--format json`` prints the Block Kit).
    TOPIC is a category (``gifts``, ``social media``), an alias, or ``general``.
    ``--overrides DIR`` (default: ``$GUIDANCE_DIR``) applies organisation overrides.
``guidance list``
    Prints the topic names.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from responses import (
    GuidanceError,
    GuidanceFileError,
    GuidanceLibrary,
    build_topic,
    check_guidance_dir,
    check_overrides,
    load_guidance,
    render_text,
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``guidance`` command and its subcommands."""
    parser = subparsers.add_parser("guidance", help="check or show guidance content")
    sub = parser.add_subparsers(dest="guidance_command", metavar="SUBCOMMAND")
    parser.set_defaults(func=lambda _args: _usage(parser))

    check = sub.add_parser("check", help="validate guidance or an override directory")
    check.add_argument("dir", nargs="?", help="override directory (default: built-in guidance)")
    check.add_argument("--full", action="store_true", help="DIR is a complete guidance directory")
    check.set_defaults(func=_check)

    show = sub.add_parser("show", help="print one topic's guidance as text")
    show.add_argument("topic", nargs="+", help="category or topic name, or 'general'")
    show.add_argument("--overrides", default=None, help="override directory ($GUIDANCE_DIR)")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(func=_show)

    topics = sub.add_parser("list", help="list the topics")
    topics.add_argument("--overrides", default=None, help="override directory ($GUIDANCE_DIR)")
    topics.set_defaults(func=_list)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _check(args: argparse.Namespace) -> int:
    if args.dir is None:
        problems, what = check_guidance_dir(), "built-in guidance"
    elif args.full:
        problems, what = check_guidance_dir(args.dir), f"guidance directory {args.dir}"
    else:
        problems, what = check_overrides(args.dir), f"override directory {args.dir}"
    if not problems:
        print(f"OK: {what} is valid.")
        return 0
    for problem in problems:
        print(str(problem))
    print(f"{len(problems)} problem(s) in {what}.", file=sys.stderr)
    return 1


def _overrides(args: argparse.Namespace) -> str | None:
    return args.overrides or os.environ.get("GUIDANCE_DIR") or None


def _load(args: argparse.Namespace) -> GuidanceLibrary | None:
    try:
        return load_guidance(_overrides(args))
    except GuidanceFileError as exc:
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        print(
            "The guidance overrides are invalid; run 'boundary-bot guidance check DIR'.",
            file=sys.stderr,
        )
        return None


def _show(args: argparse.Namespace) -> int:
    library = _load(args)
    if library is None:
        return 1
    name = " ".join(args.topic)
    topic = library.find_topic(name)
    if topic is None:
        known = ", ".join(("general", *library.categories))
        print(f"Unknown topic {name[:60]!r}; expected one of: {known}", file=sys.stderr)
        return 2
    try:
        payload = build_topic(topic, library)
    except GuidanceError as exc:  # pragma: no cover - content is validated on load
        print(f"Could not render {topic}: {exc}", file=sys.stderr)
        return 1
    if args.format == "json":
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        print(render_text(payload))
    return 0


def _list(args: argparse.Namespace) -> int:
    library = _load(args)
    if library is None:
        return 1
    for category in library.categories:
        entry = library.entry(category)
        print(f"{category:<18} {entry.title}")
    print(f"{'general':<18} {library.general.title}")
    return 0
