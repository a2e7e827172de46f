"""Per-channel suppression/merging rules (complement attack), 200-channel limits, the CLI,
and the in-process scheduler running inside the HTTP server."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.storage import ChannelNudges, Store
from bot.summaries.compute import channel_rows
from responses.limits import find_problems
from responses.summary import build_summary
from responses.summary_model import ChannelRow, SummaryTotals, WeeklySummary

from .helpers import nudges

C = ChannelNudges
OTHER = "other"


def shape(rows: tuple[ChannelRow, ...]) -> list[tuple[str, int | None]]:
    return [(OTHER if r.is_other else str(r.channel_id), r.nudges) for r in rows]


@pytest.mark.parametrize(
    ("channels", "expected"),
    [
        ([], []),
        ([C("C0001", 7, 7)], [("C0001", 7)]),
        # One small channel next to a shown one: C2 = total − 9, so both are merged.
        ([C("C0001", 9, 9), C("C0002", 3, 3)], [(OTHER, 12)]),
        # Two small channels: only their sum is derivable, so they stay named.
        (
            [C("C0001", 9, 9), C("C0002", 4, 4), C("C0003", 3, 3)],
            [("C0001", 9), ("C0002", None), ("C0003", None)],
        ),
        # A two-person channel is merged, and so is the smallest other one with it.
        ([C("C0001", 9, 9), C("C0002", 3, 3), C("C0003", 2, 2)], [("C0001", 9), (OTHER, 5)]),
        # One person's channel would identify them: merged, with the smallest other channel.
        ([C("C0001", 9, 9), C("C0002", 8, 8), C("C0003", 6, 1)], [("C0001", 9), (OTHER, 14)]),
        # Alone in "other" with nothing else named is fine: "other" equals the total anyway.
        ([C("C0003", 6, 1)], [(OTHER, 6)]),
        # Non-channel ids (DMs) never appear by id.
        ([C("D0DM", 6, 6), C("C0001", 9, 9), C("C0002", 7, 7)], [("C0001", 9), (OTHER, 13)]),
        ([C("C0001", 0, 0)], []),
    ],
)
def test_channel_rows(
    channels: list[ChannelNudges], expected: list[tuple[str, int | None]]
) -> None:
    rows = channel_rows(channels, 5)
    got = shape(rows)
    # order of suppressed rows is by id
    assert sorted(got, key=str) == sorted(expected, key=str)
    hidden = [r for r in rows if r.suppressed]
    assert len(hidden) != 1 or hidden[0].is_other  # never one derivable named channel


def test_200_channels_render_within_slack_limits() -> None:
    channels = [C(f"C{i:04d}", 5 + i % 50, 5 + i % 50) for i in range(200)]
    rows = channel_rows(channels, 5)
    summary = WeeklySummary(
        workspace_name="Big clinic",
        week="2026-W47",
        week_start=date(2026, 11, 16),
        week_end=date(2026, 11, 22),
        timezone="UTC",
        totals=SummaryTotals(nudges=sum(c.nudges for c in channels), questions=3),
        channels=rows,
    )
    assert find_problems(build_summary(summary)) == []


async def test_cli_summary_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the CLI calls asyncio.run itself, so it runs on a worker thread, as a real process would
    def cli(argv: list[str]) -> Awaitable[int]:
        return asyncio.to_thread(main, argv)

    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"

    async def seed() -> None:
        async with Store(url, "cli-pseudonym-key-0123456789abcdef") as store:
            at = datetime(2026, 11, 18, 12, tzinfo=UTC)
            await nudges(store, at, 6, channel="C0WARD", workspace="T9")

    await seed()
    assert (
        await cli(
            [
                "summary",
                "--workspace",
                "T9",
                "--week",
                "2026-W47",
                "--database-url",
                url,
                "--format",
                "csv",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "total,all,6,0,,," in out and "channel,C0WARD,6,,,," in out
    assert "UC0WARD" not in out
    assert (
        await cli(["summary", "--workspace", "T9", "--week", "2026-W47", "--database-url", url])
        == 0
    )
    assert "Weekly boundary summary" in capsys.readouterr().out
    assert await cli(["summary", "--workspace", "T9", "--week", "47", "--database-url", url]) == 1
    assert "2026-W47" in capsys.readouterr().err


async def test_scheduler_runs_inside_the_server(bot: object) -> None:
    from bot.app import services_of
    from bot.summaries.scheduler import start_in
    from tests.bot.scenarios.harness import TEAM, Harness

    assert isinstance(bot, Harness)
    from bot.summaries.weeks import due_week, week_range

    await bot.store.ensure_workspace(TEAM)
    await bot.store.add_lead(TEAM, "U0LEAD")
    week, _ = due_week(datetime.now(UTC), "UTC", 0, time(9))
    in_week = week_range(week, "UTC").start + timedelta(days=2)
    await nudges(bot.store, in_week, 5, channel="C0WARD", workspace=TEAM)
    start_in(services_of(bot.server.bolt_app), interval=0.05)
    [post] = await bot.fake.wait_for("chat.postMessage", timeout=10)
    assert "Weekly boundary summary" in str(post.params["text"])
    await asyncio.sleep(0.3)  # several more passes: still one message
    assert len(bot.fake.calls_to("chat.postMessage")) == 1
