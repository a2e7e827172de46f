"""Boundary Bot: bot package."""
