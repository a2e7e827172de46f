"""Signed Slack requests for the benchmarks and scale tests, as raw HTTP/1.1 bytes.

Nothing here imports our own application code: the requests are built exactly as Slack
would send them (v0 signature, Events API envelope, slash-command form).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.parse
from typing import Any

SIGNING_SECRET = "bench-signing-secret-0123456789abcdef"
BOT_TOKEN = "xoxb-bench-token"
TEAM_ID = "T0BENCH"
EVENTS_PATH = "/slack/events"

#: Synthetic messages (written for the benchmark, no real data) that each describe one risky
#: situation; every one should produce exactly one private nudge.
RISKY_TEXTS = (
    "my client invited me to her birthday party on saturday, is it ok if I go?",
    "one of my patients sent me a friend request on facebook last night",
    "should I give my personal cell number to a client so she can text me between sessions?",
    "a client asked me out for dinner after our session today",
    "my patient gave me a really expensive watch as a thank you gift",
    "I told my sister about my patient's diagnosis over dinner last night",
    "my client wants to follow me on instagram, should I accept?",
    "I hugged my client at the end of the session and held her for a while",
    "a client sent me a connection request on linkedin",
    "my patient invited me to his wedding next month",
    "can I text my client from my personal phone to remind her about tomorrow?",
)

#: Synthetic everyday clinical-team chatter (no real data) that must never produce a nudge:
#: the bulk of what a bot in a clinicians' channel reads.
BENIGN_TEXTS = (
    "The client portal is down again, discharge date moved to Friday",
    "can someone cover my 3pm intake? running late from the hospital",
    "reminder: team huddle at 8:30 in room 204",
    "I need to hug my kids tonight, rough shift",
    "anyone up for drinks after shift on friday?",
    "new group therapy schedule is posted on the shared drive",
    "please update the treatment plan template before the audit",
    "the fax machine on 3 west is jammed again",
    "supervision notes are due by end of week",
    "does anyone know the code for the supply closet?",
    "great job on the case presentation today everyone",
    "parking lot B is closed tomorrow for repaving",
    "we are out of intake packets, I'll print more",
    "CE credits for the ethics workshop are now on the portal",
    "lunch is in the break room, help yourselves",
    "the EHR will be down for maintenance from 10pm to 2am",
    "who has the key to the group room?",
    "I am working from home on thursday, call my work line if needed",
    "remember to document no-shows within 24 hours",
    "the new hire orientation starts monday at 9",
)


def sign(secret: str, body: bytes, timestamp: int) -> dict[str, str]:
    """Return Slack's signature headers for ``body`` sent at ``timestamp`` (v0 HMAC-SHA256)."""
    base = b"v0:" + str(timestamp).encode() + b":" + body
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": f"v0={digest}"}


def http_request(
    host: str, port: int, body: bytes, content_type: str, extra: dict[str, str], path: str
) -> bytes:
    """Serialise one HTTP/1.1 POST request (keep-alive) to raw bytes."""
    lines = [
        f"POST {path} HTTP/1.1",
        f"Host: {host}:{port}",
        f"Content-Type: {content_type}",
        f"Content-Length: {len(body)}",
        *(f"{k}: {v}" for k, v in extra.items()),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def event_payload(
    *, text: str, user: str, channel: str, event_id: str, team: str = TEAM_ID
) -> dict[str, Any]:
    """A ``message`` event callback as Slack's Events API delivers it."""
    now = time.time()
    ts = f"{now:.6f}"
    return {
        "token": "legacy-verification-token",
        "team_id": team,
        "api_app_id": "A0BENCH",
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(now),
        "is_ext_shared_channel": False,
        "authorizations": [
            {"team_id": team, "user_id": "U0BOT", "is_bot": True, "is_enterprise_install": False}
        ],
        "event": {
            "type": "message",
            "channel": channel,
            "channel_type": "channel",
            "user": user,
            "text": text,
            "ts": ts,
            "event_ts": ts,
            "team": team,
        },
    }


def event_request(
    host: str,
    port: int,
    *,
    text: str,
    user: str,
    channel: str,
    event_id: str,
    secret: str = SIGNING_SECRET,
    retry_num: int | None = None,
    team: str = TEAM_ID,
) -> bytes:
    """A complete signed HTTP request delivering one message event."""
    payload = event_payload(text=text, user=user, channel=channel, event_id=event_id, team=team)
    body = json.dumps(payload).encode()
    headers = sign(secret, body, int(time.time()))
    if retry_num is not None:
        headers["X-Slack-Retry-Num"] = str(retry_num)
        headers["X-Slack-Retry-Reason"] = "http_timeout"
    return http_request(host, port, body, "application/json", headers, EVENTS_PATH)


def slash_form(
    *, text: str, user: str, channel: str, trigger_id: str, response_url: str, team: str = TEAM_ID
) -> dict[str, str]:
    """The form fields of a ``/boundary`` slash command invocation."""
    return {
        "token": "legacy-verification-token",
        "team_id": team,
        "team_domain": "bench",
        "channel_id": channel,
        "channel_name": "bench",
        "user_id": user,
        "user_name": "clinician",
        "command": "/boundary",
        "text": text,
        "api_app_id": "A0BENCH",
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": trigger_id,
    }


def slash_request(host: str, port: int, *, secret: str = SIGNING_SECRET, **fields: str) -> bytes:
    """A complete signed HTTP request for ``/boundary`` (fields as for ``slash_form``)."""
    body = urllib.parse.urlencode(slash_form(**fields)).encode()
    headers = sign(secret, body, int(time.time()))
    return http_request(host, port, body, "application/x-www-form-urlencoded", headers, EVENTS_PATH)
