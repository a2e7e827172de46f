"""Output formats of a :class:`~responses.summary_model.WeeklySummary` for the CLI.

``text`` (terminal rendering of the Block Kit message), ``json`` (the model), ``blocks``
(the Slack payload) and ``csv`` (per-category and per-channel counts for a lead's own
reporting). Every format is built from the summary model alone, so none can contain more
than it does: no message text, user ids, names, pseudonyms or per-person counts.
"""

from __future__ import annotations

import csv
import io
import json

from responses.summary import build_summary
from responses.summary_model import WeeklySummary
from responses.text import render_text

FORMATS = ("text", "json", "blocks", "csv")
CSV_COLUMNS = (
    "section",
    "key",
    "nudges",
    "questions",
    "previous_week_nudges",
    "four_week_average",
    "suppressed",
)


def to_csv(summary: WeeklySummary) -> str:
    """Per-category and per-channel counts as CSV (suppressed counts are left empty)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerow(["total", "all", summary.totals.nudges, summary.totals.questions, "", "", ""])
    for c in summary.categories:
        writer.writerow(
            [
                "category",
                c.category,
                c.nudges,
                c.questions,
                c.previous_nudges,
                f"{c.four_week_average:.2f}",
                "",
            ]
        )
    for row in summary.channels:
        key = "other channels" if row.is_other else row.channel_id
        count = "" if row.nudges is None else row.nudges
        suppressed = f"fewer than {summary.min_group_size}" if row.suppressed else ""
        writer.writerow(["channel", key, count, "", "", "", suppressed])
    return out.getvalue()


def render(summary: WeeklySummary, fmt: str) -> str:
    """``summary`` in one of :data:`FORMATS`."""
    if fmt == "json":
        return summary.model_dump_json(indent=2)
    if fmt == "csv":
        return to_csv(summary)
    payload = build_summary(summary)
    if fmt == "blocks":
        return json.dumps(payload, indent=2, ensure_ascii=False)
    if fmt == "text":
        return render_text(payload)
    raise ValueError(f"format must be one of {', '.join(FORMATS)}; received {fmt!r}")
