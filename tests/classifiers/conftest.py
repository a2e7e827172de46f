"""Fixtures of the classifier tests: one real classifier per session (loading takes ~0.3 s)."""

from __future__ import annotations

import pytest

from classifiers import Classifier, load_classifier


@pytest.fixture(scope="session")
def classifier() -> Classifier:
    """The classifier with the bundled rules only."""
    return load_classifier(None)
