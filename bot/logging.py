"""Logging that cannot leak message text, tokens or email addresses.

Three layers:

1. ``slack_bolt``, ``slack_sdk`` and ``aiohttp.access`` are pinned to WARNING or above.
   Bolt logs whole request bodies at INFO (a rejected signature, "request body: ...") and
   the Web API client logs whole response bodies at DEBUG, which would put clinical
   messages and OAuth tokens into the logs.
2. :func:`install_redaction` installs a log-record factory that rewrites every record at
   creation, before any handler sees it: Slack tokens, email addresses, signatures and
   ``"text"`` fields are replaced, a record from a Slack library that mentions a request or
   response body is replaced by a fixed line, and exception tracebacks are reduced to the
   exception type and the file:line that raised it (exception messages can quote payloads).
3. Our own code never logs text; it logs ids, counts and error codes.
"""

from __future__ import annotations

import logging
import re
import sys
from typing import Final

PINNED_LOGGERS: Final = (
    "slack_bolt",
    "slack_sdk",
    "aiohttp.access",
    "aiohttp.client",
    "aiosqlite",
    "asyncpg",
    "sqlalchemy.engine",
)

#: The base logger handed to ``AsyncApp(logger=...)``.
BOLT_BASE_LOGGER_NAME: Final = "slack_bolt.boundary_bot"

_TOKEN_RE = re.compile(r"\bx(?:ox[abposre]|app)-[A-Za-z0-9-]+")
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_SIGNATURE_RE = re.compile(r"v0=[0-9a-fA-F]{16,}")
_JSON_TEXT_RE = re.compile(r"""(["']text["']\s*:\s*)(["'])(?:\\.|(?!\2).)*\2""", re.DOTALL)
_FORM_TEXT_RE = re.compile(r"(\btext=)[^&\s]*")
_SECRET_FIELD_RE = re.compile(
    r"""(["']?(?:token|access_token|refresh_token|bot_token|client_secret|signing_secret|"""
    r"""response_url|email)["']?\s*[:=]\s*)(["']?)[^"'&,\s}]+\2""",
    re.IGNORECASE,
)
_BODY_HINT_RE = re.compile(r"body|payload|\btext\b|response_url", re.IGNORECASE)
_WITHHELD: Final = "[withheld: a Slack library message that may contain a request or response body]"


def redact(message: str) -> str:
    """Return ``message`` with tokens, emails, signatures and text fields replaced."""
    message = _TOKEN_RE.sub("[token]", message)
    message = _SIGNATURE_RE.sub("v0=[signature]", message)
    message = _JSON_TEXT_RE.sub(r"\1\2[text]\2", message)
    message = _FORM_TEXT_RE.sub(r"\1[text]", message)
    message = _SECRET_FIELD_RE.sub(r"\1\2[redacted]\2", message)
    return _EMAIL_RE.sub("[email]", message)


def _scrub(record: logging.LogRecord) -> None:
    """Rewrite ``record`` in place: redacted message, no args, no exception text."""
    if getattr(record, "_boundary_redacted", False):
        return
    try:
        message = record.getMessage()
    except Exception:  # a broken format string must not take logging down
        message = str(record.msg)
    from_slack_lib = record.name.startswith(("slack_bolt", "slack_sdk", "aiohttp"))
    if from_slack_lib and _BODY_HINT_RE.search(message):
        message = _WITHHELD
    message = redact(message)
    if record.exc_info:
        # Exception messages may quote payloads: keep the type and where it was raised.
        exc_type, _, tb = record.exc_info
        name = exc_type.__name__ if exc_type is not None else "Exception"
        where = ""
        while tb is not None and tb.tb_next is not None:
            tb = tb.tb_next
        if tb is not None:
            where = f" at {tb.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{tb.tb_lineno}"
        message = f"{message} [{name}{where}]"
        record.exc_info = None
    record.exc_text = None
    record.stack_info = None
    record.msg = message
    record.args = ()
    record._boundary_redacted = True


class RedactionFilter(logging.Filter):
    """A filter form of the redaction, for handlers that receive foreign records."""

    def filter(self, record: logging.LogRecord) -> bool:
        _scrub(record)
        return True


_FILTER = RedactionFilter()
_BASE_FACTORY = logging.getLogRecordFactory()


def _redacting_factory(*args: object, **kwargs: object) -> logging.LogRecord:
    record = _BASE_FACTORY(*args, **kwargs)
    _scrub(record)
    return record


def install_redaction() -> None:
    """Redact every log record of the process at creation, before any handler (caplog too).

    Logger filters only apply to records created by that exact logger, so a filter on
    ``slack_bolt`` would miss ``slack_bolt.middleware...``; the record factory does not.
    """
    if logging.getLogRecordFactory() is not _redacting_factory:
        logging.setLogRecordFactory(_redacting_factory)


def bolt_base_logger() -> logging.Logger:
    """The logger passed to ``AsyncApp(logger=...)``: WARNING and redacting, copied by Bolt."""
    logger = logging.getLogger(BOLT_BASE_LOGGER_NAME)
    logger.setLevel(logging.WARNING)
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)
    return logger


def pin_library_loggers() -> None:
    """Pin the Slack libraries' loggers to WARNING+ and install the redaction.

    Safe to call repeatedly; ``create_app`` calls it so tests get the protection too.
    """
    install_redaction()
    for name in PINNED_LOGGERS:
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET or logger.level < logging.WARNING:
            logger.setLevel(logging.WARNING)
    # Loggers Bolt already created carry an explicit level copied from the root logger.
    for name, existing in list(logging.root.manager.loggerDict.items()):
        if (
            isinstance(existing, logging.Logger)
            and name.startswith(("slack_bolt", "slack_sdk"))
            and existing.level < logging.WARNING
        ):
            existing.setLevel(logging.WARNING)
    bolt_base_logger()


def configure_logging(level: str = "INFO") -> None:
    """Configure the process: one stderr handler with redaction, ``level`` for our code."""
    numeric = logging.getLevelName(level.upper())
    if not isinstance(numeric, int):
        numeric = logging.INFO
    root = logging.getLogger()
    handler = next((h for h in root.handlers if getattr(h, "_boundary_bot", False)), None)
    if handler is None:
        handler = logging.StreamHandler(sys.stderr)
        handler._boundary_bot = True  # type: ignore[attr-defined]
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.addFilter(_FILTER)
        root.addHandler(handler)
    root.setLevel(numeric)
    pin_library_loggers()
