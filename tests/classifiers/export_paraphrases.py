"""The paraphrase tables as JSON Lines: training data for the learned scorer.

The rows of ``test_paraphrases.ALL_ROWS`` are labelled examples like the corpus parts (most
no-match rows are hard negatives written against the rules' vocabulary), so the scorer is
trained on them too (``docs/CLASSIFIER.md``, "The learned scorer"). Training reads files, so
the tables are exported to ``tests/data/paraphrases.jsonl``; a test checks that the file is
current, and the test of the bundled weights checks that they were trained on it.

Regenerate with ``make paraphrases`` (``python -m tests.classifiers.export_paraphrases``)
after adding rows, then retrain the scorer.
"""

from __future__ import annotations

import json
from pathlib import Path

from .test_paraphrases import ALL_ROWS

EXPORT = Path(__file__).resolve().parents[1] / "data" / "paraphrases.jsonl"


def render() -> str:
    """The JSONL text of every paraphrase row: id, text and sorted categories."""
    lines = [
        json.dumps(
            {"id": f"p{number:04d}", "text": text, "categories": sorted(categories)},
            ensure_ascii=False,
        )
        for number, (text, categories) in enumerate(ALL_ROWS, 1)
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    """Write :data:`EXPORT`."""
    EXPORT.write_text(render(), encoding="utf-8")
    print(f"wrote {len(ALL_ROWS)} rows to {EXPORT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
