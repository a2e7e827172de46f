"""Forged, stale, malformed and oversized requests: refused before any listener runs."""

from __future__ import annotations

import json
import time

import pytest

from bot.request_guard import sign
from tests.bot.scenarios.conftest import audit_privacy
from tests.bot.scenarios.harness import SIGNING_SECRET, Harness
from tests.bot.storage.helpers import count_rows

SECRET_TEXT = "I kissed my client Jordan after group therapy"


def _event_bytes(bot: Harness) -> bytes:
    return json.dumps(bot.event_body(bot.message_event(SECRET_TEXT))).encode()


@pytest.mark.parametrize(
    "case",
    [
        "forged",
        "stale",
        "future",
        "no_headers",
        "no_signature",
        "no_timestamp",
        "non_numeric",
        "empty_timestamp",
        "400_digits",
        "altered",
    ],
)
async def test_bad_signatures_get_401_and_the_body_is_never_logged(bot: Harness, case: str) -> None:
    body = _event_bytes(bot)
    now = int(time.time())
    kwargs: dict[str, object] = {}
    if case == "forged":
        kwargs = {"sign_with": "not-the-secret"}
    elif case == "stale":
        kwargs = {"timestamp": str(now - 301)}
    elif case == "future":
        kwargs = {"timestamp": str(now + 301)}
    elif case == "no_headers":
        kwargs = {"sign_with": None}
    elif case == "no_signature":
        kwargs = {"sign_with": None, "headers": {"X-Slack-Request-Timestamp": str(now)}}
    elif case == "no_timestamp":
        kwargs = {"sign_with": None, "headers": {"X-Slack-Signature": "v0=" + "0" * 64}}
    elif case == "non_numeric":
        kwargs = {"timestamp": "abc"}
    elif case == "empty_timestamp":
        empty = {"X-Slack-Request-Timestamp": "", "X-Slack-Signature": "v0=00"}
        kwargs = {"sign_with": None, "headers": empty}
    elif case == "400_digits":
        kwargs = {"timestamp": "9" * 400}
    if case == "altered":
        # Signed over the original bytes, then one byte changed in transit.
        headers = {
            "X-Slack-Request-Timestamp": str(now),
            "X-Slack-Signature": sign(SIGNING_SECRET, str(now), body),
        }
        body = body.replace(b"Jordan", b"Jordam")
        kwargs = {"sign_with": None, "headers": headers}
    reply = await bot.post(body, content_type="application/json", **kwargs)  # type: ignore[arg-type]
    assert reply.status == 401, reply
    await bot.settle()
    assert not bot.fake.calls_to("chat.postEphemeral")
    assert await count_rows(bot.store, "flag_events") == 0
    assert "Jordan" not in bot.logs.text
    assert "kissed" not in bot.logs.text


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", b'{"type": "event_callback", "event": {'),
        ("application/json", b"[1, 2, 3]"),
        ("application/json", b"\xff\xfe\xfd"),
        ("application/x-www-form-urlencoded", b"payload=%7B%22type%22%3A"),
        ("application/x-www-form-urlencoded", b"payload=%5B%5D"),
        ("application/x-www-form-urlencoded", b"just-garbage"),
    ],
)
async def test_malformed_signed_payloads_get_400(
    bot: Harness, content_type: str, body: bytes
) -> None:
    reply = await bot.post(body, content_type=content_type)
    assert reply.status == 400
    assert reply.headers.get("x-slack-no-retry") == "1"


async def test_unsigned_malformed_payload_gets_401_not_500(bot: Harness) -> None:
    reply = await bot.post(b"{not json", content_type="application/json", sign_with=None)
    assert reply.status == 401


async def test_oversized_body_gets_413(bot: Harness) -> None:
    big = b'{"type":"event_callback","pad":"' + b"a" * (1_048_576 + 10) + b'"}'
    reply = await bot.post(big, content_type="application/json")
    assert reply.status == 413


async def test_signed_url_verification_echoes_challenge_unsigned_is_refused(bot: Harness) -> None:
    body = json.dumps({"type": "url_verification", "challenge": "ch4ll3nge", "token": "t"}).encode()
    signed = await bot.post(body, content_type="application/json")
    assert signed.status == 200 and "ch4ll3nge" in signed.text
    unsigned = await bot.post(body, content_type="application/json", sign_with=None)
    assert unsigned.status == 401


async def test_healthz_reports_the_database(bot: Harness) -> None:
    async with bot.session.get(bot.server.url + "/healthz") as response:
        assert response.status == 200
        assert (await response.json())["database"] == "ok"


async def test_the_privacy_audit_catches_a_leak(bot: Harness) -> None:
    """The teardown audit is not vacuous: text that reaches a log record fails it."""
    import logging

    await bot.send_message(SECRET_TEXT)
    await bot.settle()
    logging.getLogger("bot.leaky").info("oops: %s", SECRET_TEXT)
    with pytest.raises(AssertionError, match="message text reached the logs"):
        audit_privacy(bot, "", None)
    bot.logs.lines.clear()
