"""A nudge recorded by a worker that died before posting is delivered by the next start,
while fresh (≤ 10 minutes); a stale one is dropped and counted in the logs."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from bot.sandbox.fake_slack import FakeSlack
from bot.storage import FindingRecord
from bot.storage._base import utcnow
from tests.bot.scenarios.conftest import running_bot
from tests.bot.scenarios.harness import TEAM, CapturingHandler, all_text
from tests.bot.storage.helpers import count_rows


async def test_restart_delivers_fresh_pending_nudges_and_drops_stale_ones(
    fake_slack: FakeSlack, store: Any, classifier: Any, guidance: Any
) -> None:
    finding = FindingRecord(
        category="social_media", rule_ids=("social_media.presence",), severity="caution"
    )
    # What a worker killed right after its commit leaves behind (its lease has expired).
    fresh = await store.record_message_flags(
        "EvCRASH1",
        TEAM,
        "U0ALICE",
        "C0WARD",
        [finding],
        thread_ts="1700.5",
        now=utcnow() - timedelta(minutes=2),
    )
    stale = await store.record_message_flags(
        "EvCRASH2", TEAM, "U0BOB", "C0WARD", [finding], now=utcnow() - timedelta(minutes=15)
    )
    assert fresh.nudge_id and stale.nudge_id
    handler = CapturingHandler()
    import logging

    logging.getLogger().addHandler(handler)
    try:
        async with running_bot(fake_slack, store, classifier, guidance, handler) as bot:
            [call] = await fake_slack.wait_for("chat.postEphemeral")
            await bot.settle()
            assert call.params["user"] == "U0ALICE"
            assert call.params["channel"] == "C0WARD" and call.params["thread_ts"] == "1700.5"
            assert "social_media.presence" in all_text(call.params["blocks"])
            for _ in range(100):  # the sweeper (a daemon task) settles the row after posting
                if await count_rows(store, "outbox") == 0:
                    break
                await asyncio.sleep(0.05)
            assert await count_rows(store, "outbox") == 0
            assert "dropped 1 nudge(s)" in handler.text
    finally:
        logging.getLogger().removeHandler(handler)
    assert len(fake_slack.calls_to("chat.postEphemeral")) == 1
