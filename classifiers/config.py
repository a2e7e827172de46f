"""Settings the classifier reads: an extra organisation rule directory, the size limit,
whether the learned scorer may add findings (``classifiers.scorer``; on by default), and
how many new words the vocabulary may keep, and where the phrase tables are cached between
processes (:mod:`classifiers.tablecache`).

``load_classifier`` accepts any object with ``rules_dir`` and ``max_chars`` attributes (and,
optionally, ``learned_additions`` and ``vocab_budget``; the app's own settings object
qualifies); without one it reads the environment through :class:`ClassifierSettings`
(``RULES_DIR``, ``BOUNDARY_MAX_CHARS``, ``BOUNDARY_LEARNED_ADDITIONS``,
``BOUNDARY_VOCAB_BUDGET``, ``BOUNDARY_BUILD_CACHE``, ``BOUNDARY_CACHE_DIR``; the cache
defaults to ``$XDG_CACHE_HOME/boundary-bot``, else ``~/.cache/boundary-bot``).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

#: Longer messages are not classified (``Assessment.skipped == "too_long"``).
DEFAULT_MAX_CHARS = 40_000
#: How many strings the vocabulary may learn after loading (about 0.5 KB each with their
#: lexemes and tokenizer-cache entries) before new words are kept only while the message
#: that holds them is classified (see :class:`classifiers.engine.Classifier`).
DEFAULT_VOCAB_BUDGET = 50_000


class ClassifierSettings(BaseSettings):
    """Typed classifier settings read from the environment."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    rules_dir: Path | None = Field(
        default=None, validation_alias=AliasChoices("RULES_DIR", "BOUNDARY_RULES_DIR")
    )
    max_chars: int = Field(
        default=DEFAULT_MAX_CHARS, ge=1, validation_alias=AliasChoices("BOUNDARY_MAX_CHARS")
    )
    learned_additions: bool = Field(
        default=True, validation_alias=AliasChoices("BOUNDARY_LEARNED_ADDITIONS")
    )
    vocab_budget: int = Field(
        default=DEFAULT_VOCAB_BUDGET, ge=0, validation_alias=AliasChoices("BOUNDARY_VOCAB_BUDGET")
    )
    build_cache: bool = Field(default=True, validation_alias=AliasChoices("BOUNDARY_BUILD_CACHE"))
    cache_dir: Path | None = Field(
        default=None, validation_alias=AliasChoices("BOUNDARY_CACHE_DIR")
    )
