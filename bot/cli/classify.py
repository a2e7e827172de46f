"""Classifier subcommands: ``classify``, ``eval``, ``rules check`` and ``prompt``.

``classify "text"`` explains one message; ``classify --jsonl`` reads JSON lines with a
``text`` field from stdin and writes each object back, in order, with ``categories`` and
``findings`` added (a bad line gets an ``error`` field and the run goes on). ``eval FILE``
scores a labelled corpus. ``rules check DIR`` validates an organisation rule directory.
``prompt`` is an interactive prompt that classifies what you type (exits 0 at end of input).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any, TextIO

_CHUNK = 512


def register(subparsers: Any) -> None:
    """Add the classifier subcommands to the ``boundary-bot`` parser."""
    p = subparsers.add_parser("classify", help="classify a message and explain the result")
    p.add_argument("text", nargs="?", help="the message text (omit with --jsonl)")
    p.add_argument("--jsonl", action="store_true", help="read JSON lines with 'text' from stdin")
    p.add_argument("--rules-dir", type=Path, help="an extra organisation rule directory")
    p.set_defaults(func=cmd_classify)

    p = subparsers.add_parser("eval", help="score the classifier on a labelled JSONL corpus")
    p.add_argument("file", type=Path, help="JSONL with 'text' and 'categories' per line")
    p.add_argument("--rules-dir", type=Path, help="an extra organisation rule directory")
    p.add_argument("--worst", type=int, default=8, help="how many confusions to list")
    p.set_defaults(func=cmd_eval)

    p = subparsers.add_parser("rules", help="work with classifier rule files")
    sub = p.add_subparsers(dest="rules_command", metavar="ACTION")
    check = sub.add_parser("check", help="validate a rule directory")
    check.add_argument("directory", type=Path)
    check.add_argument(
        "--alone", action="store_true", help="validate without merging over the bundled rules"
    )
    check.set_defaults(func=cmd_rules_check)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])

    p = subparsers.add_parser("prompt", help="interactive prompt: classify what you type")
    p.add_argument("--rules-dir", type=Path, help="an extra organisation rule directory")
    p.set_defaults(func=cmd_prompt)


def _classifier(args: argparse.Namespace) -> Any:
    from classifiers import load_classifier
    from classifiers.config import ClassifierSettings

    settings = ClassifierSettings()
    if getattr(args, "rules_dir", None):
        settings = SimpleNamespace(  # type: ignore[assignment]
            rules_dir=args.rules_dir,
            max_chars=settings.max_chars,
            learned_additions=settings.learned_additions,
            vocab_budget=settings.vocab_budget,
            build_cache=settings.build_cache,
            cache_dir=settings.cache_dir,
        )
    return load_classifier(settings)


def explain(assessment: Any) -> str:
    """A readable explanation of an assessment."""
    if assessment.skipped:
        return f"Not classified: {assessment.skipped.replace('_', ' ')}."
    lines: list[str] = []
    if not assessment.findings:
        lines.append("No boundary situation recognised.")
    for f in assessment.findings:
        flags = [name for name in ("is_question", "reported", "quoted") if getattr(f, name)]
        shown = ", ".join("question" if x == "is_question" else x for x in flags)
        score = f"  score {f.score:.2f}" if f.score is not None else ""
        lines.append(f"● {f.category} ({f.severity})" + (f"  [{shown}]" if shown else "") + score)
        lines.append(f"  rule {f.rule_id}: {f.description}")
        for ev in f.evidence:
            lines.append(
                f"  matched {ev.text!r} at {ev.start}-{ev.end}  cue {ev.cue}, "
                f"rule {ev.rule_id}: {ev.description}"
            )
        for c in f.context:
            lines.append(f"  context {c.kind}: {c.text!r} (rule {c.rule_id})")
    for s in assessment.suppressed:
        f = s.finding
        if s.cue is not None:
            why = f"by {s.cue.text!r} at {s.cue.start}-{s.cue.end} (rule {s.cue.rule_id})"
        else:
            why = f"by the learned scorer (score {s.score or 0:.2f})"
        lines.append(
            f"○ suppressed {f.category} ({s.reason}) {why}; it matched "
            + ", ".join(repr(ev.text) for ev in f.evidence)
        )
    return "\n".join(lines)


def cmd_classify(args: argparse.Namespace) -> int:
    """``boundary-bot classify``."""
    if args.jsonl:
        if args.text is not None:
            print("error: give either a text or --jsonl, not both", file=sys.stderr)
            return 2
        classify_jsonl(_classifier(args), sys.stdin, sys.stdout)
        return 0
    if args.text is None:
        print("error: expected a message text (or --jsonl to read stdin)", file=sys.stderr)
        return 2
    print(explain(_classifier(args).assess(args.text)))
    return 0


def _chunks(stream: TextIO) -> Iterator[list[tuple[int, str]]]:
    chunk: list[tuple[int, str]] = []
    for number, line in enumerate(stream, 1):
        chunk.append((number, line))
        if len(chunk) >= _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def classify_jsonl(classifier: Any, stream: TextIO, out: TextIO) -> None:
    """Classify JSON lines from ``stream``, writing each object back with results added."""
    for chunk in _chunks(stream):
        rows: list[dict[str, Any]] = []
        todo: list[int] = []
        for number, line in chunk:
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                rows.append(
                    {
                        "line": number,
                        "error": f"expected a JSON object, got invalid JSON ({exc.msg})",
                    }
                )
                continue
            if not isinstance(obj, dict):
                rows.append(
                    {"line": number, "error": f"expected a JSON object, got {type(obj).__name__}"}
                )
                continue
            if not isinstance(obj.get("text"), str):
                got = "no 'text' field" if "text" not in obj else type(obj["text"]).__name__
                obj["error"] = f"expected a string 'text' field, got {got}"
                rows.append(obj)
                continue
            todo.append(len(rows))
            rows.append(obj)
        results = classifier.assess_many([rows[i]["text"] for i in todo])
        for i, assessment in zip(todo, results, strict=True):
            rows[i]["categories"] = assessment.categories
            rows[i]["findings"] = [f.model_dump() for f in assessment.findings]
            if assessment.skipped:
                rows[i]["skipped"] = assessment.skipped
        for row in rows:
            out.write(json.dumps(row) + "\n")
        out.flush()


def cmd_eval(args: argparse.Namespace) -> int:
    """``boundary-bot eval FILE``."""
    from classifiers.errors import ClassifierError
    from classifiers.evaluation import evaluate_corpus, read_corpus

    try:
        rows = read_corpus(args.file)
    except (OSError, ClassifierError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    report = evaluate_corpus(_classifier(args), rows)
    print(report.table(worst=args.worst))
    return 0


def cmd_rules_check(args: argparse.Namespace) -> int:
    """``boundary-bot rules check DIR``."""
    from classifiers.errors import ClassifierError
    from classifiers.rules import check_directory
    from classifiers.scorer import load_weights

    try:
        rules = check_directory(args.directory, with_bundled=not args.alone)
        weights = load_weights(args.directory)
    except ClassifierError as exc:
        print(f"invalid: {exc}", file=sys.stderr)
        return 1
    learned = f"; scorer weights with {len(weights.vocabulary)} terms" if weights else ""
    print(
        f"ok: {args.directory} is valid ({len(rules.cues)} cue, {len(rules.context)} context, "
        f"{len(rules.situations)} situation rules after merging{learned})"
    )
    from classifiers.reach import check_reach

    for warning in check_reach(args.directory, rules, with_bundled=not args.alone):
        print(f"warning: {warning}")
    return 0


def cmd_prompt(args: argparse.Namespace) -> int:
    """``boundary-bot prompt``: classify each line typed until end of input."""
    classifier = _classifier(args)
    interactive = sys.stdin.isatty()
    if interactive:
        print("Type a message and press Enter to see how Boundary Bot reads it (Ctrl-D to quit).")
    while True:
        try:
            line = input("message> " if interactive else "")
        except EOFError:
            if interactive:
                print()
            return 0
        if line.strip():
            print(explain(classifier.assess(line)))
