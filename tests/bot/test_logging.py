"""Redaction: Slack libraries cannot log bodies, tokens or emails through any handler."""

from __future__ import annotations

import logging

import pytest

from bot.logging import bolt_base_logger, pin_library_loggers, redact


@pytest.mark.parametrize(
    ("raw", "leaked"),
    [
        ("token xoxb-123-456-abcdef used", "xoxb-123-456-abcdef"),
        ("app token xapp-1-A0-123-ff", "xapp-1-A0-123-ff"),
        ("mail jane.doe@clinic.example.org now", "jane.doe@clinic.example.org"),
        ('{"text": "met my client for drinks", "user": "U1"}', "met my client"),
        ("command=%2Fboundary&text=my+client+gift&user_id=U1", "my+client+gift"),
        ("sig v0=0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef"),
        ("client_secret=abcdef123", "abcdef123"),
    ],
)
def test_redact_removes_secrets(raw: str, leaked: str) -> None:
    assert leaked not in redact(raw)


def test_error_codes_survive_redaction() -> None:
    assert "error=user_not_in_channel" in redact("failed: error=user_not_in_channel status=200")


def test_bolt_body_logs_are_withheld_even_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    pin_library_loggers()
    base = bolt_base_logger()
    # Bolt creates loggers like this, copying level and filters from the base logger.
    child = logging.getLogger("boundary-bot:some_listener")
    child.setLevel(base.level)
    for f in base.filters:
        child.addFilter(f)
    child.warning("request body: {'text': 'hugged my client'}")
    logging.getLogger("slack_bolt.AsyncApp").warning("Unhandled request (body: my client PHI)")
    logging.getLogger("slack_sdk.web.async_client").warning(
        "Received the following response - body: {'token': 'xoxb-9-9'}"
    )
    logging.getLogger("slack_sdk.web.async_client").debug("debug body my client PHI")
    assert "client" not in caplog.text.replace("async_client", "")
    assert "xoxb-9-9" not in caplog.text


def test_exceptions_keep_type_but_not_text(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    pin_library_loggers()
    log = logging.getLogger("bot.test")
    try:
        raise ValueError("secret clinical words")
    except ValueError:
        log.exception("handled")
    assert "secret clinical words" not in caplog.text
    assert "ValueError" in caplog.text
