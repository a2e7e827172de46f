"""Workspace settings, uninstall deletion and retention purge."""

from __future__ import annotations

import asyncio
from datetime import time, timedelta

import pytest
from slack_sdk.oauth.installation_store.models.installation import Installation

from bot.errors import InvalidSetting
from bot.storage import Store, WorkspaceSettings

from .helpers import T0, all_counts, count_rows, finding


async def test_settings_defaults_and_updates(store: Store) -> None:
    assert await store.get_workspace_settings("T1") == WorkspaceSettings("T1")
    updated = await store.update_workspace_settings(
        "T1",
        threshold="high",
        time_zone="America/New_York",
        summary_weekday=4,
        summary_time="16:30",
        summary_channel_id="G1",
    )
    assert updated.threshold == "high" and updated.cooldown_hours == 24
    assert updated.summary_time == time(16, 30) and updated.summary_weekday == 4
    cleared = await store.update_workspace_settings("T1", summary_channel_id=None)
    assert cleared.summary_channel_id is None and cleared.time_zone == "America/New_York"
    assert [w.workspace_id for w in await store.list_workspaces()] == ["T1"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"threshold": "severe"}, "severity must be one of"),
        ({"cooldown_hours": 0}, "cooldown_hours must be"),
        ({"time_zone": "Mars/Olympus"}, "IANA time zone"),
        ({"summary_weekday": 7}, "summary_weekday"),
        ({"summary_time": "25:00"}, "HH:MM"),
    ],
)
async def test_invalid_settings_are_refused(store: Store, change: dict, message: str) -> None:
    with pytest.raises(InvalidSetting, match=message):
        await store.update_workspace_settings("T1", **change)
    assert await count_rows(store, "workspaces") == 0


async def test_inactive_workspaces_not_listed(store: Store) -> None:
    await store.ensure_workspace("T1")
    await store.ensure_workspace("T2")
    await store.mark_installation_inactive("T2", "token_revoked")
    assert [w.workspace_id for w in await store.list_workspaces()] == ["T1"]
    assert len(await store.list_workspaces(active_only=False)) == 2


async def _populate(store: Store, team: str) -> None:
    await store.ensure_workspace(team)
    result = await store.record_message_flags(f"E-{team}", team, "U1", "C1", [finding()], now=T0)
    assert result.nudge_id
    await store.record_feedback(team, result.nudge_id, "romantic")
    await store.record_command_question(team, "U1", "C1", ["gifts"])
    await store.set_mute(team, "U2", T0 + timedelta(days=1))
    await store.set_channel_enabled(team, "C2", False)
    await store.add_lead(team, "ULEAD", ["C1"])
    assert await store.claim_summary(team, "2026-W47", "ULEAD")
    installation = Installation(
        app_id="A1",
        enterprise_id=None,
        team_id=team,
        user_id="UADMIN",
        bot_token=f"xoxb-{team}-secret",
        bot_id="B1",
        bot_user_id="UBOT",
        installed_at=T0.timestamp(),
    )
    await store.installation_store("CLIENT").async_save(installation)


async def test_delete_workspace_removes_every_row_and_is_idempotent(store: Store) -> None:
    await _populate(store, "T1")
    await _populate(store, "T2")
    before = await all_counts(store)
    deleted = await store.delete_workspace("T1")
    after = await all_counts(store)
    # T1's rows are gone from every table, T2's untouched (dedupe keys are global digests)
    for table, count in after.items():
        if table in ("dedupe_keys", "slack_oauth_states", "locks"):
            continue
        assert count * 2 == before[table], table
    assert deleted == sum(before.values()) - sum(after.values())
    for table in ("flag_events", "outbox", "user_prefs", "channel_settings", "leads"):
        assert await count_rows(store, table, workspace_id="T1") == 0
    assert await count_rows(store, "slack_installations", team_id="T1") == 0
    assert await count_rows(store, "slack_bots", team_id="T1") == 0
    assert await store.delete_workspace("T1") == 0


async def test_concurrent_deletes_are_harmless(store: Store) -> None:
    await _populate(store, "T1")
    results = await asyncio.gather(*(store.delete_workspace("T1") for _ in range(4)))
    assert sorted(results)[:3] == [0, 0, 0] and max(results) > 0
    assert all(v == 0 for k, v in (await all_counts(store)).items() if k != "dedupe_keys")


async def test_delete_during_summary_send(store: Store) -> None:
    await _populate(store, "T1")
    await store.delete_workspace("T1")  # tokens_revoked arrives while the summary is sending
    assert not await store.mark_summary_sent("T1", "2026-W47", "ULEAD")
    assert await count_rows(store, "summary_claims") == 0


async def test_purge_retention(store: Store) -> None:
    old = T0 - timedelta(days=181)
    await store.record_message_flags("E-old", "T1", "U1", "C1", [finding()], now=old)
    await store.record_message_flags("E-new", "T1", "U2", "C1", [finding()], now=T0)
    await store.set_mute("T1", "U3", T0 - timedelta(hours=1))  # expired mute
    result = await store.purge_older_than(180, now=T0)
    assert result.flag_events == 1
    assert result.dedupe_keys == 1  # the old event id, past its 24 h
    assert result.user_prefs == 1
    assert result.cooldowns == 1  # the old nudge's cooldown
    assert result.outbox == 1  # the old nudge never delivered
    assert await count_rows(store, "flag_events") == 1
    assert (await store.purge_older_than(180, now=T0)).total == 0
    with pytest.raises(InvalidSetting):
        await store.purge_older_than(0)


async def test_event_dedupe_keys_kept_24_hours(store: Store) -> None:
    await store.record_message_flags("E1", "T1", "U1", "C1", [finding()], now=T0)
    assert (await store.purge_older_than(180, now=T0 + timedelta(hours=23))).dedupe_keys == 0
    assert (await store.purge_older_than(180, now=T0 + timedelta(hours=24))).dedupe_keys == 1
