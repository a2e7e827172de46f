"""Boundary Bot: classifiers package."""
