"""Tests for the fake Slack Web API and the local sandbox."""
