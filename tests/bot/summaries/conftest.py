"""Summary tests reuse the shared DB fixtures (tests/bot/conftest.py) and the scenario
fixtures: the real app over HTTP against the fake Slack Web API."""

from tests.bot.scenarios.conftest import bot, classifier, fake_slack, guidance

__all__ = ["bot", "classifier", "fake_slack", "guidance"]
