"""Suite-wide fixtures: every test runs with a clean, isolated environment."""

from __future__ import annotations

import os

import pytest

_PREFIXES = (
    "SLACK_",
    "DATABASE_URL",
    "PSEUDONYM_KEY",
    "TOKEN_ENCRYPTION_KEY",
    "RULES_DIR",
    "GUIDANCE_DIR",
    "LOG_LEVEL",
    "PORT",
    "RETENTION_DAYS",
    "MIN_GROUP_SIZE",
    "BOUNDARY_",
)


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Remove every setting Boundary Bot reads, so the developer's shell cannot leak in."""
    for name in list(os.environ):
        if name.startswith(_PREFIXES):
            monkeypatch.delenv(name, raising=False)
