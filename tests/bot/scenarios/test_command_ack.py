"""``/boundary``'s ack path over signed HTTP: one write transaction before the 200.

The ``trigger_id`` claim and the command's effect (the question's record, the mute) commit
together (``Store.claim_command_question`` / ``claim_command_mute``); a replay writes
nothing; the reply is rendered and sent after the ack.
"""

from __future__ import annotations

from datetime import timedelta

from bot.app import services_of
from tests.bot.scenarios.harness import Harness, all_text
from tests.bot.storage.helpers import count_rows

QUESTION = "A client offered me concert tickets as a thank-you gift, can I accept them?"


async def _replies(bot: Harness, url: str) -> list[str]:
    await bot.settle()
    return [all_text(c.params) for c in bot.fake.calls_to("response_url") if c.response_url == url]


async def test_a_question_is_claimed_and_recorded_in_one_transaction(bot: Harness) -> None:
    with bot.store.trace_sql() as seen:
        reply, url = await bot.send_command(QUESTION, trigger_id="201.one")
        assert reply.status == 200
        before_reply = list(seen)
    claims = [s for s in before_reply if "INSERT INTO dedupe_keys" in s]
    records = [s for s in before_reply if "INSERT INTO flag_events" in s]
    assert claims and records
    if bot.store.backend == "postgresql":  # one statement: the claim and the record
        assert claims == records and len(claims) == 1, claims
    else:  # sqlite3 reports its BEGINs: none between the two
        claim = before_reply.index(claims[0])
        record = before_reply.index(records[0])
        between = before_reply[claim + 1 : record]
        assert claim < record and not [s for s in between if "BEGIN" in s.upper()], between
    [answer] = await _replies(bot, url)
    assert "gift" in answer.lower()
    assert await count_rows(bot.store, "flag_events", source="command") >= 1


async def test_a_replayed_question_is_recorded_once_and_answered_once(bot: Harness) -> None:
    url = bot.fake.new_response_url()
    for _ in range(3):
        reply, _ = await bot.send_command(QUESTION, trigger_id="202.replay", response_url=url)
        assert reply.status == 200
    assert len(await _replies(bot, url)) == 1
    rows = await count_rows(bot.store, "flag_events", source="command")
    reply, other = await bot.send_command(QUESTION, trigger_id="203.fresh")
    assert len(await _replies(bot, other)) == 1
    assert await count_rows(bot.store, "flag_events", source="command") == 2 * rows


async def test_a_replayed_mute_command_changes_nothing(bot: Harness) -> None:
    svc = services_of(bot.server.bolt_app)
    reply, url = await bot.send_command("mute 24h", trigger_id="204.mute")
    assert reply.status == 200
    assert await svc.store.get_mute("T0SCENE", "U0ALICE") is not None
    # the same trigger_id again, now saying "off": a replay, so the mute stays
    reply, url2 = await bot.send_command("mute off", trigger_id="204.mute")
    assert reply.status == 200
    assert await svc.store.get_mute("T0SCENE", "U0ALICE") is not None
    assert len(await _replies(bot, url)) == 1 and not await _replies(bot, url2)
    reply, url3 = await bot.send_command("mute off", trigger_id="205.unmute")
    assert await svc.store.get_mute("T0SCENE", "U0ALICE") is None
    [confirmation] = await _replies(bot, url3)
    assert confirmation


async def test_an_invalid_mute_gets_the_usage_and_changes_nothing(bot: Harness) -> None:
    svc = services_of(bot.server.bolt_app)
    reply, url = await bot.send_command("mute forever", trigger_id="206.bad")
    assert reply.status == 200
    [usage] = await _replies(bot, url)
    assert "mute" in usage.lower()
    assert await svc.store.get_mute("T0SCENE", "U0ALICE") is None


async def test_command_claims_share_the_key_space_of_claim_key(bot: Harness) -> None:
    store = bot.store
    window = timedelta(minutes=10)
    assert await store.claim_key("command:207.shared", window)
    assert not await store.claim_command("command:207.shared", window)
    assert await store.claim_command("command:208.shared", window)
    assert not await store.claim_key("command:208.shared", window)
    assert not await store.claim_command_question(
        "command:208.shared", window, "T0SCENE", "U0ALICE", "C0GENERAL", ["gifts"]
    )
    assert await count_rows(store, "flag_events", source="command") == 0
    # an expired claim can be taken again
    assert await store.claim_command("command:209.short", timedelta(0))
    assert await store.claim_command("command:209.short", window)
