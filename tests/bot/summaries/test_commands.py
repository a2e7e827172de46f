"""The admin-only summary settings over real signed HTTP against the fake Slack: leads,
summary channel, summary time, and the App Home settings modal. A non-admin is refused
politely and nothing changes (the invoker is checked with users.info)."""

from __future__ import annotations

import json
from datetime import time
from urllib.parse import urlencode

from bot.storage import Lead
from bot.summaries import modal
from tests.bot.scenarios.harness import TEAM, Harness, all_text


async def command(bot: Harness, text: str, user: str) -> str:
    reply, _ = await bot.send_command(text, user=user)
    assert reply.status == 200
    await bot.settle()
    replies = bot.fake.calls_to("response_url")
    assert replies, "expected an ephemeral reply"
    return all_text(replies[-1].params)


async def test_non_admin_is_refused_and_nothing_changes(bot: Harness) -> None:
    bot.fake.set_user("U0MEMBER", is_admin=False)
    before = await bot.store.get_workspace_settings(TEAM)
    for text in (
        "leads add <@U0LEAD|lee>",
        "leads remove <@U0LEAD|lee>",
        "leads",
        "summary-channel <#G0LEADS|leads>",
        "summary-time fri 16:30 Europe/London",
    ):
        answer = await command(bot, text, "U0MEMBER")
        assert "Only workspace admins and owners" in answer and "Nothing was changed" in answer
    assert await bot.store.list_leads(TEAM) == []
    assert await bot.store.get_workspace_settings(TEAM) == before
    assert [c.params["user"] for c in bot.fake.calls_to("users.info")] == ["U0MEMBER"] * 5


async def test_admin_manages_leads_with_escaped_mentions(bot: Harness) -> None:
    bot.fake.set_user("U0ADMIN", is_admin=True)
    answer = await command(bot, "leads add <@U0LEAD|lee> <#C0WARD|ward>", "U0ADMIN")
    assert "Added <@U0LEAD>" in answer
    assert await bot.store.list_leads(TEAM) == [Lead("U0LEAD", frozenset({"C0WARD"}))]
    answer = await command(bot, "leads", "U0ADMIN")
    assert "<@U0LEAD> (team: <#C0WARD>)" in answer and "DM to each lead" in answer
    answer = await command(bot, "leads remove <@U0LEAD>", "U0ADMIN")
    assert "Removed <@U0LEAD>" in answer
    assert await bot.store.list_leads(TEAM) == []
    answer = await command(bot, "leads add @lee", "U0ADMIN")  # not an escaped mention
    assert "Pick the person from Slack's suggestions" in answer
    assert await bot.store.list_leads(TEAM) == []


async def test_owner_sets_summary_channel_and_time(bot: Harness) -> None:
    bot.fake.set_user("U0OWNER", is_owner=True)
    bot.fake.set_channel("G0LEADS", is_private=True)
    bot.fake.set_channel("C0PUBLIC", is_private=False)
    answer = await command(bot, "summary-channel <#C0PUBLIC|general>", "U0OWNER")
    assert "public channel" in answer
    assert (await bot.store.get_workspace_settings(TEAM)).summary_channel_id is None
    answer = await command(bot, "summary-channel <#G0LEADS|leads>", "U0OWNER")
    assert "posted in <#G0LEADS>" in answer
    assert (await bot.store.get_workspace_settings(TEAM)).summary_channel_id == "G0LEADS"
    answer = await command(bot, "summary-time fri 16:30 Europe/London", "U0OWNER")
    settings = await bot.store.get_workspace_settings(TEAM)
    assert (settings.summary_weekday, settings.summary_time, settings.time_zone) == (
        4,
        time(16, 30),
        "Europe/London",
    )
    assert "Fridays 16:30 (Europe/London)" in answer
    answer = await command(bot, "summary-time someday 25:00", "U0OWNER")
    assert "summary-time mon 09:00" in answer
    assert (await bot.store.get_workspace_settings(TEAM)).summary_weekday == 4
    await command(bot, "summary-channel off", "U0OWNER")
    assert (await bot.store.get_workspace_settings(TEAM)).summary_channel_id is None


