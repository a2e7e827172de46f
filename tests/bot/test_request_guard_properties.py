"""Property tests (hypothesis) over the request guard: whatever bytes and headers arrive,
the only outcomes are "accepted" or the documented RequestRejected 400/401/413."""

from __future__ import annotations

import json
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.request_guard import RequestRejected, check_payload, sign, verify_signature

SECRET = "property-secret"
CONTENT_TYPES = st.sampled_from(
    [
        "application/json",
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=utf-8",
        "",
        "text/plain",
        "multipart/form-data",
    ]
)
REASONS = {
    "body is not UTF-8",
    "empty body",
    "malformed JSON body",
    "JSON body is not an object",
    "malformed form body",
    "malformed interactivity payload",
    "interactivity payload is not an object",
    "form body is neither a command nor a payload",
    "unsupported content type",
}
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(content_type=CONTENT_TYPES, body=st.binary(max_size=2000))
def test_any_bytes_are_accepted_or_refused_with_400(content_type: str, body: bytes) -> None:
    try:
        check_payload(content_type, body)
    except RequestRejected as exc:
        assert exc.status == 400
        assert exc.reason in REASONS  # fixed strings: never a piece of the body


@settings(max_examples=200, deadline=None)
@given(value=JSON_VALUES, content_type=st.sampled_from(["application/json", ""]))
def test_any_json_is_accepted_only_as_an_object(value: object, content_type: str) -> None:
    body = json.dumps(value).encode()
    try:
        check_payload(content_type, body)
    except RequestRejected as exc:
        assert exc.status == 400
    else:
        assert isinstance(value, dict)


@settings(max_examples=200, deadline=None)
@given(
    payload=st.text(max_size=500),
    extra=st.dictionaries(st.text(max_size=10), st.text(max_size=30), max_size=3),
)
def test_any_form_payload_is_accepted_or_refused_with_400(
    payload: str, extra: dict[str, str]
) -> None:
    from urllib.parse import urlencode

    body = urlencode({"payload": payload, **extra}).encode()
    try:
        check_payload("application/x-www-form-urlencoded", body)
    except RequestRejected as exc:
        assert exc.status == 400


@settings(max_examples=300, deadline=None)
@given(
    timestamp=st.one_of(st.text(max_size=450), st.integers().map(str)),
    signature=st.text(max_size=80),
    body=st.binary(max_size=200),
)
def test_any_headers_are_refused_with_401_never_another_error(
    timestamp: str, signature: str, body: bytes
) -> None:
    headers = {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": signature}
    try:
        verify_signature(headers, body, SECRET)
    except RequestRejected as exc:
        assert exc.status == 401
    else:  # only a correct signature over a fresh timestamp passes
        assert signature.strip() == sign(SECRET, timestamp.strip(), body)


@settings(max_examples=100, deadline=None)
@given(body=st.binary(max_size=500), flip=st.integers(min_value=0, max_value=499))
def test_a_signed_body_changed_by_one_byte_is_refused(body: bytes, flip: int) -> None:
    if not body:
        body = b"x"
    ts = str(int(time.time()))
    headers = {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sign(SECRET, ts, body)}
    verify_signature(headers, body, SECRET)
    index = flip % len(body)
    altered = body[:index] + bytes([body[index] ^ 0x01]) + body[index + 1 :]
    try:
        verify_signature(headers, altered, SECRET)
    except RequestRejected as exc:
        assert exc.status == 401
    else:
        raise AssertionError("an altered body passed verification")
