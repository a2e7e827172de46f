"""The pre-Bolt request checks: 401 for signature problems, 400 for malformed payloads."""

from __future__ import annotations

import json
import time

import pytest

from bot.request_guard import RequestRejected, check_payload, sign, verify_signature

SECRET = "test-signing-secret"
BODY = b'{"type":"event_callback","event_id":"Ev1"}'


def _headers(ts: str, sig: str) -> dict[str, str]:
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig}


def test_valid_signature_passes() -> None:
    ts = str(int(time.time()))
    verify_signature(_headers(ts, sign(SECRET, ts, BODY)), BODY, SECRET)


def test_header_names_are_case_insensitive() -> None:
    ts = str(int(time.time()))
    headers = {"x-slack-request-timestamp": ts, "x-slack-signature": sign(SECRET, ts, BODY)}
    verify_signature(headers, BODY, SECRET)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda ts: ({}, BODY), "missing signature headers"),
        (lambda ts: ({"X-Slack-Request-Timestamp": ts}, BODY), "missing signature headers"),
        (lambda ts: (_headers("abc", sign(SECRET, "abc", BODY)), BODY), "malformed timestamp"),
        (lambda ts: (_headers("9" * 400, "v0=00"), BODY), "malformed timestamp"),
        (lambda ts: (_headers("-5", "v0=00"), BODY), "malformed timestamp"),
        (lambda ts: (_headers("１２３", "v0=00"), BODY), "malformed timestamp"),
        (
            lambda ts: (
                _headers(str(int(ts) - 301), sign(SECRET, str(int(ts) - 301), BODY)),
                BODY,
            ),
            "stale timestamp",
        ),
        (lambda ts: (_headers(ts, sign("other-secret", ts, BODY)), BODY), "bad signature"),
        (lambda ts: (_headers(ts, sign(SECRET, ts, BODY)), BODY[:-1] + b"]"), "bad signature"),
        (lambda ts: (_headers(ts, "v0=é"), BODY), "bad signature"),
    ],
)
def test_rejections_are_401(make, reason: str) -> None:  # type: ignore[no-untyped-def]
    headers, body = make(str(int(time.time())))
    with pytest.raises(RequestRejected) as info:
        verify_signature(headers, body, SECRET)
    assert info.value.status == 401
    assert info.value.reason == reason


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", b"{not json"),
        ("application/json", b"[1, 2]"),
        ("application/json", b"\xff\xfe"),
        ("application/json", b""),
        ("application/json", b"[" * 100_000),
        ("application/x-www-form-urlencoded", b"payload=%7Bbroken"),
        ("application/x-www-form-urlencoded", b"payload=" + b"%5B1%5D"),
        ("application/x-www-form-urlencoded", b"hello"),
        ("text/xml", b"<a/>"),
    ],
)
def test_malformed_payloads_are_400(content_type: str, body: bytes) -> None:
    with pytest.raises(RequestRejected) as info:
        check_payload(content_type, body)
    assert info.value.status == 400


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", BODY),
        ("application/json; charset=utf-8", BODY),
        ("application/x-www-form-urlencoded", b"command=%2Fboundary&text=help&user_id=U1"),
        (
            "application/x-www-form-urlencoded",
            b"payload=" + json.dumps({"type": "block_actions"}).encode(),
        ),
    ],
)
def test_well_formed_payloads_pass(content_type: str, body: bytes) -> None:
    check_payload(content_type, body)
