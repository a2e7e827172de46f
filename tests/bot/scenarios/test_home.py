"""App Home: the lead/admin part comes from users.info, the leads table and sent summaries."""

from __future__ import annotations

from datetime import timedelta

from bot.storage._base import utcnow
from responses import ids
from tests.bot.scenarios.harness import TEAM, Harness, all_text


async def _open_home(bot: Harness, user: str) -> dict[str, object]:
    bot.fake.clear()
    reply = await bot.send_event(
        {"type": "app_home_opened", "user": user, "tab": "home", "channel": "D0HOME"}
    )
    assert reply.status == 200
    await bot.settle()
    [call] = bot.fake.calls_to("views.publish")
    assert call.params["user_id"] == user
    view: dict[str, object] = call.params["view"]
    return view


def _action_ids(view: dict[str, object]) -> set[str]:
    found: set[str] = set()
    for block in view["blocks"]:  # type: ignore[attr-defined]
        for element in block.get("elements", []) if block.get("type") == "actions" else []:
            found.add(element.get("action_id"))
    return found


async def test_member_home_has_no_lead_or_admin_part(bot: Harness) -> None:
    view = await _open_home(bot, "U0MEMBER")
    assert ids.ACTION_HOME_OPEN_SUMMARY_SETTINGS not in _action_ids(view)
    assert "You're a lead" not in all_text(view) and "workspace admin" not in all_text(view)
    # admin status was asked of Slack (users.info), for this user
    assert [c.params["user"] for c in bot.fake.calls_to("users.info")] == ["U0MEMBER"]


async def test_admin_sees_summary_settings_from_users_info_not_the_payload(bot: Harness) -> None:
    bot.fake.set_user("U0ADMIN", is_admin=True)
    view = await _open_home(bot, "U0ADMIN")
    assert ids.ACTION_HOME_OPEN_SUMMARY_SETTINGS in _action_ids(view)
    assert "workspace admin" in all_text(view)
    # A payload claiming admin rights changes nothing for an ordinary member.
    bot.fake.clear()
    await bot.send_event(
        {"type": "app_home_opened", "user": "U0MEMBER", "tab": "home", "is_admin": True}
    )
    await bot.settle()
    [call] = bot.fake.calls_to("views.publish")
    assert ids.ACTION_HOME_OPEN_SUMMARY_SETTINGS not in _action_ids(call.params["view"])


async def test_lead_sees_their_last_summary_link_and_delivery(bot: Harness) -> None:
    await bot.store.ensure_workspace(TEAM)
    await bot.store.add_lead(TEAM, "U0LEAD")
    view = await _open_home(bot, "U0LEAD")
    assert "first weekly summary" in all_text(view)  # a lead with nothing sent yet
    assert ids.ACTION_OPEN_SUMMARY_LINK not in _action_ids(view)
    now = utcnow() - timedelta(days=1)
    assert await bot.store.claim_summary(TEAM, "2025-W10", "U0LEAD", now=now)
    await bot.store.mark_summary_sent(
        TEAM, "2025-W10", "U0LEAD", channel_id="D0LEAD", message_ts="1741000000.000100"
    )
    view = await _open_home(bot, "U0LEAD")
    assert ids.ACTION_OPEN_SUMMARY_LINK in _action_ids(view)
    assert "/archives/D0LEAD/p1741000000000100" in str(view)
    assert "DM to each lead" in all_text(view)
    assert ids.ACTION_HOME_OPEN_SUMMARY_SETTINGS not in _action_ids(view)  # lead, not admin
