"""Boundary Bot's classifier: spaCy rules that recognise professional-boundary situations.

Use :func:`load_classifier` and then ``.assess(text)`` / ``.assess_many(texts)``. Result
models live in :mod:`classifiers.models`. This package imports nothing else of ours and
nothing of Slack.
"""

from .engine import Classifier, from_disk, load_classifier
from .errors import ClassifierError, InputError, RuleDirectoryError, RuleError
from .models import (
    CATEGORIES,
    SEVERITY_ORDER,
    Assessment,
    ContextHit,
    Evidence,
    Finding,
    SuppressedFinding,
)

__all__ = [
    "CATEGORIES",
    "SEVERITY_ORDER",
    "Assessment",
    "Classifier",
    "ClassifierError",
    "ContextHit",
    "Evidence",
    "Finding",
    "InputError",
    "RuleDirectoryError",
    "RuleError",
    "SuppressedFinding",
    "from_disk",
    "load_classifier",
]
