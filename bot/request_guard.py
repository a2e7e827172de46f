"""Checks every HTTP request from Slack passes before Bolt sees it.

Stock Bolt answers 500 to a non-numeric or 400-digit timestamp, logs rejected bodies at
INFO and parses JSON before verifying the signature (so malformed JSON is a 500). These
functions run first, on the raw bytes, and raise :class:`RequestRejected` with the HTTP
status to answer: 401 for anything wrong with the signature or timestamp, 400 for a
payload that is not what Slack sends, 413 for a body over the limit. The reasons are
fixed strings: they never quote the body or a header value.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs

from bot.errors import BoundaryBotError

#: A Unix timestamp in seconds has 10 digits until 2286; anything longer is forged.
_MAX_TIMESTAMP_DIGITS = 12


class RequestRejected(BoundaryBotError):
    """A request that must be refused with ``status``; ``reason`` is safe to log."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(f"request rejected with HTTP {status}: {reason}")
        self.status = status
        self.reason = reason


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is None:
        lowered = name.lower()
        for key, val in headers.items():
            if key.lower() == lowered:
                value = val
                break
    return value


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """Slack's ``v0=`` signature of ``body`` at ``timestamp`` (used by tests and the sandbox)."""
    base = b"v0:" + timestamp.encode("ascii") + b":" + body
    return "v0=" + hmac.new(secret.encode("utf-8"), base, hashlib.sha256).hexdigest()


def verify_signature(
    headers: Mapping[str, str],
    body: bytes,
    secret: str,
    *,
    max_age_seconds: int = 300,
    now: float | None = None,
) -> None:
    """Raise RequestRejected(401) unless ``body`` carries a fresh, valid Slack signature."""
    timestamp = _header(headers, "X-Slack-Request-Timestamp")
    signature = _header(headers, "X-Slack-Signature")
    if not timestamp or not signature:
        raise RequestRejected(401, "missing signature headers")
    timestamp = timestamp.strip()
    if not timestamp.isascii() or not timestamp.isdigit() or len(timestamp) > _MAX_TIMESTAMP_DIGITS:
        raise RequestRejected(401, "malformed timestamp")
    current = time.time() if now is None else now
    if abs(current - int(timestamp)) > max_age_seconds:
        raise RequestRejected(401, "stale timestamp")
    if not signature.isascii():
        raise RequestRejected(401, "bad signature")
    base = b"v0:" + timestamp.encode("ascii") + b":" + body
    expected = b"v0=" + hmac.digest(secret.encode("utf-8"), base, "sha256").hex().encode("ascii")
    if not hmac.compare_digest(expected, signature.strip().encode("ascii")):
        raise RequestRejected(401, "bad signature")


def check_payload(content_type: str, body: bytes) -> dict[str, Any] | None:
    """Raise RequestRejected(400) unless ``body`` parses the way Bolt will parse it.

    Returns the parsed object of a JSON body (events), None for a form body.
    """
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise RequestRejected(400, "body is not UTF-8") from None
    if not text or text.isspace():
        raise RequestRejected(400, "empty body")
    media = content_type.split(";", 1)[0].strip().lower()
    if media == "application/json" or (not media and text.lstrip().startswith("{")):
        return _load_object(text, "JSON body")
    if media in ("application/x-www-form-urlencoded", ""):
        try:
            form = parse_qs(text, keep_blank_values=True, strict_parsing=True)
        except ValueError:
            raise RequestRejected(400, "malformed form body") from None
        if "payload" in form:
            _load_object(form["payload"][0], "interactivity payload")
        elif "command" not in form and "ssl_check" not in form:
            raise RequestRejected(400, "form body is neither a command nor a payload")
        return None
    raise RequestRejected(400, "unsupported content type")


def _load_object(text: str, what: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        raise RequestRejected(400, f"malformed {what}") from None
    if not isinstance(value, dict):
        raise RequestRejected(400, f"{what} is not an object")
    return value
