"""Rendering of the weekly summary (:class:`responses.summary_model.WeeklySummary`)."""

from __future__ import annotations

from typing import Any

from responses import ids
from responses.blocks import Block, context, header, section, sections
from responses.limits import MAX_MESSAGE_BLOCKS, ensure_within_limits
from responses.mrkdwn import escape
from responses.summary_model import CategoryTrend, ChannelRow, FeedbackRow, WeeklySummary

BAR_WIDTH = 16
BAR_CHAR = "█"
PRIVACY_FOOTER = (
    "Aggregate, de-identified counts only: never message text, names or per-person counts. "
    "Counts below {n} are shown as “fewer than {n}”."
)


def _bid(part: str) -> str:
    return f"{ids.BLOCK_SUMMARY_PREFIX}{part}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def bar(value: float, maximum: float, width: int = BAR_WIDTH) -> str:
    """A text bar of ``width`` cells scaled to ``maximum``; any non-zero value gets one cell."""
    if maximum <= 0 or value <= 0:
        return ""
    return BAR_CHAR * max(1, round(width * value / maximum))


def _trend_mark(row: CategoryTrend) -> str:
    if row.change > 0:
        return f"▲{row.change}"
    if row.change < 0:
        return f"▼{-row.change}"
    return "="


def trend_table(rows: tuple[CategoryTrend, ...]) -> str:
    """The per-category trend as an aligned code block with bars."""
    active = [
        r for r in rows if r.nudges or r.questions or r.previous_nudges or r.four_week_average
    ]
    if not active:
        return "_No activity in any category._"
    top = max(max(r.nudges, r.previous_nudges, r.four_week_average) for r in active)
    head = f"{'category':<18} {'nudges':>6}  {'':<{BAR_WIDTH}} {'prev':>4} {'4wk avg':>7}"
    lines = [f"{head} {'chg':>4} {'qs':>3}"]
    for r in active:
        name = r.category.replace("_", " ")
        lines.append(
            f"{name:<18} {r.nudges:>6}  {bar(r.nudges, top):<{BAR_WIDTH}} "
            f"{r.previous_nudges:>4} {r.four_week_average:>7.1f} "
            f"{_trend_mark(r):>4} {r.questions:>3}"
        )
    return "```\n" + "\n".join(lines) + "\n```"


def _channel_line(row: ChannelRow, n: int) -> str:
    name = "Other channels" if row.is_other else f"<#{row.channel_id}>"
    count = f"fewer than {n}" if row.nudges is None else str(row.nudges)
    return f"• {name}: {count}"


def _feedback_line(row: FeedbackRow) -> str:
    name = f"`{escape(row.rule_id)}`" if row.rule_id else f"*{row.category.replace('_', ' ')}*"
    line = f"• {name}: {row.rate:.0%} not relevant ({row.not_relevant} of {row.shown})"
    if row.flagged:
        line += " :warning: _over 30%: candidate for tuning_"
    return line


def _feedback_text(summary: WeeklySummary) -> str:
    if not summary.feedback_by_category and not summary.feedback_by_rule:
        return "*Feedback*\nNo “not relevant” feedback this week."
    parts = ["*Feedback* (share of nudges marked “not relevant”)"]
    if summary.feedback_by_category:
        parts.append(
            "_By category_\n" + "\n".join(_feedback_line(r) for r in summary.feedback_by_category)
        )
    if summary.feedback_by_rule:
        parts.append("_By rule_\n" + "\n".join(_feedback_line(r) for r in summary.feedback_by_rule))
    return "\n".join(parts)


def build_summary(summary: WeeklySummary) -> dict[str, Any]:
    """The weekly summary message: totals, trend bars, per channel, feedback.

    An empty week renders a short "no boundary nudges this week" with the questions count.
    """
    s = summary
    period = f"{s.week_start:%a %d %b} – {s.week_end:%a %d %b %Y} ({escape(s.timezone)})"
    where = escape(s.workspace_name) + (f" · {escape(s.scope)}" if s.scope else "")
    blocks: list[Block] = [
        header(f"Weekly boundary summary · {s.week}", _bid("title")),
        context(f"{where} · {period}", block_id=_bid("period")),
    ]
    questions = _plural(s.totals.questions, "question")
    if s.empty or s.totals.nudges == 0:
        blocks.append(
            section(
                f":sparkles: *No boundary nudges this week.* {questions} asked with `/boundary`.",
                _bid("empty"),
            )
        )
        fallback = f"Weekly boundary summary {s.week}: no nudges, {questions}."
    else:
        blocks.append(
            section(
                f"*Totals:* {_plural(s.totals.nudges, 'nudge')} sent, {questions} asked.",
                _bid("totals"),
            )
        )
        blocks += sections(
            "*Trend by category* (nudges this week, previous week, 4-week average, questions)\n"
            + trend_table(s.categories),
            _bid("trend"),
        )
        if s.channels:
            lines = "\n".join(_channel_line(r, s.min_group_size) for r in s.channels)
            blocks += sections(f"*By channel*\n{lines}", _bid("channels"))
        blocks += sections(_feedback_text(s), _bid("feedback"))
        fallback = (
            f"Weekly boundary summary {s.week}: {_plural(s.totals.nudges, 'nudge')}, {questions}."
        )
    footer = context(PRIVACY_FOOTER.format(n=s.min_group_size), block_id=_bid("privacy"))
    blocks = blocks[: MAX_MESSAGE_BLOCKS - 1] + [footer]
    return ensure_within_limits({"text": fallback, "blocks": blocks})
