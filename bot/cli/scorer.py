"""``boundary-bot scorer``: train and inspect the learned scorer (``classifiers.scorer``)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

#: The held-out test part must never be trained on (it would stop measuring anything).
HELD_OUT = "corpus_test"


def register(subparsers: Any) -> None:
    """Add ``scorer train`` and ``scorer top``."""
    p = subparsers.add_parser("scorer", help="train or inspect the learned scorer")
    sub = p.add_subparsers(dest="scorer_command", metavar="ACTION", required=True)
    train = sub.add_parser("train", help="fit the scorer on labelled JSONL corpus files")
    train.add_argument("files", nargs="+", type=Path, help="tuning corpus files (JSONL)")
    train.add_argument(
        "--out", type=Path, required=True, help="where to write scorer.json (a rules directory)"
    )
    train.add_argument("--iterations", type=int, default=600)
    train.add_argument(
        "--other-weight",
        type=float,
        default=None,
        help="weight of a category's negatives that are another situation (default: fit's)",
    )
    train.add_argument(
        "--benign-weight",
        type=float,
        default=None,
        help="weight of a category's negatives that are benign messages (default: fit's)",
    )
    train.set_defaults(func=cmd_train)
    top = sub.add_parser("top", help="print the words that weigh most towards a category")
    top.add_argument("category")
    top.add_argument("-n", type=int, default=25)
    top.set_defaults(func=cmd_top)


def cmd_train(args: argparse.Namespace) -> int:
    """``boundary-bot scorer train FILE... --out PATH``."""
    from classifiers import load_classifier
    from classifiers.errors import ClassifierError
    from classifiers.training import train_files

    refused = [str(f) for f in args.files if HELD_OUT in f.name]
    if refused:
        print(
            f"error: refusing to train on the held-out part: {', '.join(refused)}", file=sys.stderr
        )
        return 2
    try:
        options: dict[str, float] = {"iterations": args.iterations}
        if args.other_weight is not None:
            options["other_weight"] = args.other_weight
        if args.benign_weight is not None:
            options["benign_weight"] = args.benign_weight
        weights = train_files(load_classifier(), args.files, **options)
    except (OSError, ClassifierError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    out = args.out / "scorer.json" if args.out.is_dir() else args.out
    out.write_text(json.dumps(weights.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(weights.vocabulary)} features, trained on {len(args.files)} files")
    return 0


def cmd_top(args: argparse.Namespace) -> int:
    """``boundary-bot scorer top CATEGORY``."""
    from classifiers import load_classifier
    from classifiers.scorer import BoundaryScorer

    nlp = load_classifier().nlp
    if "boundary_scorer" not in nlp.pipe_names:
        print("error: no scorer weights are loaded", file=sys.stderr)
        return 1
    scorer: BoundaryScorer = nlp.get_pipe("boundary_scorer")  # type: ignore[assignment]
    weights = scorer.weights
    assert weights is not None
    if args.category not in weights.categories:
        print(
            f"error: expected one of {', '.join(weights.categories)}, got {args.category!r}",
            file=sys.stderr,
        )
        return 2
    column = weights.weights[:, weights.categories.index(args.category)]
    names = sorted(weights.vocabulary, key=weights.vocabulary.__getitem__)
    for i in column.argsort()[::-1][: args.n]:
        print(f"{column[i]:+.3f}  {names[i]}")
    return 0
