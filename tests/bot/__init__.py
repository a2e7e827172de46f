"""Tests for the Slack app package ``bot``."""
