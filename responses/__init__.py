"""Boundary Bot: responses package."""