def submission(user: str, leads: list[str], tz: str = "America/Chicago") -> bytes:
    values = {
        modal.BLOCK_LEADS: {modal.ACTION_LEADS: {"selected_users": leads}},
        modal.BLOCK_CHANNEL: {modal.ACTION_CHANNEL: {"selected_conversation": None}},
        modal.BLOCK_DAY: {modal.ACTION_DAY: {"selected_option": {"value": "2"}}},
        modal.BLOCK_TIME: {modal.ACTION_TIME: {"selected_time": "08:15"}},
        modal.BLOCK_TZ: {modal.ACTION_TZ: {"value": tz}},
    }
    payload = {
        "type": "view_submission",
        "team": {"id": TEAM, "domain": "scene"},
        "user": {"id": user, "team_id": TEAM},
        "api_app_id": "A0SCENE",
        "token": "legacy-verification-token",
        "trigger_id": "1.trigger",
        "is_enterprise_install": False,
        "view": {
            "id": "V0MODAL",
            "type": "modal",
            "callback_id": modal.CALLBACK_SUMMARY_SETTINGS,
            "team_id": TEAM,
            "state": {"values": values},
        },
    }
    return urlencode({"payload": json.dumps(payload)}).encode()


async def test_settings_modal(bot: Harness) -> None:
    bot.fake.set_user("U0ADMIN", is_admin=True)
    bot.fake.set_user("U0MEMBER")
    await bot.store.add_lead(TEAM, "U0OLD", ["C0WARD"])
    await bot.store.add_lead(TEAM, "U0KEEP", ["C0WARD"])
    form = "application/x-www-form-urlencoded"
    refused = await bot.post(submission("U0MEMBER", ["U0NEW"]), content_type=form)
    assert refused.status == 200 and json.loads(refused.text)["response_action"] == "errors"
    assert len(await bot.store.list_leads(TEAM)) == 2
    bad_tz = await bot.post(submission("U0ADMIN", ["U0NEW"], tz="Nowhere/City"), content_type=form)
    assert modal.BLOCK_TZ in json.loads(bad_tz.text)["errors"]
    saved = await bot.post(submission("U0ADMIN", ["U0KEEP", "U0NEW"]), content_type=form)
    assert saved.status == 200 and saved.text in ("", "{}")
    assert await bot.store.list_leads(TEAM) == [
        Lead("U0KEEP", frozenset({"C0WARD"})),  # existing lead keeps their team scope
        Lead("U0NEW", None),
    ]
    settings = await bot.store.get_workspace_settings(TEAM)
    assert (settings.summary_weekday, settings.summary_time, settings.time_zone) == (
        2,
        time(8, 15),
        "America/Chicago",
    )


async def test_home_button_opens_the_modal_for_admins_only(bot: Harness) -> None:
    from responses import ids

    bot.fake.set_user("U0ADMIN", is_admin=True)
    bot.fake.set_user("U0MEMBER")
    for user in ("U0MEMBER", "U0ADMIN"):
        payload = {
            "type": "block_actions",
            "team": {"id": TEAM, "domain": "scene"},
            "user": {"id": user, "team_id": TEAM},
            "api_app_id": "A0SCENE",
            "token": "legacy-verification-token",
            "container": {"type": "view", "view_id": "V0HOME"},
            "trigger_id": f"2.{user}",
            "is_enterprise_install": False,
            "view": {"id": "V0HOME", "type": "home"},
            "actions": [
                {
                    "action_id": ids.ACTION_HOME_OPEN_SUMMARY_SETTINGS,
                    "block_id": ids.BLOCK_HOME_LEAD_ACTIONS,
                    "value": "settings",
                    "type": "button",
                    "action_ts": "1.1",
                }
            ],
        }
        body = urlencode({"payload": json.dumps(payload)}).encode()
        reply = await bot.post(body, content_type="application/x-www-form-urlencoded")
        assert reply.status == 200
    await bot.settle()
    [opened] = bot.fake.calls_to("views.open")
    assert opened.params["trigger_id"] == "2.U0ADMIN"
    assert opened.params["view"]["callback_id"] == modal.CALLBACK_SUMMARY_SETTINGS
