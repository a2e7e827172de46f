"""Suite-wide fixtures: every test runs with a clean, isolated environment."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

_CACHE_HOME = pytest.StashKey[tuple[str | None, str | None]]()

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
    "BUILD_CACHE",
    "CACHE_DIR",
)


def pytest_configure(config: pytest.Config) -> None:
    """Give the session its own cache directory, so the classifier's phrase-table cache
    (classifiers/tablecache.py) neither reads nor fills the developer's: the first load of
    the session computes the tables, later ones read them."""
    directory = tempfile.mkdtemp(prefix="boundary-bot-test-cache-")
    config.stash[_CACHE_HOME] = (directory, os.environ.get("XDG_CACHE_HOME"))
    os.environ["XDG_CACHE_HOME"] = directory


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the session's cache directory and restore ``XDG_CACHE_HOME``."""
    directory, before = config.stash.get(_CACHE_HOME, (None, None))
    if directory is None:
        return
    shutil.rmtree(directory, ignore_errors=True)
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Remove every setting Boundary Bot reads, so the developer's shell cannot leak in."""
    for name in list(os.environ):
        if name.startswith(_PREFIXES):
            monkeypatch.delenv(name, raising=False)
